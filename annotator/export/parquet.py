"""A project as Parquet tables for bigger engines: a folder of ``documents/``, ``spans/``,
``events/`` and ``event_slots/``, each a set of ``part-NNNNN.parquet`` shards of at most
``--rows-per-shard`` rows.

Every column is a plain type (string or 64-bit integer), never a list, struct or extension
type, and attributes, meta and slots are JSON text: Hugging Face ``datasets``, DuckDB
(``read_parquet('out/spans/*.parquet')``), Spark (``spark.read.parquet('out/spans')``) and
pandas read the folders as they are, and join them on ``doc_id``, ``span_id``, ``event_id``.
A table with no row still gets one empty shard, so its columns are there to be read.

pyarrow is an optional extra (``pip install 'arabic-event-annotator[parquet]'``); the events
dataset (:mod:`annotator.export.events`) loads it through :func:`load_pyarrow` too.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.files import write_folder
from annotator.export.options import Job
from annotator.export.readme import write_readme

DEFAULT_ROWS_PER_SHARD = 100_000
_BATCH = 1_000  # rows handed to the writer at a time: memory stays that of a thousand rows


def load_pyarrow(otherwise: str = "") -> Any:
    """pyarrow, or one clear message saying how to get it (and ``otherwise``, what else to do)."""
    try:
        return importlib.import_module("pyarrow")  # an optional extra, loaded only for Parquet
    except ImportError:
        raise AnnotatorError(
            "Parquet needs pyarrow: pip install 'arabic-event-annotator[parquet]'" + (f" ({otherwise})" if otherwise else "")
        ) from None


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text" or "int"
    meaning: str


# Columns several tables share, described once.
_DOCUMENT = Column("doc_id", "text", "its document (documents.doc_id)")
_LAYER = Column("coder", "text", "the layer: a coder's name, or gold")
_MADE = [
    Column("origin", "text", "manual, suggested, imported or adjudicated"),
    Column("created", "text", "when it was made (UTC, ISO 8601)"),
    Column("updated", "text", "when it last changed (UTC, ISO 8601)"),
]

TABLES: dict[str, tuple[str, list[Column]]] = {
    "documents": ("one row per document", [
        Column("doc_id", "text", "the document's id (its key in the project)"),
        Column("title", "text", "title, empty when none"),
        Column("text", "text", "the stored text every offset indexes"),
        Column("source", "text", "where it came from (file name, outlet)"),
        Column("url", "text", "its address, empty when none"),
        Column("date", "text", "its publication date as given, empty when none"),
        Column("status", "text", "new, in_progress, done or skipped, for the project's coder"),
        Column("meta", "text", "the rest of its metadata, as a JSON object"),
        Column("sha256", "text", "hash of the text: the same text has the same hash in every project"),
        Column("imported_at", "text", "when it was imported (UTC, ISO 8601)"),
    ]),
    "spans": ("one row per span", [
        Column("span_id", "text", "the span's id, stable across exports and merges"),
        _DOCUMENT,
        _LAYER,
        Column("label", "text", "ACTOR, PLACE, CASUALTY, DATE or another label of the codebook"),
        Column("start", "int", "first character, in Unicode code points"),
        Column("end", "int", "one past the last character (text[start:end] is the span)"),
        Column("text", "text", "the words of the span"),
        Column("attrs", "text", "its attributes, as a JSON object (value, status, role, kind, canonical ...)"),
        *_MADE,
    ]),
    "events": ("one row per event", [
        Column("event_id", "text", "the event's id"),
        _DOCUMENT,
        _LAYER,
        Column("type", "text", "the event type of the codebook (ATTACK ...)"),
        Column("attrs", "text", "its attributes, as a JSON object"),
        Column("slots", "text", "each role's span ids in order, as a JSON object (also in event_slots)"),
        *_MADE,
    ]),
    "event_slots": ("one row per span filling a role of an event", [
        Column("event_id", "text", "the event (events.event_id)"),
        _DOCUMENT,
        Column("role", "text", "the role (perpetrator, target, place, casualties, date ...)"),
        Column("position", "int", "the span's place among the role's spans, from 0"),
        Column("span_id", "text", "the span (spans.span_id)"),
    ]),
}


class _Shards:
    """One table's shards: rows go out in batches, and a new file starts every ``limit`` rows."""

    def __init__(self, pa: Any, folder: Path, name: str, limit: int):
        self.pa, self.pq = pa, importlib.import_module("pyarrow.parquet")
        self.folder = folder / name
        self.folder.mkdir()
        description, columns = TABLES[name]
        types = {"text": pa.string(), "int": pa.int64()}
        self.schema = pa.schema(
            [pa.field(c.name, types[c.kind], metadata={"description": c.meaning}) for c in columns],
            metadata={"written_by": "annotator export --format parquet", "table": name, "description": description},
        )
        self.names = [c.name for c in columns]
        self.limit = limit
        self.rows = 0
        self.files: list[str] = []
        self._batch: list[dict[str, Any]] = []
        self._writer: Any = None
        self._in_file = 0

    def add(self, row: dict[str, Any]) -> None:
        self._batch.append(row)
        self.rows += 1
        if len(self._batch) >= _BATCH or self._in_file + len(self._batch) >= self.limit:
            self._flush()

    def _flush(self) -> None:
        while self._batch:
            if self._writer is None:
                path = self.folder / f"part-{len(self.files):05d}.parquet"
                self._writer = self.pq.ParquetWriter(path, self.schema)
                self.files.append(path.name)
                self._in_file = 0
            room = self.limit - self._in_file
            taken, self._batch = self._batch[:room], self._batch[room:]
            columns = {name: [row[name] for row in taken] for name in self.names}
            self._writer.write_table(self.pa.Table.from_pydict(columns, schema=self.schema))
            self._in_file += len(taken)
            if self._in_file >= self.limit:
                self._writer.close()
                self._writer = None

    def close(self) -> None:
        self._flush()
        if self._writer is not None:
            self._writer.close()
        if not self.files:
            # An empty table still says what its columns are: a file with the schema and no row
            # group (one row group of no rows stops Hugging Face datasets, which reads by row group).
            path = self.folder / "part-00000.parquet"
            self.pq.ParquetWriter(path, self.schema).close()
            self.files.append(path.name)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_parquet(job: Job, out: str | Path) -> list[str]:
    pa = load_pyarrow()
    limit = job.options.rows_per_shard or DEFAULT_ROWS_PER_SHARD
    project = job.project

    def build(folder: Path) -> None:
        tables = {name: _Shards(pa, folder, name, limit) for name in TABLES}
        for item in job.documents:
            document = item.document
            tables["documents"].add({
                "doc_id": document.key, "title": document.title, "text": document.text, "source": document.source,
                "url": document.url, "date": document.date, "status": item.status, "meta": _json(document.meta),
                "sha256": document.sha256, "imported_at": document.imported_at,
            })
            for span in item.spans:
                tables["spans"].add({
                    "span_id": span.id, "doc_id": document.key, "coder": span.coder, "label": span.label,
                    "start": span.start, "end": span.end, "text": span.text, "attrs": _json(span.attrs),
                    "origin": span.origin, "created": span.created, "updated": span.updated,
                })
            events = project.events(document.id, coder=job.layer, include_suggestions=job.options.include_suggestions)
            for event in events:
                tables["events"].add({
                    "event_id": event.id, "doc_id": document.key, "coder": event.coder, "type": event.type,
                    "attrs": _json(event.attrs), "slots": _json({r: list(ids) for r, ids in event.slots.items()}),
                    "origin": event.origin, "created": event.created, "updated": event.updated,
                })
                for role, ids in event.slots.items():
                    for position, span_id in enumerate(ids):
                        tables["event_slots"].add({
                            "event_id": event.id, "doc_id": document.key, "role": role, "position": position,
                            "span_id": span_id,
                        })
        for table in tables.values():
            table.close()
        files = [
            f"`{name}/`: {TABLES[name][0]}; {table.rows} row(s) in {len(table.files)} shard(s) of at most "
            f"{limit:,} rows; columns: " + ", ".join(f"`{c.name}` ({c.meaning})" for c in TABLES[name][1])
            for name, table in tables.items()
        ]
        job.notes.append(", ".join(f"{name} {table.rows}" for name, table in tables.items()) + " row(s)")
        write_readme(folder, job, title="Parquet export", files=files, sections=[LOADING])

    write_folder(out, build)
    return [str(out)]


LOADING = """\
## Loading

Each folder is one table of plain columns (text and 64-bit integers; JSON text for
attributes, meta and slots), sharded as `part-NNNNN.parquet`.

```python
import duckdb
duckdb.sql("SELECT label, count(*) FROM read_parquet('spans/*.parquet') GROUP BY label")

from datasets import load_dataset
spans = load_dataset("parquet", data_files="spans/*.parquet", split="train")

spark.read.parquet("spans")  # Spark reads the folder
```
"""
