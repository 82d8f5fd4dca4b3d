"""brat ``E`` lines read back into events (the writer: :mod:`annotator.export.brat_events`).

:func:`take_event_lines` runs before the brat reader reads the ``.ann`` lines: it takes out
the ``E`` lines, the triggers they name (a trigger is brat's, not a span of ours) and the
``A``/``M``/``#`` lines on ``E`` ids, leaving blank lines so every other line keeps its
number for error messages. :func:`attach_events` then ties each event's arguments to the
spans the reader read, by ``T`` id, and hangs the events on the record;
:func:`store_brat_events` stores them once the record's spans are in the project, finding
each slot's span by its id (our exports keep ids) or else by coder, label and offsets.

An argument that names an event (brat's nested events) or a ``T`` id not defined in the
file is refused with the line, like any bad input. ``role2``, ``role3`` are brat's way of
repeating ``role`` and are read as ``role`` when ``role`` is an argument of the same line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import InputError, ValidationError
from annotator.importing.events import store_events
from annotator.models import Annotation
from annotator.records import DocumentRecord, EventRecord, SpanRecord

if TYPE_CHECKING:  # the readers run in worker processes that never open a project
    from annotator.importing.prepare import PreparedDocument
    from annotator.importing.run import ImportReport
    from annotator.store.project import Project

ATTRIBUTE = "brat_events"  # the record's attribute that carries them from reader to store
_REPEAT = re.compile(r"^(.*?)(\d+)$")


@dataclass
class SlotRef:
    """A slot's span as the file gives it: its id when the file had one, else where it is."""

    label: str
    start: int
    end: int
    id: str | None = None
    coder: str | None = None


@dataclass
class BratEvent:
    type: str
    line: int
    slots: dict[str, list[SlotRef]] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    coder: str | None = None
    origin: str | None = None


@dataclass
class TakenLines:
    """The event lines taken out of a .ann file, by line number."""

    events: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (line, E id, fields)
    attributes: list[tuple[int, str, str, Any]] = field(default_factory=list)  # (line, E id, name, value)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (E id, name, value)


def take_event_lines(raw: str, path: Path) -> tuple[str, TakenLines]:
    """``raw`` with its event lines blanked, and those lines parsed."""
    lines = raw.split("\n")
    taken = TakenLines()
    event_ids: set[str] = set()
    triggers: set[str] = set()
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if not parts[0].startswith("E") or not line.strip():
            continue
        if len(parts) < 2 or ":" not in parts[1].split(" ")[0]:
            raise InputError("an E line needs a tab, then TYPE:TRIGGER and its arguments", path=path, line=number)
        fields = parts[1].split()
        event_ids.add(parts[0])
        triggers.add(fields[0].partition(":")[2])
        taken.events.append((number, parts[0], fields))
        lines[number - 1] = ""
    if not event_ids:
        return raw, taken
    seen_triggers: set[str] = set()
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        ident = parts[0]
        fields = parts[1].split(" ") if len(parts) > 1 else []
        target = fields[1] if len(fields) > 1 else ""
        if ident in triggers:
            seen_triggers.add(ident)
            lines[number - 1] = ""
        elif ident[:1] in ("A", "M") and target in event_ids:
            taken.attributes.append((number, target, fields[0], fields[2] if len(fields) > 2 else True))
            lines[number - 1] = ""
        elif ident.startswith("#") and (target in event_ids or target in triggers):
            if target in event_ids and len(parts) > 2 and "=" in parts[2]:
                name, _, value = parts[2].partition("=")
                taken.notes.append((target, name.strip(), value.strip()))
            lines[number - 1] = ""
        elif ident[:1] in ("A", "M") and target in triggers:
            lines[number - 1] = ""
    for number, ident, fields in taken.events:
        trigger = fields[0].partition(":")[2]
        if trigger not in seen_triggers:
            raise InputError(f"{ident}: its trigger {trigger} names no T line of this file", path=path, line=number)
    return "\n".join(lines), taken


def attach_events(record: DocumentRecord, taken: TakenLines, spans: dict[str, SpanRecord], path: Path) -> None:
    """Tie the taken events to the spans read (``spans``: T id → span) and hang them on ``record``."""
    if not taken.events:
        return
    events: dict[str, BratEvent] = {}
    for number, ident, fields in taken.events:
        kind = fields[0].partition(":")[0]
        event = BratEvent(type=kind, line=number)
        roles = [argument.partition(":")[0] for argument in fields[1:]]
        for argument in fields[1:]:
            role, _, target = argument.partition(":")
            if target not in spans:
                what = "an event (events inside events are not supported)" if target.startswith("E") else (
                    "no T line of this file"
                )
                raise InputError(f"{ident}: argument {argument} names {what}", path=path, line=number)
            repeat = _REPEAT.match(role)
            if repeat and repeat.group(1) in roles and int(repeat.group(2)) >= 2:
                role = repeat.group(1)
            span = spans[target]
            event.slots.setdefault(role, []).append(
                SlotRef(label=span.label, start=span.start, end=span.end, id=span.id, coder=span.coder)
            )
        events[ident] = event
    for _line, ident, name, value in taken.attributes:
        events[ident].attrs[name] = value
    for ident, name, value in taken.notes:
        event = events[ident]
        if name in ("id", "coder", "origin"):
            setattr(event, name, value)
        else:
            event.attrs[name] = value
    setattr(record, ATTRIBUTE, list(events.values()))


def brat_events_of(record: DocumentRecord) -> list[BratEvent]:
    found: list[BratEvent] = getattr(record, ATTRIBUTE, [])
    return found


def store_brat_events(project: Project, prepared: PreparedDocument, report: ImportReport) -> None:
    """Store the record's brat events in its document (found by its text's digest), by the
    rule every import of events follows (:func:`annotator.importing.events.store_events`),
    once each slot's span is known by id (our exports keep ids) or by coder, label and offsets."""
    record = prepared.record
    events = brat_events_of(record)
    doc = project.document_by_sha(prepared.digested.sha256) if events else None
    if doc is None:
        return
    live = project.annotations(doc.id)
    for event in events:
        try:
            resolved = EventRecord(
                type=event.type,
                slots={role: [_span_id(project, live, ref) for ref in refs] for role, refs in event.slots.items()},
                attrs=_typed(project, event),
                id=event.id,
                coder=event.coder,
                origin=event.origin,
            )
            store_events(project, doc.id, [resolved], report)
        except ValidationError as exc:
            raise InputError(exc.problem, path=record.path, line=event.line) from None


def _span_id(project: Project, live: list[Annotation], ref: SlotRef) -> str:
    if ref.id:
        return ref.id
    coder = ref.coder or project.coder
    for span in live:
        if (span.coder, span.label, span.start, span.end) == (coder, ref.label, ref.start, ref.end):
            return span.id
    raise ValidationError(f"no {ref.label} span at [{ref.start}, {ref.end}) for this event's slot")


def _typed(project: Project, event: BratEvent) -> dict[str, Any]:
    """brat holds every value as text: numbers and flags back to what the codebook types say."""
    types = {t.name: t for t in project.codebook.event_types}
    kind = types.get(event.type)
    out: dict[str, Any] = {}
    for name, value in event.attrs.items():
        attribute = next((a for a in kind.attributes if a.name == name), None) if kind else None
        if attribute is not None and attribute.type == "integer" and isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise ValidationError(f"attribute {name} of {event.type} must be a whole number, not {value!r}") from None
        out[name] = value
    return out
