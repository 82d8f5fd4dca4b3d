"""Writing exports atomically: a file, a binary file, or a whole folder.

An export that stops half way (a full disk, Ctrl+C, a bug in a template) must
never leave a truncated file where a good one was: everything is written next
to the target under a temporary name and renamed into place when complete.
A folder is swapped in the same way, and only over an empty folder or one an
earlier export wrote (its README carries :data:`MARKER`), never over a folder
of the user's that happens to have the name given to ``--out``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TextIO, TypeVar

from annotator.errors import AnnotatorError
from annotator.plain_files import refuse_special
from annotator.tempnames import clear_stale, owned_prefix

T = TypeVar("T")

MARKER = "Written by `annotator export`"
README = "README.md"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(out: str | Path, what: str) -> Path:
    if str(out) == "-":
        raise AnnotatorError(f"this export writes {what}, not standard output; give --out PATH")
    target = Path(out)
    if not target.parent.exists():
        raise AnnotatorError("the folder does not exist", path=target)
    refuse_special(target)  # before anything opens it: a FIFO would hang the header check
    _refuse_database(target)
    clear_stale(target)  # what a killed export to the same target left behind
    return target


def _refuse_database(target: Path) -> None:
    """Never write an export over a SQLite file: one mistyped --out would destroy a project."""
    try:
        with open(target, "rb") as handle:
            header = handle.read(16)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return
    if header == b"SQLite format 3\x00":
        raise AnnotatorError(
            "this file is a SQLite database (a project file?); an export never overwrites one: choose another name",
            path=target,
        )


def write_text(out: str | Path, writer: Callable[[TextIO], T]) -> T:
    """Run ``writer`` on standard output or on a temporary file that replaces ``out`` when complete."""
    if str(out) == "-":
        return writer(sys.stdout)
    return _replace_when_complete(_target(out, "a file"), writer, "w", encoding="utf-8", newline="\n")


def write_binary(out: str | Path, writer: Callable[[BinaryIO], T]) -> T:
    """Like :func:`write_text` for binary formats (a spaCy DocBin); never to standard output."""
    return _replace_when_complete(_target(out, "a binary file"), writer, "wb")


def _replace_when_complete(target: Path, writer: Callable[[Any], T], mode: str, **open_args: Any) -> T:
    """Write a temporary file beside ``target``, sync it, and rename it over ``target``: a reader
    never sees half an export, and a failed one leaves the old file as it was."""
    if target.is_dir():
        raise AnnotatorError("that is a folder; this export writes one file", path=target)
    fd, tmp = tempfile.mkstemp(prefix=owned_prefix(target), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            result = writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def is_earlier_export(folder: Path) -> bool:
    """True for a folder an earlier export wrote (its README carries the marker)."""
    readme = folder / README
    try:
        return MARKER in readme.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return False


def write_folder(out: str | Path, builder: Callable[[Path], T]) -> T:
    """Let ``builder`` fill a temporary folder beside ``out``, then put it in place of ``out``.

    ``builder`` must write a README.md carrying :data:`MARKER`, so that a later
    export may replace the folder.
    """
    target = _target(out, "a folder")
    if target.exists() and not target.is_dir():
        raise AnnotatorError("a file of that name exists; this export writes a folder", path=target)
    if target.is_dir() and any(target.iterdir()) and not is_earlier_export(target):
        raise AnnotatorError(
            "the folder is not empty and was not written by an earlier export; choose a new folder", path=target
        )
    tmp = Path(tempfile.mkdtemp(prefix=owned_prefix(target), suffix=".tmp", dir=target.parent))
    try:
        result = builder(tmp)
        _fsync_tree(tmp)
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            old = tmp.with_name(tmp.name + ".old")
            os.replace(target, old)
            try:
                os.replace(tmp, target)
            except BaseException:
                os.replace(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _fsync_tree(folder: Path) -> None:
    """Flush every file and fix its mode (mkdtemp makes 0700 folders) before the rename."""
    file_mode, dir_mode = 0o666 & ~_umask(), 0o777 & ~_umask()
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            os.chmod(path, dir_mode)
            continue
        os.chmod(path, file_mode)
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())


def text_file(folder: Path, name: str, content: str) -> Path:
    """Write one text file of a folder export: UTF-8, ``\\n`` newlines (the folder is swapped in whole)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
    return path
