"""Reads made for exports: documents with their spans already written as JSON.

Most of a JSONL record (:mod:`annotator.export.jsonl`) is its spans, and turning each
row into objects and the objects into JSON again would be most of an export's time.
SQLite writes each span's JSON itself, in exactly the bytes :func:`annotator.records.dumps`
writes: keys in order, the stored attributes and provenance as they are (the project
stores them in that form), strings quoted by ``json_quote`` (which quotes as
``json.dumps(ensure_ascii=False)`` does; a test holds it to that on any text).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from annotator.errors import ProjectError
from annotator.models import Document
from annotator.store.annotations import SPAN_ORDER, live_spans
from annotator.store.documents import DocumentStore
from annotator.store.rows import document_from_row

# A span of the record, keys sorted as ``dumps`` sorts them; "provenance" only when there is one.
_SPAN_JSON = """
SELECT '{"attrs": ' || attrs || ', "coder": ' || json_quote(coder) || ', "end": ' || "end"
       || ', "id": ' || json_quote(id) || ', "label": ' || json_quote(label) || ', "origin": ' || json_quote(origin)
       || CASE WHEN provenance IS NULL OR provenance IN ('', '{}', 'null') THEN ''
               ELSE ', "provenance": ' || provenance END
       || ', "start": ' || "start" || ', "text": ' || json_quote(text) || '}',
       (attrs = '{}' OR json_valid(attrs)) AND (provenance IS NULL OR provenance = '' OR json_valid(provenance)),
       id, doc_id
FROM annotations
"""
# An event of the record, keys sorted as ``dumps`` sorts them: slots role by role in name
# order, each role's span ids in slot order; "provenance" only when there is one.
_EVENT_JSON = """
SELECT e.doc_id,
       '{"attrs": ' || e.attrs || ', "coder": ' || json_quote(e.coder) || ', "id": ' || json_quote(e.id)
       || ', "origin": ' || json_quote(e.origin)
       || CASE WHEN e.provenance IS NULL OR e.provenance IN ('', '{}', 'null') THEN ''
               ELSE ', "provenance": ' || e.provenance END
       || ', "slots": {' || coalesce((
              SELECT group_concat(json_quote(role) || ': [' || ids || ']', ', ') FROM (
                  SELECT role, group_concat(json_quote(annotation_id), ', ') AS ids FROM (
                      SELECT role, annotation_id FROM event_slots WHERE event_id = e.id ORDER BY role, position
                  ) GROUP BY role ORDER BY role
              )), '') || '}'
       || ', "type": ' || json_quote(e.type) || '}',
       json_valid(e.attrs) AND (e.provenance IS NULL OR e.provenance = '' OR json_valid(e.provenance)),
       e.id
FROM events e
"""
_DOCUMENTS = "SELECT id, key, title, text, sha256, source, url, date, meta, imported_at FROM documents"


class ExportReads(DocumentStore):
    """Documents and span JSON, read in the order an export writes them."""

    def documents_with_span_json(
        self, doc_ids: Sequence[int], *, coder: str | None, include_suggestions: bool
    ) -> Iterator[tuple[Document, list[str]]]:
        """Each document of ``doc_ids`` in that order, with the JSON of its live spans (of one
        layer when ``coder`` is given) in text order. A span whose stored attributes are not
        JSON stops the walk with a :class:`~annotator.errors.ProjectError` naming it, rather
        than a broken record being written.

        A run of ids in import order that fills half of its stretch of the file or more is read
        by two cursors walking that stretch; scattered ids (a few done documents of a large
        archive, a split part in shuffled order) are read one by one instead of stepping over
        every other document's spans.
        """
        clauses, params = live_spans(coder, include_suggestions)
        if not doc_ids:
            return
        in_order = all(a < b for a, b in zip(doc_ids, doc_ids[1:], strict=False))
        if in_order and 2 * len(doc_ids) >= doc_ids[-1] - doc_ids[0] + 1:
            wanted = set(doc_ids)
            first, last = doc_ids[0], doc_ids[-1]
            rows = self.conn.execute(f"{_DOCUMENTS} WHERE id BETWEEN ? AND ? ORDER BY id", (first, last))
            documents: Iterator[Document] = (document_from_row(row) for row in rows if row[0] in wanted)
            spans = self.conn.execute(
                f"{_SPAN_JSON} WHERE doc_id BETWEEN ? AND ? AND {' AND '.join(clauses)} {SPAN_ORDER}",
                [first, last, *params],
            )
            pending = next(spans, None)
            for doc in documents:
                while pending is not None and pending[3] < doc.id:
                    pending = next(spans, None)
                own = []
                while pending is not None and pending[3] == doc.id:
                    own.append(pending)
                    pending = next(spans, None)
                yield doc, self._checked(doc, own)
            return
        where = " AND ".join(["doc_id = ?", *clauses])
        for doc_id in doc_ids:
            doc = self.document(doc_id)
            own = self.conn.execute(f"{_SPAN_JSON} WHERE {where} {SPAN_ORDER}", [doc.id, *params]).fetchall()
            yield doc, self._checked(doc, own)

    def event_json(self, doc_ids: Sequence[int], *, coder: str | None, include_suggestions: bool) -> dict[int, list[str]]:
        """The JSON of the live events of ``doc_ids`` (of one layer when ``coder`` is given), by
        document, each document's in the order they were made. Events are few beside spans: one
        read of them all, kept for the documents asked for."""
        if not doc_ids or not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone():
            return {}
        clauses, params = ["e.deleted = 0"], []
        if coder is not None:
            clauses.append("e.coder = ?")
            params.append(coder)
        if not include_suggestions:
            clauses.append("e.origin != 'suggested'")
        wanted = set(doc_ids)
        out: dict[int, list[str]] = {}
        for doc_id, text, valid, event_id in self.conn.execute(
            f"{_EVENT_JSON} WHERE {' AND '.join(clauses)} ORDER BY e.doc_id, e.id", params
        ):
            if doc_id not in wanted:
                continue
            if not valid:
                raise ProjectError(f"event {event_id} has damaged attributes (not JSON)", path=self.path)
            out.setdefault(doc_id, []).append(text)
        return out

    def _checked(self, doc: Document, rows: list[tuple[str, int, str, int]]) -> list[str]:
        damaged = next((span_id for _, valid, span_id, _ in rows if not valid), None)
        if damaged is not None:
            raise ProjectError(f"span {damaged} of document {doc.key} has damaged attributes (not JSON)", path=self.path)
        return [span for span, _, _, _ in rows]
