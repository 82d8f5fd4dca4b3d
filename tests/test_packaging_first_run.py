"""First run as a coder meets it: the demo project, a welcome that can be dismissed for
good, settings where platformdirs says that survive an upgrade, and a broken settings
file that costs a warning, not the app. ``ui.app.run`` is driven for real; only the
modal dialogs are answered by the test and the event loop is left at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.app
import ui.coder.dialogs
from annotator import __version__
from ui.coder.main_window import MainWindow
from ui.i18n import install_language
from ui.settings import Settings, config_dir, data_dir, load_settings, save_settings, settings_path


@dataclass
class Welcome:
    """The coder's answers to the welcome ("do not show again" ticked?), and where it was shown."""

    answers: list[bool] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)

    def __call__(self, window: MainWindow) -> bool:
        self.shown.append(str(window.project.path))
        return self.answers.pop(0)


@pytest.fixture
def first_run(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[Welcome]:
    welcome = Welcome()
    monkeypatch.setattr(ui.coder.dialogs, "welcome", welcome)
    yield welcome
    for window in ui.app._windows:  # noqa: SLF001 - the app's own registry of open windows
        window.close()
    ui.app._windows.clear()  # noqa: SLF001
    install_language(qapp, "en")


def run_once() -> int:
    """``ui.app.run(None)`` as the desktop entry starts it; the event loop ends as soon as it begins."""
    # A real run is a new process: the previous one has ended and freed its project (one writer).
    for window in ui.app._windows:  # noqa: SLF001 - the app's own registry of open windows
        window.close()
    QTimer.singleShot(0, lambda: QApplication.exit(0))  # exit, not quit: quit closes the windows
    return ui.app.run(None)


def test_the_first_run_opens_the_demo_project_and_the_welcome_can_be_dismissed_for_good(first_run) -> None:
    first_run.answers.extend([False, True])
    assert not settings_path().exists()

    assert run_once() == 0
    demo = data_dir() / "demo.db"
    assert demo.exists()
    assert first_run.shown == [str(demo)]
    window = ui.app._windows[-1]  # noqa: SLF001
    assert window.project.path == demo and window.project.documents()  # the demo corpus is in it
    settings, warning = load_settings()
    assert warning is None and settings.welcome_dismissed is False
    assert settings.recent == [str(demo.resolve())]

    assert run_once() == 0  # not dismissed: shown again, and this time dismissed
    assert len(first_run.shown) == 2
    assert load_settings()[0].welcome_dismissed is True

    assert run_once() == 0  # dismissed for good
    assert len(first_run.shown) == 2 and first_run.answers == []


def test_the_welcome_dialog_reports_do_not_show_again(qtbot, tmp_path: Path) -> None:
    from annotator.store.project import Project

    project = Project.create(tmp_path / "p.db", coder="amal")
    window = MainWindow(project, Settings())
    qtbot.addWidget(window)
    seen: list[str] = []

    def answer(tick: bool) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, lambda: answer(tick))
            return
        seen.append(box.text())
        box.checkBox().setChecked(tick)
        box.accept()

    QTimer.singleShot(0, lambda: answer(True))
    assert ui.coder.dialogs.welcome(window) is True
    QTimer.singleShot(0, lambda: answer(False))
    assert ui.coder.dialogs.welcome(window) is False
    assert "Ctrl+Z" in seen[0] and "Import" in seen[0]  # the keys to know and how to import
    window.close()


def test_a_broken_settings_file_costs_a_warning_not_the_app(first_run, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(ui.app.QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    first_run.answers.append(True)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(b"\x00\xff{ half a file")

    assert run_once() == 0
    assert len(warnings) == 1 and "settings.broken.json" in warnings[0]
    assert settings_path().with_name("settings.broken.json").read_bytes() == b"\x00\xff{ half a file"
    settings, warning = load_settings()  # replaced by a good file
    assert warning is None and settings.welcome_dismissed is True


def test_settings_written_by_an_older_version_survive_an_upgrade(first_run) -> None:
    # What 0.0.x wrote: fewer keys, and none of the ones added since.
    older = {"language": "en", "coder": "amal", "font_size": 20, "recent": [], "welcome_dismissed": True}
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps(older), encoding="utf-8")

    assert run_once() == 0  # no welcome: it was dismissed before the upgrade
    assert first_run.shown == []
    settings, warning = load_settings()
    assert warning is None
    assert (settings.coder, settings.font_size, settings.welcome_dismissed) == ("amal", 20, True)
    assert settings.theme == Settings().theme  # a key the old file lacked takes its default
    assert settings.recent == [str((data_dir() / "demo.db").resolve())]


def test_settings_and_data_live_where_platformdirs_says_not_per_version(_isolated_home: Path) -> None:
    # conftest points XDG_* at a throwaway home; the app's folders follow platformdirs there.
    assert config_dir() == Path(platformdirs.user_config_dir("arabic-event-annotator"))
    assert data_dir() == Path(platformdirs.user_data_dir("arabic-event-annotator"))
    assert config_dir().is_relative_to(_isolated_home) and data_dir().is_relative_to(_isolated_home)
    # No version in the path: an upgrade (pip or a new bundle) finds the same settings and recent files.
    assert __version__ not in str(config_dir()) and __version__ not in str(data_dir())
    save_settings(Settings(coder="omar"))
    assert settings_path().parent == config_dir()
    assert json.loads(settings_path().read_text(encoding="utf-8"))["coder"] == "omar"
