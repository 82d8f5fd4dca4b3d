"""Crash safety: SIGKILL mid-import and mid-edits, at random points, many times.

Checks SQLite's promises end to end: the file passes integrity_check, an import
is all or nothing, and every edit acknowledged before the kill is there.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotator.store.project import Project

IMPORT = """
import sys
from annotator.importing.run import import_sources
from annotator.store.project import Project
with Project.open(sys.argv[1]) as project:
    print("started", flush=True)
    import_sources(project, [sys.argv[2]])
print("finished", flush=True)
"""

EDITS = """
import sys
from annotator.store.project import Project
with Project.open(sys.argv[1]) as project:
    doc = project.documents(limit=1)[0]
    text = project.document(doc.id).text
    for i in range(100000):
        start = i % (len(text) - 5)
        ann = project.add_annotation(doc.id, "PLACE", start, start + 3)
        print(ann.id, flush=True)  # acknowledged: add_annotation has returned, so it is committed
"""


def run_and_kill(args: list[str], delay: float) -> list[str]:
    process = subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    return [first.strip(), *rest.split()]


def test_a_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(400):
        (folder / f"{number:03}.txt").write_text(f"تقرير رقم {number}: مقتل {number} مدنيا في بلدة رقم {number}.",
                                                 encoding="utf-8")
    rng = random.Random(1)
    outcomes = set()
    for attempt in range(6):
        path = tmp_path / f"p{attempt}.db"
        Project.create(path, coder="amal").close()
        lines = run_and_kill([IMPORT, str(path), str(folder)], rng.uniform(0.0, 1.5))
        with Project.open(path) as project:
            assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = project.document_count()
        assert count in (0, 400), f"half an import: {count} documents"
        assert count == 400 or "finished" not in lines
        outcomes.add(count)
    assert outcomes  # at least one run; both outcomes are legitimate


def test_every_acknowledged_edit_survives_a_kill(tmp_path: Path) -> None:
    rng = random.Random(2)
    for attempt in range(6):
        path = tmp_path / f"e{attempt}.db"
        with Project.create(path, coder="amal") as project:
            project.add_document("قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور " * 3, key="a")
        acknowledged = run_and_kill([EDITS, str(path)], rng.uniform(0.05, 0.6))
        with Project.open(path) as project:
            assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {a.id for a in project.annotations()}
        assert len(acknowledged) > 1
        missing = [ident for ident in acknowledged if ident not in stored]
        assert missing == []
