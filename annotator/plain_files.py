"""Paths the user names must be plain files or folders.

A device, a FIFO or a socket given as ``--out`` or as a project is refused from
its ``stat`` alone: opening a FIFO to look at its first bytes waits forever for
a writer, and renaming an export over a device (as root) would replace the
system's device node. Nothing here opens the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.errors import AnnotatorError, InputError

_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_special(path: str | Path, error: type[AnnotatorError] = AnnotatorError) -> None:
    """Raise ``error`` when ``path`` exists (or links to something) that is not a regular file or folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (or a dangling link): the caller says what is wrong with that
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise error(f"this is {kind}, not a regular file or folder; refusing it", path=path)


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of a file the user named (a byte-order mark dropped), or one :class:`InputError`
    naming it: ``no such {what} file`` or ``cannot read the {what} (...)``."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"no such {what} file", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the {what} ({exc})", path=path) from None
