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

import json
from collections.abc import Iterator
from itertools import islice
from json.encoder import encode_basestring
from typing import TextIO

from annotator.export.selection import SelectedDocuments
from annotator.records import record_meta

# What records.dumps writes, with the encoder made once rather than for each call: most of a
# record is written around it, and an export is a loop over many short records, where the
# cost of setting up an encoder per value counts. A string alone is quoted by the function
# json.dumps uses for it.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


_LINES_PER_WRITE = 256  # lines joined into one write: a write per short record costs a tenth of an export


def write_jsonl(documents: SelectedDocuments, out: TextIO) -> int:
    count = 0
    lines = record_lines(documents)
    while chunk := list(islice(lines, _LINES_PER_WRITE)):
        out.write("".join(chunk))
        count += len(chunk)
    return count


def record_lines(selected: SelectedDocuments) -> Iterator[str]:
    """Each document's record as one line, its line break included: the bytes
    ``dumps(document_to_json(...))`` writes, then ``\\n``."""
    doc_ids = [pick.doc_id for pick in selected.picks]
    coder, suggestions = selected.layer, selected.include_suggestions
    events = selected.project.event_json(doc_ids, coder=coder, include_suggestions=suggestions)
    found = selected.project.documents_with_span_json(doc_ids, coder=coder, include_suggestions=suggestions)
    for pick, (doc, spans) in zip(selected.picks, found, strict=True):
        own = events.get(doc.id)
        head = f'{{"events": [{", ".join(own)}], "id": ' if own else '{"id": '
        yield (f'{head}{encode_basestring(doc.key)}, "meta": {_ENCODE(record_meta(doc))}, "spans": [{", ".join(spans)}], '
               f'"status": {encode_basestring(pick.status)}, "text": {encode_basestring(doc.text)}}}\n')
