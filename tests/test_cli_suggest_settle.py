"""``annotator suggest --accept / --reject``: settle pending suggestions by document and label, as the window does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.models import Origin
from annotator.store.project import Project

STRIKE = (
    "قُتل 12 مدنياً وأصيب نحو عشرين آخرين في غارة جوية على بلدة الباغوز في دير الزور صباح الثلاثاء، "
    "بحسب المرصد السوري لحقوق الإنسان."
)
OTHER = "أعلنت وزارة الدفاع مقتل ثمانية من عناصرها في هجوم قرب عين الصفصاف مساء الأحد."


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        project.add_document(STRIKE, key="strike")
        project.add_document(OTHER, key="other")
    code, _, _ = run("suggest", path)
    assert code == 0
    return path


def spans(path: Path, key: str) -> list[tuple[str, str, str]]:
    with Project.open(path, readonly=True) as project:
        doc = project.document_by_key(key)
        return sorted((a.label, a.text, a.origin) for a in project.annotations(doc.id))


def events(path: Path, key: str) -> list[tuple[str, str]]:
    with Project.open(path, readonly=True) as project:
        doc = project.document_by_key(key)
        return sorted((e.type, e.origin) for e in project.events(doc.id))


def test_accept_by_document_and_label(db: Path) -> None:
    before = spans(db, "strike")
    assert ("CASUALTY", "12", Origin.SUGGESTED) in before and ("DATE", "صباح الثلاثاء", Origin.SUGGESTED) in before
    code, out, _ = run("suggest", db, "--doc", "strike", "--accept", "--label", "CASUALTY")
    assert code == 0
    assert out == "accepted 2 suggestion(s) and 0 suggested event(s) in 1 document(s)\n"
    after = spans(db, "strike")
    assert [s for s in after if s[0] == "CASUALTY"] == [("CASUALTY", "12", "manual"), ("CASUALTY", "عشرين", "manual")]
    assert [s for s in after if s[0] != "CASUALTY"] == [s for s in before if s[0] != "CASUALTY"]
    assert all(origin == Origin.SUGGESTED for _, _, origin in spans(db, "other"))


def test_reject_is_remembered_and_never_suggested_again(db: Path) -> None:
    code, out, _ = run("suggest", db, "--reject", "--label", "DATE")
    assert code == 0 and out == "rejected 2 suggestion(s) and 0 suggested event(s) in 2 document(s); they will not be suggested again\n"
    assert not [s for key in ("strike", "other") for s in spans(db, key) if s[0] == "DATE"]
    run("suggest", db)
    assert not [s for key in ("strike", "other") for s in spans(db, key) if s[0] == "DATE"]


def test_accepting_an_event_takes_its_suggested_spans(db: Path) -> None:
    assert events(db, "strike") == [("ATTACK", Origin.SUGGESTED)]
    code, out, _ = run("suggest", db, "--doc", "strike", "--accept", "--label", "ATTACK")
    assert code == 0 and out == "accepted 0 suggestion(s) and 1 suggested event(s) in 1 document(s)\n"
    assert events(db, "strike") == [("ATTACK", "manual")]
    with Project.open(db, readonly=True) as project:
        event = project.events(project.document_by_key("strike").id)[0]
        slotted = [project.annotation(i) for ids in event.slots.values() for i in ids]
    assert slotted and all(a.origin == "manual" for a in slotted)


def test_rejecting_everything_leaves_nothing_pending(db: Path) -> None:
    code, out, _ = run("suggest", db, "--reject")
    assert code == 0 and out.startswith("rejected ")
    assert spans(db, "strike") == [] and spans(db, "other") == [] and events(db, "strike") == []


def test_an_accepted_span_settles_the_suggestions_it_covers(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    text = "قتل 28 مدنيا في الغارة."
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document(text, key="d")
        attrs = {"value": 28, "status": "killed"}
        start = text.index("28")
        wide = project.add_annotation(doc.id, "CASUALTY", start, start + len("28 مدنيا"), attrs=attrs,
                                      origin=Origin.SUGGESTED)
        narrow = project.add_annotation(doc.id, "CASUALTY", start, start + 2, attrs=attrs, origin=Origin.SUGGESTED)
    code, out, _ = run("suggest", path, "--accept")
    assert code == 0
    assert out == (
        "accepted 1 suggestion(s) and 0 suggested event(s) in 1 document(s); "
        "1 suggestion(s) they covered settled with them\n"
    )
    with Project.open(path, readonly=True) as project:
        live = project.annotations(doc.id)
        assert [(a.id, a.origin) for a in live] == [(wide.id, "manual")]
        assert project.is_rejected(doc.id, "amal", "CASUALTY", narrow.start, narrow.end)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--accept", "--reject"), 2, "--accept and --reject exclude each other"),
        (("--label", "CASUALTY"), 2, "--label goes with --accept or --reject"),
        (("--accept", "--json"), 2, "they suggest nothing new"),
        (("--accept", "--label", "WEAPON"), 1, "no label or event type 'WEAPON' (the codebook has ACTOR, PLACE"),
        (("--accept", "--doc", "nosuch"), 1, "no document with id 'nosuch'"),
    ],
)
def test_bad_requests_change_nothing(db: Path, args: tuple[str, ...], code: int, message: str) -> None:
    before = spans(db, "strike")
    got, _, err = run("suggest", db, *args)
    assert got == code and message in err
    assert spans(db, "strike") == before
