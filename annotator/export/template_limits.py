"""The bounds a user's template runs within: what it may include, and how much it may make.

jinja2's sandbox stops a template reaching Python's internals, but not asking for
too much: ``{{ "x"|center(1000000000) }}`` or ``"%1000000000d"|format(1)`` builds a
gigabyte in one step, and loops over ``range(100000)`` nested in each other run for
hours. So here:

- an include is read only from a real file under the template's own folder (a link
  out of it, to ``/etc/shadow`` say, is refused);
- the string operations that pad or repeat (``center``, ``format``, ``%``,
  ``ljust``, ``indent``, ``replace``...) refuse to make more than
  :data:`MAX_PIECE` characters at once, and ``*`` and ``**`` stay bounded;
- lists and dictionaries cannot be changed (jinja2's immutable sandbox), so
  memory grows only with the output, which is written as it is made and stopped
  past :data:`MAX_OUTPUT_CHARS`;
- the render stops after a time that grows with the number of documents
  (:func:`time_budget`), even inside a loop that calls nothing.

Each bound, when met, is one clear error naming the template.
"""

from __future__ import annotations

import ctypes
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_PIECE = 10_000_000  # characters (or items) one operation may make
MAX_OUTPUT_CHARS = 2**30  # characters one template may write in all
BASE_SECONDS = 60.0  # a render may take this long, plus PER_DOCUMENT_SECONDS for each document
PER_DOCUMENT_SECONDS = 0.01

# A width or precision in a printf-style or str.format spec: "%1000000000d", "{:>999999999}".
_PERCENT_WIDTH = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*?:([^{}]*)\}")
_NUMBER = re.compile(r"\d+")


class TemplateTooLong(Exception):  # noqa: N818 - a bound met, reported as the template's error
    """The template ran past its time or output bound."""


def time_budget(documents: int) -> float:
    return BASE_SECONDS + PER_DOCUMENT_SECONDS * documents


def _refuse(what: str) -> SecurityError:
    return SecurityError(f"{what} would make more than {MAX_PIECE:,} characters; templates are bounded")


def _check_spec_numbers(spec: str, what: str) -> None:
    if any(int(number) > MAX_PIECE for number in _NUMBER.findall(spec)):
        raise _refuse(what)


def _check_printf(text: Any) -> None:
    if isinstance(text, str):
        for width, precision in _PERCENT_WIDTH.findall(text):
            _check_spec_numbers(f"{width} {precision}", "a %-format")


def _check_brace_format(text: Any) -> None:
    if isinstance(text, str):
        for spec in _BRACE_SPEC.findall(text):
            _check_spec_numbers(spec, "a format")


def _check_numbers(values: Any, what: str) -> None:
    if any(isinstance(value, int) and value > MAX_PIECE for value in values):
        raise _refuse(what)


def _bounded_arguments(method: Callable[..., Any]) -> Callable[..., Any]:
    """``str.format`` whose arguments may not be huge numbers (``"{0:{1}}".format(1, 10**9)``)."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_numbers([*args, *kwargs.values()], "a format")
        return method(*args, **kwargs)

    return bounded


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_PIECE:
        raise _refuse(what)


def _bounded_replace(text: Any, old: Any, new: Any, count: Any = None) -> int:
    """The most characters ``text.replace(old, new)`` can make."""
    if not isinstance(text, str) or not isinstance(new, str):
        return 0
    times = len(text) + 1 if not old else len(text) // max(1, len(str(old)))
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * len(new)


# Methods of str that make a string from a width or count argument, and how to check them.
def _str_call_check(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_width(args[0] if args else kwargs.get("width"), f"str.{name}")
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int) and size > 1000:
            raise _refuse("str.expandtabs")
    elif name == "replace" and _bounded_replace(text, *args, **kwargs) > MAX_PIECE:
        raise _refuse("str.replace")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the bounds of this module's docstring."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, *args: Any, deadline: float | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.deadline = deadline if deadline is not None else time.monotonic() + BASE_SECONDS
        for name, bounded in _bounded_filters(self).items():
            self.filters[name] = bounded

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateTooLong("the template ran out of time")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise SecurityError("exponents above 1000 are not allowed in templates")
        if operator == "*":
            sized = left if isinstance(left, str | list | tuple) else right
            times = right if sized is left else left
            if isinstance(sized, str | list | tuple) and isinstance(times, int) and len(sized) * times > MAX_PIECE:
                raise SecurityError(f"a repeated text or list may hold at most {MAX_PIECE:,} items")
        if operator == "%" and isinstance(left, str):
            _check_printf(left)
            if "*" in left:  # a width or precision taken from the arguments
                _check_numbers(right if isinstance(right, tuple) else (right,), "a %-format")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - jinja2's signature
        __self.check_time()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            # (jinja passes its own keywords, such as _loop_vars, along with the template's.)
            _str_call_check(owner, name, args, {k: v for k, v in kwargs.items() if not k.startswith("_")})
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_time()
        value = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_brace_format(obj)  # jinja2 hands back a wrapper, not the bound method
            return _bounded_arguments(value)
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.check_time()
        return super().getitem(obj, argument)


def _bounded_filters(environment: Environment) -> dict[str, Callable[..., Any]]:
    filters = environment.filters
    center, fmt, indent, replace, wordwrap = (
        filters["center"], filters["format"], filters["indent"], filters["replace"], filters["wordwrap"],
    )

    def bounded_center(value: Any, width: int = 80) -> Any:
        _check_width(width, "center")
        return center(value, width)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_printf(value)
        return fmt(value, *args, **kwargs)

    def bounded_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        size = len(width) if isinstance(width, str) else width
        lines = str(value).count("\n") + 1
        if isinstance(size, int) and size * lines > MAX_PIECE:
            raise _refuse("indent")
        return indent(value, width, *args, **kwargs)

    def bounded_replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
        if _bounded_replace(str(value), str(old), str(new), count) > MAX_PIECE:
            raise _refuse("replace")
        return replace(eval_ctx, value, old, new, count)

    bounded_replace.jinja_pass_arg = replace.jinja_pass_arg  # type: ignore[attr-defined]

    def bounded_wordwrap(environment: Any, value: Any, width: int = 79, *args: Any, **kwargs: Any) -> Any:
        _check_width(width, "wordwrap")
        return wordwrap(environment, value, width, *args, **kwargs)

    bounded_wordwrap.jinja_pass_arg = wordwrap.jinja_pass_arg  # type: ignore[attr-defined]
    return {
        "center": bounded_center, "format": bounded_format, "indent": bounded_indent,
        "replace": bounded_replace, "wordwrap": bounded_wordwrap,
    }


class FolderLoader(BaseLoader):
    """Templates from one folder: a name is a real file under it, never a link leading out of it."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        candidate = (self.folder / template).resolve()
        if not candidate.is_relative_to(self.folder) or not candidate.is_file():
            raise TemplateNotFound(template)
        with open(candidate, encoding="utf-8") as handle:
            source = handle.read(MAX_PIECE + 1)
        if len(source) > MAX_PIECE:
            raise SecurityError(f"the template {template} is longer than {MAX_PIECE:,} characters")
        mtime = os.path.getmtime(candidate)
        return source, str(candidate), lambda: os.path.getmtime(candidate) == mtime


class Deadline:
    """Stops the rendering thread at ``seconds`` even inside a loop that calls nothing.

    The bounded environment looks at the clock on every call, attribute and item; a loop
    over a list that does none of these is stopped by raising :class:`TemplateTooLong` in
    the rendering thread from a timer (CPython's asynchronous exception). The timer is
    disarmed, and any exception it set but Python had not raised yet withdrawn, by
    :meth:`disarm`, under the same lock, so it never lands outside the render.
    """

    def __init__(self, seconds: float):
        self._thread = threading.get_ident()
        self._lock = threading.Lock()
        self._fired = False
        self._done = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.disarm()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), ctypes.py_object(TemplateTooLong))

    def disarm(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._done = True
            if self._fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), None)
