"""Rows of the project file to records and back, and the small helpers every store shares.

Kept apart so the stores (:mod:`annotator.store.project`, :mod:`annotator.store.annotations`,
:mod:`annotator.store.status`) convert rows one way, in one place.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from annotator.errors import ValidationError
from annotator.models import GOLD, ORIGINS, Annotation, Document

if TYPE_CHECKING:
    from annotator.codebook import Codebook

ANNOTATION_COLUMNS = 'id, doc_id, coder, label, "start", "end", text, attrs, origin, created, updated, provenance'


_last_stamp: tuple[int, str] = (0, "")


def now() -> str:
    """The time to the second, as ISO 8601 UTC; a bulk import asks a million times a minute,
    so the text of the current second is kept."""
    global _last_stamp
    second = int(time.time())
    if second != _last_stamp[0]:
        _last_stamp = (second, datetime.fromtimestamp(second, UTC).isoformat())
    return _last_stamp[1]


def check_coder_name(coder: str, *, allow_gold: bool = False) -> str:
    coder = coder.strip()
    if not coder:
        raise ValidationError("a coder name cannot be empty")
    if coder.lower() == GOLD and not allow_gold:
        raise ValidationError("'gold' is the adjudicated layer, not a coder name; choose another name")
    return coder


def check_span(codebook: Codebook, label: str, start: int, end: int, attrs: dict[str, Any], origin: str,
               coder: str, length: int, where: str) -> None:
    """The rules every stored span obeys: offsets inside its text of ``length`` characters
    (``where`` names that text in the message), a label of the codebook with attributes of
    their types, a known origin, a coder name. The project checks each span it stores, and
    an import each span it prepares, with this one function."""
    if not (0 <= start < end <= length):
        raise ValidationError(f"span [{start}, {end}) does not fit in {where} of {length} characters")
    codebook.label(label).check_attributes(attrs)
    if origin not in ORIGINS:
        raise ValidationError(f"unknown origin '{origin}' (use {', '.join(ORIGINS)})")
    check_coder_name(coder, allow_gold=True)


# ``json.dumps`` with options builds an encoder at each call: a third of its cost for an
# attribute dict, and an import writes a few per document.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def json_text(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, sort_keys=True)``."""
    return _ENCODE(value)


def json_or_none(value: Any) -> str | None:
    return None if value is None else json_text(value)


def document_from_row(row: Sequence[Any]) -> Document:
    # Title, source, url and date have columns of their own: most documents' other metadata is "{}".
    return Document(
        id=row[0], key=row[1], title=row[2], text=row[3], sha256=row[4], source=row[5], url=row[6],
        date=row[7], meta={} if row[8] == "{}" else json.loads(row[8]), imported_at=row[9],
    )


def annotation_from_row(row: Sequence[Any]) -> Annotation:
    # Most spans have no attributes: "{}" skips the JSON parser, which an export of millions notices.
    return Annotation(
        id=row[0], doc_id=row[1], coder=row[2], label=row[3], start=row[4], end=row[5], text=row[6],
        attrs={} if row[7] == "{}" else json.loads(row[7]), origin=row[8], created=row[9], updated=row[10],
        provenance=json.loads(row[11]) if row[11] else None,
    )


def annotation_row(ann: Annotation) -> tuple[Any, ...]:
    return (
        ann.id, ann.doc_id, ann.coder, ann.label, ann.start, ann.end, ann.text,
        json_text(ann.attrs) if ann.attrs else "{}", ann.origin, ann.created, ann.updated,
        json_or_none(ann.provenance),
    )


def snapshot(ann: Annotation) -> dict[str, Any]:
    """The annotation as plain data for the history (``dataclasses.asdict`` deep-copies: slower)."""
    return {
        "id": ann.id, "doc_id": ann.doc_id, "coder": ann.coder, "label": ann.label, "start": ann.start,
        "end": ann.end, "text": ann.text, "attrs": ann.attrs, "origin": ann.origin, "created": ann.created,
        "updated": ann.updated, "provenance": ann.provenance,
    }


def same_content(a: Annotation, b: Annotation) -> bool:
    keys = ("coder", "label", "start", "end", "attrs", "origin", "provenance")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def where_equal(*pairs: tuple[str, object]) -> tuple[str, list[object]]:
    """``WHERE column = ? AND ...`` for each (column, value) whose value is given (not None),
    with its parameters; an empty clause when none is."""
    given = [(column, value) for column, value in pairs if value is not None]
    if not given:
        return "", []
    return "WHERE " + " AND ".join(f"{column} = ?" for column, _ in given), [value for _, value in given]
