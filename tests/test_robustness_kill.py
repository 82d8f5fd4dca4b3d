"""The kill -9 campaign: import, merge, auto-adjudication and edits through the API, each killed at
random points. After every kill the file passes SQLite's integrity_check, the operation is all or
nothing (or, for edits, every acknowledged edit is there), and the next run works at once: no lock
left held, no leftover in the way.

A quick round runs with the suite; the long one (a few dozen kills) is marked slow.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from robust_helpers import ARABIC, ENV, alive, big_jsonl, children_of, run_cli, wait_until

from annotator.lead.adjudication import auto_adjudicate
from annotator.lead.merge import merge_projects
from annotator.store.project import Project

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc")


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def kill_after(args: list[str], delay: float, *, ready: str = "") -> str:
    """Start ``args``, wait for its ``ready`` line (if any), let it run ``delay`` seconds, kill -9 it and
    everything it started; returns what it printed."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    family: set[int] = set()
    try:
        assert process.stdout is not None
        if ready:
            line = process.stdout.readline()
            assert line.strip() == ready, line + (process.stderr.read() if process.stderr else "")
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and process.poll() is None:
            family |= children_of(process.pid)
            time.sleep(0.01)
        family |= children_of(process.pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        # Children die with it (workers): wait for that, and never leave one behind.
        wait_until(lambda: not any(alive(pid) for pid in family), 10, "the killed process's children to end")
        return out
    finally:
        for pid in family:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def document_keys(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as project:
        return sorted(d.key for d in project.documents(limit=10**6))


# --- import -------------------------------------------------------------------------------------


def one_import_kill(tmp_path: Path, rng: random.Random, corpus: Path, expected: int) -> None:
    project = tmp_path / "p.db"
    project.unlink(missing_ok=True)
    Project.create(project, coder="amal").close()
    with Project.open(project) as opened:
        opened.add_document("نص كان في المشروع قبل الاستيراد", key="before")
    kill_after([sys.executable, "-m", "annotator", "import", str(project), str(corpus)], rng.uniform(0.2, 4.0))
    assert integrity(project) == "ok"
    keys = document_keys(project)
    assert len(keys) in (1, expected + 1), len(keys)  # all or nothing
    assert "before" in keys
    # The next run works at once: no lock held, nothing in the way; re-importing is complete.
    result = run_cli("import", project, corpus)
    assert result.returncode == 0, result.stderr
    assert len(document_keys(project)) == expected + 1


# --- merge --------------------------------------------------------------------------------------

MERGE = textwrap.dedent("""
    import sys
    from annotator.lead.merge import merge_projects
    print("started", flush=True)
    merge_projects(sys.argv[1], sys.argv[2:])
""")


def coder_file(path: Path, coder: str, documents: int) -> Path:
    with Project.create(path, coder=coder) as project:
        for number in range(documents):
            doc, _, _ = project.add_document(f"قصفت الطائرات بلدة الباغوز رقم {number} " + ARABIC, key=f"d{number}")
            project.add_annotation(doc.id, "PLACE", 19, 26)
            project.set_status(doc.id, "done")
    return path


def merged_content(path: Path) -> tuple[int, int]:
    with Project.open(path, readonly=True) as project:
        return project.document_count(), sum(len(project.annotations(d)) for d in project.document_ids())


def one_merge_kill(tmp_path: Path, rng: random.Random, sources: list[Path], complete: tuple[int, int],
                   into_existing: bool) -> None:
    out = tmp_path / "lead.db"
    for leftover in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        leftover.unlink(missing_ok=True)
    before = None
    if into_existing:
        merge_projects(out, sources[:1])
        before = merged_content(out)
    kill_after([sys.executable, "-c", MERGE, str(out), *map(str, sources)], rng.uniform(0.0, 2.0), ready="started")
    if into_existing:
        assert integrity(out) == "ok"
        assert merged_content(out) in (before, complete)  # all or nothing
    elif out.exists():
        assert integrity(out) == "ok"
        assert merged_content(out) == complete  # a new file appears only whole
    merge_projects(out, sources)  # the next run works at once, and clears what the killed one left
    assert [p.name for p in tmp_path.iterdir() if ".merging-" in p.name] == []
    assert merged_content(out) == complete and integrity(out) == "ok"


# --- auto-adjudication --------------------------------------------------------------------------

ADJUDICATE = textwrap.dedent("""
    import sys
    from annotator.lead.adjudication import auto_adjudicate
    from annotator.store.project import Project
    with Project.open(sys.argv[1]) as project:
        print("started", flush=True)
        auto_adjudicate(project)
    print("finished", flush=True)
""")


def gold_count(path: Path) -> int:
    with Project.open(path, readonly=True) as project:
        return project.live_span_count("gold")


def one_adjudication_kill(tmp_path: Path, rng: random.Random, merged: Path, complete: int) -> None:
    work = tmp_path / "adjudicate.db"
    for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        leftover.unlink(missing_ok=True)
    with Project.open(merged, readonly=True) as project:
        project.save_copy(work)
    output = kill_after([sys.executable, "-c", ADJUDICATE, str(work)], rng.uniform(0.0, 1.5), ready="started")
    assert integrity(work) == "ok"
    assert gold_count(work) in (0, complete), (gold_count(work), output)
    with Project.open(work) as project:  # at once: the killed writer's lock is gone
        auto_adjudicate(project)
    assert gold_count(work) == complete


# --- edits through the API ----------------------------------------------------------------------

EDITS = textwrap.dedent("""
    import sys
    from annotator.store.project import Project
    with Project.open(sys.argv[1]) as project:
        doc = project.documents(limit=1)[0]
        text = project.document(doc.id).text
        print("started", flush=True)
        for i in range(100000):
            start = i % (len(text) - 8)
            ann = project.add_annotation(doc.id, "PLACE", start, start + 4)
            if i % 3 == 0:
                project.update_annotation(ann.id, label="ACTOR")
                print("updated", ann.id, flush=True)
            elif i % 3 == 1:
                project.delete_annotation(ann.id)
                print("deleted", ann.id, flush=True)
            else:
                print("added", ann.id, flush=True)
            project.set_status(doc.id, "in_progress" if i % 2 else "new")
""")


def one_edit_kill(tmp_path: Path, rng: random.Random) -> None:
    path = tmp_path / "edits.db"
    if not path.exists():
        with Project.create(path, coder="amal") as project:
            project.add_document("قصفت الطائرات بلدة الباغوز في ريف دير الزور الشرقي صباح اليوم", key="d1")
    printed = kill_after([sys.executable, "-c", EDITS, str(path)], rng.uniform(0.05, 1.5), ready="started")
    assert integrity(path) == "ok"
    with Project.open(path) as project:  # at once
        live = {a.id: a for d in project.document_ids() for a in project.annotations(d)}
        # An edit is acknowledged by its whole line: the kill may cut the last one mid-write.
        acknowledged = printed[: printed.rfind("\n") + 1]
        for line in acknowledged.splitlines():
            action, annotation_id = line.split()
            project.annotation(annotation_id, include_deleted=True)  # every acknowledged edit is kept
            if action == "updated":
                assert live[annotation_id].label == "ACTOR"
            elif action == "deleted":
                assert annotation_id not in live
            else:
                assert annotation_id in live


# --- the rounds ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("corpus")
    return big_jsonl(folder / "big.jsonl", 1500), 1500


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("coders")
    return [coder_file(folder / f"{name}.db", name, 150) for name in ("amal", "omar", "huda")]


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory, sources: list[Path]) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("merged")
    path = folder / "lead.db"
    merge_projects(path, sources)
    reference = folder / "reference.db"
    with Project.open(path, readonly=True) as project:
        project.save_copy(reference)
    with Project.open(reference) as project:
        auto_adjudicate(project)
    return path, gold_count(reference)


def rounds(kills: int, seed: int, *steps: Callable[[random.Random], None]) -> None:
    rng = random.Random(seed)
    for _ in range(kills):
        for step in steps:
            step(rng)


def campaign(tmp_path: Path, corpus: tuple[Path, int], sources: list[Path], merged: tuple[Path, int],
             kills: int, seed: int) -> None:
    rounds(
        kills, seed,
        lambda rng: one_import_kill(tmp_path, rng, *corpus),
        lambda rng: one_merge_kill(tmp_path, rng, sources, merged_content(merged[0]), into_existing=rng.random() < 0.5),
        lambda rng: one_adjudication_kill(tmp_path, rng, *merged),
        lambda rng: one_edit_kill(tmp_path, rng),
    )


def test_a_quick_round_of_kills(tmp_path: Path, corpus: tuple[Path, int], sources: list[Path],
                                merged: tuple[Path, int]) -> None:
    campaign(tmp_path, corpus, sources, merged, kills=1, seed=21)


@pytest.mark.slow
def test_the_kill_campaign(tmp_path: Path, corpus: tuple[Path, int], sources: list[Path],
                           merged: tuple[Path, int]) -> None:
    campaign(tmp_path, corpus, sources, merged, kills=8, seed=2021)
