"""The two tables only a lead's merged project fills: where each coder layer came from
(``merge_sources``, written by :mod:`annotator.lead.merge`) and the coder spans the lead
kept out of gold (``rejections``, written by :mod:`annotator.lead.adjudication`).

Plain SQL, not sqlite-utils: the first use of sqlite-utils in a process imports it (and
pandas, when installed), most of a second that a short merge from the command line or the
lead's first rejection in the window would wait for (benchmarks/README.md).
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass
from typing import Any

from annotator.store.base import StoreBase

_MERGE_SOURCES = "SELECT coder, project_id, path, source_modified, merged_at FROM merge_sources"


@dataclass(frozen=True)
class MergeSource:
    """The source file a merged coder layer came from, and how recent the copy was."""

    coder: str
    project_id: str
    path: str
    source_modified: str
    merged_at: str


@dataclass(frozen=True)
class Rejection:
    """Coder spans (``sources``) the lead kept out of gold in one decision."""

    id: str
    doc_id: int
    sources: tuple[str, ...]
    by: str
    at: str

    @property
    def provenance(self) -> dict[str, Any]:
        return {"sources": list(self.sources), "decision": "rejected", "by": self.by, "at": self.at}


class LeadTables(StoreBase):
    """``merge_sources`` and ``rejections``."""

    # --- merge_sources ----------------------------------------------------------------

    def merged_layers(self) -> list[str]:
        """The coder layers that came from merged files, in name order (empty if none)."""
        return [row[0] for row in self.conn.execute("SELECT coder FROM merge_sources ORDER BY coder")]

    def merge_sources(self) -> list[MergeSource]:
        """Where each merged layer came from, by coder name."""
        return [MergeSource(*row) for row in self.conn.execute(f"{_MERGE_SOURCES} ORDER BY coder")]

    def merge_source(self, coder: str) -> MergeSource | None:
        """Where the layer ``coder`` came from; None when no merged file brought it."""
        row = self.conn.execute(f"{_MERGE_SOURCES} WHERE coder = ?", (coder,)).fetchone()
        return None if row is None else MergeSource(*row)

    def record_merge_source(self, source: MergeSource) -> None:
        """Remember (or replace) where a layer came from; inside the caller's transaction."""
        self.conn.execute(
            "INSERT OR REPLACE INTO merge_sources(coder, project_id, path, source_modified, merged_at) "
            "VALUES (?, ?, ?, ?, ?)",
            astuple(source),
        )

    # --- rejections ---------------------------------------------------------------------

    def rejections(self, doc_id: int | None = None) -> list[Rejection]:
        """The lead's rejections (of one document), oldest first."""
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
        rows = self.conn.execute(f"SELECT id, doc_id, sources, by, at FROM rejections {where} ORDER BY at, id", params)
        return [Rejection(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4]) for r in rows]

    def add_rejection(self, rejection: Rejection) -> None:
        """Store a rejection and commit."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO rejections(id, doc_id, sources, by, at) VALUES (?, ?, ?, ?, ?)",
                (rejection.id, rejection.doc_id, json.dumps(list(rejection.sources)), rejection.by, rejection.at),
            )

    def delete_rejection(self, rejection_id: str) -> bool:
        """Forget a rejection and commit; False when there was none with this id."""
        with self.transaction():
            return bool(self.conn.execute("DELETE FROM rejections WHERE id = ?", (rejection_id,)).rowcount)
