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
    if depth(data) > MAX_JSON_DEPTH:
        raise too_deep(path, line)
    return data


def too_deep(path: Path, line: int | None) -> InputError:
    return InputError(f"the JSON is nested too deeply (more than {MAX_JSON_DEPTH} levels)", path=path, line=line)


def depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data``, counted without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            if level > MAX_JSON_DEPTH:
                return level
            stack.extend((child, level + 1) for child in item)
    return deepest
