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
from pathlib import Path

from annotator import __version__
from annotator.codebook import Codebook
from annotator.codebook_reading import default_codebook
from annotator.errors import ProjectError
from annotator.plain_files import refuse_special
from annotator.store import integrity, schema
from annotator.store.backups import Backup, list_backups, make_backup, restore_backup, save_copy
from annotator.store.base import write_codebook
from annotator.store.event_lead import EventLead
from annotator.store.event_spans import EventSpans
from annotator.store.event_suggest import EventSuggestStore
from annotator.store.export_reads import ExportReads
from annotator.store.index import (
    SEARCH_SCHEME,
    SKETCH_SCHEME,
    rebuild_search,
    rebuild_sketches,
)
from annotator.store.lead_tables import LeadTables
from annotator.store.locking import WriterLock
from annotator.store.rows import check_coder_name, now
from annotator.store.status import StatusStore


class Project(EventSpans, EventLead, EventSuggestStore, StatusStore, ExportReads, LeadTables):
    """An open project file. Use :meth:`create` or :meth:`open`, and close it (or use ``with``).

    Its methods come from the parts it inherits, one module of :mod:`annotator.store` each;
    this class adds opening, closing, backups and restoring.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool = False, lock: WriterLock | None = None):
        super().__init__(path, conn, readonly=readonly)
        self._lock = lock
        # Checked when opened for writing (or made here): only this process has written it since.
        self._sound = lock is not None

    # --- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, *, coder: str, codebook: Codebook | None = None) -> Project:
        """Make a new project file; refuses to overwrite an existing file."""
        path = Path(path)
        coder = check_coder_name(coder)
        refuse_special(path, ProjectError)
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
            write_codebook(conn, codebook)
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
        if not readonly and not schema.writable(path):
            raise ProjectError(
                "the project file or its folder is read-only (a read-only disk, share or file): it can be "
                "read, searched and exported but not changed; open it read-only, or copy it to a folder "
                "you can write to",
                path=path,
            )
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
            if not readonly:
                integrity.check(conn, path)  # before a migration or a backup copies the damage
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

    def check_integrity(self) -> None:
        """Raise :class:`~annotator.errors.DamagedProject` if the file is damaged (a merge and an
        export read a file opened read-only, which opening did not check)."""
        if not self._sound:
            integrity.check(self.conn, self.path)

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
        copy = Project(self.path, schema.connect(self.path, readonly=self.readonly), readonly=self.readonly)
        copy._sound = self._sound
        return copy

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            # This app's own writes (SQLite's, each a transaction) leave a checked file sound:
            # the state they left is remembered, so the next open need not read it all again.
            integrity.remember(self.path)
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
