"""``annotator example FOLDER``: the README tour's inputs, written anywhere.

The sources ship inside the package (``resources/demo`` for the articles,
``resources/example`` for the rest), so the tour works the same from a checkout, a
wheel and the bundle. The two coders' project files are not shipped: they are built
here through the public API from ``coders.json`` (spans named by their words), so
they always have the schema of the running version. Their span and event ids are
derived from what they hold, so the ids the README shows are the ids a reader gets.
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import ValidationError
from annotator.importing.run import import_sources
from annotator.models import Status
from annotator.resources_path import resource_path
from annotator.store.project import Project

# Shipped files copied as they are: (source under resources/, name in the example folder).
COPIED = (
    (("demo",), "articles"),
    (("example", "export.csv"), "export.csv"),
    (("example", "batch.jsonl"), "batch.jsonl"),
    (("example", "brat-folder"), "brat-folder"),
    (("example", "README.md"), "README.md"),
)
CODERS_FILE = ("example", "coders.json")
_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/arabic-event-annotator/example")


@dataclass(frozen=True)
class ExampleReport:
    folder: Path
    written: list[str]

    def lines(self) -> list[str]:
        return [f"wrote {self.folder}: {', '.join(self.written)}"]


def write_example(folder: Path) -> ExampleReport:
    """Write the example into ``folder`` (made if missing; refused if it holds anything)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValidationError("the folder exists and is not empty; name a new one", path=folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for parts, name in COPIED:
        source = resource_path(*parts)
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("README.md", "__pycache__"))
            written.append(f"{name}/")
        else:
            shutil.copyfile(source, folder / name)
            written.append(name)
    coders = json.loads(resource_path(*CODERS_FILE).read_text(encoding="utf-8"))
    for coder, documents in coders.items():
        if coder.startswith("_"):
            continue
        build_coder_file(folder / f"{coder}.db", coder, folder / "articles", documents)
        written.append(f"{coder}.db")
    return ExampleReport(folder, written)


def build_coder_file(path: Path, coder: str, articles: Path, documents: dict[str, Any]) -> None:
    """A coder's project: the articles, the coder's spans and events, every document done."""
    with Project.create(path, coder=coder) as project:
        import_sources(project, [articles], fmt="txt")
        for key, work in documents.items():
            document = project.document_by_key(key)
            if document is None:
                raise ValidationError(f"coders.json names a document {key!r} the articles lack")
            by_text: dict[str, str] = {}
            for span in work.get("spans", []):
                start = _nth(document.text, span["text"], span.get("nth", 0), key)
                end = start + len(span["text"])
                made = project.add_annotation(
                    document.id, span["label"], start, end, attrs=span.get("attrs", {}),
                    annotation_id=_stable_id(coder, key, span["label"], start, end),
                )
                by_text[span["text"]] = made.id
            for number, event in enumerate(work.get("events", [])):
                project.add_event(
                    document.id, event["type"], attrs=event.get("attrs", {}),
                    slots={role: [by_text[t] for t in texts] for role, texts in event["slots"].items()},
                    event_id=_stable_id(coder, key, event["type"], number),
                )
            project.set_status(document.id, Status.DONE)
    # Nothing holds the file now; an example folder is tidier without the lock beside it.
    Path(f"{path}.lock").unlink(missing_ok=True)


def _nth(text: str, words: str, nth: int, key: str) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.find(words, at + 1)
        if at < 0:
            raise ValidationError(f"coders.json: {words!r} occurs fewer than {nth + 1} time(s) in {key}")
    return at


def _stable_id(*parts: object) -> str:
    return str(uuid.uuid5(_IDS, "/".join(map(str, parts))))
