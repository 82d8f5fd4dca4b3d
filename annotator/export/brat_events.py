"""Events in brat standoff: ``E`` lines, their attributes, and ``[events]`` in ``annotation.conf``.

brat writes an event as ``E1<TAB>ATTACK:T9 perpetrator:T1 casualties:T4 casualties2:T5``:
the type with its trigger, then one ``role:T`` argument per span, a role that takes
several spans numbered from its second (brat's ``Theme``, ``Theme2``). brat needs a
trigger, a text span typed with the event type; our events have none, so each event gets
one written over the offsets of its first slot span (role by role in the codebook's order;
the document's first character for an event with no slot). ``annotator import`` reads a
trigger as the event's and drops it, so brat out and in again gives the same events.

Choice attributes (attribution, weapon) are ``A`` lines on the ``E`` id, their values
listed in ``annotation.conf``; the others (the resolved date) and the event's id, coder
and origin are ``#`` notes on it, as for spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from annotator.codebook import Codebook, EventType
from annotator.models import Event

_SAFE_VALUE = re.compile(r"^[\w.\-]+$")
_BREAKS = re.compile(r"[\n\t]+")


def events_conf(codebook: Codebook) -> list[str]:
    """``[events]`` lines: ``ATTACK<TAB>perpetrator*:ACTOR, source?:ACTOR, ...`` (? one at most, * any)."""
    lines = []
    for event_type in codebook.event_types:
        roles = ", ".join(f"{role.name}{'*' if role.many else '?'}:{'|'.join(role.labels)}" for role in event_type.roles)
        lines.append(f"{event_type.name}\t{roles}" if roles else event_type.name)
    return lines


def event_choice_attributes(codebook: Codebook) -> dict[str, tuple[list[str], list[str]]]:
    """``{attribute: (event types, values)}`` for the choice attributes of event types."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for event_type in codebook.event_types:
        for attribute in event_type.attributes:
            if attribute.type != "choice":
                continue
            types, values = out.setdefault(attribute.name, ([], []))
            types.append(event_type.name)
            values += [v for v in attribute.choices if _SAFE_VALUE.match(v) and v not in values]
    return out


def _is_choice(event_type: EventType | None, name: str, value: Any) -> bool:
    attribute = next((a for a in event_type.attributes if a.name == name), None) if event_type else None
    return (
        attribute is not None and attribute.type == "choice" and isinstance(value, str)
        and bool(_SAFE_VALUE.match(value))
    )


def first_character(text: str) -> str | None:
    """``start end`` of the first character that a .ann line can hold, for an event with no slot."""
    for index, char in enumerate(text):
        if char not in "\n\t\r":
            return f"{index} {index + 1}"
    return None


def event_lines(
    text: str,
    events: Iterable[Event],
    written: Mapping[str, tuple[str, str, str]],
    codebook: Codebook,
    lines: list[str],
    counts: dict[str, int],
) -> list[str]:
    """The trigger, ``E``, ``A`` and ``#`` lines of the events, numbered after ``lines`` (the spans').

    ``written`` maps each span id to its ``T`` id, offsets and text as written; a slot span
    brat could not hold is counted in ``counts["lost_slots"]``.
    """
    number = {kind: sum(1 for line in lines if line.startswith(kind)) for kind in ("T", "A", "#")}
    out: list[str] = []
    types = {t.name: t for t in codebook.event_types}
    for e, event in enumerate(events, start=1):
        arguments: list[str] = []
        trigger: tuple[str, str] | None = None
        for role, span_ids in event.slots.items():
            repeat = 0
            for span_id in span_ids:
                if span_id not in written:
                    counts["lost_slots"] = counts.get("lost_slots", 0) + 1
                    continue
                t_id, offsets, words = written[span_id]
                repeat += 1
                arguments.append(f"{role}{repeat if repeat > 1 else ''}:{t_id}")
                trigger = trigger or (offsets, words)
        if trigger is None:
            start = first_character(text)
            if start is None:
                counts["lost_events"] = counts.get("lost_events", 0) + 1
                continue
            begin, end = (int(x) for x in start.split(" "))
            trigger = (start, text[begin:end])
        number["T"] += 1
        trigger_id = f"T{number['T']}"
        out.append(f"{trigger_id}\t{event.type} {trigger[0]}\t{trigger[1]}")
        out.append(f"E{e}\t" + " ".join([f"{event.type}:{trigger_id}", *arguments]))
        notes: list[tuple[str, Any]] = []
        for name, value in sorted(event.attrs.items()):
            if _is_choice(types.get(event.type), name, value):
                number["A"] += 1
                out.append(f"A{number['A']}\t{name} E{e} {value}")
            else:
                notes.append((name, value))
        notes += [("id", event.id), ("coder", event.coder), ("origin", event.origin)]
        for name, value in notes:
            number["#"] += 1
            out.append(f"#{number['#']}\tAnnotatorNotes E{e}\t{name}={_BREAKS.sub(' ', str(value))}")
    return out
