"""doccano's JSONL export read as records (https://doccano.github.io/doccano/tutorial/#export-data).

One record a line, with its ``text`` and its spans in one of doccano's two shapes:

- sequence labelling: ``"label": [[start, end, "LABEL"], ...]`` (``labels`` in some versions);
- relation extraction: ``"entities": [{"id", "start_offset", "end_offset", "label"}, ...]``
  (its ``relations`` are left out, and counted in a note).

A ``label`` list of strings is a text classification: kept in the document's meta as
``doccano_categories``. The other fields of a record (doccano writes the uploaded metadata at
the top level) become the document's meta; ``id`` is its key. doccano's server is Python, so
its offsets count code points, as ours do; a span outside its text is refused with its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importing.foreign import add_note
from annotator.importing.json_text import parse_json
from annotator.records import DocumentRecord, SpanRecord
from annotator.text import canonical_offsets, canonical_text

_SPAN_FIELDS = ("label", "labels", "entities", "relations", "text", "id")  # the rest (comments too) is meta


def read_doccano(path: Path, lines: Iterable[tuple[int, bytes]]) -> Iterator[DocumentRecord]:
    relations = 0
    for number, raw in lines:
        record, found = _record(path, number, raw)
        relations += found
        if relations and found == relations:  # the first record with relations says so, once
            add_note(record, f"{path.name}: doccano relations are left out (spans only)")
        yield record


def _record(path: Path, number: int, raw: bytes) -> tuple[DocumentRecord, int]:
    def fail(message: str) -> InputError:
        return InputError(message, path=path, line=number)

    try:
        data = parse_json(raw.decode("utf-8"), path, number)
    except UnicodeDecodeError:
        raise fail("the line is not UTF-8 (JSON must be UTF-8)") from None
    except json.JSONDecodeError as exc:
        raise fail(f"broken JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise fail('each line of a doccano export is an object with a "text"')
    raw_text = data["text"]
    spans, categories = _spans(data, fail)
    moved = canonical_offsets(raw_text)
    for span in spans:
        if not 0 <= span.start < span.end <= len(raw_text):
            raise fail(
                f"span [{span.start}, {span.end}) {span.label} does not fit in the text of {len(raw_text)} characters"
            )
        span.start, span.end = moved(span.start), moved(span.end)
    meta: dict[str, Any] = {k: v for k, v in data.items() if k not in _SPAN_FIELDS and v not in (None, "", [])}
    if categories:
        meta["doccano_categories"] = categories
    meta.setdefault("source", path.name)
    key = data.get("id")
    relations = data.get("relations")
    record = DocumentRecord(
        text=canonical_text(raw_text, path), key=None if key is None else str(key), meta=meta, spans=spans,
        path=str(path), line=number,
    )
    return record, len(relations) if isinstance(relations, list) else 0


def _spans(data: dict[str, Any], fail: Any) -> tuple[list[SpanRecord], list[str]]:
    spans: list[SpanRecord] = []
    categories: list[str] = []
    for name in ("label", "labels"):
        items = data.get(name)
        if items is None:
            continue
        if not isinstance(items, list):
            raise fail(f'"{name}" must be a list')
        for number, item in enumerate(items, start=1):
            if isinstance(item, str):
                categories.append(item)
            elif (
                isinstance(item, list) and len(item) == 3 and _whole(item[0]) and _whole(item[1])
                and isinstance(item[2], str)
            ):
                spans.append(SpanRecord(start=item[0], end=item[1], label=item[2]))
            else:
                raise fail(f'{name} {number} must be [start, end, "LABEL"], not {json.dumps(item, ensure_ascii=False)}')
    entities = data.get("entities")
    if entities is not None:
        if not isinstance(entities, list):
            raise fail('"entities" must be a list')
        for number, item in enumerate(entities, start=1):
            if not (
                isinstance(item, dict) and _whole(item.get("start_offset")) and _whole(item.get("end_offset"))
                and isinstance(item.get("label"), str)
            ):
                raise fail(f'entity {number} needs "start_offset", "end_offset" and "label"')
            spans.append(SpanRecord(start=item["start_offset"], end=item["end_offset"], label=item["label"]))
    return spans, categories


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
