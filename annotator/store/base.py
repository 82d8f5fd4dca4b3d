"""What every part of the store stands on: the open connection, transactions, meta and codebook.

:class:`~annotator.store.project.Project` is put together from parts, one module per
concern (documents, annotations, history, statuses, export reads, lead tables). Each
part is a class that inherits the parts it calls, down to :class:`StoreBase`, so every
attribute a part uses is defined in a class it inherits and a type checker follows it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from annotator.codebook import Codebook
from annotator.codebook_reading import brought_forward, codebook_from_dict, with_built_in_display
from annotator.errors import ProjectError, storage_error
from annotator.store.progress import StoppableReads
from annotator.store.rows import now


class StoreBase:
    """An open project connection with its transactions, meta table and codebook."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool = False):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._db: Any = None
        self._depth = 0
        self._meta: dict[str, str] = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.codebook = self._read_codebook()

    @property
    def db(self) -> Any:
        """The file as a ``sqlite_utils.Database`` (tables, upserts), for scripts and bulk edits.

        Imported on first use: sqlite-utils imports pandas when it is installed,
        which costs most of a second and 100 MB at start-up.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # --- transactions --------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nested use joins the outer one.

        ``BEGIN IMMEDIATE`` takes the write lock at the start, so a busy file is reported
        before any work is done rather than halfway through it.
        """
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
        self._rolled_back()

    def _rolled_back(self) -> None:
        """Writes were undone: a part that keeps some of them in memory lets that go."""

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

    def stoppable_reads(self, progress: Callable[[int, int], None]) -> StoppableReads:
        """A context in which SQLite calls ``progress`` with the last figures reported to the
        returned object, as statements start and during long ones; a raise there stops the read."""
        return StoppableReads(self.conn, progress)

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
            self._rolled_back()
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
        try:
            codebook = stored_codebook(self.conn, self._meta, self.path)
        except Exception as exc:
            raise ProjectError(f"the project's codebook is damaged ({exc})", path=self.path) from None
        if self.conn.execute("PRAGMA user_version").fetchone()[0] < 3:
            # A file from before events, read as it is (a lead reads coders' files read-only):
            # its built-in codebook reads as schema 3 brings it forward, so it merges with new ones.
            codebook = brought_forward(codebook)
        return codebook


def stored_codebook(conn: sqlite3.Connection, meta: dict[str, str], path: str | Path = "<project>") -> Codebook:
    """The codebook a project file stores (labels in their table, the rest in ``meta``)."""
    rows = conn.execute(
        "SELECT name, color, key, description, strip_proclitics, attributes FROM labels ORDER BY position"
    ).fetchall()
    data: dict[str, Any] = {
        "name": meta.get("codebook_name", "codebook"),
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
    if "vague_amounts" in meta:  # files made before the rule was stored get the built-in one
        data["vague_amounts"] = json.loads(meta["vague_amounts"])
    if "event_types" in meta:  # a file made before events declares none: its codebook is what it was
        data["events"] = json.loads(meta["event_types"])
    # The labels table has no column for a label's display names: they are kept in meta.
    for label, display in json.loads(meta.get("label_display", "{}")).items():
        for item in data["labels"]:
            if item["name"] == label:
                item["display"] = display
    return with_built_in_display(codebook_from_dict(data, path))


def write_codebook(conn: sqlite3.Connection, codebook: Codebook) -> None:
    """Replace the file's labels and event types with ``codebook``'s (inside the caller's transaction).

    Event types are kept in ``meta`` as the JSON of the codebook's ``[[events]]``, as the
    vague amounts are: plain data read whole with the codebook, never queried.
    """
    conn.execute("DELETE FROM meta WHERE key IN ('event_types', 'label_display')")
    label_display = {label.name: label.display for label in codebook.labels if label.display}
    if label_display:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('label_display', ?)",
            (json.dumps(label_display, ensure_ascii=False, sort_keys=True),),
        )
    if codebook.event_types:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('event_types', ?)",
            (json.dumps(codebook.events_to_list(), ensure_ascii=False, sort_keys=True),),
        )
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
