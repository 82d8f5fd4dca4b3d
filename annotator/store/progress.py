"""Progress calls from inside SQLite, so a long read (an export) can report and be cancelled."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from types import TracebackType

# SQLite steps between two progress calls within one long statement (a few milliseconds' work).
_STEPS_BETWEEN_CALLS = 20_000


class StoppableReads:
    """Calls ``progress`` while a long run of reads goes on (an export), so it can be stopped.

    The readers know nothing of progress; what they do is read, document after document
    or in one long statement, so SQLite calls back: as each statement starts, and every
    few thousand steps of a long one. A raise there cannot cross SQLite: the statement is
    interrupted instead, and the exception is raised again in place of SQLite's error.
    """

    def __init__(self, conn: sqlite3.Connection, progress: Callable[[int, int], None]):
        self._conn = conn
        self._progress = progress
        self._last = (0, 0)
        self._raised: BaseException | None = None

    def report(self, done: int, total: int) -> None:
        self._last = (done, total)
        self._progress(done, total)

    def _between_steps(self) -> int:
        if self._raised is None:
            try:
                self._progress(*self._last)
            except BaseException as exc:  # noqa: BLE001 - raised again by __exit__, in place of SQLite's error
                self._raised = exc
        return 1 if self._raised is not None else 0

    def _statement_starts(self, _sql: str) -> None:
        if self._between_steps():
            self._conn.interrupt()  # a trace callback cannot stop the statement; this makes it stop at once

    def __enter__(self) -> StoppableReads:
        self._conn.set_progress_handler(self._between_steps, _STEPS_BETWEEN_CALLS)
        self._conn.set_trace_callback(self._statement_starts)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._conn.set_trace_callback(None)
        self._conn.set_progress_handler(None, 0)
        if exc is not None and self._raised is not None and exc is not self._raised:
            raise self._raised from None
