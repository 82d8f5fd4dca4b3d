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
from annotator.models import ORIGINS, STATUSES, Annotation, Document
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
class DocumentRecord:
    """A document read from a source, before it meets a project."""

    text: str
    key: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    spans: list[SpanRecord] = field(default_factory=list)
    path: str = "<input>"
    line: int | None = None

    def check_spans(self) -> None:
        """Refuse a span outside the text or whose ``text`` is not ``text[start:end]``."""
        for number, span in enumerate(self.spans, start=1):
            where = f"span {number} ({span.label} [{span.start}, {span.end}))"
            if not (0 <= span.start < span.end <= len(self.text)):
                raise InputError(
                    f"{where} does not fit in the text of {len(self.text)} characters "
                    "(offsets are Unicode code points, end exclusive)",
                    path=self.path,
                    line=self.line,
                )
            if span.text is not None and span.text != self.text[span.start : span.end]:
                raise InputError(
                    f"{where} says {span.text!r} but the text there is {self.text[span.start:span.end]!r}",
                    path=self.path,
                    line=self.line,
                )


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
    record = DocumentRecord(
        text=text, key=None if key is None else str(key), meta=meta, status=status, spans=spans, path=path, line=line
    )
    record.check_spans()
    return record


def _span_from_json(raw: Any, number: int, fail: Any) -> SpanRecord:
    if not isinstance(raw, dict):
        raise fail(f"span {number} must be an object")
    start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        raise fail(f'span {number} needs whole-number "start" and "end"')
    if not isinstance(label, str) or not label:
        raise fail(f'span {number} needs a "label"')
    attrs = raw.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise fail(f'span {number}: "attrs" must be an object')
    origin = raw.get("origin")
    if origin is not None and origin not in ORIGINS:
        raise fail(f"span {number}: unknown origin {origin!r} (use {', '.join(ORIGINS)})")
    for name in ("id", "coder", "text"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise fail(f'span {number}: "{name}" must be text')
    provenance = raw.get("provenance")
    if provenance is not None and not isinstance(provenance, dict):
        raise fail(f'span {number}: "provenance" must be an object')
    return SpanRecord(
        start=start, end=end, label=label, text=raw.get("text"), attrs=attrs, id=raw.get("id"),
        coder=raw.get("coder"), origin=origin, provenance=provenance,
    )


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


def record_meta(doc: Document) -> dict[str, Any]:
    """The record's "meta": the document's title, source, url and date, then its other metadata."""
    meta = {name: getattr(doc, name) for name in META_FIELDS if getattr(doc, name)}
    meta.update({k: v for k, v in doc.meta.items() if k not in meta})
    return meta


def document_to_json(doc: Document, status: str, spans: list[Annotation]) -> dict[str, Any]:
    return {
        "id": doc.key,
        "text": doc.text,
        "meta": record_meta(doc),
        "status": status,
        "spans": [span_to_json(a) for a in spans],
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 Arabic as is, keys sorted, so exports are byte-for-byte stable."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True)
