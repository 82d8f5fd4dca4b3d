"""The annotation side of a project: spans, the history rows their changes write, names and
values used before, and the reads other parts of the app make of the spans.

Every change is recorded in ``history`` with full before/after snapshots, and a delete is
soft, so nothing is lost (reading and reverting the history: :mod:`annotator.store.history`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from annotator.errors import ValidationError
from annotator.ids import time_ordered_id
from annotator.models import GOLD, Annotation, Origin
from annotator.store.documents import DocumentStore
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
# inserted, which :meth:`~annotator.store.history.HistoryStore.history` reads back from the
# next change's "before" (every later change records one) or from the row itself. A JSON copy
# of every imported span would tell nothing new and double the size of the file.
_HISTORY_OF_NEW_ROWS = "INSERT INTO history(annotation_id, doc_id, action, before, after, at) VALUES (?, ?, 'create', NULL, NULL, ?)"


# The order spans are read in everywhere: text order, then a fixed order for spans on one stretch.
SPAN_ORDER = 'ORDER BY doc_id, "start", "end", label, coder, id'


def live_spans(coder: str | None, include_suggestions: bool) -> tuple[list[str], list[Any]]:
    """Conditions on ``annotations`` (and their parameters) for live spans, of one layer when
    ``coder`` is given, suggestions only when asked for."""
    clauses = ["deleted = 0"]
    params: list[Any] = []
    if coder is not None:
        clauses.append("coder = ?")
        params.append(coder)
    if not include_suggestions:
        clauses.append("origin != 'suggested'")
    return clauses, params


class AnnotationStore(DocumentStore):
    """The ``annotations`` table, with the ``history`` rows its changes write and ``rejected_suggestions``."""

    # --- annotations -----------------------------------------------------------------

    def annotations(
        self, doc_id: int | None = None, *, coder: str | None = None, include_suggestions: bool = True
    ) -> list[Annotation]:
        """Live annotations of one document (or all), every layer unless ``coder`` is given."""
        clauses, params = live_spans(coder, include_suggestions)
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        rows = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE {' AND '.join(clauses)} {SPAN_ORDER}", params
        ).fetchall()
        return [annotation_from_row(row) for row in rows]

    def span_counts(self, *, coder: str | None = None, include_suggestions: bool = True) -> dict[int, int]:
        """Live spans per document id (of one layer when ``coder`` is given), counted by SQLite."""
        clauses, params = live_spans(coder, include_suggestions)
        return dict(
            self.conn.execute(
                f"SELECT doc_id, count(*) FROM annotations WHERE {' AND '.join(clauses)} GROUP BY doc_id", params
            ).fetchall()
        )

    def has_live_spans(self, coder: str) -> bool:
        return bool(
            self.conn.execute("SELECT 1 FROM annotations WHERE coder = ? AND deleted = 0 LIMIT 1", (coder,)).fetchone()
        )

    def live_span_count(self, coder: str) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM annotations WHERE coder = ? AND deleted = 0", (coder,)).fetchone()[0]
        )

    def live_annotation_ids(self, coder: str) -> list[str]:
        """Ids of a layer's live spans, in id order."""
        return [
            row[0]
            for row in self.conn.execute("SELECT id FROM annotations WHERE coder = ? AND deleted = 0 ORDER BY id", (coder,))
        ]

    def annotation_exists(self, annotation_id: str) -> bool:
        """Whether a row has this id, deleted or not: ids are never reused."""
        return self.annotation_owner(annotation_id) is not None

    def annotation_owner(self, annotation_id: str) -> tuple[str, int] | None:
        """``(coder, doc_id)`` of the row with this id, deleted or not; None when there is none."""
        row = self.conn.execute("SELECT coder, doc_id FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    def annotation(self, annotation_id: str, *, include_deleted: bool = False) -> Annotation:
        row = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None or (row[-1] and not include_deleted):
            raise ValidationError(f"no annotation with id {annotation_id}")
        return annotation_from_row(row[:-1])

    def coders(self, *, include_deleted: bool = False) -> list[str]:
        """Every layer that holds a live annotation or a status, the project's coder first;
        ``include_deleted`` counts a layer whose spans are all deleted too (a merge must
        carry its deletions over)."""
        live = "" if include_deleted else " WHERE deleted = 0"
        names = {
            row[0] for row in self.conn.execute(f"SELECT coder FROM annotations{live} UNION SELECT coder FROM document_status")
        }
        names.add(self.coder)
        return sorted(names, key=lambda name: (name != self.coder, name == GOLD, name))

    def has_layer(self, coder: str) -> bool:
        """Whether any span (deleted ones too) or status is under this coder name."""
        return bool(
            self.conn.execute(
                "SELECT 1 FROM annotations WHERE coder = ? UNION SELECT 1 FROM document_status WHERE coder = ?",
                (coder, coder),
            ).fetchone()
        )

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
        origin: str = Origin.MANUAL,
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
        origin: str = Origin.MANUAL,
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
        ann = replace(ann, updated=now())
        with self.transaction():
            self.conn.execute("UPDATE annotations SET deleted = 0, updated = ? WHERE id = ?", (ann.updated, annotation_id))
            self._record(annotation_id, ann.doc_id, "restore", None, ann)
        return ann

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

    def confirmed_names(self, coder: str, labels: Sequence[str]) -> list[tuple[str, str, dict[str, Any]]]:
        """``(text, label, attributes)`` of a coder's confirmed spans of ``labels``, the most
        recently edited first (project memory: the latest spelling of a name wins)."""
        rows = self.conn.execute(
            f"""SELECT text, label, attrs FROM annotations
                WHERE coder = ? AND deleted = 0 AND origin != 'suggested'
                  AND label IN ({",".join("?" * len(labels))})
                ORDER BY updated DESC, id""",
            (coder, *labels),
        ).fetchall()
        return [(text, label, json.loads(attrs)) for text, label, attrs in rows]

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


