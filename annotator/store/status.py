"""Document status per coder (new, in progress, done, skipped; flag and comment) and the counts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.errors import ValidationError
from annotator.models import STATUSES, DocumentStatus, Status
from annotator.store.annotations import AnnotationStore
from annotator.store.rows import now


class StatusStore(AnnotationStore):
    """The ``document_status`` table, and the figures of ``stats``."""

    # --- status ----------------------------------------------------------------------

    def status(self, doc_id: int, coder: str | None = None) -> DocumentStatus:
        coder = coder or self.coder
        row = self.conn.execute(
            "SELECT status, flagged, comment, updated FROM document_status WHERE doc_id = ? AND coder = ?",
            (doc_id, coder),
        ).fetchone()
        if row is None:
            return DocumentStatus(doc_id, coder)
        return DocumentStatus(doc_id, coder, row[0], bool(row[1]), row[2], row[3])

    def has_status(self, doc_id: int, coder: str) -> bool:
        """Whether the coder ever set a status of the document (``status`` gives ``new`` either way)."""
        return bool(
            self.conn.execute(
                "SELECT 1 FROM document_status WHERE doc_id = ? AND coder = ?", (doc_id, coder)
            ).fetchone()
        )

    def statuses_of(self, coder: str) -> dict[int, str]:
        """The coder's stored status of each document by id; a document missing is ``new``."""
        return dict(self.conn.execute("SELECT doc_id, status FROM document_status WHERE coder = ?", (coder,)))

    def coders_with_status(self, status: str, *, doc_id: int | None = None) -> set[str]:
        """The coders who gave some document (or the document ``doc_id``) this status."""
        if doc_id is None:
            rows = self.conn.execute("SELECT DISTINCT coder FROM document_status WHERE status = ?", (status,))
        else:
            rows = self.conn.execute(
                "SELECT coder FROM document_status WHERE doc_id = ? AND status = ?", (doc_id, status)
            )
        return {row[0] for row in rows}

    def with_status(self, status: str) -> list[tuple[int, str]]:
        """``(doc_id, coder)`` of every document a coder gave this status, by document then coder."""
        return self.conn.execute(
            "SELECT doc_id, coder FROM document_status WHERE status = ? ORDER BY doc_id, coder", (status,)
        ).fetchall()

    def set_status(
        self,
        doc_id: int,
        status: str | None = None,
        *,
        flagged: bool | None = None,
        comment: str | None = None,
        coder: str | None = None,
    ) -> DocumentStatus:
        """Change any of status, flag and comment of a document for a coder; commits."""
        if status is not None and status not in STATUSES:
            raise ValidationError(f"unknown status '{status}' (use {', '.join(STATUSES)})")
        self.document(doc_id)
        current = self.status(doc_id, coder)
        new = replace(
            current,
            status=status if status is not None else current.status,
            flagged=flagged if flagged is not None else current.flagged,
            comment=comment if comment is not None else current.comment,
            updated=now(),
        )
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO document_status(doc_id, coder, status, flagged, comment, updated) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (doc_id, new.coder, new.status, int(new.flagged), new.comment, new.updated),
            )
        return new

    # --- figures -----------------------------------------------------------------------

    def span_counts_by_layer(self, doc_ids: list[int]) -> dict[int, dict[str, int]]:
        """Confirmed live spans of each of ``doc_ids`` per layer (a lead's file holds several);
        a document or layer with none is missing."""
        counts: dict[int, dict[str, int]] = {}
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for doc_id, coder, count in self.conn.execute(
                f"SELECT doc_id, coder, count(*) FROM annotations WHERE doc_id IN ({marks}) AND deleted = 0 "
                "AND origin != 'suggested' GROUP BY doc_id, coder",
                chunk,
            ):
                counts.setdefault(doc_id, {})[coder] = count
        return counts

    def stats(self) -> dict[str, Any]:
        """Counts per label, status and coder, as plain data for ``stats --json``."""
        labels: dict[str, dict[str, int]] = {}
        for coder, label, count in self.conn.execute(
            "SELECT coder, label, count(*) FROM annotations WHERE deleted = 0 AND origin != 'suggested' "
            "GROUP BY coder, label ORDER BY coder, label"
        ):
            labels.setdefault(coder, {})[label] = count
        total = self.document_count()
        statuses: dict[str, dict[str, int]] = {}
        for coder in self.coders():
            counts = dict(
                self.conn.execute(
                    "SELECT status, count(*) FROM document_status WHERE coder = ? GROUP BY status", (coder,)
                ).fetchall()
            )
            counts[Status.NEW] = total - sum(v for k, v in counts.items() if k != Status.NEW)
            statuses[coder] = {s: counts.get(s, 0) for s in STATUSES}
        suggestions = self.conn.execute(
            "SELECT count(*) FROM annotations WHERE deleted = 0 AND origin = 'suggested'"
        ).fetchone()[0]
        return {
            "project": str(self.path),
            "coder": self.coder,
            "documents": total,
            "near_duplicates": len(self.duplicates()),
            "spans_per_coder": {c: sum(v.values()) for c, v in labels.items()},
            "spans_per_label": labels,
            "status": statuses,
            "pending_suggestions": suggestions,
        }

