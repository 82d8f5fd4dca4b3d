"""What to tell a coder who marks a document done while it still holds loose ends.

Marking done is the coder's word that the document is finished; it is never refused,
but suggestions nobody looked at, a casualty figure that says something else than
its words, or a required attribute left empty are easy to miss in a long article.
The window lists them before it marks the document, and each one names the span
to go to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from annotator.codebook import Codebook
from annotator.models import Annotation, Event, Origin
from annotator.spans import prefilled_attributes


class Problem(StrEnum):
    """The kinds of loose end, in the order they are listed."""

    PENDING_SUGGESTION = "pending_suggestion"
    PENDING_EVENT = "pending_event"
    VALUE_DIFFERS = "value_differs"
    MISSING_REQUIRED = "missing_required"


@dataclass(frozen=True)
class DoneProblem:
    """One loose end on one span, or on one suggested event (``span`` is then None);
    ``detail`` holds what the message needs (the value the text reads, the names of
    the missing attributes)."""

    kind: Problem
    span: Annotation | None
    detail: tuple[str, ...] = ()
    event: Event | None = None


def done_problems(
    text: str, spans: Iterable[Annotation], codebook: Codebook, events: Iterable[Event] = ()
) -> list[DoneProblem]:
    """Loose ends of a document whose stored text is ``text``, by kind, then in text order.

    ``spans`` and ``events`` are the coder's of that document, suggestions included. A figure
    differs when the number its words read (as a freshly tagged span would be
    prefilled) is not the ``value`` stored; a span whose words read no number, or
    with no value, is not compared.
    """
    problems: list[DoneProblem] = []
    for span in sorted(spans, key=lambda a: (a.start, a.end, a.id)):
        if span.origin == Origin.SUGGESTED:
            problems.append(DoneProblem(Problem.PENDING_SUGGESTION, span))
            continue
        if not codebook.has_label(span.label):
            continue
        stored = span.attrs.get("value")
        read = prefilled_attributes(codebook, span.label, text, span.start, span.end).get("value")
        if stored is not None and read is not None and stored != read:
            problems.append(DoneProblem(Problem.VALUE_DIFFERS, span, (str(read),)))
        missing = codebook.label(span.label).missing_required(span.attrs)
        if missing:
            problems.append(DoneProblem(Problem.MISSING_REQUIRED, span, tuple(missing)))
    problems += [
        DoneProblem(Problem.PENDING_EVENT, None, (event.type,), event)
        for event in sorted(events, key=lambda e: e.id)
        if event.origin == Origin.SUGGESTED
    ]
    order = list(Problem)
    return sorted(problems, key=lambda p: order.index(p.kind))


LISTED = 8  # spans named one by one before "and N more"


@dataclass(frozen=True)
class DoneSummary:
    """Loose ends as the window and the command line tell them: counts of pending suggested
    spans and events, the first spans with a problem of their own, and how many more."""

    pending: int
    events: int
    listed: tuple[DoneProblem, ...]
    more: int


def summarised(problems: list[DoneProblem]) -> DoneSummary:
    others = [p for p in problems if p.span is not None and p.kind != Problem.PENDING_SUGGESTION]
    return DoneSummary(
        pending=sum(1 for p in problems if p.kind == Problem.PENDING_SUGGESTION),
        events=sum(1 for p in problems if p.kind == Problem.PENDING_EVENT),
        listed=tuple(others[:LISTED]),
        more=max(0, len(others) - LISTED),
    )
