"""Parsing JSON from files we do not trust, for every reader that takes JSON.

Python's parser recurses (a line of 100,000 ``[`` raises RecursionError) and refuses
integers past a few thousand digits (a ValueError): both must come out as our one
clear error naming the file and line, never a traceback. A syntax error is left to
the caller, which knows how to say where it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from annotator.errors import InputError

MAX_JSON_DEPTH = 64  # nesting of one JSON document; our record is four deep, other tools' a few more


def parse_json(text: str, path: Path, line: int | None = None) -> Any:
    """``json.loads(text)``; too deep or too large a number is an :class:`InputError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise too_deep(path, line) from None
    except ValueError:  # Python's limit on the digits of an integer it converts
        raise InputError(
            f"a number in the {'line' if line else 'file'} has more than {sys.get_int_max_str_digits()} digits",
            path=path,
            line=line,
        ) from None
    if _openers_bound(text) > MAX_JSON_DEPTH and depth(data) > MAX_JSON_DEPTH:
        raise too_deep(path, line)
    return data


def _openers_bound(text: str) -> int:
    """A bound on the nesting of the JSON ``text``, counted in C without parsing it.

    Each level opens with ``[`` or ``{``; an empty ``[]`` or ``{}`` holds no deeper level, so only
    the last level of a path may be one. Brackets inside strings are counted too, which only
    raises the bound. A record of a few dozen spans stays under :data:`MAX_JSON_DEPTH` and is
    never walked: the walk was a fifth of the time an import spends preparing a record.
    """
    opened = text.count("[") + text.count("{")
    return opened - text.count("[]") - text.count("{}") + 1 if opened else 0


def too_deep(path: Path, line: int | None) -> InputError:
    return InputError(f"the JSON is nested too deeply (more than {MAX_JSON_DEPTH} levels)", path=path, line=line)


def depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data`` (past :data:`MAX_JSON_DEPTH`, where it stops
    counting), counted a level at a time without recursion; only lists and objects are kept
    from one level to the next."""
    deepest = 0
    level = [data] if isinstance(data, dict | list) else []
    while level:
        deepest += 1
        if deepest > MAX_JSON_DEPTH:
            break
        children = [child for item in level for child in (item.values() if isinstance(item, dict) else item)]
        level = [child for child in children if isinstance(child, dict | list)]
    return deepest
