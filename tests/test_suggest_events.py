"""Event suggestions: ATTACKs read from seed-like sentences, stored pending, accepted, rejected, printed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.codebook_reading import default_codebook
from annotator.errors import ValidationError
from annotator.models import Document, Event
from annotator.store.project import Project
from annotator.suggest import Suggesters, suggest_document, suggest_documents
from annotator.suggest.event_rules import sentences
from annotator.suggest.events import (
    accept_event_suggestion,
    event_suggestion_spans,
    pending_event_suggestions,
    proposed_slots,
    reject_event_suggestion,
    revert_event_acceptance,
)
from annotator.suggest.run import suggest_document_events

SHELLING = (
    "قتل 12 مدنيا أمس الخميس في قصف لقوات النظام على بلدة كفرنبل بريف إدلب، "
    "بحسب المرصد السوري لحقوق الإنسان."
)
HEADLINE = "سوريا.. مقتل 54 بغارة دير الزور والتحالف يلمح لمسؤوليته"
OBSERVATORY = (
    "وأحصى المرصد السوري لحقوق الانسان، أمس السبت، مقتل 43 شخصاً بينهم 36 مدنياً من عائلات مقاتلي التنظيم، "
    "في ضربات قال إن طائرات التحالف نفذتها فجراً ضد قرية أبو الحسن.\n"
    "ونفى التحالف الدولي أن تكون ضرباته قد أوقعت قتلى بين المدنيين."
)
CAR_BOMB = "قتل 8 أشخاص بانفجار سيارة مفخخة في مدينة الباب، وتبنى تنظيم الدولة الهجوم."


def tag(project: Project, doc: Document, label: str, text: str, occurrence: int = 0) -> str:
    """A confirmed span of the coder over the ``occurrence``-th ``text`` in the document."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return project.add_annotation(doc.id, label, start, start + len(text)).id


def suggest(project: Project, doc: Document) -> tuple[list[Any], list[Event]]:
    return suggest_document_events(project, doc.id, Suggesters.for_project(project, use_gazetteer=False))


def texts(project: Project, event: Event) -> dict[str, list[str]]:
    """The event's proposal, role by role, as the words of its spans."""
    return {
        role: [project.annotation(span).text for span in spans] for role, spans in proposed_slots(event).items()
    }


def add(project: Project, text: str, date: str = "", key: str = "d1") -> Document:
    return project.add_document(text, key=key, date=date)[0]


def test_shelling_by_the_regime_with_source_date_and_places(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    perpetrator = tag(project, doc, "ACTOR", "قوات النظام")
    places = [tag(project, doc, "PLACE", "كفرنبل"), tag(project, doc, "PLACE", "إدلب")]
    source = tag(project, doc, "ACTOR", "المرصد السوري لحقوق الإنسان")
    spans, events = suggest(project, doc)
    assert [(a.label, a.text) for a in spans] == [("CASUALTY", "12"), ("DATE", "أمس الخميس")]
    [event] = events
    assert (event.type, event.coder, event.origin) == ("ATTACK", "amal", "suggested")
    assert event.attrs == {"attribution": "asserted", "weapon": "shelling", "date": "2018-06-07"}
    assert texts(project, event) == {
        "perpetrator": ["قوات النظام"],
        "place": ["كفرنبل", "إدلب"],
        "casualties": ["12"],
        "source": ["المرصد السوري لحقوق الإنسان"],
        "date": ["أمس الخميس"],
    }
    # the store keeps suggestions out of slots: the event's own slots are the confirmed spans
    assert event.slots == {"perpetrator": (perpetrator,), "place": tuple(places), "source": (source,)}
    assert project.event(event.id) == event
    assert pending_event_suggestions(project, doc.id) == [event]


def test_headline_hint_names_the_coalition(project: Project) -> None:
    doc = add(project, HEADLINE)
    tag(project, doc, "PLACE", "دير الزور")
    coalition = tag(project, doc, "ACTOR", "التحالف")
    [event] = suggest(project, doc)[1]
    assert event.attrs == {"attribution": "hinted", "weapon": "airstrike"}  # no date: the document has none
    assert texts(project, event) == {"perpetrator": ["التحالف"], "place": ["دير الزور"], "casualties": ["54"]}
    assert event.slots["perpetrator"] == (coalition,)


def test_coalition_aircraft_and_a_denial_in_the_next_sentence(project: Project) -> None:
    doc = add(project, OBSERVATORY, "2018-12-02")  # a Sunday: أمس السبت is 1 December
    tag(project, doc, "ACTOR", "المرصد السوري لحقوق الانسان")
    tag(project, doc, "ACTOR", "التحالف")
    tag(project, doc, "PLACE", "أبو الحسن")
    [event] = suggest(project, doc)[1]
    assert event.attrs == {"attribution": "denied", "weapon": "airstrike", "date": "2018-12-01"}
    assert texts(project, event) == {
        "perpetrator": ["التحالف"],
        "place": ["أبو الحسن"],
        "casualties": ["43", "36"],
        "source": ["المرصد السوري لحقوق الانسان"],
        "date": ["أمس السبت"],
    }


def test_car_bomb_claimed(project: Project) -> None:
    doc = add(project, CAR_BOMB)
    tag(project, doc, "PLACE", "الباب")
    tag(project, doc, "ACTOR", "تنظيم الدولة")
    [event] = suggest(project, doc)[1]
    assert event.attrs == {"attribution": "admitted", "weapon": "car_bomb"}
    assert texts(project, event)["perpetrator"] == ["تنظيم الدولة"]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("قتل 5 أشخاص في حلب.", [("PLACE", "حلب")]),  # no strike word
        ("شنت طائرات التحالف غارات على الرقة.", [("PLACE", "الرقة"), ("ACTOR", "التحالف")]),  # no casualty
        ("قتل 5 أشخاص في قصف عنيف.", []),  # neither a place nor an actor
        # the figure is the war's toll, not the attack's
        ("وقتل أكثر من 350 ألف شخص منذ اندلاع النزاع عام 2011 جراء القصف في سوريا.", [("PLACE", "سوريا")]),
        # the strike word is in another sentence
        ("قصفت الطائرات مواقع عدة.\nوقتل 5 أشخاص في حلب.", [("PLACE", "حلب")]),
    ],
)
def test_no_event_without_strike_word_casualty_or_place(project: Project, text: str, tags: list[tuple[str, str]]) -> None:
    doc = add(project, text)
    for label, words in tags:
        tag(project, doc, label, words)
    assert suggest(project, doc)[1] == []


def test_sentences_end_at_stops_and_newlines_not_commas() -> None:
    text = "قتل 3.5 ألف، في حلب. وقال المرصد!\nوأصيب 4"
    assert [text[s:e] for s, e in sentences(text)] == ["قتل 3.5 ألف، في حلب.", " وقال المرصد!", "وأصيب 4"]


def test_no_duplicate_on_a_second_run_nor_over_an_existing_event(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    tag(project, doc, "PLACE", "كفرنبل")
    assert len(suggest(project, doc)[1]) == 1
    assert suggest(project, doc)[1] == []
    other = add(project, SHELLING.replace("12", "13"), "2018-06-08", key="d2")
    tag(project, other, "PLACE", "كفرنبل")
    casualty = tag(project, other, "CASUALTY", "13")
    project.add_event(other.id, "ATTACK", slots={"casualties": [casualty]})
    assert suggest(project, other)[1] == []


def test_a_rejected_event_is_not_suggested_again(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    tag(project, doc, "PLACE", "كفرنبل")
    [event] = suggest(project, doc)[1]
    reject_event_suggestion(project, event.id)
    assert pending_event_suggestions(project, doc.id) == []
    assert project.rejected_event_suggestions(doc.id, "amal")[0].id == event.id
    assert suggest(project, doc) == ([], [])
    project.restore_event(event.id)  # the window's undo
    assert pending_event_suggestions(project, doc.id) == [event]
    with pytest.raises(ValidationError, match="not a pending suggestion"):
        reject_event_suggestion(project, accept_event_suggestion(project, event.id).id)


def test_accepting_accepts_its_spans_and_reverts(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    tag(project, doc, "PLACE", "كفرنبل")
    [event] = suggest(project, doc)[1]
    pending = event_suggestion_spans(project, event)
    assert sorted(a.text for a in pending) == ["12", "أمس الخميس"]
    accepted = accept_event_suggestion(project, event.id)
    assert accepted.origin == "manual"
    assert accepted.slots == proposed_slots(event)
    assert {project.annotation(a.id).origin for a in pending} == {"manual"}
    assert accepted.attrs == event.attrs and accepted.provenance == event.provenance
    assert suggest(project, doc)[1] == []  # an accepted event is not suggested again
    back = revert_event_acceptance(project, event, pending)
    assert (back.origin, back.slots) == ("suggested", event.slots)
    assert {project.annotation(a.id).origin for a in pending} == {"suggested"}


def test_accepting_leaves_out_a_span_rejected_since(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    tag(project, doc, "PLACE", "كفرنبل")
    [event] = suggest(project, doc)[1]
    date_span = proposed_slots(event)["date"][0]
    project.reject_suggestion(date_span)
    accepted = accept_event_suggestion(project, event.id)
    assert "date" not in accepted.slots and len(accepted.slots["casualties"]) == 1


def test_suggest_documents_reports_events(project: Project) -> None:
    doc = add(project, SHELLING, "2018-06-08")
    tag(project, doc, "PLACE", "كفرنبل")
    add(project, "قتل 5 أشخاص في حلب.", key="d2")
    suggesters = Suggesters.for_project(project, use_gazetteer=False)
    report = suggest_documents(project, suggesters=suggesters)
    assert [len(report.events[k]) for k in ("d1", "d2")] == [1, 0]
    assert report.lines()[-1] == "3 new suggestion(s) and 1 new event suggestion(s) in 2 document(s)"
    assert suggest_document(project, doc.id, suggesters) == []
    assert len(pending_event_suggestions(project, doc.id)) == 1


def test_cli_suggest_json_prints_events(tmp_path: Path) -> None:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        doc = add(project, SHELLING, "2018-06-08")
        place = tag(project, doc, "PLACE", "كفرنبل")
    result = CliRunner().invoke(main, ["suggest", str(path), "--json", "--no-gazetteer"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    spans = {s["id"]: s["text"] for s in record["spans"]}
    [event] = record["events"]
    assert (event["type"], event["coder"], event["origin"]) == ("ATTACK", "amal", "suggested")
    assert event["attrs"] == {"attribution": "asserted", "weapon": "shelling", "date": "2018-06-07"}
    assert event["slots"]["place"] == [place]
    assert [spans[s] for s in event["slots"]["casualties"]] == ["12"]
    assert [spans[s] for s in event["slots"]["date"]] == ["أمس الخميس"]
    assert "1 new event suggestion(s)" in result.stderr


def test_a_codebook_without_attack_gets_no_events(tmp_path: Path) -> None:
    codebook = replace(default_codebook(), event_types=())
    with Project.create(tmp_path / "lead.db", coder="amal", codebook=codebook) as project:
        doc = add(project, SHELLING, "2018-06-08")
        tag(project, doc, "PLACE", "كفرنبل")
        spans, events = suggest(project, doc)
        assert events == [] and [a.label for a in spans] == ["CASUALTY", "DATE"]


BITS = st.sampled_from(
    [
        "قتل", "12", "مدنيا", "أمس", "الخميس", "في", "غارة", "قصف", "لقوات", "النظام", "على", "كفرنبل", "بحسب",
        "المرصد", "نفى", "التحالف", "يلمح", "لمسؤوليته", "طائرات", "مفخخة", "،", ".", "\n", "السابع", "من",
        "حزيران", "2018", "عشرات", "أكثر", "ـ", "\u064e",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(BITS, min_size=1, max_size=40).map(" ".join))
def test_law_events_are_valid_and_within_one_sentence(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    with Project.create(tmp_path_factory.mktemp("p") / "p.db", coder="amal") as project:
        doc = add(project, text, "2018-06-08")
        for name in ("كفرنبل", "النظام", "التحالف"):
            if name in text:
                tag(project, doc, "PLACE" if name == "كفرنبل" else "ACTOR", name)
        _, events = suggest(project, doc)
        bounds = sentences(text)
        for event in events:
            spans = [project.annotation(s) for ids in proposed_slots(event).values() for s in ids]
            assert any(s <= min(a.start for a in spans) and max(a.end for a in spans) <= e for s, e in bounds)
            assert {project.annotation(s).label for s in proposed_slots(event)["casualties"]} == {"CASUALTY"}
            assert accept_event_suggestion(project, event.id).origin == "manual"
        assert suggest(project, doc)[1] == []


def test_a_lone_tatweel_after_a_known_name_is_no_word(project: Project) -> None:
    doc = add(project, "قصف النظام ـ قتل 5 في كفرنبل")
    tag(project, doc, "ACTOR", "النظام")
    other = add(project, "قوات النظام ـ هناك", key="d2")
    assert [a.text for a in suggest(project, other)[0]] == ["النظام"]
