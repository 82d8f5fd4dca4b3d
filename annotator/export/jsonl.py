"""Our JSONL record, one document a line (DESIGN.md): the lossless export.

Most of a record is its spans, and turning each row into objects and the objects
into JSON again was most of an export's time. When the records come straight from
the project (:class:`SelectedDocuments`), SQLite writes each span's JSON itself, in
exactly the bytes :func:`annotator.records.dumps` would write: keys in order, the
stored attributes as they are (the project stores them in that form), strings
quoted by ``json_quote``. A probe checks at the start that this SQLite quotes as
Python does; if it does not, the records are built in Python as before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TextIO

from annotator.errors import ProjectError
from annotator.export.selection import ExportDocument, SelectedDocuments
from annotator.records import document_to_json, dumps, record_meta
from annotator.store.rows import document_from_row

# A span of the record, keys sorted as ``dumps`` sorts them; "provenance" only when there is one.
_SPAN_JSON = """
SELECT '{"attrs": ' || attrs || ', "coder": ' || json_quote(coder) || ', "end": ' || "end"
       || ', "id": ' || json_quote(id) || ', "label": ' || json_quote(label) || ', "origin": ' || json_quote(origin)
       || CASE WHEN provenance IS NULL OR provenance IN ('', '{}', 'null') THEN ''
               ELSE ', "provenance": ' || provenance END
       || ', "start": ' || "start" || ', "text": ' || json_quote(text) || '}',
       json_valid(attrs) AND (provenance IS NULL OR provenance = '' OR json_valid(provenance)),
       id, doc_id
FROM annotations
"""
_DOCUMENTS = "SELECT id, key, title, text, sha256, source, url, date, meta, imported_at FROM documents"

# Every character JSON treats specially, and some it does not (DEL, U+2028, astral, Arabic).
_PROBE = "".join(map(chr, range(1, 32))) + '"\\/\x7f\u2028\u2029 é قُتِلَ ٢٣ 😀 </script>'


def write_jsonl(documents: Iterable[ExportDocument], out: TextIO) -> int:
    if isinstance(documents, SelectedDocuments) and quotes_like_python(documents.project.conn):
        lines: Iterable[str] = record_lines(documents)
    else:
        lines = (dumps(document_to_json(item.document, item.status, item.spans)) for item in documents)
    count = 0
    for line in lines:
        out.write(line + "\n")
        count += 1
    return count


def quotes_like_python(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite's ``json_quote`` writes strings as ``json.dumps(ensure_ascii=False)`` does."""
    try:
        quoted = conn.execute("SELECT json_quote(?)", (_PROBE,)).fetchone()[0]
    except sqlite3.Error:  # built without JSON functions
        return False
    return bool(quoted == json.dumps(_PROBE, ensure_ascii=False))


def record_lines(selected: SelectedDocuments) -> Iterator[str]:
    """Each document's record as one line, the same bytes as ``dumps(document_to_json(...))``.

    Documents and spans are read by two cursors walking the file in document order,
    not by two queries per document: at 100,000 documents the queries were a third of it.
    """
    project = selected.project
    clauses, params = selected.span_filter()
    order = 'ORDER BY doc_id, "start", "end", label, coder, id'
    ids = [pick.doc_id for pick in selected.picks]
    if not ids:
        return
    in_order = all(a < b for a, b in zip(ids, ids[1:], strict=False))
    # Walking the stretch of the file the picks lie in pays when they fill half of it or more;
    # a few done documents of a large archive are read one by one instead of stepping over
    # every other document's spans.
    if in_order and 2 * len(ids) >= ids[-1] - ids[0] + 1:
        wanted = set(ids)
        rows = project.conn.execute(f"{_DOCUMENTS} WHERE id BETWEEN ? AND ? ORDER BY id", (ids[0], ids[-1]))
        documents = (document_from_row(row) for row in rows if row[0] in wanted)
        spans = project.conn.execute(
            f"{_SPAN_JSON} WHERE doc_id BETWEEN ? AND ? AND {' AND '.join(clauses)} {order}", [ids[0], ids[-1], *params]
        )
    else:  # a part of a split in its shuffled order, or a few documents of many
        documents = (project.document(doc_id) for doc_id in ids)
        spans = None
    where = " AND ".join(["doc_id = ?", *clauses])
    pending = next(spans, None) if spans is not None else None
    for pick, doc in zip(selected.picks, documents, strict=True):
        if spans is None:
            own = project.conn.execute(f"{_SPAN_JSON} WHERE {where} {order}", [doc.id, *params]).fetchall()
        else:
            while pending is not None and pending[3] < doc.id:
                pending = next(spans, None)
            own = []
            while pending is not None and pending[3] == doc.id:
                own.append(pending)
                pending = next(spans, None)
        damaged = next((span_id for _, valid, span_id, _ in own if not valid), None)
        if damaged is not None:
            raise ProjectError(f"span {damaged} of document {doc.key} has damaged attributes (not JSON)", path=project.path)
        head = dumps({"id": doc.key, "meta": record_meta(doc)})[:-1]
        tail = dumps({"status": pick.status, "text": doc.text})[1:]
        yield f'{head}, "spans": [{", ".join(span for span, _, _, _ in own)}], {tail}'
