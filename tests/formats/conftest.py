"""Other tools' files, written by hand to their formats' specs, and the command line that reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from format_helpers import Run

from annotator.cli.main import main
from annotator.store.project import Project


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
