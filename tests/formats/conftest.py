"""Other tools' files, written by hand to their formats' specs, and the command line that reads them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.project import Project

Run = Callable[..., tuple[int, str, str]]


def _run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli() -> Run:
    """``cli("import", db, file)`` → (exit status, stdout, stderr); a traceback fails the test."""
    return _run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A new project of coder amal on the built-in codebook."""
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal"):
        pass
    return path


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
