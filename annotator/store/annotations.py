"""The annotation side of a project: spans, their history, names and values used before.

A mixin of :class:`annotator.store.project.Project`: the methods use its connection,
transactions, documents and codebook. Every change is recorded in ``history``
with full before/after snapshots, and a delete is soft, so nothing is lost.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.codebook import Codebook
from annotator.errors import ValidationError
from annotator.ids import time_ordered_id
from annotator.models import GOLD, Annotation, Document, HistoryEntry
from annotator.store.rows import (
    ANNOTATION_COLUMNS,
    annotation_from_row,
    annotation_row,
    check_span,
    json_or_none,
    json_text,
    now,
    same_content,
    snapshot,
)
from annotator.text import normalize

# A bulk insert records each creation without its snapshot: the snapshot is the row as
# inserted, which :meth:`AnnotationStore.history` reads back from the next change's "before"
# (every later change records one) or from the row itself. Building a JSON copy of every
# imported span took a fifth of an import and doubled the size of the file.
# (An INSERT ... SELECT from the new annotation rows took three times as long as sending
# the three values per row from here.)
_HISTORY_OF_NEW_ROWS = "INSERT INTO history(annotation_id, doc_id, action, before, after, at) VALUES (?, ?, 'create', NULL, NULL, ?)"


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


class AnnotationStore:
    """Spans of a project file (mixed into :class:`~annotator.store.project.Project`)."""

    conn: sqlite3.Connection
    path: Path
    codebook: Codebook

    if TYPE_CHECKING:  # provided by Project

        @property
        def coder(self) -> str: ...

        def transaction(self) -> AbstractContextManager[None]: ...

        def document(self, doc_id: int) -> Document: ...

    # --- annotations -----------------------------------------------------------------

    def annotations(
        self, doc_id: int | None = None, *, coder: str | None = None, include_suggestions: bool = True
    ) -> list[Annotation]:
        """Live annotations of one document (or all), every layer unless ``coder`` is given."""
        clauses, params = ["deleted = 0"], []
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        if coder is not None:
            clauses.append("coder = ?")
            params.append(coder)
        if not include_suggestions:
            clauses.append("origin != 'suggested'")
        rows = self.conn.execute(
            f'SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE {" AND ".join(clauses)} '
            f'ORDER BY doc_id, "start", "end", label, coder, id',
            params,
        ).fetchall()
        return [annotation_from_row(row) for row in rows]

    def annotation(self, annotation_id: str, *, include_deleted: bool = False) -> Annotation:
        row = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None or (row[-1] and not include_deleted):
            raise ValidationError(f"no annotation with id {annotation_id}")
        return annotation_from_row(row[:-1])

    def coders(self) -> list[str]:
        """Every layer that holds a live annotation or a status, the project's coder first."""
        names = {
            row[0]
            for row in self.conn.execute(
                "SELECT coder FROM annotations WHERE deleted = 0 UNION SELECT coder FROM document_status"
            )
        }
        names.add(self.coder)
        return sorted(names, key=lambda name: (name != self.coder, name == GOLD, name))

    def validate_annotation(self, ann: Annotation, text: str | None = None) -> None:
        """The rules every stored span obeys: offsets inside the text, a known label, typed attributes."""
        if text is None:
            text = self.document(ann.doc_id).text
        check_span(self.codebook, ann.label, ann.start, ann.end, ann.attrs, ann.origin, ann.coder, len(text),
                   f"document {ann.doc_id}")

    def add_annotation(
        self,
        doc_id: int,
        label: str,
        start: int,
        end: int,
        *,
        attrs: dict[str, Any] | None = None,
        coder: str | None = None,
        origin: str = "manual",
        annotation_id: str | None = None,
        provenance: dict[str, Any] | None = None,
        text: str | None = None,
    ) -> Annotation:
        """Store a new span and commit. ``text`` (the document's) saves a read in bulk work."""
        ann = self.new_annotation(
            doc_id, label, start, end, attrs=attrs, coder=coder, origin=origin, annotation_id=annotation_id,
            provenance=provenance, text=text,
        )
        self.insert_annotations([ann])
        return ann

    def new_annotation(
        self,
        doc_id: int,
        label: str,
        start: int,
        end: int,
        *,
        attrs: dict[str, Any] | None = None,
        coder: str | None = None,
        origin: str = "manual",
        annotation_id: str | None = None,
        provenance: dict[str, Any] | None = None,
        text: str | None = None,
    ) -> Annotation:
        """A checked annotation, not yet stored: build many, then :meth:`insert_annotations` once."""
        doc_text = text if text is not None else self.document(doc_id).text
        stamp = now()
        ann = Annotation(
            id=annotation_id or time_ordered_id(),
            doc_id=doc_id,
            coder=coder or self.coder,
            label=label,
            start=start,
            end=end,
            text=doc_text[start:end],
            attrs=dict(attrs or {}),
            origin=origin,
            created=stamp,
            updated=stamp,
            provenance=provenance,
        )
        self.validate_annotation(ann, doc_text)
        return ann

    def insert_annotations(self, annotations: list[Annotation]) -> None:
        """Store checked annotations (from :meth:`new_annotation`) in one transaction, with their history."""
        self._insert_rows([annotation_row(a) for a in annotations], check_ids=True)

    def insert_span_rows(self, doc_id: int, rows: list[tuple[Any, ...]], *, given_ids: bool) -> None:
        """Store one document's prepared spans (:meth:`annotator.importing.prepare.SpanChecker.span_rows`) with their history.

        Ids made by :func:`~annotator.ids.time_ordered_id` are new; only ids that came with
        the input (``given_ids``) are looked up, which saves a query per imported document.
        """
        self._insert_rows([(row[0], doc_id, *row[1:]) for row in rows], check_ids=given_ids)

    def _insert_rows(self, rows: list[tuple[Any, ...]], *, check_ids: bool) -> None:
        if not rows:
            return
        with self.transaction():
            if check_ids:
                ids = [row[0] for row in rows]
                if len(set(ids)) != len(ids):
                    raise ValidationError("two new annotations share one id")
                for chunk in range(0, len(ids), 500):
                    part = ids[chunk : chunk + 500]
                    taken = self.conn.execute(
                        f"SELECT id FROM annotations WHERE id IN ({','.join('?' * len(part))}) LIMIT 1", part
                    ).fetchone()
                    if taken:
                        raise ValidationError(f"an annotation with id {taken[0]} already exists")
            self.conn.executemany(
                f"INSERT INTO annotations({ANNOTATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
            stamp = now()
            self.conn.executemany(_HISTORY_OF_NEW_ROWS, [(row[0], row[1], stamp) for row in rows])

    def update_annotation(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change label, offsets, attributes (replaced whole), origin or provenance; commits."""
        allowed = {"label", "start", "end", "attrs", "origin", "provenance", "coder"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        before = self.annotation(annotation_id)
        text = self.document(before.doc_id).text
        after = replace(before, **changes, updated=now())
        after = replace(after, text=text[after.start : after.end])
        self.validate_annotation(after, text)
        if same_content(before, after):
            return before
        with self.transaction():
            self.conn.execute(
                'UPDATE annotations SET coder = ?, label = ?, "start" = ?, "end" = ?, text = ?, attrs = ?, '
                "origin = ?, updated = ?, provenance = ? WHERE id = ?",
                (
                    after.coder, after.label, after.start, after.end, after.text,
                    json_text(after.attrs), after.origin, after.updated, json_or_none(after.provenance), after.id,
                ),
            )
            self._record(after.id, after.doc_id, "update", before, after)
        return after

    def delete_annotation(self, annotation_id: str) -> Annotation:
        """Soft delete: the row stays (``deleted = 1``) and the history keeps it restorable."""
        before = self.annotation(annotation_id)
        with self.transaction():
            self.conn.execute("UPDATE annotations SET deleted = 1, updated = ? WHERE id = ?", (now(), annotation_id))
            self._record(annotation_id, before.doc_id, "delete", before, None)
        return before

    def restore_annotation(self, annotation_id: str) -> Annotation:
        """Bring back a deleted annotation as it was when deleted."""
        ann = self.annotation(annotation_id, include_deleted=True)
        if not self.conn.execute("SELECT deleted FROM annotations WHERE id = ?", (annotation_id,)).fetchone()[0]:
            return ann
        with self.transaction():
            self.conn.execute("UPDATE annotations SET deleted = 0, updated = ? WHERE id = ?", (now(), annotation_id))
            self._record(annotation_id, ann.doc_id, "restore", None, ann)
        return ann

    def history(self, *, annotation_id: str | None = None, doc_id: int | None = None) -> list[HistoryEntry]:
        clauses, params = [], []
        if annotation_id is not None:
            clauses.append("h.annotation_id = ?")
            params.append(annotation_id)
        if doc_id is not None:
            clauses.append("h.doc_id = ?")
            params.append(doc_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
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

    def _record(self, annotation_id: str, doc_id: int, action: str, before: Annotation | None, after: Annotation | None) -> None:
        self.conn.execute(
            "INSERT INTO history(annotation_id, doc_id, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                annotation_id, doc_id, action,
                json_text(snapshot(before)) if before else None, json_text(snapshot(after)) if after else None, now(),
            ),
        )

    # --- suggestions bookkeeping -------------------------------------------------------

    def reject_suggestion(self, annotation_id: str) -> Annotation:
        """Delete a pending suggestion and remember it, so it is not suggested again."""
        ann = self.annotation(annotation_id)
        with self.transaction():
            self.conn.execute(
                'INSERT OR IGNORE INTO rejected_suggestions(doc_id, coder, label, "start", "end") VALUES (?, ?, ?, ?, ?)',
                (ann.doc_id, ann.coder, ann.label, ann.start, ann.end),
            )
            self.delete_annotation(annotation_id)
        return ann

    def unreject_suggestion(self, ann: Annotation) -> None:
        with self.transaction():
            self.conn.execute(
                'DELETE FROM rejected_suggestions WHERE doc_id = ? AND coder = ? AND label = ? AND "start" = ? AND "end" = ?',
                (ann.doc_id, ann.coder, ann.label, ann.start, ann.end),
            )
            self.restore_annotation(ann.id)

    def is_rejected(self, doc_id: int, coder: str, label: str, start: int, end: int) -> bool:
        return bool(
            self.conn.execute(
                'SELECT 1 FROM rejected_suggestions WHERE doc_id = ? AND coder = ? AND label = ? AND "start" = ? AND "end" = ?',
                (doc_id, coder, label, start, end),
            ).fetchone()
        )

    def known_names(self, label: str) -> set[str]:
        """Normalised texts of the confirmed spans of ``label``: the names the project knows,
        which let the clitic rule leave و out of والباغوز once الباغوز is known."""
        rows = self.conn.execute(
            "SELECT DISTINCT text FROM annotations WHERE label = ? AND deleted = 0 AND origin != 'suggested'",
            (label,),
        )
        return {normalize(row[0]) for row in rows}

    def attribute_values(self, label: str, attribute: str, limit: int = 500) -> list[str]:
        """Values used before for a text attribute, most used first, for completion."""
        rows = self.conn.execute(
            "SELECT json_extract(attrs, '$.' || ?) AS v, count(*) AS n FROM annotations "
            "WHERE label = ? AND deleted = 0 AND v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT ?",
            (attribute, label, limit),
        )
        return [str(row[0]) for row in rows]

    # --- copies from another project (annotator.lead.merge) ---------------------------------

    def put_annotation(self, ann: Annotation) -> str | None:
        """Store ``ann`` exactly as given (id, coder, timestamps): a copy of another file's span.

        A merge keeps each coder's span as the coder made it, so unlike
        :meth:`add_annotation` nothing is re-stamped. Creates the row, or updates
        (and undeletes) the row with that id; the history records the change.
        Returns ``"create"``, ``"update"``, ``"restore"`` or None when the stored
        row already had this content. The caller validates and owns the transaction.
        """
        row = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (ann.id,)
        ).fetchone()
        if row is None:
            self.conn.execute(
                f"INSERT INTO annotations({ANNOTATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                annotation_row(ann),
            )
            # No snapshot: a creation's is the row as inserted, read back like a bulk import's.
            self._record(ann.id, ann.doc_id, "create", None, None)
            return "create"
        before, deleted = annotation_from_row(row[:-1]), bool(row[-1])
        if not deleted and same_content(before, ann) and before.doc_id == ann.doc_id:
            return None
        self.conn.execute(
            'UPDATE annotations SET doc_id = ?, coder = ?, label = ?, "start" = ?, "end" = ?, text = ?, attrs = ?, '
            "origin = ?, created = ?, updated = ?, provenance = ?, deleted = 0 WHERE id = ?",
            (*annotation_row(ann)[1:], ann.id),
        )
        action = "restore" if deleted else "update"
        self._record(ann.id, ann.doc_id, action, None if deleted else before, ann)
        return action


