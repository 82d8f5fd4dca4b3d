"""Our JSONL record (DESIGN.md, "Files in and out"): one document a line.

The same shape comes in (import) and goes out (export), so a project exported
and imported again holds the same spans. Every importer turns its input into
:class:`DocumentRecord`s, and every check of a record happens here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import InputError
from annotator.models import ORIGINS, STATUSES, Annotation, Document, Event
from annotator.text import canonical_offsets, canonical_text

META_FIELDS = ("title", "source", "url", "date")


@dataclass
class SpanRecord:
    start: int
    end: int
    label: str
    text: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    coder: str | None = None
    origin: str | None = None
    provenance: dict[str, Any] | None = None
    line: int | None = None  # where the span is written, when it has a line of its own (brat)


@dataclass
class EventRecord:
    """An event of a record: its slots name spans of the same record by their ids."""

    type: str
    slots: dict[str, list[str]] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    coder: str | None = None
    origin: str | None = None
    provenance: dict[str, Any] | None = None


@dataclass
class DocumentRecord:
    """A document read from a source, before it meets a project."""

    text: str
    key: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    spans: list[SpanRecord] = field(default_factory=list)
    path: str = "<input>"
    line: int | None = None
    events: list[EventRecord] = field(default_factory=list)

    def check_spans(self) -> None:
        """Refuse a span outside the text or whose ``text`` is not ``text[start:end]``."""
        text, length = self.text, len(self.text)
        for number, span in enumerate(self.spans, start=1):
            start, end = span.start, span.end
            if not (0 <= start < end <= length):
                raise InputError(
                    f"{_where(number, span)} does not fit in the text of {length} characters "
                    "(offsets are Unicode code points, end exclusive)",
                    path=self.path,
                    line=self.line,
                )
            if span.text is not None and span.text != text[start:end]:
                raise InputError(
                    f"{_where(number, span)} says {span.text!r} but the text there is {text[start:end]!r}",
                    path=self.path,
                    line=self.line,
                )


def _where(number: int, span: SpanRecord) -> str:
    return f"span {number} ({span.label} [{span.start}, {span.end}))"


def record_from_json(data: Any, path: str, line: int) -> DocumentRecord:
    """Check one parsed JSONL line and build its record; errors name the file and line."""

    def fail(message: str) -> InputError:
        return InputError(message, path=path, line=line)

    if not isinstance(data, dict):
        raise fail("each line must be a JSON object (one document)")
    text = data.get("text")
    if not isinstance(text, str):
        raise fail('the record has no "text" string')
    raw_text, text = text, canonical_text(text, path)
    key = data.get("id")
    if key is not None and not isinstance(key, str | int):
        raise fail('"id" must be text or a number')
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise fail('"meta" must be an object')
    for name in META_FIELDS:
        if name in data and name not in meta:  # tolerate flat records from other tools
            meta[name] = data[name]
    status = data.get("status")
    if status is not None and status not in STATUSES:
        raise fail(f'unknown status {status!r} (use {", ".join(STATUSES)})')
    raw_spans = data.get("spans") or []
    if not isinstance(raw_spans, list):
        raise fail('"spans" must be a list')
    spans = [_span_from_json(raw, number, fail) for number, raw in enumerate(raw_spans, start=1)]
    if raw_text != text:
        # Offsets were made on the text as written (\r\n, a BOM): keep them on the same characters.
        moved = canonical_offsets(raw_text)
        for span in spans:
            span.start, span.end = moved(span.start), moved(span.end)
            if span.text is not None:
                span.text = span.text.replace("\r\n", "\n").replace("\r", "\n")
    raw_events = data.get("events") or []
    if not isinstance(raw_events, list):
        raise fail('"events" must be a list')
    events = [_event_from_json(raw, number, fail) for number, raw in enumerate(raw_events, start=1)]
    for kind, ids in (("span", [s.id for s in spans if s.id]), ("event", [e.id for e in events if e.id])):
        repeated = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
        if repeated is not None:  # the second would silently overwrite the first
            raise fail(f"two {kind}s of this record have the id {repeated!r}")
    span_ids = {span.id for span in spans if span.id}
    for number, event in enumerate(events, start=1):
        for role, ids in event.slots.items():
            stranger = next((span_id for span_id in ids if span_id not in span_ids), None)
            if stranger is not None:
                raise fail(
                    f"event {number} ({event.type}): role {role} names span {stranger!r}, which is not a span of "
                    'this record (an event names the spans of its record by their "id": give those spans ids)'
                )
    record = DocumentRecord(
        text=text, key=None if key is None else str(key), meta=meta, status=status, spans=spans, path=path, line=line,
        events=events,
    )
    record.check_spans()
    return record


def _event_from_json(raw: Any, number: int, fail: Any) -> EventRecord:
    if not isinstance(raw, dict):
        raise fail(f"event {number} must be an object")
    kind = raw.get("type")
    if not isinstance(kind, str) or not kind:
        raise fail(f'event {number} needs a "type"')
    slots = raw.get("slots") or {}
    if not isinstance(slots, dict) or not all(
        isinstance(ids, list) and all(isinstance(i, str) and i for i in ids) for ids in slots.values()
    ):
        raise fail(f'event {number}: "slots" must map each role to a list of span ids')
    attrs = raw.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise fail(f'event {number}: "attrs" must be an object')
    origin = raw.get("origin")
    if origin is not None and origin not in ORIGINS:
        raise fail(f"event {number}: unknown origin {origin!r} (use {', '.join(ORIGINS)})")
    for name in ("id", "coder"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise fail(f'event {number}: "{name}" must be text')
    provenance = raw.get("provenance")
    if provenance is not None and not isinstance(provenance, dict):
        raise fail(f'event {number}: "provenance" must be an object')
    return EventRecord(
        type=kind, slots={role: list(ids) for role, ids in slots.items()}, attrs=attrs, id=raw.get("id"),
        coder=raw.get("coder"), origin=origin, provenance=provenance,
    )


def _span_from_json(raw: Any, number: int, fail: Any) -> SpanRecord:
    # Each span of every imported record comes through here: every field is read once.
    if not isinstance(raw, dict):
        raise fail(f"span {number} must be an object")
    get = raw.get
    start, end, label = get("start"), get("end"), get("label")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        raise fail(f'span {number} needs whole-number "start" and "end"')
    if not isinstance(label, str) or not label:
        raise fail(f'span {number} needs a "label"')
    attrs = get("attrs") or {}
    if not isinstance(attrs, dict):
        raise fail(f'span {number}: "attrs" must be an object')
    origin = get("origin")
    if origin is not None and origin not in ORIGINS:
        raise fail(f"span {number}: unknown origin {origin!r} (use {', '.join(ORIGINS)})")
    span_id, coder, text = get("id"), get("coder"), get("text")
    texts = (span_id is None or isinstance(span_id, str)) and (coder is None or isinstance(coder, str)) and (
        text is None or isinstance(text, str)
    )
    if not texts:
        for name, value in (("id", span_id), ("coder", coder), ("text", text)):
            if value is not None and not isinstance(value, str):
                raise fail(f'span {number}: "{name}" must be text')
    provenance = get("provenance")
    if provenance is not None and not isinstance(provenance, dict):
        raise fail(f'span {number}: "provenance" must be an object')
    return SpanRecord(start, end, label, text, attrs, span_id, coder, origin, provenance)


def span_to_json(ann: Annotation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": ann.id,
        "start": ann.start,
        "end": ann.end,
        "label": ann.label,
        "text": ann.text,
        "attrs": ann.attrs,
        "coder": ann.coder,
        "origin": ann.origin,
    }
    if ann.provenance:
        out["provenance"] = ann.provenance
    return out


def event_to_json(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type,
        "attrs": event.attrs,
        "slots": {role: list(spans) for role, spans in event.slots.items()},
        "coder": event.coder,
        "origin": event.origin,
    }
    if event.provenance:
        out["provenance"] = event.provenance
    return out


def record_meta(doc: Document) -> dict[str, Any]:
    """The record's "meta": the document's title, source, url and date, then its other metadata."""
    meta = {name: getattr(doc, name) for name in META_FIELDS if getattr(doc, name)}
    meta.update({k: v for k, v in doc.meta.items() if k not in meta})
    return meta


def document_to_json(
    doc: Document, status: str, spans: list[Annotation], events: list[Event] | None = None
) -> dict[str, Any]:
    """The record of a document; "events" only when it has some, so a record of spans alone is
    the same bytes it was before events existed."""
    out: dict[str, Any] = {
        "id": doc.key,
        "text": doc.text,
        "meta": record_meta(doc),
        "status": status,
        "spans": [span_to_json(a) for a in spans],
    }
    if events:
        out["events"] = [event_to_json(e) for e in events]
    return out


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 Arabic as is, keys sorted, so exports are byte-for-byte stable."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True)
