"""``annotator example FOLDER``: the tour's inputs, written anywhere, from the sources the package ships."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.example import CODERS_FILE, COPIED
from annotator.models import Status
from annotator.store.project import Project

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def shipped_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sources from this checkout (an editable install may point at another one)."""
    monkeypatch.setattr("annotator.example.resource_path", lambda *parts: RESOURCES.joinpath(*parts))


def layer(path: Path) -> tuple[str, dict[str, str], dict[str, list[tuple[str, str, str]]], int]:
    """Coder, status per document, (id, label, text) of the spans per document, and the events."""
    with Project.open(path, readonly=True) as project:
        keys = dict(project.document_keys())
        status = {keys[d]: project.status(d).status for d in keys}
        spans = {keys[d]: sorted((a.id, a.label, a.text) for a in project.annotations(d)) for d in keys}
        events = sum(len(project.events(d)) for d in keys)
        return project.coder, status, spans, events


def test_it_writes_every_input_of_the_tour_anywhere(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "tour"
    code, out, _ = run("example", folder)
    assert code == 0
    assert out == f"wrote {folder}: articles/, export.csv, batch.jsonl, brat-folder/, README.md, amal.db, omar.db\n"
    assert sorted(p.name for p in (folder / "articles").iterdir()) == [
        "01_tal_alzaytoun.txt", "02_wadi_alsindiyan.txt", "03_tal_alzaytoun_agency.txt", "04_jisr_alnakheel.txt",
    ]
    assert sorted(p.name for p in (folder / "brat-folder").iterdir()) == ["06_school_shell.ann", "06_school_shell.txt"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md", "amal.db", "articles", "batch.jsonl", "brat-folder", "export.csv", "omar.db",
    ]  # no lock files left beside the projects
    # Every input imports into a fresh project as the tour says.
    run("init", folder / "sara.db", "--coder", "sara")
    for source in ("articles", "export.csv", "batch.jsonl", "brat-folder"):
        code, out, err = run("import", folder / "sara.db", folder / source, "--text-col", "article_content", "--id-col", "url")
        assert code == 0, err
        assert " 0 already in the project" in out


def test_the_coders_finished_every_document_and_disagree_in_a_few_places(tmp_path: Path) -> None:
    run("example", tmp_path / "tour")
    amal = layer(tmp_path / "tour" / "amal.db")
    omar = layer(tmp_path / "tour" / "omar.db")
    assert (amal[0], omar[0]) == ("amal", "omar")
    assert set(amal[1].values()) == set(omar[1].values()) == {Status.DONE}
    assert sum(map(len, amal[2].values())) == 26 and sum(map(len, omar[2].values())) == 23
    assert amal[3] == omar[3] == 1
    differ = {key for key in amal[2] if {s[1:] for s in amal[2][key]} != {s[1:] for s in omar[2][key]}}
    assert differ == {"01_tal_alzaytoun", "02_wadi_alsindiyan", "04_jisr_alnakheel"}


def test_ids_are_the_same_on_every_run_so_the_readme_can_show_them(tmp_path: Path) -> None:
    run("example", tmp_path / "one")
    run("example", tmp_path / "two")
    assert layer(tmp_path / "one" / "amal.db")[2] == layer(tmp_path / "two" / "amal.db")[2]


def test_it_never_writes_into_a_folder_that_holds_something(tmp_path: Path) -> None:
    target = tmp_path / "tour"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run("example", target)
    assert code == 1
    assert err == f"error: {target}: the folder exists and is not empty; name a new one\n"
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_file_of_that_name_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "tour"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run("example", target)
    assert code == 2 and "is a file" in err
    assert target.read_text(encoding="utf-8") == "mine"


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "tour").mkdir()
    assert run("example", tmp_path / "tour")[0] == 0


def test_its_sources_are_package_data_so_pip_and_the_bundle_carry_them() -> None:
    """The wheel ships everything under resources/ (tests/test_packaging_wheel.py holds it to that);
    the example's sources must be there, not in a checkout-only folder."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["package-data"]["annotator.resources"] == ["*.toml", "*.json", "**/*"]
    for parts, _ in (*COPIED, (CODERS_FILE, "")):
        assert RESOURCES.joinpath(*parts).exists(), parts
