"""The documents a command names by id, found or refused in one message for all commands."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ValidationError
from annotator.store.project import Project


def named_documents(project: Project, path: Path, keys: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(id, key)`` of the documents named, in the order given (repeats once); every unknown id
    is named in one refusal, before anything is done."""
    chosen: list[tuple[int, str]] = []
    missing: list[str] = []
    for key in dict.fromkeys(keys):
        doc = project.document_by_key(key)
        if doc is None:
            missing.append(key)
        else:
            chosen.append((doc.id, key))
    if missing:
        names = ", ".join(repr(k) for k in missing)
        raise ValidationError(f"no document with id {names} (see annotator docs {path}); nothing changed", path=path)
    return chosen
