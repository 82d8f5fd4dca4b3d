"""A kill -9 of an import takes its worker processes with it, and never locks the project out."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import CLI, ENV, alive, big_jsonl, children_of, run_cli, wait_until

from annotator.store.locking import WriterLock, lock_path
from annotator.store.project import Project

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_a_killed_import_takes_its_workers_with_it(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    Project.create(project, coder="amal").close()
    corpus = big_jsonl(tmp_path / "big.jsonl", 6000)
    process = subprocess.Popen([*CLI, "import", str(project), str(corpus)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    workers: set[int] = set()
    try:
        wait_until(lambda: len(children_of(process.pid)) >= 2, 60, "the import's workers to start")
        workers = children_of(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        wait_until(lambda: not any(alive(pid) for pid in workers), 10, "the orphaned workers to end")
    finally:
        process.kill()
        process.wait()
        for pid in workers:  # left by a failure: never outlive the test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    with Project.open(project, readonly=True) as opened:
        assert opened.document_count() == 0  # all or nothing
    small = tmp_path / "one.jsonl"
    small.write_text('{"id": "x", "text": "خبر قصير عن غارة"}\n', encoding="utf-8")
    result = run_cli("import", project, small)
    assert result.returncode == 0, result.stderr
    with Project.open(project, readonly=True) as opened:
        assert opened.document_count() == 1


def test_a_forked_child_does_not_keep_the_writer_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    project = Project.create(path, coder="amal")
    child = os.fork()
    if child == 0:  # pragma: no cover - the child only sleeps until killed
        signal.pause()
        os._exit(0)
    try:
        def open_files() -> set[str]:
            found = set()
            for fd in os.listdir(f"/proc/{child}/fd"):
                with contextlib.suppress(OSError):
                    found.add(os.readlink(f"/proc/{child}/fd/{fd}"))
            return found

        # The child's copy of the lock is closed as it forks: it would outlive a killed parent.
        wait_until(lambda: str(lock_path(path)) not in open_files(), 10, "the child to close the lock")
        project.close()
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_a_lock_held_under_a_dead_pid_is_taken_over(tmp_path: Path) -> None:
    """An orphan still holding the lock of a dead writer (a program that forked without our
    hook) does not lock the coder out: the lock file names a pid that no longer runs."""
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         f"fd = os.open({str(lock_path(path))!r}, os.O_RDWR)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX)\n"
         f"os.ftruncate(fd, 0); os.write(fd, b'pid {dead.stdout.strip()} on {socket.gethostname()}')\n"
         "print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with Project.open(path) as opened:
            opened.add_document("نص بعد استعادة القفل", key="after")
        lock = WriterLock(path)
        lock.acquire()
        lock.release()
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
