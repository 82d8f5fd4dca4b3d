"""Shared fixtures: a fresh project per test, and no test ever touches a real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.store.project import Project

# Before pytest-qt makes its QApplication: a plain `pytest` on a machine without a display
# would otherwise abort in Qt's platform plugin instead of running the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Short real-style Arabic snippets used across the tests.
ARTICLE = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على الباغوز فوقاني بدير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا.\n"
    "وأعلن التحالف الدولي أنه يحقق في التقارير 😀 عن سقوط ٢٣ ضحية في والباغوز."
)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return home


@pytest.fixture(autouse=True)
def _checkout_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer files of this checkout, even when an editable install maps the package's
    resources to another checkout (a worktree beside the one installed)."""
    here = Path(__file__).resolve().parent.parent / "resources"
    monkeypatch.setattr("annotator.suggest.gazetteer.resource_path", lambda *parts: here.joinpath(*parts))


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "coder.db", coder="amal") as created:
        yield created


@pytest.fixture
def article_doc(project: Project):
    doc, _, _ = project.add_document(ARTICLE, key="d1", title="غارة على الباغوز")
    return doc
