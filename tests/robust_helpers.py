"""Helpers the robustness tests share: running the command line as a process, finding its
children, waiting on a condition with a deadline (never a fixed sleep)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

CLI = [sys.executable, "-m", "annotator"]
ROOT = Path(__file__).resolve().parents[1]
# Child processes import this checkout's annotator, wherever the test runs from.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

ARABIC = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على الباغوز فوقاني بدير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا. "
)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        time.sleep(0.02)


def children_of(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != b"Z":
            parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def big_jsonl(path: Path, documents: int, *, start: int = 0) -> Path:
    """A JSONL large enough for an import to use worker processes (over half a megabyte)."""
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(start, start + documents):
            text = f"تقرير رقم {number}: " + ARABIC * 6 + f" الرقم {number}."
            handle.write(json.dumps({"id": f"d{number}", "text": text}, ensure_ascii=False) + "\n")
    return path


def run_cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=ENV)
