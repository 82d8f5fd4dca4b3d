"""A merge killed (SIGKILL) midway leaves the merged project as it was, or complete.

The merge runs in a child process whose progress callback, at a chosen
document, says so and waits; the test then kills it. No timing is involved.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_merge import build_coder_file, content

from annotator.lead.merge import merge_projects

CHILD = textwrap.dedent(
    """
    import sys
    from annotator.lead.merge import merge_projects

    out, stop_at, *sources = sys.argv[1:]

    def progress(done, total, path):
        if done == int(stop_at):
            print("STOPPED", done, total, flush=True)
            sys.stdin.readline()  # wait to be killed

    merge_projects(out, sources, progress=progress)
    print("FINISHED", flush=True)
    """
)

ROOT = Path(__file__).resolve().parents[1]


def many_documents(tmp_path: Path, coder: str, count: int) -> Path:
    docs = {
        f"قُتِلَ {n} شخصاً في غارة على والباغوز بدير الزور رقم {n}، وأصيب ٢٣ آخرون 😀": (
            "done",
            [(f"{n}", "CASUALTY", {"value": n, "status": "killed"}), ("الباغوز", "PLACE", {})],
        )
        for n in range(1, count + 1)
    }
    return build_coder_file(tmp_path / f"{coder}.db", coder, docs)


def run_and_kill(out: Path, stop_at: int, sources: list[Path]) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(out), str(stop_at), *map(str, sources)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.startswith("STOPPED"), line + (child.stderr.read() if child.stderr else "")
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream:
                stream.close()


@pytest.mark.parametrize("stop_at", [1, 7, 12])
def test_killed_merge_into_an_existing_project_leaves_it_as_before(tmp_path: Path, stop_at: int) -> None:
    amal = many_documents(tmp_path, "amal", 6)
    omar = many_documents(tmp_path, "omar", 6)
    out = tmp_path / "merged.db"
    merge_projects(out, [amal])
    before = content(out)
    run_and_kill(out, stop_at, [amal, omar])  # 12 documents in all: 12 is the last, before the commit
    assert content(out) == before
    merge_projects(out, [amal, omar])  # and the project still works: the merge completes
    after = content(out)
    assert len(after["spans"]) == 24
    assert after["layers"][0][0] == "amal" and after["layers"][1][0] == "omar"


@pytest.mark.parametrize("stop_at", [1, 6])
def test_killed_merge_into_a_new_project_leaves_no_file(tmp_path: Path, stop_at: int) -> None:
    amal = many_documents(tmp_path, "amal", 6)
    out = tmp_path / "merged.db"
    run_and_kill(out, stop_at, [amal])
    assert not out.exists()
    report = merge_projects(out, [amal])
    assert report.created and len(content(out)["spans"]) == 12
