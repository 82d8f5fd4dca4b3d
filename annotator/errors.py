"""The one error type users see.

Anything wrong with the user's input or environment (a broken file, a foreign
database, a locked project) is raised as :class:`AnnotatorError` with a message
that names the file and the problem. The command line prints it as one line and
exits non-zero; the window shows it in a dialog. :class:`Cancelled` is no
problem at all: the person stopped a long operation. Any other exception is a bug.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class AnnotatorError(Exception):
    """A problem the user can act on, with a message fit to show them."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = message
        where = ""
        if self.path is not None:
            where = self.path + (f", line {line}" if line is not None else "") + ": "
        super().__init__(where + message)

    def __reduce__(self) -> tuple[object, ...]:
        # An import's reader process sends its errors back pickled; keep the file and line.
        return _rebuilt, (type(self), self.problem, self.path, self.line)


def _rebuilt(cls: type[AnnotatorError], message: str, path: str | None, line: int | None) -> AnnotatorError:
    return cls(message, path=path, line=line)


class Cancelled(Exception):  # noqa: N818 - what happened, not a failure: the person asked for it
    """Raised by a progress callback to stop a long operation (import, merge, export, suggest).

    Not an :class:`AnnotatorError`: an import that skips bad files must not skip a
    cancelled one and go on. The operation stops where the callback was called and
    undoes what it wrote (one transaction rolled back; a new file is never left half-made).
    """


class ProjectError(AnnotatorError):
    """The project file cannot be opened or written (not ours, newer, locked, corrupt)."""


class DamagedProject(ProjectError):
    """The file fails SQLite's integrity check: nothing may be written to it or read from it for an export."""


class InputError(AnnotatorError):
    """An input file (import source, codebook) is malformed."""


class ValidationError(AnnotatorError):
    """An edit breaks a rule of the project (offsets, label, attribute type)."""


# SQLite's primary result codes (an extended code carries one in its low byte).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

RECOVER = (
    "bring back a backup copy (`annotator restore PROJECT --list`, then `annotator restore PROJECT N`; "
    "the damaged file is kept beside it), or ask whoever sent the file for a fresh copy"
)


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for ``exc``, when SQLite gave one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _what_went_wrong(exc: Exception) -> tuple[str, str]:
    """The problem in plain words and what to do, from SQLite's result code (its text as a fallback)."""
    code = sqlite_code(exc)
    text = str(exc).lower()
    if code == _FULL or (code is None and "full" in text):
        return "the disk is full", "free some space, or save a copy of the project on another disk"
    if code == _READONLY or (code is None and ("readonly" in text or "read-only" in text)):
        return (
            "the file or its folder is read-only",
            "copy the project to a folder you can write to, or open it read-only",
        )
    if code in (_BUSY, _LOCKED) or (code is None and ("locked" in text or "busy" in text)):
        return "another program is writing to the project (it has the file locked)", "close it there and try again"
    if code in (_CORRUPT, _NOTADB):
        return f"the project file is damaged ({exc})", RECOVER
    if code == _IOERR:
        return f"the disk could not be read or written ({exc})", "check the disk, or save a copy of the project elsewhere"
    if code == _CANTOPEN:
        return f"the file cannot be opened ({exc})", "check that it and its folder exist and you may use them"
    return f"the project file could not be written ({exc})", "check the disk, or save a copy of the project elsewhere"


def storage_error(exc: Exception, path: str | Path) -> ProjectError:
    """Say in plain words what a failed write means for the coder's work, and what to do."""
    problem, advice = _what_went_wrong(exc)
    return ProjectError(
        f"{problem}: the change was not saved and the project is as it was before it; {advice}", path=path
    )


def read_error(exc: Exception, path: str | Path) -> ProjectError:
    """Say in plain words why a project file could not be read: locked, read-only, full, or damaged."""
    if sqlite_code(exc) in (_CORRUPT, _NOTADB):
        return damaged(str(exc), path)
    problem, advice = _what_went_wrong(exc)
    if problem.startswith("the project file could not be written"):
        problem = f"the project file could not be read ({exc})"
    return ProjectError(f"{problem}; {advice}", path=path)


def damaged(detail: str, path: str | Path) -> DamagedProject:
    """A file that fails SQLite's integrity check: refused, with the way back."""
    advice = RECOVER.replace("PROJECT", str(path))
    return DamagedProject(f"the project file is damaged ({detail}); nothing was changed; {advice}", path=path)


def user_facing(exc: BaseException, path: str | Path) -> AnnotatorError | None:
    """The error a user should read for ``exc``: ours as it is, SQLite's in plain words
    (:func:`storage_error`); None for anything else, which is a bug to raise."""
    if isinstance(exc, AnnotatorError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return storage_error(exc, path)
    return None
