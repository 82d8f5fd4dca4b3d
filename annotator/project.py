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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator import __version__, schema
from annotator.backups import Backup, list_backups, make_backup, restore_backup, save_copy
from annotator.codebook import Codebook, codebook_from_dict, default_codebook
from annotator.errors import ProjectError, ValidationError, storage_error
from annotator.index import index_document, match_query
from annotator.locking import WriterLock
from annotator.models import (
    GOLD,
    ORIGINS,
    STATUSES,
    Annotation,
    Document,
    DocumentStatus,
    DocumentSummary,
    HistoryEntry,
)
from annotator.text import normalize, text_sha256

_ANNOTATION_COLUMNS = 'id, doc_id, coder, label, "start", "end", text, attrs, origin, created, updated, provenance'


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_coder_name(coder: str, *, allow_gold: bool = False) -> str:
    coder = coder.strip()
    if not coder:
        raise ValidationError("a coder name cannot be empty")
    if coder == GOLD and not allow_gold:
        raise ValidationError("'gold' is the adjudicated layer, not a coder name; choose another name")
    return coder


class Project:
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
                if readonly:
                    raise ProjectError("the project needs upgrading; open it writable once", path=path)
                schema.migrate(conn, path, version)
            project = cls(path, conn, readonly=readonly, lock=lock)
            if not readonly and project._meta.get("app_version") != __version__:
                project._upgraded_from(project._meta.get("app_version", "unknown"))
            return project
        except BaseException:
            conn.close()
            if lock is not None:
                lock.release()
            raise

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
        """Bring back a backup copy (see :mod:`annotator.backups`); returns the copy of the state before."""
        if self.readonly:
            raise ProjectError("the project is open read-only", path=self.path)
        before = restore_backup(self.conn, self.path, backup)
        with self.transaction():  # the file is this version's now: no second copy on next open
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('app_version', ?)", (__version__,))
        self._meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        self.codebook = self._read_codebook()
        return before

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
    ) -> tuple[Document, bool, list[tuple[int, float]]]:
        """Add a document unless its text is already here.

        ``text`` must already be canonical (see :func:`annotator.text.canonical_text`).
        Returns ``(document, added, near_duplicates)``: when the text exists the
        stored document comes back with ``added`` False, and empty metadata of the
        stored one is filled from the arguments.
        """
        sha = text_sha256(text)
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
            cursor = self.conn.execute(
                "INSERT INTO documents(key, title, text, source, url, date, meta, sha256, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, title, text, source, url, date, json.dumps(meta or {}, ensure_ascii=False, sort_keys=True), sha, now()),
            )
            doc_id = int(cursor.lastrowid or 0)
            duplicates = index_document(self.conn, doc_id, title, text)
        return self.document(doc_id), True, duplicates

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
        return _document(row)

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
        ``search`` is matched on normalised text (see :mod:`annotator.index`).
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
            query = match_query(search)
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
            f'SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE {" AND ".join(clauses)} '
            f'ORDER BY doc_id, "start", "end", label, coder, id',
            params,
        ).fetchall()
        return [_annotation(row) for row in rows]

    def annotation(self, annotation_id: str, *, include_deleted: bool = False) -> Annotation:
        row = self.conn.execute(
            f"SELECT {_ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None or (row[-1] and not include_deleted):
            raise ValidationError(f"no annotation with id {annotation_id}")
        return _annotation(row[:-1])

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
        if not (0 <= ann.start < ann.end <= len(text)):
            raise ValidationError(
                f"span [{ann.start}, {ann.end}) does not fit in document {ann.doc_id} of {len(text)} characters"
            )
        label = self.codebook.label(ann.label)
        label.check_attributes(ann.attrs)
        if ann.origin not in ORIGINS:
            raise ValidationError(f"unknown origin '{ann.origin}' (use {', '.join(ORIGINS)})")
        check_coder_name(ann.coder, allow_gold=True)

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
            id=annotation_id or str(uuid.uuid4()),
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
        if not annotations:
            return
        ids = [a.id for a in annotations]
        if len(set(ids)) != len(ids):
            raise ValidationError("two new annotations share one id")
        with self.transaction():
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                taken = self.conn.execute(
                    f"SELECT id FROM annotations WHERE id IN ({','.join('?' * len(part))}) LIMIT 1", part
                ).fetchone()
                if taken:
                    raise ValidationError(f"an annotation with id {taken[0]} already exists")
            self.conn.executemany(
                f"INSERT INTO annotations({_ANNOTATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_annotation_row(a) for a in annotations],
            )
            stamp = now()
            self.conn.executemany(
                "INSERT INTO history(annotation_id, doc_id, action, before, after, at) VALUES (?, ?, 'create', NULL, ?, ?)",
                [(a.id, a.doc_id, _json(_snapshot(a)), stamp) for a in annotations],
            )

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
        if _same_content(before, after):
            return before
        with self.transaction():
            self.conn.execute(
                'UPDATE annotations SET coder = ?, label = ?, "start" = ?, "end" = ?, text = ?, attrs = ?, '
                "origin = ?, updated = ?, provenance = ? WHERE id = ?",
                (
                    after.coder, after.label, after.start, after.end, after.text,
                    _json(after.attrs), after.origin, after.updated, _json_or_none(after.provenance), after.id,
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
            clauses.append("annotation_id = ?")
            params.append(annotation_id)
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            f"SELECT id, annotation_id, doc_id, action, before, after, at FROM history {where} ORDER BY id", params
        ).fetchall()
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
                _json(_snapshot(before)) if before else None, _json(_snapshot(after)) if after else None, now(),
            ),
        )

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

    # --- figures -----------------------------------------------------------------------

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
            counts["new"] = total - sum(v for k, v in counts.items() if k != "new")
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

    # --- copies from another project (annotator.merge) ---------------------------------

    def put_annotation(self, ann: Annotation) -> str | None:
        """Store ``ann`` exactly as given (id, coder, timestamps): a copy of another file's span.

        A merge keeps each coder's span as the coder made it, so unlike
        :meth:`add_annotation` nothing is re-stamped. Creates the row, or updates
        (and undeletes) the row with that id; the history records the change.
        Returns ``"create"``, ``"update"``, ``"restore"`` or None when the stored
        row already had this content. The caller validates and owns the transaction.
        """
        row = self.conn.execute(
            f"SELECT {_ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (ann.id,)
        ).fetchone()
        if row is None:
            self.conn.execute(
                f"INSERT INTO annotations({_ANNOTATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _annotation_row(ann),
            )
            self._record(ann.id, ann.doc_id, "create", None, ann)
            return "create"
        before, deleted = _annotation(row[:-1]), bool(row[-1])
        if not deleted and _same_content(before, ann) and before.doc_id == ann.doc_id:
            return None
        self.conn.execute(
            'UPDATE annotations SET doc_id = ?, coder = ?, label = ?, "start" = ?, "end" = ?, text = ?, attrs = ?, '
            "origin = ?, created = ?, updated = ?, provenance = ?, deleted = 0 WHERE id = ?",
            (*_annotation_row(ann)[1:], ann.id),
        )
        action = "restore" if deleted else "update"
        self._record(ann.id, ann.doc_id, action, None if deleted else before, ann)
        return action


# --- row conversion ----------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _json_or_none(value: Any) -> str | None:
    return None if value is None else _json(value)


def _document(row: Sequence[Any]) -> Document:
    return Document(
        id=row[0], key=row[1], title=row[2], text=row[3], sha256=row[4], source=row[5], url=row[6],
        date=row[7], meta=json.loads(row[8]), imported_at=row[9],
    )


def _annotation(row: Sequence[Any]) -> Annotation:
    return Annotation(
        id=row[0], doc_id=row[1], coder=row[2], label=row[3], start=row[4], end=row[5], text=row[6],
        attrs=json.loads(row[7]), origin=row[8], created=row[9], updated=row[10],
        provenance=json.loads(row[11]) if row[11] else None,
    )


def _annotation_row(ann: Annotation) -> tuple[Any, ...]:
    return (
        ann.id, ann.doc_id, ann.coder, ann.label, ann.start, ann.end, ann.text, _json(ann.attrs), ann.origin,
        ann.created, ann.updated, _json_or_none(ann.provenance),
    )


def _snapshot(ann: Annotation) -> dict[str, Any]:
    """The annotation as plain data for the history (``dataclasses.asdict`` deep-copies: slower)."""
    return {
        "id": ann.id, "doc_id": ann.doc_id, "coder": ann.coder, "label": ann.label, "start": ann.start,
        "end": ann.end, "text": ann.text, "attrs": ann.attrs, "origin": ann.origin, "created": ann.created,
        "updated": ann.updated, "provenance": ann.provenance,
    }


def _same_content(a: Annotation, b: Annotation) -> bool:
    keys = ("coder", "label", "start", "end", "attrs", "origin", "provenance")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


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
