"""One writer per project file.

SQLite would let two processes write in turn, but a coder with the same file
open in two windows (or a lead importing into a file a coder has open) would
see edits appear behind their back. A writer takes an exclusive OS lock on a
sidecar file (``amal.db.lock``); a second writer is told who holds it and gets a
read-only view. The OS releases the lock when the holder dies, so a crashed
process never locks a coder out: a stale lock file is just a file.

Two things could still keep a dead writer's lock held. A process forked while
the lock is held (an import's worker) would share it, so a child closes its
copy at once (:func:`os.register_at_fork`). And should a lock still be held
when the pid written in it is dead on this machine, the holder is an orphan of
that pid: the lock file is replaced by a fresh one, and the new writer locks that.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sys
import time
from pathlib import Path

from annotator.errors import ProjectError
from annotator.tempnames import pid_alive

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


# Locks this process holds, by file descriptor: a forked child closes its copies (see the module).
_HELD: set[int] = set()


def _close_inherited() -> None:
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)  # closing (not unlocking) a copy leaves the parent's lock as it is
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)

# A lock held under a dead pid may be its orphaned children's, which die with it: a moment's grace.
ORPHAN_GRACE_SECONDS = 2.0


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
            if not _holder_is_dead(holder):
                os.close(fd)
                raise ProjectLocked(
                    f"the project is open for writing by another program ({holder}); "
                    "close it there first, or open this one read-only",
                    path=self.project_path,
                )
            fd = self._take_over(fd, holder)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode())
        self._fd = fd
        _HELD.add(fd)

    def _take_over(self, fd: int, holder: str) -> int:
        """The lock of a dead pid: wait the moment its children take to die, then replace the file.

        The replacement is a new file locked before it is renamed into place, and only over the
        very file found locked (same inode), so two newcomers cannot both take it over.
        """
        deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if _try_lock(fd):
                return fd
        fresh_path = self.path.with_name(f".{self.path.name}.{os.getpid()}.new")
        fresh = os.open(fresh_path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            if not _try_lock(fresh) or os.stat(self.path).st_ino != os.fstat(fd).st_ino:
                raise OSError("taken over meanwhile")
            os.replace(fresh_path, self.path)
        except OSError:
            os.close(fresh)
            with contextlib.suppress(OSError):
                fresh_path.unlink()
            os.close(fd)
            raise ProjectLocked(
                f"the project is open for writing by another program ({holder}); "
                "close it there first, or open this one read-only",
                path=self.project_path,
            ) from None
        os.close(fd)
        return fresh

    def release(self) -> None:
        if self._fd is None:
            return
        _HELD.discard(self._fd)
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


def _holder_is_dead(holder: str) -> bool:
    """Whether the lock's text names a pid on this machine that no longer runs."""
    match = re.fullmatch(r"pid (\d+) on (.+)", holder)
    if match is None or match.group(2) != socket.gethostname():
        return False
    return not pid_alive(int(match.group(1)))

