"""``annotator status``: read and set documents' status from a script, with the window's done warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.models import STATUSES, Origin
from annotator.store.project import Project

STRIKE = "قُتل 12 مدنياً في غارة على بلدة تل الزيتون صباح الثلاثاء."
CLASH = "أعلنت وزارة الدفاع مقتل ثمانية من عناصرها قرب عين الصفصاف."
BOMB = "انفجار سيارة مفخخة في جسر النخيل أدى إلى جرح 30 شخصاً."


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        for key, text in (("strike", STRIKE), ("clash", CLASH), ("bomb", BOMB)):
            project.add_document(text, key=key)
    return path


def statuses(path: Path) -> dict[str, str]:
    with Project.open(path, readonly=True) as project:
        return {key: project.status(doc_id).status for doc_id, key in project.document_keys()}


def test_without_set_it_prints_every_status(db: Path) -> None:
    with Project.open(db) as project:
        project.set_status(project.document_by_key("clash").id, "skipped")
    code, out, _ = run("status", db)
    assert code == 0
    assert out == "strike\tnew\nclash\tskipped\nbomb\tnew\n"
    assert run("status", db, "bomb", "clash")[1] == "bomb\tnew\nclash\tskipped\n"
    assert run("status", db, "--where", "skipped")[1] == "clash\tskipped\n"
    assert run("status", db, "--where", "done") == (0, "", "no document is done\n")


def test_set_changes_the_named_documents_and_says_what_it_did(db: Path) -> None:
    code, out, err = run("status", db, "strike", "bomb", "--set", "done")
    assert code == 0 and err == ""
    assert out == "strike\tnew -> done\nbomb\tnew -> done\n2 document(s) set to done\n"
    assert statuses(db) == {"strike": "done", "clash": "new", "bomb": "done"}
    code, out, _ = run("status", db, "--all", "--set", "in-progress")
    assert out.splitlines()[-1] == "3 document(s) set to in_progress"
    code, out, _ = run("status", db, "--all", "--set", "in_progress")
    assert out == "0 document(s) set to in_progress (3 already in_progress)\n"


def test_where_selects_by_the_status_the_documents_have_now(db: Path) -> None:
    run("status", db, "clash", "--set", "skipped")
    code, out, _ = run("status", db, "--where", "new", "--set", "done")
    assert code == 0
    assert statuses(db) == {"strike": "done", "clash": "skipped", "bomb": "done"}
    # --where narrows named documents too
    run("status", db, "strike", "clash", "--where", "skipped", "--set", "new")
    assert statuses(db) == {"strike": "done", "clash": "new", "bomb": "done"}


def test_an_unknown_id_changes_nothing(db: Path) -> None:
    code, out, err = run("status", db, "strike", "nosuch", "--set", "done")
    assert code == 1 and out == ""
    assert err == f"error: {db}: no document with id 'nosuch' (see annotator docs {db}); nothing changed\n"
    assert set(statuses(db).values()) == {"new"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--set", "done"), "--set needs the documents: their ids, --all or --where STATUS"),
        (("strike", "--all"), "give document ids or --all, not both"),
        (("--all", "--set", "finished"), "'finished' is not one of new, in_progress, done, skipped"),
    ],
)
def test_usage_errors(db: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = run("status", db, *args)
    assert code == 2 and message in err
    assert set(statuses(db).values()) == {"new"}


def test_marking_done_warns_about_what_the_window_asks_about(db: Path) -> None:
    with Project.open(db) as project:
        doc = project.document_by_key("strike")
        start = STRIKE.index("12")
        project.add_annotation(doc.id, "CASUALTY", start, start + 2, attrs={"value": 12, "status": "killed"},
                               origin=Origin.SUGGESTED)
        place = STRIKE.index("تل الزيتون")
        project.add_annotation(doc.id, "PLACE", place, place + len("تل الزيتون"))
        bomb = project.document_by_key("bomb")
        figure = BOMB.index("30")
        project.add_annotation(bomb.id, "CASUALTY", figure, figure + 2, attrs={"value": 3})
    code, out, err = run("status", db, "--all", "--set", "done")
    assert code == 0
    assert out == "strike\tnew -> done\nclash\tnew -> done\nbomb\tnew -> done\n3 document(s) set to done\n"
    assert err.splitlines() == [
        "warning: strike: 1 suggestion(s) not yet accepted or rejected; marked done anyway",
        "warning: bomb: «30»: value 3, but the text reads 30; marked done anyway",
        "warning: bomb: «30»: required attributes missing: status; marked done anyway",
    ]
    assert set(statuses(db).values()) == {"done"}


def test_a_read_only_listing_leaves_the_file_alone(db: Path) -> None:
    before = db.read_bytes()
    run("status", db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("style", ["as stored", "with a hyphen", "in capitals"])
def test_every_status_is_accepted_as_typed(db: Path, status: str, style: str) -> None:
    typed = {"as stored": status, "with a hyphen": status.replace("_", "-"), "in capitals": status.upper()}[style]
    if status != "new":
        code, _, _ = run("status", db, "--all", "--set", typed)
        assert code == 0 and set(statuses(db).values()) == {status}
    code, out, _ = run("status", db, "--where", typed)
    assert code == 0 and out.splitlines() == [f"{key}\t{status}" for key in ("strike", "clash", "bomb")]
