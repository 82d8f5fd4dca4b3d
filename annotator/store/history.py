"""Reading and reverting the history of a project's spans.

Every change to a span leaves a row in ``history`` (:mod:`annotator.store.annotations`
writes them); here they are read back as :class:`~annotator.models.HistoryEntry` records
and a change can be undone, which is itself a change in the history.
"""

from __future__ import annotations

import json

from annotator.errors import ValidationError
from annotator.models import Annotation, HistoryEntry
from annotator.store.annotations import AnnotationStore
from annotator.store.rows import where_equal

# History entries, with the snapshot a bulk creation left out filled in by SQLite in the same
# statement: what the next change found ("before"), or else the row as it is now (the same
# keys as :func:`annotator.store.rows.snapshot`). A whole project's history is one query, not one per span.
_HISTORY_WITH_CREATIONS = """
SELECT h.id, h.annotation_id, h.doc_id, h.action, h.before,
       CASE WHEN h.after IS NULL AND h.action = 'create' THEN coalesce(
           (SELECT n.before FROM history n
             WHERE n.annotation_id = h.annotation_id AND n.id > h.id AND n.before IS NOT NULL ORDER BY n.id LIMIT 1),
           (SELECT json_object('attrs', json(a.attrs), 'coder', a.coder, 'created', a.created, 'doc_id', a.doc_id,
                               'end', a."end", 'id', a.id, 'label', a.label, 'origin', a.origin,
                               'provenance', json(a.provenance), 'start', a."start", 'text', a.text,
                               'updated', a.updated)
              FROM annotations a WHERE a.id = h.annotation_id))
       ELSE h.after END,
       h.at
FROM history h
"""


class HistoryStore(AnnotationStore):
    """The ``history`` table, read."""

    def history(self, *, annotation_id: str | None = None, doc_id: int | None = None) -> list[HistoryEntry]:
        where, params = where_equal(("h.annotation_id", annotation_id), ("h.doc_id", doc_id))
        rows = self.conn.execute(f"{_HISTORY_WITH_CREATIONS} {where} ORDER BY h.id", params).fetchall()
        return [
            HistoryEntry(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else None, json.loads(r[5]) if r[5] else None, r[6])
            for r in rows
        ]

    def revert(self, history_id: int) -> Annotation:
        """Put an annotation back as it was before the change ``history_id`` (an overwrite or a delete).

        The revert is itself a change in the history, so it can be reverted too.
        """
        row = self.conn.execute("SELECT annotation_id, before FROM history WHERE id = ?", (history_id,)).fetchone()
        if row is None:
            raise ValidationError(f"no history entry {history_id}")
        annotation_id, before = row[0], json.loads(row[1]) if row[1] else None
        if before is None:  # the entry created the annotation: reverting it removes it
            return self.delete_annotation(annotation_id)
        with self.transaction():
            self.restore_annotation(annotation_id)
            fields = {k: before[k] for k in ("coder", "label", "start", "end", "attrs", "origin", "provenance")}
            return self.update_annotation(annotation_id, **fields)
