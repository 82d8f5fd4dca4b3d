"""Backup copies kept next to a project file, and restoring one.

A copy is made before a schema migration and on the first writable open by a
new version of the app, with SQLite's online backup (consistent even while
the WAL holds recent edits). The newest few are kept. Restoring first backs up
the current state, so a restore can itself be undone.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import ProjectError
from annotator.plain_files import refuse_special

KEEP = 5
_NAME = re.compile(r"^(?P<project>.+)\.backup-(?P<stamp>\d{8}T\d{6}\d{6})-(?P<reason>[\w.\-]+)$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str


def make_backup(conn: sqlite3.Connection, project_path: Path, reason: str, *, keep: int = KEEP) -> Path:
    """Copy the open database ``conn`` next to ``project_path``; keep the newest ``keep``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    safe_reason = re.sub(r"[^\w.\-]", "_", reason)
    target = project_path.with_name(f"{project_path.name}.backup-{stamp}-{safe_reason}")
    try:
        destination = sqlite3.connect(target)
        with destination:
            conn.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
        destination.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise ProjectError(f"could not write a backup copy next to the project ({exc})", path=project_path) from None
    for old in list_backups(project_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def save_copy(conn: sqlite3.Connection, project_path: Path, target: Path) -> Path:
    """A consistent copy of the open project at ``target`` (another disk, a USB stick)."""
    refuse_special(target, ProjectError)
    if target.exists():
        raise ProjectError("a file of that name already exists; choose another name", path=target)
    try:
        destination = sqlite3.connect(target)
        with destination:
            conn.backup(destination)
        destination.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise ProjectError(f"could not write the copy ({exc})", path=target) from None
    return target


def list_backups(project_path: Path) -> list[Backup]:
    """The backups of a project, newest first."""
    found = []
    for candidate in project_path.parent.glob(f"{project_path.name}.backup-*"):
        match = _NAME.match(candidate.name)
        if match and match.group("project") == project_path.name:
            taken = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
            found.append(Backup(candidate, taken, match.group("reason")))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def restore_over_damaged(project_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a damaged project file that cannot be opened; returns where the
    damaged file was kept (renamed beside it, with its ``-wal``: nothing is deleted)."""
    from annotator.store.locking import WriterLock
    from annotator.store.schema import check_header, check_schema

    check_header(backup)
    probe = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        check_schema(probe, backup)
    finally:
        probe.close()
    lock = WriterLock(project_path)
    lock.acquire()
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        fresh = project_path.with_name(f".{project_path.name}.restoring-{stamp}")
        moved: list[tuple[Path, Path]] = []  # renames undone in reverse if a later step fails
        try:
            source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
            destination = sqlite3.connect(fresh)
            with destination:
                source.backup(destination)
            destination.close()
            source.close()
            kept = project_path.with_name(f"{project_path.name}.damaged-{stamp}")
            for suffix in ("", "-wal", "-shm"):
                side = Path(f"{project_path}{suffix}")
                if suffix == "" or side.exists():
                    os.replace(side, Path(f"{kept}{suffix}"))
                    moved.append((side, Path(f"{kept}{suffix}")))
            os.replace(fresh, project_path)
        except (OSError, sqlite3.Error) as exc:
            fresh.unlink(missing_ok=True)
            for original, renamed in reversed(moved):
                if renamed.exists() and not original.exists():
                    os.replace(renamed, original)
            raise ProjectError(f"the backup {backup.name} could not be restored ({exc})", path=project_path) from None
    finally:
        lock.release()
    return kept


def restore_backup(conn: sqlite3.Connection, project_path: Path, backup: Path) -> Path:
    """Replace the open project's content with ``backup``; returns the copy made of the state before.

    The caller holds the writer lock; the copy goes through SQLite's backup API
    into the live database, so the file is never half old and half new.
    """
    from annotator.store.schema import check_header, check_schema

    check_header(backup)
    probe = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        check_schema(probe, backup)
    finally:
        probe.close()
    before = make_backup(conn, project_path, "before-restore", keep=KEEP + 1)
    try:
        source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
        with source:
            source.backup(conn)
        source.close()
    except sqlite3.Error as exc:
        raise ProjectError(f"the backup {backup.name} could not be restored ({exc})", path=project_path) from None
    return before
