"""Our JSONL record, one document a line (DESIGN.md): the lossless export.

Each line is the bytes ``dumps(document_to_json(...))`` (:mod:`annotator.records`) would
write; the spans' part comes from the project already written as JSON by SQLite
(:meth:`~annotator.store.export_reads.ExportReads.documents_with_span_json`), which is
what makes a large export fast (benchmarks/README.md), and the document's part is
written here around it.
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
    found = selected.project.documents_with_span_json(
        [pick.doc_id for pick in selected.picks], coder=selected.layer, include_suggestions=selected.include_suggestions
    )
    for pick, (doc, spans) in zip(selected.picks, found, strict=True):
        head = dumps({"id": doc.key, "meta": record_meta(doc)})[:-1]
        tail = dumps({"status": pick.status, "text": doc.text})[1:]
        yield f'{head}, "spans": [{", ".join(spans)}], {tail}'
