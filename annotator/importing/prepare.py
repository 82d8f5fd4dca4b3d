"""What an import works out for each document before it meets the project file.

Hashing, normalising, search forms, the near-duplicate sketch and the checks of
every span need only the record and the codebook. They are about half the work of
an import, so a large import does them in worker processes while this one writes
(:mod:`annotator.importing.workers`); a small one does them in line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.codebook import Codebook, Label
from annotator.errors import InputError, ValidationError
from annotator.ids import time_ordered_ids
from annotator.models import Origin
from annotator.records import DocumentRecord, SpanRecord
from annotator.store.index import DocumentDigest, digest
from annotator.store.rows import check_span, json_text, now

# The columns of a prepared span row: an annotation row without its document id, which
# only the project knows (the text may be there already, under another id).
SPAN_COLUMNS = 'id, coder, label, "start", "end", text, attrs, origin, created, updated, provenance'
_IMPORTED = Origin.IMPORTED.value  # a plain string: an enum member costs a lookup to send between processes


@dataclass
class PreparedDocument:
    """A record with its digest and, when every span can be stored new, the spans' rows
    (:data:`SPAN_COLUMNS`).

    The rows then stand in for the record's spans, which are left out: objects cost a
    tenth of an import's time to send between processes, tuples almost nothing.
    """

    record: DocumentRecord
    digested: DocumentDigest
    rows: list[tuple[Any, ...]]
    problem: InputError | None = None  # the first span that cannot be stored new, if any
    given: tuple[bool, ...] = ()  # per row: its id came with the input
    lines: tuple[int | None, ...] = ()  # per row, when the spans had lines of their own (brat)

    @property
    def given_ids(self) -> bool:
        """Some span came with its id (a file we exported): it may clash with one in the project."""
        return any(self.given)

    def spans(self) -> list[SpanRecord]:
        """The record's spans as read (for a document the project holds already)."""
        if self.record.spans or not self.rows:
            return self.record.spans
        lines = self.lines or (None,) * len(self.rows)
        return [
            SpanRecord(
                start=row[3], end=row[4], label=row[2], text=row[5], attrs=json.loads(row[6]),
                id=row[0] if given else None, coder=row[1], origin=row[7],
                provenance=json.loads(row[10]) if row[10] else None, line=line,
            )
            for row, given, line in zip(self.rows, self.given, lines, strict=True)
        ]


class SpanChecker:
    """Checks a record's spans as new ones of a project (:func:`annotator.store.rows.check_span`,
    as the project checks what it stores) and makes their rows."""

    def __init__(self, codebook: Codebook, coder: str):
        self.codebook = codebook
        self.coder = coder
        # (label, origin, coder) of a span that passed every check: another span of the same needs
        # only its offsets and attributes checked. Most spans of an import share a few.
        self._passed: set[tuple[str, str, str]] = set()

    def prepare(self, record: DocumentRecord) -> PreparedDocument:
        """Digest the text and check every span (as made by ``coder`` unless it names another)."""
        title = record.meta.get("title")
        digested = digest(str(title) if title is not None else "", record.text)
        try:
            rows = self.span_rows(record)
        except InputError as problem:
            return PreparedDocument(record, digested, [], problem)
        spans, record.spans = record.spans, []
        lines = tuple(span.line for span in spans) if any(span.line for span in spans) else ()
        return PreparedDocument(record, digested, rows, None, tuple(bool(span.id) for span in spans), lines)

    def span_rows(self, record: DocumentRecord) -> list[tuple[Any, ...]]:
        """The checked rows (:data:`SPAN_COLUMNS`) of the record's spans; the first bad one raises
        :class:`InputError` naming the record's file and the span's line."""
        rows = []
        text, stamp, passed = record.text, now(), self._passed
        length = len(text)
        new_ids = iter(time_ordered_ids(sum(1 for span in record.spans if not span.id)))
        for span in record.spans:
            origin, coder = span.origin or _IMPORTED, span.coder or self.coder
            label, start, end, attrs = span.label, span.start, span.end, span.attrs
            kind = (label, origin, coder)
            try:
                if kind in passed and 0 <= start < end <= length:
                    if attrs:  # what check_span would still check: the attributes, once typed
                        definition = self.codebook.label(label)
                        attrs = typed_attrs(definition, attrs)
                        definition.check_attributes(attrs)
                else:
                    attrs = typed_attrs(self.codebook.label(label), attrs) if attrs else {}
                    check_span(self.codebook, label, start, end, attrs, origin, coder, length, "a text")
                    passed.add(kind)
            except ValidationError as exc:
                raise InputError(exc.problem, path=record.path, line=span.line or record.line) from None
            rows.append((
                span.id or next(new_ids), coder, label, start, end, text[start:end],
                json_text(attrs) if attrs else "{}", origin, stamp, stamp,
                None if span.provenance is None else json_text(span.provenance),
            ))
        return rows


def typed_attrs(label: Label, attrs: dict[str, Any]) -> dict[str, Any]:
    """brat and CSV carry every value as text: turn numbers back into numbers for integer attributes."""
    out = {}
    for name, value in attrs.items():
        attribute = label.attribute(name)
        if attribute is not None and attribute.type == "integer" and isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise ValidationError(f"attribute {name} of {label.name} must be a whole number, not {value!r}") from None
        out[name] = value
    return out
