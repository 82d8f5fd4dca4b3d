"""Helpers the format tests import by name (a conftest cannot be imported reliably: each test folder has one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.store.project import Project

Run = Callable[..., tuple[int, str, str]]

def spans_of(path: Path, key: str | None = None) -> list[tuple[str, str, int, int, str]]:
    """``(document key, label, start, end, text)`` of every live span, in document and reading order."""
    with Project.open(path, readonly=True) as project:
        out = []
        for doc_id, doc_key in project.document_keys():
            if key is not None and doc_key != key:
                continue
            for span in sorted(project.annotations(doc_id), key=lambda a: (a.start, a.end, a.label)):
                out.append((doc_key, span.label, span.start, span.end, span.text))
        return out
