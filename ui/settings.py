"""Preferences and recent projects, kept where platformdirs says.

A JSON file in the user config folder. It survives upgrades (unknown keys are
kept, missing keys take defaults), and a broken file is set aside and replaced
with defaults plus a warning for the user, never a crash.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "arabic-event-annotator"
MAX_RECENT = 10
MAX_LAST_DOCUMENTS = 100  # projects whose last open document is kept


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass
class Settings:
    language: str = ""  # "" follows the system; "en" or "ar"
    digits: str = ""  # "arabic-indic" or "latin"; "" takes the language's own (ui/i18n.py)
    coder: str = ""
    font_size: int = 16
    theme: str = "light"  # light or dark
    recent: list[str] = field(default_factory=list)
    welcome_dismissed: bool = False
    auto_suggest: bool = True  # run the suggesters when a document is opened for the first time
    window_geometry: str = ""
    keys: dict[str, str] = field(default_factory=dict)  # command id -> keys the user chose ("coder.done": "Ctrl+D")
    last_document: dict[str, str] = field(default_factory=dict)  # project path -> key of the document last open in it

    def remember_document(self, project: Path, key: str) -> None:
        """The document to reopen ``project`` on; keyed by the document's key, which a re-import keeps."""
        path = str(Path(project).resolve())
        self.last_document.pop(path, None)  # the newest last, so the oldest go first past the limit
        self.last_document[path] = key
        for stale in list(self.last_document)[:-MAX_LAST_DOCUMENTS]:
            del self.last_document[stale]

    def document_of(self, project: Path) -> str | None:
        return self.last_document.get(str(Path(project).resolve()))

    def add_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        self.recent = [entry] + [p for p in self.recent if p != entry][: MAX_RECENT - 1]


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings, and a warning to show when the file had to be replaced."""
    path = settings_path()
    if not path.exists():
        return Settings(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        known = {f.name: f for f in fields(Settings)}
        settings = Settings()
        for name, value in data.items():
            if name in known and isinstance(value, type(getattr(settings, name))):
                setattr(settings, name, value)
        settings.recent = [p for p in settings.recent if isinstance(p, str)]
        # An entry this version cannot read is left out here; the keymaps skip unknown commands and keys.
        settings.keys = {k: v for k, v in settings.keys.items() if isinstance(k, str) and isinstance(v, str)}
        settings.last_document = {k: v for k, v in settings.last_document.items() if isinstance(v, str)}
        return settings, None
    except (OSError, ValueError) as exc:
        broken = path.with_name("settings.broken.json")
        with contextlib.suppress(OSError):
            os.replace(path, broken)
        return Settings(), f"The settings file {path} could not be read ({exc}); defaults are used and the old file was kept as {broken.name}."


def save_settings(settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the previous file whole."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(settings), handle, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
