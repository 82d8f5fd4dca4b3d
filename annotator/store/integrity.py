"""Is the file sound? SQLite's ``integrity_check``, run once per state of the file.

A flipped byte in a project (a bad sector, a torn copy, a tool that wrote into it)
is read around silently by SQLite: rows go missing from an index and searches,
exports and imports carry on over them. So a file is checked before it is
written (opened writable) and before a merge or an export reads it.

``quick_check`` is cheaper but checks page structure only: it does not compare
index rows with their table, which is what one flipped byte most often breaks. ``integrity_check`` reads the whole file, so
it is run once per state of the file: the file's size, modification time and
inode (and its ``-wal``'s) after a check that passed, or after this app closed a
file it wrote, are remembered in the user's cache folder; a file seen again in
that state is not read again. Any change made outside this app (a copy, an edit,
a damaged sector rewritten) changes the state and brings the check back.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

import platformdirs

from annotator.errors import damaged, read_error

APP_NAME = "arabic-event-annotator"
REMEMBERED = 200  # files whose checked state is kept: a lead's coders' files and a few merges


def check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`~annotator.errors.DamagedProject` if the file is damaged; remember a sound state."""
    state = file_state(path)
    if state is not None and _remembered().get(_key(path)) == state:
        return
    found = problems(conn, path)
    if found:
        raise damaged("; ".join(found), path)
    if state is not None:
        remember(path, state)


def problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """The first few problems ``integrity_check`` finds in the file (none: it is sound)."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise read_error(exc, path) from None
    return [] if found == ["ok"] else found


def file_state(path: Path) -> list[int] | None:
    """What changes whenever the file's bytes may have: size, mtime and inode of it and its WAL."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    state = [main.st_size, main.st_mtime_ns, main.st_ino]
    try:
        wal = os.stat(f"{path}-wal")
    except OSError:
        wal = None
    # An empty WAL (made as a connection opens) holds nothing: the same state as none.
    state += [wal.st_size, wal.st_mtime_ns] if wal is not None and wal.st_size else [0, 0]
    return state


def remember(path: Path, state: list[int] | None = None) -> None:
    """Record ``path`` as sound in its present state (a writer closing a file it checked)."""
    state = state if state is not None else file_state(path)
    if state is None:
        return
    known = _remembered()
    known.pop(_key(path), None)
    known[_key(path)] = state
    _write(dict(list(known.items())[-REMEMBERED:]))


def forget(path: Path) -> None:
    """Check ``path`` in full next time (a state this app did not see written)."""
    known = _remembered()
    if known.pop(_key(path), None) is not None:
        _write(known)


def _write(known: dict[str, list[int]]) -> None:
    store = _store()
    with contextlib.suppress(OSError):  # only a cache: without it, the next open checks again
        store.parent.mkdir(parents=True, exist_ok=True)
        fresh = store.with_name(f".{store.name}.{os.getpid()}.tmp")
        fresh.write_text(json.dumps(known), encoding="utf-8")
        os.replace(fresh, store)


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _store() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "checked-files.json"


def _remembered() -> dict[str, list[int]]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
