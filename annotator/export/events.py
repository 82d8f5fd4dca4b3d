"""The events dataset: one row per event, the table conflict monitors publish.

Each row names the event's document, date, type and attributes, its actors and places by
canonical name, and its casualty figures summed by status and victim group; beside every
field stand the ids and words of the spans behind it, so each number can be traced to the
sentence that supports it. The suffix of ``--out`` picks the file: ``.csv`` (the default,
also for standard output), ``.jsonl`` or ``.parquet`` (with the optional pyarrow). A file
export gets ``NAME.README.md`` beside it, documenting each column
(:mod:`annotator.export.events_columns`) and its ACLED and UCDP GED counterparts.

Counting rules, so that no figure is counted twice:

- a figure's best is its ``value``, its min ``min`` (else the value), its max ``max`` (else
  the value); a figure without a value counts in no sum and is reported;
- children and women are counted as among the civilians (monitors write «54 civilians,
  among them 12 children»): the civilian total is the larger of the civilians figure and
  children + women, never their sum;
- figures of scope ``cumulative`` (a toll since 2011) go to the ``cumulative_*`` columns
  only; figures without a scope count as incident figures;
- a figure without ``victims`` counts as ``unspecified``; a column with no figure behind it
  is empty (null), not 0: «no figure reported» is not «nobody killed».
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from annotator.errors import ValidationError
from annotator.export.events_columns import BOUNDS, COLUMN_NAMES, COLUMNS, NAME_ROLES, STATUSES, VICTIMS
from annotator.export.events_readme import write_events_readme
from annotator.export.files import write_binary, write_text
from annotator.export.options import Job
from annotator.export.parquet import load_pyarrow
from annotator.models import Annotation, Document, Event

SUFFIXES = (".csv", ".jsonl", ".parquet")
JOIN = " | "
_KNOWN_ROLES = {role for _, role, _ in NAME_ROLES} | {"casualties", "date"}
_KNOWN_ATTRS = {"attribution", "weapon", "date"}


def output_kind(out: str | Path) -> str:
    """``csv``, ``jsonl`` or ``parquet`` from the suffix of ``--out`` (standard output: csv)."""
    if str(out) == "-":
        return "csv"
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            f"the events export writes CSV, JSONL or Parquet: end --out with {', '.join(SUFFIXES)} (got {out})"
        )
    return suffix[1:]


def _name(span: Annotation) -> str:
    canonical = span.attrs.get("canonical")
    return canonical.strip() if isinstance(canonical, str) and canonical.strip() else span.text


def _bounds(span: Annotation) -> tuple[int, int, int] | None:
    value = span.attrs.get("value")
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    low, high = span.attrs.get("min"), span.attrs.get("max")
    return (
        value,
        low if isinstance(low, int) and not isinstance(low, bool) else value,
        high if isinstance(high, int) and not isinstance(high, bool) else value,
    )


def _add(totals: dict[str, int | None], key: str, amount: int) -> None:
    totals[key] = (totals.get(key) or 0) + amount


def _sum(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def casualty_figures(spans: Sequence[Annotation], counts: dict[str, int] | None = None) -> dict[str, Any]:
    """The ``{status}_{victims}_{bound}`` sums, the civilian totals, the totals and the cumulative ones
    (the module's counting rules); figures left out are counted in ``counts``. Agreement on
    events compares the same ``killed_best`` the dataset publishes."""
    counts = counts if counts is not None else {}
    groups: dict[str, int | None] = {}
    for span in spans:
        status = span.attrs.get("status")
        bounds = _bounds(span)
        if bounds is None:
            counts["no_value"] = counts.get("no_value", 0) + 1
            continue
        if status not in STATUSES:
            counts["other_status"] = counts.get("other_status", 0) + 1
            continue
        victims = span.attrs.get("victims") if span.attrs.get("victims") in VICTIMS else "unspecified"
        prefix = "cumulative_" if span.attrs.get("scope") == "cumulative" else ""
        for bound, amount in zip(BOUNDS, bounds, strict=True):
            _add(groups, f"{prefix}{status}_{victims}_{bound}", amount)
    row: dict[str, Any] = {}
    for status in STATUSES:
        for victims in VICTIMS:
            for bound in BOUNDS:
                row[f"{status}_{victims}_{bound}"] = groups.get(f"{status}_{victims}_{bound}")
        for prefix in ("", "cumulative_"):
            for bound in BOUNDS:
                civilians = _civilian_total(groups, f"{prefix}{status}", bound)
                if not prefix:
                    row[f"{status}_civilians_total_{bound}"] = civilians
                row[f"{prefix}{status}_{bound}"] = _total(
                    _sum(civilians, groups.get(f"{prefix}{status}_combatants_{bound}")),
                    groups.get(f"{prefix}{status}_unspecified_{bound}"),
                )
    return row


def _total(named: int | None, unspecified: int | None) -> int | None:
    """A figure of people not named as a group is read as the whole toll the groups are part
    of («قتل 20 شخصا بينهم 5 أطفال» is 20): the larger reading, never the sum, the conservative
    count conflict datasets keep as their best estimate."""
    if named is None or unspecified is None:
        return named if unspecified is None else unspecified
    return max(named, unspecified)


def _civilian_total(groups: Mapping[str, int | None], status: str, bound: str) -> int | None:
    """Children and women are among the civilians: the larger of the two readings, never both."""
    civilians = groups.get(f"{status}_civilians_{bound}")
    among = _sum(groups.get(f"{status}_children_{bound}"), groups.get(f"{status}_women_{bound}"))
    if civilians is None or among is None:
        return civilians if among is None else among
    return max(civilians, among)


def event_row(
    document: Document, event: Event, spans: Mapping[str, Annotation], counts: dict[str, int] | None = None
) -> dict[str, Any]:
    """One row of the dataset, as plain data (lists as lists, numbers as numbers, None for none)."""
    counts = counts if counts is not None else {}

    def slot(role: str) -> list[Annotation]:
        return [spans[span_id] for span_id in event.slots.get(role, ()) if span_id in spans]

    date_attr = event.attrs.get("date")
    event_date, date_source = (
        (str(date_attr), "event") if date_attr else (document.date, "document") if document.date else (None, None)
    )
    date_spans = slot("date")
    row: dict[str, Any] = {
        "doc_id": document.key,
        "doc_title": document.title or None,
        "doc_date": document.date or None,
        "doc_source": document.source or None,
        "doc_url": document.url or None,
        "event_id": event.id,
        "event_type": event.type,
        "coder": event.coder,
        "origin": event.origin,
        "attribution": event.attrs.get("attribution"),
        "weapon": event.attrs.get("weapon"),
        "event_date": event_date,
        "date_source": date_source,
        "date_text": [s.text for s in date_spans],
        "date_span_ids": [s.id for s in date_spans],
    }
    for column, role, _ in NAME_ROLES:
        filled = slot(role)
        row[column] = [_name(s) for s in filled]
        row[f"{column}_text"] = [s.text for s in filled]
        row[f"{column}_span_ids"] = [s.id for s in filled]
    casualties = slot("casualties")
    row.update(casualty_figures(casualties, counts))
    row["casualty_spans"] = [
        {
            "id": s.id, "text": s.text, "start": s.start, "end": s.end, "value": s.attrs.get("value"),
            "min": s.attrs.get("min"), "max": s.attrs.get("max"), "qualifier": s.attrs.get("qualifier"),
            "status": s.attrs.get("status"), "victims": s.attrs.get("victims"), "scope": s.attrs.get("scope"),
        }
        for s in casualties
    ]
    row["other_slots"] = {
        role: [{"id": s.id, "text": s.text, "label": s.label} for s in slot(role)]
        for role in event.slots
        if role not in _KNOWN_ROLES
    }
    row["other_attrs"] = {name: value for name, value in event.attrs.items() if name not in _KNOWN_ATTRS}
    missing = sum(1 for ids in event.slots.values() for span_id in ids if span_id not in spans)
    if missing:
        counts["missing_spans"] = counts.get("missing_spans", 0) + missing
    return {name: row[name] for name in COLUMN_NAMES}


def event_rows(job: Job, counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The rows of the job's documents, one document in memory at a time."""
    project = job.project
    for item in job.documents:
        events = project.events(
            item.document.id, coder=job.layer, include_suggestions=job.options.include_suggestions
        )
        if not events:
            continue
        spans = {span.id: span for span in item.spans}
        for event in events:
            counts["events"] = counts.get("events", 0) + 1
            yield event_row(item.document, event, spans, counts)


# --- writing -------------------------------------------------------------------------------


def _csv_cell(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return JOIN.join(str(v) for v in value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    return value


def write_csv_rows(rows: Iterator[dict[str, Any]], handle: TextIO) -> None:
    """A header and one line per event; lists joined with `` | ``, JSON columns as JSON text."""
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    kinds = [c.kind for c in COLUMNS]
    for row in rows:
        writer.writerow([_csv_cell(kind, row[name]) for kind, name in zip(kinds, COLUMN_NAMES, strict=True)])


def write_jsonl_rows(rows: Iterator[dict[str, Any]], handle: TextIO) -> None:
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _parquet_table(rows: Iterator[dict[str, Any]]) -> Any:
    pa = load_pyarrow("or write .csv or .jsonl")
    types = {"text": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string()), "json": pa.string()}
    fields = [
        pa.field(c.name, types[c.kind], metadata={"description": c.meaning}) for c in COLUMNS
    ]
    schema = pa.schema(fields, metadata={"written_by": "annotator export --format events"})
    data: dict[str, list[Any]] = {name: [] for name in COLUMN_NAMES}
    for row in rows:
        for column in COLUMNS:
            value = row[column.name]
            data[column.name].append(json.dumps(value, ensure_ascii=False) if column.kind == "json" else value)
    return pa.Table.from_pydict(data, schema=schema)


def write_events(job: Job, out: str | Path) -> list[str]:
    kind = output_kind(out)
    counts: dict[str, int] = {}
    rows = event_rows(job, counts)
    if kind == "parquet":
        table = _parquet_table(rows)

        def parquet(handle: Any) -> None:
            importlib.import_module("pyarrow.parquet").write_table(table, handle)

        write_binary(out, parquet)
    elif kind == "jsonl":
        write_text(out, lambda handle: write_jsonl_rows(rows, handle))
    elif str(out) == "-":
        write_text(out, lambda handle: write_csv_rows(rows, handle))
    else:
        # Excel reads a CSV without a byte-order mark in the machine's code page, which turns
        # Arabic into mojibake; with it, Excel, LibreOffice, pandas and csv (utf-8-sig) all read UTF-8.
        def with_mark(handle: TextIO) -> None:
            handle.write("\ufeff")
            write_csv_rows(rows, handle)

        write_text(out, with_mark)
    _notes(job, counts)
    files = [str(out)]
    if str(out) != "-":
        files.append(write_events_readme(job, Path(out), kind, counts.get("events", 0)))
    return files


def _notes(job: Job, counts: Mapping[str, int]) -> None:
    job.notes.append(f"{counts.get('events', 0)} event(s), one row each")
    if counts.get("other_status"):
        job.notes.append(
            f"{counts['other_status']} casualty figure(s) with a status other than killed or injured (missing, "
            "captured) are in casualty_spans only"
        )
    if counts.get("no_value"):
        job.notes.append(f"{counts['no_value']} casualty figure(s) without a value are in casualty_spans only")
    if counts.get("missing_spans"):
        job.notes.append(f"{counts['missing_spans']} slot(s) name a span this export does not hold and are empty")
