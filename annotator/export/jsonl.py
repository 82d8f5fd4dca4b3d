"""Our JSONL record, one document a line (DESIGN.md): the lossless export.

Each line is the bytes ``dumps(document_to_json(...))`` (:mod:`annotator.records`) would
write; the spans' part comes from the project already written as JSON by SQLite
(:meth:`~annotator.store.export_reads.ExportReads.documents_with_span_json`), which is
what makes a large export fast (benchmarks/README.md), and the document's part is
written here around it. A document's events are JSON from SQLite too
(:meth:`~annotator.store.export_reads.ExportReads.event_json`); a record without events
has no "events" key, as before events existed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from annotator.export.selection import SelectedDocuments
from annotator.records import dumps, record_meta


def write_jsonl(documents: SelectedDocuments, out: TextIO) -> int:
    count = 0
    for line in record_lines(documents):
        out.write(line + "\n")
        count += 1
    return count


def record_lines(selected: SelectedDocuments) -> Iterator[str]:
    """Each document's record as one line."""
    doc_ids = [pick.doc_id for pick in selected.picks]
    coder, suggestions = selected.layer, selected.include_suggestions
    events = selected.project.event_json(doc_ids, coder=coder, include_suggestions=suggestions)
    found = selected.project.documents_with_span_json(doc_ids, coder=coder, include_suggestions=suggestions)
    for pick, (doc, spans) in zip(selected.picks, found, strict=True):
        head = dumps({"id": doc.key, "meta": record_meta(doc)})[:-1]
        tail = dumps({"status": pick.status, "text": doc.text})[1:]
        own = events.get(doc.id)
        if own:
            head = f'{{"events": [{", ".join(own)}], {head[1:]}'
        yield f'{head}, "spans": [{", ".join(spans)}], {tail}'
