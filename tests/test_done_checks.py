"""Loose ends of a document before it is marked done: pending suggestions, a casualty figure
that its words contradict, required attributes left empty."""

from __future__ import annotations

from typing import Any

from annotator.codebook_reading import default_codebook
from annotator.done_checks import Problem, done_problems
from annotator.models import Annotation, Event, Origin

TEXT = "قُتِلَ 28 مدنيا وأصيب ثلاثة آخرون في قصف على بلدة الباغوز بدير الزور."
CODEBOOK = default_codebook()


def span(words: str, label: str, attrs: dict[str, Any] | None = None, origin: str = Origin.MANUAL) -> Annotation:
    start = TEXT.index(words)
    return Annotation(f"{label}-{start}", 1, "amal", label, start, start + len(words), words, attrs or {}, origin)


def kinds(spans: list[Annotation]) -> list[tuple[Problem, str, tuple[str, ...]]]:
    return [(p.kind, p.span.text if p.span else "", p.detail) for p in done_problems(TEXT, spans, CODEBOOK)]


def test_a_finished_document_has_no_problems() -> None:
    spans = [
        span("28 مدنيا", "CASUALTY", {"value": 28, "status": "killed"}),
        span("ثلاثة", "CASUALTY", {"value": 3, "status": "injured"}),
        span("الباغوز", "PLACE"),
    ]
    assert kinds(spans) == []


def test_a_value_its_words_contradict() -> None:
    spans = [span("28 مدنيا", "CASUALTY", {"value": 30, "status": "killed"})]
    assert kinds(spans) == [(Problem.VALUE_DIFFERS, "28 مدنيا", ("28",))]
    # Number words are read too: ثلاثة is 3.
    assert kinds([span("ثلاثة", "CASUALTY", {"value": 30, "status": "injured"})]) == [
        (Problem.VALUE_DIFFERS, "ثلاثة", ("3",))
    ]


def test_pending_suggestions_come_first_then_values_then_missing() -> None:
    spans = [
        span("الباغوز", "PLACE", origin=Origin.SUGGESTED),
        span("ثلاثة", "CASUALTY", {"value": 3}),
        span("28 مدنيا", "CASUALTY", {"value": 30, "status": "killed"}),
        span("دير الزور", "PLACE", origin=Origin.SUGGESTED),
    ]
    assert kinds(spans) == [
        (Problem.PENDING_SUGGESTION, "الباغوز", ()),
        (Problem.PENDING_SUGGESTION, "دير الزور", ()),
        (Problem.VALUE_DIFFERS, "28 مدنيا", ("28",)),
        (Problem.MISSING_REQUIRED, "ثلاثة", ("status",)),
    ]


def test_a_suggestion_is_not_also_checked_for_its_attributes() -> None:
    # Its attributes are the suggester's; the coder will see them when accepting it.
    spans = [span("28 مدنيا", "CASUALTY", {"value": 30}, origin=Origin.SUGGESTED)]
    assert kinds(spans) == [(Problem.PENDING_SUGGESTION, "28 مدنيا", ())]


def test_suggested_events_are_pending_too() -> None:
    place = span("الباغوز", "PLACE")
    suggested = Event("E2", 1, "amal", "ATTACK", slots={"place": (place.id,)}, origin=Origin.SUGGESTED)
    kept = Event("E1", 1, "amal", "ATTACK", slots={"place": (place.id,)})
    problems = done_problems(TEXT, [place], CODEBOOK, [kept, suggested])
    assert [(p.kind, p.span, p.event) for p in problems] == [(Problem.PENDING_EVENT, None, suggested)]
