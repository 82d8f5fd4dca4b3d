"""Events in brat: E lines and annotation.conf out, the same events back in a fresh project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.errors import InputError
from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.models import Event
from annotator.store.project import Project

REPORT = (
    "قتل 54 مدنيا بينهم 12 طفلا وأصيب 30 آخرون في غارة للتحالف على بلدة الباغوز أمس الخميس، "
    "بحسب المرصد السوري.\nونفى التحالف أي غارة على الباغوز."
)


def make(path: Path) -> Project:
    project = Project.create(path, coder="amal")
    doc, _, _ = project.add_document(REPORT, key="baghouz", date="2018-06-08")

    def span(label: str, words: str, occurrence: int = 0, **attrs: Any) -> str:
        start = -1
        for _ in range(occurrence + 1):
            start = REPORT.index(words, start + 1)
        return project.add_annotation(doc.id, label, start, start + len(words), attrs=attrs).id

    killed = span("CASUALTY", "54", value=54, status="killed", victims="civilians")
    children = span("CASUALTY", "12", value=12, status="killed", victims="children")
    injured = span("CASUALTY", "30", value=30, max=35, status="injured")
    coalition = span("ACTOR", "للتحالف", canonical="التحالف الدولي")
    town = span("PLACE", "الباغوز", kind="town")
    town_again = span("PLACE", "الباغوز", 1, kind="town")
    date = span("DATE", "أمس الخميس")
    monitor = span("ACTOR", "المرصد السوري", role="claimant")
    denier = span("ACTOR", "التحالف")  # the one in ونفى التحالف
    project.add_event(
        doc.id, "ATTACK",
        slots={"perpetrator": [coalition], "place": [town], "casualties": [killed, children, injured],
               "date": [date], "source": [monitor]},
        attrs={"attribution": "asserted", "weapon": "airstrike", "date": "2018-06-07"},
    )
    project.add_event(doc.id, "ATTACK", slots={"perpetrator": [denier], "place": [town_again]},
                      attrs={"attribution": "denied"})
    project.add_event(doc.id, "ATTACK")  # nothing filled yet: still an event
    return project


def as_compared(project: Project, event: Event) -> tuple[Any, ...]:
    """An event by what it means: type, attributes, and each slot's spans by label and offsets."""
    def where(span_id: str) -> tuple[str, int, int]:
        span = project.annotation(span_id)
        return span.label, span.start, span.end

    slots = {role: [where(s) for s in spans] for role, spans in event.slots.items()}
    return event.id, event.type, event.attrs, slots, event.coder, event.origin


def test_events_go_out_as_e_lines_and_come_back_the_same(tmp_path: Path) -> None:
    source = make(tmp_path / "amal.db")
    out = tmp_path / "brat"
    result = export(source, ExportOptions(format="brat"), out)
    ann = (out / "baghouz.ann").read_text(encoding="utf-8")
    e_lines = [line for line in ann.splitlines() if line.startswith("E")]
    assert len(e_lines) == 3
    first = e_lines[0].split("\t")[1].split(" ")
    assert first[0].startswith("ATTACK:T")
    assert [a.split(":")[0] for a in first[1:]] == [
        "perpetrator", "place", "casualties", "casualties2", "casualties3", "source", "date"
    ]
    assert "\tattribution E1 asserted" in ann and "\tweapon E1 airstrike" in ann
    assert "AnnotatorNotes E1\tdate=2018-06-07" in ann
    assert "3 event(s) written as E lines, each with a trigger over its first slot span" in result.notes
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    events_section = conf.split("[events]\n")[1].split("[attributes]")[0]
    assert events_section == (
        "ATTACK\tperpetrator*:ACTOR, target*:ACTOR, place*:PLACE, casualties*:CASUALTY, source?:ACTOR, date?:DATE\n"
    )
    assert "attribution\tArg:ATTACK, Value:asserted|accused|admitted|hinted|denied" in conf
    assert "weapon\tArg:ATTACK, Value:airstrike|shelling|drone|car_bomb|ied|clash|other" in conf

    fresh = Project.create(tmp_path / "fresh.db", coder="lead")
    report = import_sources(fresh, [out])
    assert any("3 event(s) added" in line for line in report.lines()), report.lines()
    before = sorted(as_compared(source, e) for e in source.events())
    after = sorted(as_compared(fresh, e) for e in fresh.events())
    assert after == before
    assert len(fresh.annotations(fresh.document_by_key("baghouz").id)) == 9  # the triggers are not spans

    again = import_sources(fresh, [out])
    assert any("0 event(s) added" in line and "3 unchanged" in line for line in again.lines()), again.lines()
    assert len(fresh.events()) == 3


def test_events_survive_the_import_workers(tmp_path: Path) -> None:
    """A large import reads files in worker processes: the events travel with their records."""
    source = make(tmp_path / "amal.db")
    export(source, ExportOptions(format="brat"), tmp_path / "brat")
    fresh = Project.create(tmp_path / "fresh.db", coder="lead")
    import_sources(fresh, [tmp_path / "brat"], worker=True)
    assert sorted(as_compared(fresh, e) for e in fresh.events()) == sorted(as_compared(source, e) for e in source.events())


def test_a_brat_file_of_another_tool_gives_its_events_to_the_spans_it_names(tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    text = "قصف التحالف الباغوز فقتل 7"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tACTOR 4 11\tالتحالف\n"
        "T2\tPLACE 12 19\tالباغوز\n"
        "T3\tATTACK 0 3\tقصف\n"
        "T4\tCASUALTY 25 26\t7\n"
        "A1\tstatus T4 killed\n"
        "#1\tAnnotatorNotes T4\tvalue=7\n"
        "E1\tATTACK:T3 perpetrator:T1 place:T2 casualties:T4\n"
        "A2\tweapon E1 shelling\n",
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "p.db", coder="amal")
    import_sources(project, [folder])
    doc = project.document_by_key("a")
    spans = {s.text: s for s in project.annotations(doc.id)}
    assert sorted(spans) == ["7", "الباغوز", "التحالف"]  # the trigger قصف is brat's, not a span
    [event] = project.events(doc.id)
    assert event.type == "ATTACK" and event.attrs == {"weapon": "shelling"} and event.origin == "imported"
    assert event.slots == {
        "perpetrator": (spans["التحالف"].id,), "place": (spans["الباغوز"].id,), "casualties": (spans["7"].id,)
    }
    import_sources(project, [folder])
    assert len(project.events(doc.id)) == 1


def test_an_argument_naming_nothing_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text("قصف الباغوز", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPLACE 4 11\tالباغوز\nE1\tATTACK:T1 place:T9\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.db", coder="amal")
    with pytest.raises(InputError, match="E1: argument place:T9 names no T line") as caught:
        import_sources(project, [folder])
    assert caught.value.line == 2
    assert project.document_by_key("a") is None


def test_an_event_whose_trigger_names_nothing_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text("قصف الباغوز", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPLACE 4 11\tالباغوز\nE1\tATTACK:T3 place:T1\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.db", coder="amal")
    with pytest.raises(InputError, match="E1: its trigger T3 names no T line") as caught:
        import_sources(project, [folder])
    assert caught.value.line == 2
    assert project.document_by_key("a") is None
