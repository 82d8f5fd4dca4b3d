"""One writer per project file.

SQLite would let two processes write in turn, but a coder with the same file
open in two windows (or a lead importing into a file a coder has open) would
see edits appear behind their back. A writer takes an exclusive OS lock on a
sidecar file (``amal.db.lock``); a second writer is told who holds it and gets a
read-only view. The OS releases the lock when the holder dies, so a crashed
process never locks a coder out: a stale lock file is just a file.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

from annotator.errors import ProjectError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class ProjectLocked(ProjectError):
    """Another process is writing to this project; it may still be opened read-only."""


class WriterLock:
    """Held by the one process allowed to write a project file."""

    def __init__(self, project_path: Path):
        self.path = lock_path(project_path)
        self.project_path = project_path
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return  # a read-only folder: SQLite itself will refuse writes there, with its own message
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise ProjectLocked(
                f"the project is open for writing by another program ({holder}); "
                "close it there first, or open this one read-only",
                path=self.project_path,
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


def _read_holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
        if text:
            return text
    return "another process"
