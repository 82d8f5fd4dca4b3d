"""Reading and preparing the files of an import, in line or in a second process.

An import is two kinds of work. Parsing, normalising, hashing and checking spans
is Python and needs no project (:mod:`annotator.import_prepare`); writing is mostly
SQLite, which runs without holding Python's lock but must stay in the process that
owns the transaction. A large import therefore reads and prepares in a child
process while this one writes, and the two overlap on a machine with two cores.
A small one stays in line: starting a process costs more than it would save.

Either way the writer sees the same stream of events, file by file, in order:
``("doc", PreparedDocument)`` for each document, then ``("done", None)``, or
``("failed", InputError)`` where the file turned out bad.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.codebook import Codebook
from annotator.errors import AnnotatorError
from annotator.import_prepare import SpanChecker
from annotator.readers import CsvColumns, read_file

Event = tuple[str, Any]
# Below this many bytes of input, preparing in line is quicker than starting a process
# (about 0.5 MB: some 100 news articles; a child costs some 20 ms to start and feed).
WORKER_THRESHOLD_BYTES = 512 * 1024
_BATCH = 32  # documents per message: one pickle and one pipe write for many documents
_QUEUED_BATCHES = 16  # how far the reader may run ahead of the writer, in batches


def prepared_events(
    planned: list[tuple[Path, str]], roots: list[Path], columns: CsvColumns, codebook: Codebook, coder: str
) -> Iterator[Event]:
    """Read and prepare every planned file in order (see the module's docstring)."""
    checker = SpanChecker(codebook, coder)
    for path, kind in planned:
        root = next((r for r in roots if path.is_relative_to(r)), None)
        try:
            for record in read_file(path, kind, columns, root):
                yield "doc", checker.prepare(record)
        except AnnotatorError as exc:
            yield "failed", exc
            continue
        yield "done", None


def worth_a_worker(planned: list[tuple[Path, str]]) -> bool:
    size = 0
    for path, _ in planned:
        with contextlib.suppress(OSError):  # the reader will say what is wrong with the file
            size += path.stat().st_size
    return size >= WORKER_THRESHOLD_BYTES


def events_from_worker(
    planned: list[tuple[Path, str]], roots: list[Path], columns: CsvColumns, codebook: Codebook, coder: str
) -> Iterator[Event]:
    """The events of :func:`prepared_events`, worked out in a child process.

    Closing the iterator early (the writer met a bad file) stops the child.
    """
    context = multiprocessing.get_context(_start_method())
    channel = context.Queue(maxsize=_QUEUED_BATCHES)
    child = context.Process(
        target=_work, args=(channel, planned, roots, columns, codebook, coder), name="annotator-import", daemon=True
    )
    child.start()
    try:
        while True:
            try:
                batch = channel.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"the import's reader process stopped (exit code {child.exitcode})") from None
                continue
            for event in batch:
                if event[0] == "finished":
                    return
                if event[0] == "crashed":
                    raise RuntimeError(f"the import's reader process failed:\n{event[1]}")
                yield event
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        channel.close()
        channel.join_thread()


def _work(
    channel: Any, planned: list[tuple[Path, str]], roots: list[Path], columns: CsvColumns, codebook: Codebook, coder: str
) -> None:
    batch: list[Event] = []
    try:
        for event in prepared_events(planned, roots, columns, codebook, coder):
            batch.append(event)
            if len(batch) >= _BATCH:
                channel.put(batch)
                batch = []
        batch.append(("finished", None))
    except BaseException:  # a bug, or memory ran out: the writer must hear of it, not wait
        batch.append(("crashed", traceback.format_exc()))
    channel.put(batch)


def _start_method() -> str:
    """``fork`` where it is safe and cheap (Linux, one thread, as on the command line); else a
    fresh interpreter, since a fork of the window would copy Qt's threads' locks mid-use."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"
