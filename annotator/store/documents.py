"""Documents of a project: adding them (search index and near-duplicates included), reading
them one by one or a page at a time, and the near-duplicate pairs found on the way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from annotator.errors import ValidationError
from annotator.models import STATUSES, Document, DocumentSummary, Status
from annotator.store.base import StoreBase
from annotator.store.index import (
    SEARCH_SCHEME,
    DocumentDigest,
    digest,
    index_document,
    match_query,
    match_query_unicode61,
)
from annotator.store.near_duplicates import RECENT_DOCUMENTS, RecentBands
from annotator.store.rows import document_from_row, json_text, now
from annotator.text import text_sha256


class DocumentStore(StoreBase):
    """The ``documents`` table and what is derived from it (``search``, ``signatures``, ``bands``, ``duplicates``)."""

    _recent: RecentBands | None = None  # while adding many documents to a project that had none

    @contextmanager
    def adding_many(self) -> Iterator[None]:
        """Documents added inside (in the transaction this is inside of) find their near-duplicates
        among each other in memory when the project had no document before, as an archive's first
        import: the same answers as the file's, for less than the statement that asks it."""
        fresh = self.conn.execute("SELECT 1 FROM signatures LIMIT 1").fetchone() is None
        self._recent = RecentBands(RECENT_DOCUMENTS) if fresh else None
        try:
            yield
        finally:
            self._recent = None

    def _rolled_back(self) -> None:
        super()._rolled_back()
        self._recent = None  # it may hold documents no longer in the file

    def add_document(
        self,
        text: str,
        *,
        key: str | None = None,
        title: str = "",
        source: str = "",
        url: str = "",
        date: str = "",
        meta: dict[str, Any] | None = None,
        digested: DocumentDigest | None = None,
    ) -> tuple[Document, bool, list[tuple[int, float]]]:
        """Add a document unless its text is already here.

        ``text`` must already be canonical (see :func:`annotator.text.canonical_text`).
        Returns ``(document, added, near_duplicates)``: when the text exists the
        stored document comes back with ``added`` False, and empty metadata of the
        stored one is filled from the arguments. ``digested`` is the text's
        :func:`~annotator.store.index.digest` when the caller worked it out already.
        """
        sha = digested.sha256 if digested is not None else text_sha256(text)
        with self.transaction():
            stored_meta, stamp = json_text(meta or {}), now()
            # Most imported texts are new and keep their key: one statement then, and the two
            # lookups below (text already here? key taken?) only when it inserted nothing.
            wanted = key or f"doc-{sha[:12]}"
            doc_id = self._insert_document(wanted, title, text, source, url, date, stored_meta, sha, stamp)
            existing = self.document_by_sha(sha) if doc_id is None else None
            if existing is not None:
                fill = {
                    name: value
                    for name, value in (("title", title), ("source", source), ("url", url), ("date", date))
                    if value and not getattr(existing, name)
                }
                extra = {k: v for k, v in (meta or {}).items() if k not in existing.meta}
                if extra:
                    fill["meta"] = json.dumps({**existing.meta, **extra}, ensure_ascii=False, sort_keys=True)
                if fill:
                    self.db["documents"].update(existing.id, fill)
                return self.document(existing.id), False, []
            key = wanted
            if doc_id is None:  # the key is taken by another text
                key = self._free_key(wanted)
                doc_id = self._insert_document(key, title, text, source, url, date, stored_meta, sha, stamp)
                assert doc_id is not None  # a free key, and no document holds this text
            recent = self._recent
            if recent is not None and (doc_id <= recent.last or recent.full):
                recent = self._recent = None  # ids given again after a rollback, or enough kept: the file answers
            duplicates = index_document(self.conn, doc_id, digested or digest(title, text), recent)
        document = Document(
            id=doc_id, key=key, title=title, text=text, sha256=sha, source=source, url=url, date=date,
            meta={} if stored_meta == "{}" else json.loads(stored_meta), imported_at=stamp,
        )
        return document, True, duplicates

    def _insert_document(self, *values: str) -> int | None:
        """Insert a document row (key, title, text, source, url, date, meta, sha256, imported_at);
        its id, or None when another document holds that key or that text already."""
        cursor = self.conn.execute(
            "INSERT INTO documents(key, title, text, source, url, date, meta, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            values,
        )
        return int(cursor.lastrowid) if cursor.rowcount == 1 and cursor.lastrowid else None

    def _free_key(self, key: str) -> str:
        """A key not used yet: two sources may both call their first row "1"."""
        candidate, number = key, 1
        while self.conn.execute("SELECT 1 FROM documents WHERE key = ?", (candidate,)).fetchone():
            number += 1
            candidate = f"{key}~{number}"
        return candidate

    def document(self, doc_id: int) -> Document:
        row = self.conn.execute(
            "SELECT id, key, title, text, sha256, source, url, date, meta, imported_at FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise ValidationError(f"no document with id {doc_id}")
        return document_from_row(row)

    def document_by_key(self, key: str) -> Document | None:
        row = self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        return self.document(row[0]) if row else None

    def document_by_sha(self, sha: str) -> Document | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        return self.document(row[0]) if row else None

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def document_keys(self) -> list[tuple[int, str]]:
        """``(id, key)`` of every document in import order, without reading any text."""
        return self.conn.execute("SELECT id, key FROM documents ORDER BY id").fetchall()

    def document_count(self, *, status: str | None = None, search: str | None = None, coder: str | None = None) -> int:
        where, params = self._document_filter(status, search, coder or self.coder)
        return int(self.conn.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0])

    def documents(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        status: str | None = None,
        search: str | None = None,
        coder: str | None = None,
        only_id: int | None = None,
    ) -> list[DocumentSummary]:
        """One page of the document list, in import order, for queues and ``docs``.

        ``status`` filters by the given coder's status (``flagged`` is accepted too);
        ``search`` is matched on normalised text (see :mod:`annotator.store.index`).
        """
        coder = coder or self.coder
        where, params = self._document_filter(status, search, coder)
        if only_id is not None:
            where = (where + " AND" if where else "WHERE") + " d.id = ?"
            params.append(only_id)
        rows = self.conn.execute(
            f"""SELECT d.id, d.key, d.title,
                       coalesce(s.status, 'new'), coalesce(s.flagged, 0), coalesce(s.comment, ''),
                       (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id AND a.deleted = 0
                           AND a.coder = ? AND a.origin != 'suggested'),
                       (SELECT o.key FROM duplicates x JOIN documents o ON o.id = x.other_id
                           WHERE x.doc_id = d.id ORDER BY x.similarity DESC LIMIT 1),
                       (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id AND a.deleted = 0
                           AND a.coder = ? AND a.origin = 'suggested')
                FROM documents d
                LEFT JOIN document_status s ON s.doc_id = d.id AND s.coder = ?
                {where} ORDER BY d.id LIMIT ? OFFSET ?""",
            (coder, coder, coder, *params, limit, offset),
        ).fetchall()
        return [
            DocumentSummary(
                id=r[0], key=r[1], title=r[2], status=r[3], flagged=bool(r[4]), comment=r[5],
                span_count=r[6], duplicate_of=r[7], suggestion_count=r[8],
            )
            for r in rows
        ]

    def _document_filter(self, status: str | None, search: str | None, coder: str) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status == "flagged":
            clauses.append("d.id IN (SELECT doc_id FROM document_status WHERE coder = ? AND flagged = 1)")
            params.append(coder)
        elif status == Status.NEW:
            clauses.append("d.id NOT IN (SELECT doc_id FROM document_status WHERE coder = ? AND status != 'new')")
            params.append(coder)
        elif status is not None:
            if status not in STATUSES:
                raise ValidationError(f"unknown status '{status}' (use {', '.join(STATUSES)} or flagged)")
            clauses.append("d.id IN (SELECT doc_id FROM document_status WHERE coder = ? AND status = ?)")
            params += [coder, status]
        if search:
            current = self._meta.get("search_scheme") == SEARCH_SCHEME  # else read-only, as 0.1 indexed it
            query = match_query(search) if current else match_query_unicode61(search)
            if query is None:
                clauses.append("0")
            else:
                clauses.append("d.id IN (SELECT rowid FROM search WHERE search MATCH ?)")
                params.append(query)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def document_summary(self, doc_id: int, coder: str | None = None) -> DocumentSummary:
        """One row of the document list, refreshed after an edit to that document."""
        found = self.documents(limit=1, coder=coder, only_id=doc_id)
        if not found:
            raise ValidationError(f"no document with id {doc_id}")
        return found[0]

    def duplicates(self) -> list[tuple[str, str, float]]:
        """Near-duplicate pairs as ``(later key, earlier key, similarity)``."""
        return self.conn.execute(
            "SELECT a.key, b.key, x.similarity FROM duplicates x "
            "JOIN documents a ON a.id = x.doc_id JOIN documents b ON b.id = x.other_id ORDER BY a.id, b.id"
        ).fetchall()
