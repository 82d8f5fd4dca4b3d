"""Temporary files named for their owner, and clearing those a killed owner left.

An export or a merge writes beside its target under a hidden temporary name and
renames it into place when complete. A kill -9 leaves that temporary behind (a
whole export, or a folder of thousands of files), and nothing else would remove it.
So the name carries the owner's process id, and the next run against the same
target removes the temporaries whose owner no longer runs; a live owner's (a
second export of the same file, running now) are left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from pathlib import Path


def owned_prefix(target: Path, kind: str = "") -> str:
    """The start of a temporary name beside ``target`` owned by this process (``kind``: what it is for)."""
    return f".{target.name}.{kind}{os.getpid()}-"


def clear_stale(target: Path, kind: str = "") -> list[Path]:
    """Remove temporaries beside ``target`` (named by :func:`owned_prefix`) whose owner is dead."""
    pattern = re.compile(re.escape(f".{target.name}.{kind}") + r"(\d+)-")
    removed = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or pid_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process of that id runs on this machine (a zombie counts as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): kill(0) said it runs
