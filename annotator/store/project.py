"""A project file: one coder's (or a merged) SQLite database, and the API over it.

Every method that changes something commits before it returns, so a confirmed
edit survives a crash the moment the call is done (DESIGN.md: no Save button).
Bulk work (an import, a merge) runs inside :meth:`Project.transaction` and is
all or nothing.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.codebook import Codebook, codebook_from_dict, default_codebook
from annotator.errors import ProjectError, ValidationError, storage_error
from annotator.models import (
    STATUSES,
    Document,
    DocumentSummary,
)
from annotator.store import schema
from annotator.store.annotations import AnnotationStore
from annotator.store.backups import Backup, list_backups, make_backup, restore_backup, save_copy
from annotator.store.index import (
    SEARCH_SCHEME,
    SKETCH_SCHEME,
    DocumentDigest,
    digest,
    index_document,
    match_query,
    match_query_unicode61,
    rebuild_search,
    rebuild_sketches,
)
from annotator.store.locking import WriterLock
from annotator.store.rows import check_coder_name, document_from_row, now
from annotator.store.status import StatusStore
from annotator.text import text_sha256


class Project(AnnotationStore, StatusStore):
    """An open project file. Use :meth:`create` or :meth:`open`, and close it (or use ``with``)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool = False, lock: WriterLock | None = None):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._lock = lock
        self._db: Any = None
        self._depth = 0
        self._meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.codebook = self._read_codebook()

    # --- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, *, coder: str, codebook: Codebook | None = None) -> Project:
        """Make a new project file; refuses to overwrite an existing file."""
        path = Path(path)
        coder = check_coder_name(coder)
        if path.exists():
            raise ProjectError("a file of that name already exists; choose another name", path=path)
        if not path.parent.exists():
            raise ProjectError("the folder does not exist", path=path)
        codebook = codebook or default_codebook()
        lock = WriterLock(path)
        lock.acquire()
        conn = schema.connect(path)
        try:
            schema.create_schema(conn)
            conn.execute("BEGIN IMMEDIATE")
            stamp = now()
            meta = {
                "project_id": str(uuid.uuid4()),
                "coder": coder,
                "created": stamp,
                "modified": stamp,
                "app_version": __version__,
                "codebook_name": codebook.name,
                "vague_amounts": json.dumps(codebook.to_dict()["vague_amounts"], ensure_ascii=False),
                "sketch_scheme": SKETCH_SCHEME,
                "search_scheme": SEARCH_SCHEME,
            }
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            _write_codebook(conn, codebook)
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            lock.release()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), lock.path):
                leftover.unlink(missing_ok=True)
            raise
        return cls(path, conn, lock=lock)

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Project:
        """Open an existing project after checking it is ours; migrates it forward if older."""
        path = Path(path)
        schema.check_header(path)
        lock = None if readonly else WriterLock(path)
        if lock is not None:
            lock.acquire()
        try:
            conn = schema.connect(path, readonly=readonly)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        try:
            version = schema.check_schema(conn, path)
            if version < schema.SCHEMA_VERSION:
                if readonly and version not in schema.READABLE_AS_THEY_ARE:
                    raise ProjectError("the project needs upgrading; open it writable once", path=path)
                if not readonly:
                    schema.migrate(conn, path, version)
            project = cls(path, conn, readonly=readonly, lock=lock)
            if not readonly and project._meta.get("app_version") != __version__:
                project._upgraded_from(project._meta.get("app_version", "unknown"))
            if not readonly:
                project._rebuild_derived()
            return project
        except BaseException:
            conn.close()
            if lock is not None:
                lock.release()
            raise

    def _rebuild_derived(self) -> None:
        """Sketches and search index made another way (an older version, another Python) are
        made again: derived data, nothing a coder made is touched."""
        if self._meta.get("sketch_scheme") != SKETCH_SCHEME:
            with self.transaction():
                rebuild_sketches(self.conn)
            self._meta["sketch_scheme"] = SKETCH_SCHEME
        if self._meta.get("search_scheme") != SEARCH_SCHEME:
            with self.transaction():
                rebuild_search(self.conn, schema.SEARCH_TABLE)
            self._meta["search_scheme"] = SEARCH_SCHEME

    def _upgraded_from(self, previous: str) -> None:
        """First writable open by a new version: keep a copy of the file as the old version left it."""
        make_backup(self.conn, self.path, f"from-{previous}")
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('app_version', ?)", (__version__,))
        self._meta["app_version"] = __version__

    def backups(self) -> list[Backup]:
        return list_backups(self.path)

    def save_copy(self, target: str | Path) -> Path:
        """Write a consistent copy of the project elsewhere (when its own disk is full, say)."""
        return save_copy(self.conn, self.path, Path(target))

    def restore(self, backup: Path) -> Path:
        """Bring back a backup copy (see :mod:`annotator.store.backups`); returns the copy of the state before."""
        if self.readonly:
            raise ProjectError("the project is open read-only", path=self.path)
        before = restore_backup(self.conn, self.path, backup)
        # A copy an older version made (the one a migration keeps) is brought forward at once,
        # as opening it would: the rest of this session writes a file of this version.
        schema.migrate(self.conn, self.path, schema.check_schema(self.conn, self.path))
        with self.transaction():  # the file is this version's now: no second copy on next open
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('app_version', ?)", (__version__,))
        self._meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        self.codebook = self._read_codebook()
        self._rebuild_derived()
        return before

    def second_connection(self) -> Project:
        """This project through a connection of its own, for work on another thread.

        A transaction belongs to a connection: a long import on a worker thread must not
        take in the edits the window makes meanwhile, nor roll them back if cancelled. The
        copy works under this project's writer lock (one process, one writer) and takes
        none of its own, so close it before this one.
        """
        return Project(self.path, schema.connect(self.path, readonly=self.readonly), readonly=self.readonly)

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> Any:
        """The file as a ``sqlite_utils.Database`` (tables, upserts), for scripts and bulk edits.

        Imported on first use: sqlite-utils imports pandas when it is installed,
        which costs a second and 100 MB at start-up.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # --- transactions --------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nested use joins the outer one."""
        if self.readonly:
            raise ProjectError("the project is open read-only", path=self.path)
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None
        self._depth = 1
        try:
            yield
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('modified', ?)", (now(),))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise storage_error(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full, I/O error)
            self.conn.execute("ROLLBACK")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the file, however many commits other processes make
        meanwhile (WAL readers keep their snapshot): an export run while a coder saves is one
        consistent cut. Inside a transaction already, that transaction is the snapshot."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")  # nothing was written: reads only

    @contextmanager
    def savepoint(self, name: str = "part") -> Iterator[None]:
        """A part of a transaction that can fail alone (``--skip-bad`` imports)."""
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
            self.conn.execute(f"RELEASE {name}")
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise

    # --- meta and codebook -----------------------------------------------------------

    @property
    def coder(self) -> str:
        return self._meta["coder"]

    @property
    def project_id(self) -> str:
        return self._meta["project_id"]

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta").fetchall())

    def _read_codebook(self) -> Codebook:
        rows = self.conn.execute(
            "SELECT name, color, key, description, strip_proclitics, attributes FROM labels ORDER BY position"
        ).fetchall()
        data = {
            "name": self._meta.get("codebook_name", "codebook"),
            "labels": [
                {
                    "name": name,
                    "color": color,
                    "key": key,
                    "description": description,
                    "strip_proclitics": bool(strip),
                    "attributes": json.loads(attributes),
                }
                for name, color, key, description, strip, attributes in rows
            ],
        }
        if "vague_amounts" in self._meta:  # files made before the rule was stored get the built-in one
            data["vague_amounts"] = json.loads(self._meta["vague_amounts"])
        try:
            return codebook_from_dict(data, self.path)
        except Exception as exc:
            raise ProjectError(f"the project's codebook is damaged ({exc})", path=self.path) from None

    # --- documents -------------------------------------------------------------------

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
        existing = self.document_by_sha(sha)
        with self.transaction():
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
            key = self._free_key(key or f"doc-{sha[:12]}")
            stored_meta, stamp = json.dumps(meta or {}, ensure_ascii=False, sort_keys=True), now()
            cursor = self.conn.execute(
                "INSERT INTO documents(key, title, text, source, url, date, meta, sha256, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, title, text, source, url, date, stored_meta, sha, stamp),
            )
            doc_id = int(cursor.lastrowid or 0)
            duplicates = index_document(self.conn, doc_id, text, digested or digest(title, text))
        document = Document(
            id=doc_id, key=key, title=title, text=text, sha256=sha, source=source, url=url, date=date,
            meta=json.loads(stored_meta), imported_at=stamp,
        )
        return document, True, duplicates

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

    def document_count(self, *, status: str | None = None, search: str | None = None, coder: str | None = None) -> int:
        where, params = self._document_filter(status, search, coder or self.coder)
        return self.conn.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]

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
                           WHERE x.doc_id = d.id ORDER BY x.similarity DESC LIMIT 1)
                FROM documents d
                LEFT JOIN document_status s ON s.doc_id = d.id AND s.coder = ?
                {where} ORDER BY d.id LIMIT ? OFFSET ?""",
            (coder, coder, *params, limit, offset),
        ).fetchall()
        return [
            DocumentSummary(
                id=r[0], key=r[1], title=r[2], status=r[3], flagged=bool(r[4]), comment=r[5],
                span_count=r[6], duplicate_of=r[7],
            )
            for r in rows
        ]

    def _document_filter(self, status: str | None, search: str | None, coder: str) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status == "flagged":
            clauses.append("d.id IN (SELECT doc_id FROM document_status WHERE coder = ? AND flagged = 1)")
            params.append(coder)
        elif status == "new":
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

def _write_codebook(conn: sqlite3.Connection, codebook: Codebook) -> None:
    conn.execute("DELETE FROM labels")
    for position, label in enumerate(codebook.labels):
        data = codebook.to_dict()["labels"][position]
        conn.execute(
            "INSERT INTO labels(name, position, color, key, description, strip_proclitics, attributes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                label.name, position, label.color, label.key, label.description, int(label.strip_proclitics),
                json.dumps(data.get("attributes", []), ensure_ascii=False, sort_keys=True),
            ),
        )
