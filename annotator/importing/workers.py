"""Reading and preparing the files of an import, in line or in worker processes.

An import is two kinds of work. Parsing, normalising, hashing and checking spans
is Python and needs no project (:mod:`annotator.importing.prepare`); writing must stay
in the process that owns the transaction. A large import therefore reads and
prepares in worker processes while this one writes, and the two overlap. A small
one stays in line: starting processes costs more than it would save.

Either way the writer sees the same stream of events, file by file, in order:
``("doc", PreparedDocument)`` for each document, then ``("done", None)``, or
``("failed", InputError)`` where the file turned out bad.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.codebook import Codebook
from annotator.errors import AnnotatorError
from annotator.importing.prepare import SpanChecker
from annotator.importing.readers import CsvColumns, jsonl_lines, read_file, record_from_line

Event = tuple[str, Any]


class WorkerFailed(AnnotatorError):
    """A worker process died (killed, out of memory): the whole import stops, whatever ``skip_bad`` says."""

# Below this many bytes of input, preparing in line is quicker than starting a process
# (about 0.5 MB: some 100 news articles; a child costs some 20 ms to start and feed).
WORKER_THRESHOLD_BYTES = 512 * 1024
_BATCH = 32  # JSONL lines a worker takes at a time: one message for many documents
_BATCH_BYTES = 4 * 2**20  # and fewer when they are long
_AHEAD = 4  # pieces per worker that may wait for the writer: enough to keep them busy
_MAX_WORKERS = 4  # more would wait on the writer, which is one process


def prepared_events(
    planned: list[tuple[Path, str]], roots: list[Path], columns: CsvColumns, codebook: Codebook, coder: str
) -> Generator[Event, None, None]:
    """Read and prepare every planned file in order (see the module's docstring)."""
    checker = SpanChecker(codebook, coder)
    for path, kind in planned:
        root = _root_of(path, roots)
        try:
            for record in read_file(path, kind, columns, root):
                yield "doc", checker.prepare(record)
        except AnnotatorError as exc:
            yield "failed", exc
            continue
        yield "done", None


def _root_of(path: Path, roots: list[Path]) -> Path | None:
    """The imported folder ``path`` was found in (a .txt file's key is its path below it)."""
    return next((root for root in roots if path.is_relative_to(root)), None)


def worth_a_worker(planned: list[tuple[Path, str]]) -> bool:
    size = 0
    for path, _ in planned:
        with contextlib.suppress(OSError):  # the reader will say what is wrong with the file
            size += path.stat().st_size
    return size >= WORKER_THRESHOLD_BYTES


@dataclass(frozen=True)
class _Unit:
    """A piece of work for a worker: some lines of a JSONL file, or a whole file of another kind."""

    file: int  # its place in the plan
    last: bool  # the file's last piece
    path: Path
    kind: str
    root: Path | None = None
    lines: list[tuple[int, bytes]] = field(default_factory=list)
    error: AnnotatorError | None = None  # found while splitting the file, after ``lines``


def events_from_workers(
    planned: list[tuple[Path, str]], roots: list[Path], columns: CsvColumns, codebook: Codebook, coder: str
) -> Generator[Event, None, None]:
    """The events of :func:`prepared_events`, worked out by other processes.

    JSONL files are cut into runs of lines that the workers parse side by side; a
    file of another kind goes to one worker whole. Results come back in the plan's
    order, and at most a few pieces are ahead of the writer, so memory stays flat.
    Closing the iterator early (the writer met a bad file) stops the workers.
    """
    workers = _worker_count()
    method = _start_method()
    # A forkserver's workers are the server's children, not this process's.
    parent = None if method == "forkserver" else os.getpid()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(method),
        initializer=_start_worker, initargs=(codebook, coder, columns, parent),
    )
    pending: deque[tuple[_Unit, Future[list[Event]]]] = deque()
    failed = -1  # a file whose error has been sent: its later pieces are dropped

    def take() -> Iterator[Event]:
        nonlocal failed
        unit, future = pending.popleft()
        events = future.result()
        if unit.file == failed:
            return
        for event in events:
            yield event
            if event[0] == "failed":
                failed = unit.file
                return
        if unit.last:
            yield "done", None

    try:
        for unit in _units(planned, roots):
            pending.append((unit, pool.submit(_prepare_unit, unit)))
            while len(pending) > _AHEAD * workers:
                yield from take()
        while pending:
            yield from take()
    except BrokenProcessPool:
        raise WorkerFailed(
            "a process reading the import stopped unexpectedly (out of memory?); nothing was imported"
        ) from None
    finally:
        # Done: wait the moment the idle workers take to exit. Stopped early: leave the
        # workers to finish the piece in hand on their own; the writer has no need of it.
        pool.shutdown(wait=not pending, cancel_futures=True)


def _units(planned: list[tuple[Path, str]], roots: list[Path]) -> Iterator[_Unit]:
    for index, (path, kind) in enumerate(planned):
        root = _root_of(path, roots)
        if kind != "jsonl":
            yield _Unit(index, True, path, kind, root)
            continue
        lines: list[tuple[int, bytes]] = []
        size = 0
        try:
            for number, raw in jsonl_lines(path):
                lines.append((number, raw))
                size += len(raw)
                if len(lines) >= _BATCH or size >= _BATCH_BYTES:
                    yield _Unit(index, False, path, kind, root, lines)
                    lines, size = [], 0
        except AnnotatorError as exc:
            yield _Unit(index, True, path, kind, root, lines, exc)
            continue
        yield _Unit(index, True, path, kind, root, lines)


# What a worker process keeps between pieces: set once by :func:`_start_worker`.
_checker: SpanChecker | None = None
_columns = CsvColumns()


def _start_worker(codebook: Codebook, coder: str, columns: CsvColumns, parent: int | None) -> None:
    global _checker, _columns
    die_with_parent(parent)
    _checker, _columns = SpanChecker(codebook, coder), columns


def die_with_parent(parent: int | None) -> None:
    """End this worker the moment the process that started it dies (a kill -9 of an import).

    A worker waits on a queue whose other end it holds itself, so it would never notice
    on its own, and an orphan would hold the project file open. On Linux the kernel
    kills it (``PR_SET_PDEATHSIG``); the parent (``parent``, when known) may have died
    before that was set, so it is looked for once after. Everywhere, a thread waits on the
    pipe the parent holds open and ends the process when it closes.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # reparented already: the importer is gone
    sentinel = getattr(multiprocessing.parent_process(), "sentinel", None)
    if sentinel is not None:
        threading.Thread(target=_exit_when_ready, args=(sentinel,), daemon=True, name="parent-watch").start()


_PR_SET_PDEATHSIG = 1


def _exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _prepare_unit(unit: _Unit) -> list[Event]:
    assert _checker is not None
    events: list[Event] = []
    try:
        if unit.kind == "jsonl":
            for number, raw in unit.lines:
                events.append(("doc", _checker.prepare(record_from_line(unit.path, number, raw))))
            if unit.error is not None:
                events.append(("failed", unit.error))
        else:
            for record in read_file(unit.path, unit.kind, _columns, unit.root):
                events.append(("doc", _checker.prepare(record)))
    except AnnotatorError as exc:
        events.append(("failed", exc))
    return events


def _worker_count() -> int:
    """Two workers even on two cores: the writer waits on SQLite's disk writes part of the time."""
    return max(2, min(_MAX_WORKERS, (os.cpu_count() or 2) - 1))


def _start_method() -> str:
    """How to start workers.

    On Linux, ``fork`` while this process has a single thread: nothing to import again, and
    it is what Python has always done there. A process with other threads (a window, whose
    import runs on a thread of its own beside the toolkit's) is the exception: a fork would
    copy their locks as they happen to be at that moment, so its workers fork from a clean
    server process instead. Elsewhere workers are fresh interpreters, the only safe way on
    macOS and the only way on Windows.
    """
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "fork" if _thread_count() == 1 else "forkserver"


def _thread_count() -> int:
    """Threads of this process, those Python did not start too (``/proc`` lists every one)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _context(method: str) -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # the server imports what workers need once, not each worker
        context.set_forkserver_preload(["annotator.importing.workers"])
    return context
