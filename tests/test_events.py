"""Events: frames over spans of one document, their rules, their history and the guard on spans."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.errors import ProjectError, ValidationError
from annotator.models import Annotation, Event, SlotFill
from annotator.store.project import Project
from annotator.store.schema import SCHEMA_VERSION
from tests.old_versions import as_version_2, as_version_3

REPORT = "قتل 54 مدنيا في غارة للتحالف على بلدة الباغوز أمس الخميس، بحسب المرصد السوري، والتحالف يلمح لمسؤوليته."
OTHER = "قصفت قوات النظام مدينة دير الزور"


class Article:
    """A coder's project holding the seed-like report, its spans made one call each."""

    def __init__(self, project: Project):
        self.project = project
        self.doc, _, _ = project.add_document(REPORT, key="baghouz", date="2018-06-08")

    def span(self, label: str, words: str, *, coder: str | None = None, origin: str = "manual", **attrs: object) -> Annotation:
        start = REPORT.index(words)
        return self.project.add_annotation(
            self.doc.id, label, start, start + len(words), attrs=dict(attrs), coder=coder, origin=origin
        )


@pytest.fixture
def article(tmp_path: Path) -> Article:
    return Article(Project.create(tmp_path / "amal.db", coder="amal"))


@pytest.fixture
def spans(article: Article) -> dict[str, Annotation]:
    return {
        "casualties": article.span("CASUALTY", "54", value=54, status="killed", victims="civilians"),
        "perpetrator": article.span("ACTOR", "التحالف"),  # the one in والتحالف
        "place": article.span("PLACE", "الباغوز", kind="town"),
        "date": article.span("DATE", "أمس الخميس"),
        "source": article.span("ACTOR", "المرصد السوري", role="claimant"),
    }


def full_slots(spans: dict[str, Annotation]) -> dict[str, list[str]]:
    return {role: [span.id] for role, span in spans.items()}


def test_an_attack_links_the_spans_of_the_report(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    event = project.add_event(
        article.doc.id, "ATTACK", slots=full_slots(spans),
        attrs={"attribution": "hinted", "weapon": "airstrike", "date": "2018-06-07"},
    )
    assert event.coder == "amal" and event.origin == "manual" and event.created
    # slots come back in the codebook's role order, whatever order they were given in
    assert list(event.slots) == ["perpetrator", "place", "casualties", "source", "date"]
    assert project.event(event.id) == event
    assert project.events(article.doc.id) == [event]
    assert project.events(coder="omar") == []
    assert event.span_ids == [spans[r].id for r in ("perpetrator", "place", "casualties", "source", "date")]
    assert event.roles_of(spans["place"].id) == ["place"]
    (created,) = project.event_history(event_id=event.id)
    assert created.action == "create" and created.before is None
    assert created.after is not None and created.after["slots"]["place"] == [spans["place"].id]


def test_a_span_may_fill_slots_of_several_events(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    first = project.add_event(article.doc.id, "ATTACK", slots={"place": [spans["place"].id]})
    second = project.add_event(article.doc.id, "ATTACK", slots={"place": [spans["place"].id]})
    assert [f.event_id for f in project.slots_filled_by(spans["place"].id)] == [first.id, second.id]


@pytest.mark.parametrize(
    ("slots", "attrs", "message"),
    [
        ({"weapon": ["perpetrator"]}, {}, r"event type ATTACK has no role 'weapon' \(its roles: perpetrator, target, "),
        ({"victims": []}, {}, r"event type ATTACK has no role 'victims'"),
        ({"place": ["perpetrator"]}, {}, r"role place of ATTACK takes PLACE spans, not span «التحالف» \(ACTOR, "),
        ({"source": ["perpetrator", "source"]}, {}, r"role source of ATTACK takes one span, not 2"),
        ({"perpetrator": ["perpetrator", "perpetrator"]}, {}, r"role perpetrator of ATTACK names one span twice"),
        ({"place": ["no-such-span"]}, {}, r"names span no-such-span, which the project does not hold"),
        ({}, {"attribution": "rumoured"}, r"attribute 'attribution' of ATTACK must be one of asserted, accused, "),
        ({}, {"date": "7/6/2018"}, r"attribute 'date' of ATTACK must be a date written YYYY-MM-DD, not '7/6/2018'"),
        ({}, {"date": "2018-02-30"}, r"must be a date written YYYY-MM-DD, not '2018-02-30'"),
        ({}, {"casualties": 54}, r"ATTACK has no attribute 'casualties' \(known: attribution, weapon, date\)"),
    ],
)
def test_each_rule_is_refused_with_a_clear_message(
    article: Article, spans: dict[str, Annotation], slots: dict[str, list[str]], attrs: dict[str, object], message: str
) -> None:
    ids = {role: [spans[name].id if name in spans else name for name in names] for role, names in slots.items()}
    with pytest.raises(ValidationError, match=message):
        article.project.add_event(article.doc.id, "ATTACK", slots=ids, attrs=attrs)
    assert article.project.events() == []


def test_unknown_types_and_origins_are_refused(article: Article) -> None:
    with pytest.raises(ValidationError, match=r"unknown event type 'SHELLING' \(the codebook has ATTACK\)"):
        article.project.add_event(article.doc.id, "SHELLING")
    with pytest.raises(ValidationError, match=r"unknown origin 'guessed'"):
        article.project.add_event(article.doc.id, "ATTACK", origin="guessed")
    with pytest.raises(ValidationError, match=r"no document with id 99"):
        article.project.add_event(99, "ATTACK")


def test_slots_take_live_confirmed_spans_of_the_same_document_and_layer(article: Article) -> None:
    project = article.project
    other, _, _ = project.add_document(OTHER, key="deir")
    elsewhere = project.add_annotation(other.id, "PLACE", OTHER.index("دير الزور"), len(OTHER))
    with pytest.raises(ValidationError, match=r"span «دير الزور» \(PLACE, .*\) is in document 2, not in the event's document 1"):
        project.add_event(article.doc.id, "ATTACK", slots={"place": [elsewhere.id]})
    omars = article.span("PLACE", "الباغوز", coder="omar")
    with pytest.raises(ValidationError, match=r"is in the layer of omar, the event in that of amal: an event links spans of its own layer"):
        project.add_event(article.doc.id, "ATTACK", slots={"place": [omars.id]})
    assert project.add_event(article.doc.id, "ATTACK", coder="omar", slots={"place": [omars.id]}).coder == "omar"
    suggested = article.span("ACTOR", "المرصد السوري", origin="suggested")
    with pytest.raises(ValidationError, match=r"is a suggestion: accept it before it fills role source of ATTACK"):
        project.add_event(article.doc.id, "ATTACK", slots={"source": [suggested.id]})
    gone = article.span("CASUALTY", "54", value=54, status="killed")
    project.delete_annotation(gone.id)
    with pytest.raises(ValidationError, match=r"span «54» \(CASUALTY, .*\) is deleted"):
        project.add_event(article.doc.id, "ATTACK", slots={"casualties": [gone.id]})


def test_update_fill_and_clear_replace_parts_and_keep_history(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    event = project.add_event(article.doc.id, "ATTACK", slots={"place": [spans["place"].id]})
    event = project.update_event(event.id, attrs={"attribution": "hinted", "date": "2018-06-07"})
    assert event.attrs == {"attribution": "hinted", "date": "2018-06-07"}
    assert event.slots == {"place": (spans["place"].id,)}  # slots not given: unchanged
    event = project.fill_slot(event.id, "perpetrator", spans["perpetrator"].id)
    event = project.fill_slot(event.id, "source", spans["source"].id)
    with pytest.raises(ValidationError, match=r"role source of ATTACK takes one span and holds «المرصد السوري» already"):
        project.fill_slot(event.id, "source", spans["perpetrator"].id)
    assert project.fill_slot(event.id, "source", spans["source"].id) == event  # already there: nothing to do
    event = project.clear_slot(event.id, "place")
    assert list(event.slots) == ["perpetrator", "source"]
    event = project.update_event(event.id, slots={"date": [spans["date"].id]})
    assert event.slots == {"date": (spans["date"].id,)}
    actions = [h.action for h in project.event_history(event_id=event.id)]
    assert actions == ["create", "update", "update", "update", "update", "update"]
    last = project.event_history(event_id=event.id)[-1]
    assert last.before is not None and last.after is not None
    assert last.before["slots"] == {"perpetrator": [spans["perpetrator"].id], "source": [spans["source"].id]}
    assert last.after["slots"] == {"date": [spans["date"].id]}


def unstamped(event: Event) -> Event:
    return replace(event, updated="")


def test_deleting_an_event_keeps_it_restorable_with_its_slots(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    event = project.add_event(article.doc.id, "ATTACK", slots=full_slots(spans), attrs={"weapon": "airstrike"})
    project.delete_event(event.id)
    assert project.events() == []
    with pytest.raises(ValidationError, match="no event with id"):
        project.event(event.id)
    project.delete_annotation(spans["place"].id)  # a deleted event does not hold its spans
    with pytest.raises(ValidationError, match=r"span «الباغوز» \(PLACE, .*\) is deleted"):
        project.restore_event(event.id)
    project.restore_annotation(spans["place"].id)
    # Deleting and restoring stamp ``updated``; a second boundary may fall between them.
    restored = project.restore_event(event.id)
    assert unstamped(restored) == unstamped(event)
    assert restored == project.event(event.id)  # the stamp it returns is the one stored
    assert [unstamped(e) for e in project.events()] == [unstamped(event)]
    assert [h.action for h in project.event_history(doc_id=article.doc.id)] == ["create", "delete", "restore"]


def test_a_restored_event_comes_back_with_the_stamp_it_is_stored_with(
    article: Article, spans: dict[str, Annotation], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stamps are to the second: a clock that moves on at every reading shows a stale one."""
    project = article.project
    event = project.add_event(article.doc.id, "ATTACK", slots=full_slots(spans))
    project.delete_event(event.id)
    ticks = iter(range(2_000_000_000, 3_000_000_000, 7))
    monkeypatch.setattr(time, "time", lambda: float(next(ticks)))
    assert project.restore_event(event.id) == project.event(event.id)


def test_a_span_in_a_slot_is_not_deleted_unless_detached(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    event = project.add_event(article.doc.id, "ATTACK", slots={**full_slots(spans), "target": []})
    perpetrator = spans["perpetrator"]
    with pytest.raises(ValidationError, match=rf"span «التحالف» \(ACTOR\) fills role perpetrator of ATTACK event {event.id}"):
        project.delete_annotation(perpetrator.id)
    assert project.annotation(perpetrator.id) == perpetrator  # nothing changed
    deleted, fills = project.delete_annotation_detaching(perpetrator.id)
    assert deleted == perpetrator
    assert [(f.event_id, f.role, f.position) for f in fills] == [(event.id, "perpetrator", 0)]
    assert "perpetrator" not in project.event(event.id).slots
    assert [h.action for h in project.event_history(event_id=event.id)] == ["create", "detach"]
    # the undo: the span and its place in the event come back exactly
    project.restore_annotation(perpetrator.id, reattach=fills)
    assert project.event(event.id).slots == event.slots
    assert project.event_history(event_id=event.id)[-1].action == "reattach"


def test_detaching_puts_a_span_back_at_its_position_among_many(article: Article) -> None:
    project = article.project
    first = article.span("ACTOR", "المرصد السوري")
    second = article.span("ACTOR", "التحالف")
    third = article.span("ACTOR", "المرصد")
    event = project.add_event(article.doc.id, "ATTACK", slots={"perpetrator": [first.id, second.id, third.id]})
    project.delete_annotation(second.id, detach_events=True)
    assert project.event(event.id).slots == {"perpetrator": (first.id, third.id)}
    project.restore_annotation(second.id)  # without reattach: the span is back, the slot is not
    assert project.event(event.id).slots == {"perpetrator": (first.id, third.id)}
    changed = project.reattach([SlotFill(event.id, "perpetrator", 1, second.id)])
    assert [e.slots for e in changed] == [{"perpetrator": (first.id, second.id, third.id)}]
    assert project.event(event.id).slots == {"perpetrator": (first.id, second.id, third.id)}


def test_a_span_in_a_slot_keeps_a_label_its_role_takes(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    project.add_event(article.doc.id, "ATTACK", slots={"place": [spans["place"].id]})
    with pytest.raises(ValidationError, match=r"span «الباغوز» fills role place of ATTACK, which takes PLACE spans: it cannot become ACTOR"):
        project.update_annotation(spans["place"].id, label="ACTOR", attrs={})
    with pytest.raises(ValidationError, match=r"fills a slot of an event of amal: it cannot move to omar"):
        project.update_annotation(spans["place"].id, coder="omar")
    assert project.update_annotation(spans["place"].id, attrs={"kind": "district"}).attrs == {"kind": "district"}
    # a span in no slot changes freely
    assert project.update_annotation(spans["source"].id, label="PLACE", attrs={}).label == "PLACE"


def test_reverting_a_spans_creation_is_refused_while_it_fills_a_slot(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    project.add_event(article.doc.id, "ATTACK", slots={"date": [spans["date"].id]})
    (created,) = project.history(annotation_id=spans["date"].id)
    with pytest.raises(ValidationError, match=r"span «أمس الخميس» \(DATE\) fills role date of ATTACK"):
        project.revert(created.id)


def test_a_project_whose_codebook_has_no_events_refuses_them(tmp_path: Path) -> None:
    from annotator.codebook_reading import codebook_from_dict, default_codebook

    data = default_codebook().to_dict()
    del data["events"]
    with Project.create(tmp_path / "old.db", coder="amal", codebook=codebook_from_dict(data)) as project:
        doc, _, _ = project.add_document(REPORT, key="a")
        with pytest.raises(ValidationError, match=r"unknown event type 'ATTACK' \(the project's codebook declares no event types\)"):
            project.add_event(doc.id, "ATTACK")
    with Project.open(tmp_path / "old.db", readonly=True) as project:
        assert project.codebook.event_types == ()


def test_event_types_are_stored_with_the_codebook(tmp_path: Path) -> None:
    with Project.create(tmp_path / "a.db", coder="amal") as project:
        made = project.codebook
    with Project.open(tmp_path / "a.db", readonly=True) as project:
        assert project.codebook == made
        assert project.codebook.event_type("ATTACK").role("source").many is False


def _as_version_2(path: Path) -> None:
    as_version_2(path)


def test_a_version_2_file_reads_without_events_and_gains_them_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    with Project.create(path, coder="amal") as project:
        article = Article(project)
        place = article.span("PLACE", "الباغوز")
    _as_version_2(path)
    with Project.open(path, readonly=True) as project:  # a lead reading a coder's file made before events
        assert project.events() == [] and project.event_history() == []
        assert project.slots_filled_by(place.id) == []
        assert project.annotations() == [place]
        with pytest.raises(ProjectError, match="read-only"):
            project.delete_annotation(place.id)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    with Project.open(path) as project:
        assert any(b.reason == "schema-v2" for b in project.backups())
        # the built-in codebook is brought forward with the tables: the file can hold events now
        assert project.codebook.event_type_names == ["ATTACK"]
        assert project.events() == []
        project.delete_annotation(place.id)  # the span guard works on the new tables
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'event%'")} >= {
        "events", "event_slots", "event_history"
    }
    conn.close()


def test_a_migrated_file_with_event_types_holds_events(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    with Project.create(path, coder="amal") as project:
        article = Article(project)
        place = article.span("PLACE", "الباغوز")
    as_version_3(path)
    conn = sqlite3.connect(path)
    for table in ("event_history", "event_slots", "events"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        event = project.add_event(1, "ATTACK", slots={"place": [place.id]}, attrs={"date": "2018-06-07"})
    with Project.open(path, readonly=True) as project:
        assert project.events() == [event]


def test_reverting_a_change_brings_the_event_back_as_it_was(article: Article, spans: dict[str, Annotation]) -> None:
    project = article.project
    made = project.add_event(article.doc.id, "ATTACK", slots={"place": [spans["place"].id]},
                             provenance={"from": "المرصد"})
    project.update_event(made.id, attrs={"attribution": "denied"}, slots={"perpetrator": [spans["perpetrator"].id]})
    project.delete_event(made.id)
    created, updated, deleted = project.event_history(event_id=made.id)
    back = project.revert_event(deleted.id)  # undelete
    assert back.attrs == {"attribution": "denied"} and back.slots == {"perpetrator": (spans["perpetrator"].id,)}
    back = project.revert_event(updated.id)
    assert (back.attrs, back.slots, back.provenance) == ({}, made.slots, {"from": "المرصد"})
    project.revert_event(created.id)
    assert project.events() == []
    assert [h.action for h in project.event_history(event_id=made.id)] == [
        "create", "update", "delete", "restore", "update", "delete"
    ]
    with pytest.raises(ValidationError, match="no event history entry 999"):
        project.revert_event(999)


def _as_made_before_events(path: Path) -> None:
    """As a file 0.1 made: version 2, no event tables, and a built-in codebook without DATE."""
    _as_version_2(path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM labels WHERE name = 'DATE'")
    conn.commit()
    conn.close()


def test_a_file_made_before_events_on_the_built_in_codebook_is_brought_forward(tmp_path: Path) -> None:
    from annotator.lead.merge import merge_projects

    old = tmp_path / "sara.db"
    with Project.create(old, coder="sara") as project:
        Article(project).span("PLACE", "الباغوز")
    _as_made_before_events(old)
    new = tmp_path / "amal.db"
    with Project.create(new, coder="amal") as project:
        Article(project).span("PLACE", "الباغوز")

    with Project.open(old, readonly=True) as project:  # read as a lead reads it: the file is not touched
        assert project.codebook.label_names[-1] == "DATE" and project.codebook.event_type_names == ["ATTACK"]
    merge_projects(tmp_path / "lead.db", [new, old])  # the two codebooks are the same one
    with Project.open(old) as project:  # opened for writing: migrated, and the codebook stored forward
        assert project.codebook == Project.open(new, readonly=True).codebook
        place = project.annotations()[0]
        event = project.add_event(place.doc_id, "ATTACK", slots={"place": [place.id]})
        assert project.events() == [event]
    conn = sqlite3.connect(old)
    assert [r[0] for r in conn.execute("SELECT name FROM labels ORDER BY position")][-1] == "DATE"
    conn.close()


def test_a_leads_own_codebook_made_before_events_stays_as_it_was(tmp_path: Path) -> None:
    from annotator.codebook_reading import codebook_from_dict

    own = codebook_from_dict({"name": "our-bulletins", "labels": [{"name": "PLACE", "key": "p"}]})
    path = tmp_path / "own.db"
    Project.create(path, coder="sara", codebook=own).close()
    _as_version_2(path)
    with Project.open(path) as project:
        assert project.codebook.event_types == () and project.codebook.label_names == ["PLACE"]
