"""Label Studio's JSON export read as records (https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks).

A file is a JSON array of tasks (one task object, or one task a line, are read too; so is the
flat ``JSON_MIN`` export). A task's text is ``data.text`` (or the one text field of ``data``);
its spans are the ``labels`` results of its annotations, one span per label of a region. The
other results that share a region's ``id`` (a per-region ``Choices``, ``Number`` or
``TextArea``) become that span's attributes, named by their ``from_name``; task-wide choices
go to the document's ``label_studio`` meta. Cancelled annotations are skipped. Several
annotations of one task become the layers ``ls-<annotator>``; one annotation is the project
coder's. A task without annotations brings its ``predictions`` as pending suggestions, the
way our own ``export --format label-studio`` sends spans for review.

Offsets: Label Studio before 1.6 counted UTF-16 code units (JavaScript's string length), later
versions count code points (Python's). They differ after any character outside the Basic
Multilingual Plane (an emoji, U+1EE00 Arabic mathematical letters). Each span is checked
against its ``text`` field: code points first, then UTF-16 units; a span whose ``text`` fits
neither is refused, and one without ``text`` after such a character takes the reading the
file's other spans showed (and is refused when none did).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importing.foreign import add_note
from annotator.importing.json_text import parse_json
from annotator.models import Origin
from annotator.records import DocumentRecord, SpanRecord
from annotator.text import canonical_offsets, canonical_text

CODE_POINTS = "code points"
UTF16 = "UTF-16 code units"
_ATTRIBUTE_TYPES = {"choices", "number", "textarea"}
_IGNORED = {"relation"}  # kept out, and counted in a note


@dataclass
class _Reading:
    """What the whole file showed so far: how its offsets count, what was left out."""

    counts: dict[str, int] = field(default_factory=dict)
    relations: int = 0
    other_results: dict[str, int] = field(default_factory=dict)
    survey: bool = False  # a first reading: a span it cannot place yet is deferred, not refused
    deferred: int = 0
    several_annotators: bool = False
    prediction_sets: int = 0  # the most predictions one task held

    @property
    def mode(self) -> str | None:
        if not self.counts:
            return None
        return max(self.counts, key=lambda k: self.counts[k])


def read_label_studio(path: Path, raw: bytes) -> Iterator[DocumentRecord]:
    tasks = _tasks(path, raw)
    several = _several_annotators(tasks)
    reading = _Reading(survey=True, several_annotators=several)
    records = [_record(path, number, task, reading) for number, task in enumerate(tasks, start=1)]
    if reading.deferred:  # a span without "text" came before the spans that tell how the file counts
        reading = _Reading(counts=reading.counts, several_annotators=several)
        records = [_record(path, number, task, reading) for number, task in enumerate(tasks, start=1)]
    if not records:
        raise InputError("the Label Studio export holds no task", path=path)
    notes = []
    if reading.counts.get(UTF16):
        notes.append(
            f"{path.name}: Label Studio offsets were {UTF16} (Label Studio before 1.6); converted to code points"
        )
    if reading.prediction_sets > 1:
        notes.append(
            f"{path.name}: tasks hold several predictions (one per model version or coder layer); "
            "they were imported together as one set of pending suggestions"
        )
    if reading.relations:
        notes.append(f"{path.name}: {reading.relations} Label Studio relation(s) left out (spans only)")
    if reading.other_results:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(reading.other_results.items()))
        notes.append(f"{path.name}: Label Studio results of other types left out ({kinds})")
    for note in notes:
        add_note(records[0], note)
    yield from records


def _tasks(path: Path, raw: bytes) -> list[Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("a Label Studio export must be UTF-8 JSON", path=path) from None
    try:
        data = parse_json(text, path)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise InputError(f"broken JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", path=path) from None
        data = []  # one task a line
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    data.append(parse_json(line, path, number))
                except json.JSONDecodeError as inner:
                    raise InputError(f"broken JSON: {inner.msg} at column {inner.colno}", path=path, line=number) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError("a Label Studio export is a JSON array of tasks", path=path)
    return data


def _record(path: Path, number: int, task: Any, reading: _Reading) -> DocumentRecord:
    def fail(message: str) -> InputError:
        return InputError(f"task {number}: {message}", path=path)

    if not isinstance(task, dict):
        raise fail("each task must be a JSON object (is this a Label Studio export?)")
    if "data" not in task and isinstance(task.get("text"), str):
        return _min_record(path, number, task, reading, fail)
    data = task.get("data")
    if not isinstance(data, dict):
        raise fail('no "data" object: not a Label Studio task')
    annotations = [a for a in _listed(task, "annotations", fail) if isinstance(a, dict) and not a.get("was_cancelled")]
    predictions = _listed(task, "predictions", fail)
    field_name = _text_field(data, [*annotations, *predictions], fail)
    raw_text = data[field_name]
    text = canonical_text(raw_text, path)
    moved = canonical_offsets(raw_text)
    spans: list[SpanRecord] = []
    if annotations:
        for annotation in annotations:
            coder = _annotator(annotation) if reading.several_annotators else None
            spans += _spans(annotation.get("result"), raw_text, reading, fail, coder=coder)
    else:
        reading.prediction_sets = max(reading.prediction_sets, sum(isinstance(p, dict) for p in predictions))
        for prediction in predictions:
            if isinstance(prediction, dict):
                spans += _spans(prediction.get("result"), raw_text, reading, fail, origin=Origin.SUGGESTED)
    for span in spans:
        span.start, span.end = moved(span.start), moved(span.end)
        span.text = None  # checked against the raw text above; the stored text is the canonical one
    meta: dict[str, Any] = {k: v for k, v in data.items() if k != field_name and v not in (None, "")}
    key = meta.pop("doc_id", None) or task.get("id")
    choices = _task_choices([*annotations[:1]], fail)
    if choices:
        meta["label_studio"] = choices
    if "source" not in meta:
        meta["source"] = path.name
    record = DocumentRecord(
        text=text, key=None if key is None else str(key), meta=meta, spans=spans, path=str(path), line=None
    )
    record.check_spans()
    return record


def _listed(task: dict[str, Any], key: str, fail: Any) -> list[Any]:
    value = task.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(f'"{key}" must be a list')
    return value


def _several_annotators(tasks: list[Any]) -> bool:
    """Whether any task of the file was annotated by more than one person: then every task's
    annotations go to one layer per annotator, so a person's spans never land in two layers."""
    for task in tasks:
        if isinstance(task, dict) and isinstance(task.get("annotations"), list):
            live = [a for a in task["annotations"] if isinstance(a, dict) and not a.get("was_cancelled")]
            if len(live) > 1:
                return True
    return False


def _min_record(path: Path, number: int, task: dict[str, Any], reading: _Reading, fail: Any) -> DocumentRecord:
    """A task of the ``JSON_MIN`` export: flat fields, the spans under the labels control's name."""
    raw_text = task["text"]
    spans: list[SpanRecord] = []
    meta: dict[str, Any] = {}
    for name, value in task.items():
        if name == "text":
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) and "start" in v for v in value):
            spans += _spans([{"type": "labels", "value": v, "id": f"{name}-{i}"} for i, v in enumerate(value)],
                            raw_text, reading, fail)
        elif name not in ("annotator", "annotation_id", "created_at", "updated_at", "lead_time") and value not in (None, ""):
            meta[name] = value
    moved = canonical_offsets(raw_text)
    for span in spans:
        span.start, span.end, span.text = moved(span.start), moved(span.end), None
    key = meta.pop("doc_id", None) or meta.pop("id", None)
    meta.setdefault("source", path.name)
    return DocumentRecord(text=canonical_text(raw_text, path), key=None if key is None else str(key), meta=meta,
                          spans=spans, path=str(path))


def _text_field(data: dict[str, Any], annotations: list[Any], fail: Any) -> str:
    """``data.text``, else the field the results point at (``to_name``), else the only text field."""
    if isinstance(data.get("text"), str):
        return "text"
    for annotation in annotations:
        for result in (annotation.get("result") or []) if isinstance(annotation, dict) else []:
            name = result.get("to_name") if isinstance(result, dict) else None
            if isinstance(name, str) and isinstance(data.get(name), str):
                return name
    texts = [name for name, value in data.items() if isinstance(value, str)]
    if len(texts) == 1:
        return texts[0]
    if not texts:
        raise fail("its data holds no text (only text tasks can be imported)")
    raise fail(f"cannot tell which data field holds the text ({', '.join(texts)}); name it \"text\"")


def _annotator(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return f"ls-{who}" if who not in (None, "") else f"ls-annotation-{annotation.get('id')}"


def _spans(
    results: Any, raw_text: str, reading: _Reading, fail: Any, *, coder: str | None = None, origin: str | None = None
) -> list[SpanRecord]:
    if results is None:
        return []
    if not isinstance(results, list):
        raise fail('"result" must be a list')
    regions: dict[str, list[SpanRecord]] = {}
    region_ids = _region_ids(results)
    spans: list[SpanRecord] = []
    attributes: list[dict[str, Any]] = []
    for number, result in enumerate(results, start=1):
        if not isinstance(result, dict):
            raise fail(f"result {number} is not an object")
        kind = result.get("type")
        if kind in _IGNORED:
            reading.relations += 1
            continue
        value = result.get("value")
        if not isinstance(value, dict):
            raise fail(f"result {number} ({kind}) has no \"value\" object")
        if kind == "labels":
            start, end = _located(raw_text, value, reading, fail, number)
            labels = value.get("labels")
            if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
                raise fail(f"result {number} has no \"labels\" list")
            made = [SpanRecord(start=start, end=end, label=label, coder=coder, origin=origin) for label in labels]
            regions.setdefault(str(result.get("id")), []).extend(made)
            spans += made
        elif kind in _ATTRIBUTE_TYPES and ("start" in value or str(result.get("id")) in region_ids):
            attributes.append(result)
        elif kind in _ATTRIBUTE_TYPES:
            continue  # task-wide: _task_choices
        else:
            reading.other_results[str(kind)] = reading.other_results.get(str(kind), 0) + 1
    for result in attributes:
        targets = regions.get(str(result.get("id")))
        if not targets:
            raise fail(f"a per-region {result.get('type')} result (id {result.get('id')}) names no labelled region")
        for span in targets:
            name, value = _attribute(result, span.label, fail)
            span.attrs[name] = value
    return spans


def _attribute(result: dict[str, Any], label: str, fail: Any) -> tuple[str, Any]:
    """A per-region control as an attribute: its ``from_name`` (``LABEL.name`` or ``name``) and value."""
    name = str(result.get("from_name") or "")
    name = name.removeprefix(f"{label}.")
    value = result["value"]
    kind = result.get("type")
    if kind == "choices":
        chosen = value.get("choices")
        if not isinstance(chosen, list) or len(chosen) != 1:
            raise fail(f"attribute {name} of a {label} span must hold one choice, not {chosen!r}")
        return name, chosen[0]
    if kind == "number":
        number = value.get("number")
        return name, int(number) if isinstance(number, float) and number.is_integer() else number
    texts = value.get("text")
    return name, texts[0] if isinstance(texts, list) and len(texts) == 1 else texts


def _region_ids(results: list[Any]) -> set[str]:
    return {str(r.get("id")) for r in results if isinstance(r, dict) and r.get("type") == "labels"}


def _task_choices(annotations: list[dict[str, Any]], fail: Any) -> dict[str, Any]:
    """Task-wide classifications (no region): kept in the document's meta."""
    found: dict[str, Any] = {}
    for annotation in annotations:
        results = annotation.get("result") or []
        regions = _region_ids(results)
        for result in results:
            if isinstance(result, dict) and result.get("type") == "choices":
                value = result.get("value") or {}
                if "start" not in value and str(result.get("id")) not in regions:
                    found[str(result.get("from_name"))] = value.get("choices")
    return found


def _located(raw_text: str, value: dict[str, Any], reading: _Reading, fail: Any, number: int) -> tuple[int, int]:
    """The span's code-point offsets (see the module's docstring for how they are told apart)."""
    start, end, said = value.get("start"), value.get("end"), value.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise fail(f"result {number} needs whole-number \"start\" and \"end\" (is this a text task?)")
    where = f"result {number} ([{start}, {end}))"
    positions = _astral_positions(raw_text)
    astral = bisect_left(positions, end + 1) > 0
    readings = {CODE_POINTS: (start, end)}
    if astral:
        converted = _from_utf16(positions, len(raw_text), start, end)
        if converted is not None:
            readings[UTF16] = converted
    if isinstance(said, str):
        for mode, (s, e) in readings.items():
            if 0 <= s < e <= len(raw_text) and raw_text[s:e] == said:
                if astral and readings.get(UTF16) != readings[CODE_POINTS]:
                    reading.counts[mode] = reading.counts.get(mode, 0) + 1
                return s, e
        raise fail(
            f"{where} says {said!r}, which is not at those offsets counted as code points"
            + (" or as UTF-16 code units" if astral else "")
        )
    chosen = CODE_POINTS if not astral or len(readings) == 1 else reading.mode
    if chosen is None and reading.survey:
        reading.deferred += 1  # placed on the second reading, and checked there
        return 0, 1
    if chosen is None:
        raise fail(
            f"{where} has no \"text\" and follows a character outside the BMP: its offsets could be code points "
            "or UTF-16 code units, and no other span of the file tells which"
        )
    s, e = readings[chosen]
    if not 0 <= s < e <= len(raw_text):
        raise fail(f"{where} does not fit in the text of {len(raw_text)} characters")
    return s, e


@lru_cache(maxsize=8)
def _astral_positions(text: str) -> list[int]:
    """Where the characters outside the BMP are (two UTF-16 units each), found once per text."""
    return [index for index, char in enumerate(text) if ord(char) > 0xFFFF]


def _from_utf16(positions: list[int], length: int, start: int, end: int) -> tuple[int, int] | None:
    """UTF-16 unit offsets as code points; None when one falls inside a surrogate pair or past the end."""
    first, last = _point(positions, length, start), _point(positions, length, end)
    return None if first is None or last is None else (first, last)


def _point(positions: list[int], length: int, unit: int) -> int | None:
    # The k-th astral character (at code point positions[k]) takes units positions[k] + k and the next.
    low, high = 0, len(positions)
    while low < high:
        middle = (low + high) // 2
        if positions[middle] + middle + 2 <= unit:
            low = middle + 1
        else:
            high = middle
    if low < len(positions) and positions[low] + low < unit:
        return None  # inside a pair
    point = unit - low
    return point if 0 <= point <= length else None
