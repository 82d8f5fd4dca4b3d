"""Telling JSON files apart by what they hold, not by their extension.

Our JSONL record, a doccano export and a Label Studio export may all end in ``.json`` or
``.jsonl``. Read as our record, a doccano line is a text without spans (its spans sit under
``label`` or ``entities``, which our record does not know) and would be imported silently
without them; so the first record decides:

- a file whose first character is ``[`` is a JSON array, never our one-object-a-line
  record: Label Studio's JSON export (its reader refuses an array of anything else);
- an object with a ``data`` object and no ``text`` of its own is a Label Studio task
  (annotated or not; one object written over several lines is read whole to see it);
- an object with ``text``, no ``spans``, and a list under ``label``, ``labels`` or
  ``entities`` is a doccano record;
- anything else is ours (and our reader says what is wrong with it, if anything).
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.errors import InputError

MAX_LINE_BYTES = 50 * 10**6  # the reader's limit for one document's line
LABEL_STUDIO = "label-studio"
DOCCANO = "doccano"
OURS = "jsonl"
NAMES = {LABEL_STUDIO: "a Label Studio export", DOCCANO: "a doccano export"}


def sniff_json(path: Path) -> str:
    """``label-studio``, ``doccano`` or ``jsonl`` (ours) for a JSON or JSONL file."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(MAX_LINE_BYTES).removeprefix(b"\xef\xbb\xbf")
            while first and not first.strip():
                first = handle.readline(MAX_LINE_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path) from None
    if first.lstrip().startswith(b"["):
        return LABEL_STUDIO
    try:
        data = json.loads(first.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # broken, huge numbers, too deep
        if first.lstrip().startswith(b"{"):
            return _whole_file_kind(path)  # one object written over several lines (a task pretty-printed)
        return OURS  # our reader names the line and the problem
    return kind_of(data)


def _whole_file_kind(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_LINE_BYTES:
            return OURS
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return OURS
    return kind_of(data)


def kind_of(data: object) -> str:
    """Which tool wrote this one parsed record (see the module's docstring)."""
    if not isinstance(data, dict):
        return OURS
    if isinstance(data.get("data"), dict) and not isinstance(data.get("text"), str):
        return LABEL_STUDIO  # a task, annotated or not
    if "spans" in data or not isinstance(data.get("text"), str):
        return OURS
    if any(isinstance(data.get(name), list) for name in ("label", "labels", "entities")):
        return DOCCANO
    return OURS


def content_format(path: Path, asked: str | None) -> str:
    """The format of a ``.json``/``.jsonl`` file by its content; ``--format jsonl`` (``asked``) on
    another tool's export is refused, as it would import the texts without their spans."""
    found = sniff_json(path)
    if asked == OURS and found != OURS:
        raise InputError(
            f"this is {NAMES[found]}, not our JSONL record: read as ours its spans would be lost; "
            f"import it with --format {found} (or without --format)",
            path=path,
        )
    return found
