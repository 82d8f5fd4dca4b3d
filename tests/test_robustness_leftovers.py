"""Temporary files a killed export or merge left are cleared by the next run against the same target;
a running owner's are left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.export import ExportOptions, export
from annotator.lead.merge import merge_projects
from annotator.store.project import Project


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(finished.stdout)


def coder_file(path: Path, coder: str) -> Path:
    with Project.create(path, coder=coder) as project:
        doc, _, _ = project.add_document("قصفت الطائرات بلدة الباغوز", key="d1")
        project.add_annotation(doc.id, "PLACE", 19, 26)
    return path


def test_a_killed_exports_temporaries_are_cleared_by_the_next_export(tmp_path: Path) -> None:
    source = coder_file(tmp_path / "amal.db", "amal")
    dead, live = dead_pid(), os.getpid()
    stale_file = tmp_path / f".x.jsonl.{dead}-k2j4.tmp"
    stale_file.write_text("half an export", encoding="utf-8")
    stale_folder = tmp_path / f".hfout.{dead}-a8f1.tmp"
    (stale_folder / "train").mkdir(parents=True)
    (stale_folder / "train" / "part.arrow").write_bytes(b"\0" * 100)
    stale_old = tmp_path / f".bratout.{dead}-9zz.tmp.old"
    stale_old.mkdir()
    running = tmp_path / f".x.jsonl.{live}-busy.tmp"  # an export running now: not ours to remove
    running.write_text("being written", encoding="utf-8")
    someone_elses = tmp_path / ".x.jsonl.notes.tmp"  # not named by us at all
    someone_elses.write_text("keep", encoding="utf-8")
    with Project.open(source, readonly=True) as project:
        export(project, ExportOptions(format="jsonl", status="all"), tmp_path / "x.jsonl")
        export(project, ExportOptions(format="hf", status="all"), tmp_path / "hfout")
        export(project, ExportOptions(format="brat", status="all"), tmp_path / "bratout")
    assert not stale_file.exists() and not stale_folder.exists() and not stale_old.exists()
    assert running.exists() and someone_elses.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and str(os.getpid()) not in p.name
                and p != someone_elses]


def test_a_killed_merges_work_folder_is_cleared_by_the_next_merge(tmp_path: Path) -> None:
    sources = [coder_file(tmp_path / "amal.db", "amal"), coder_file(tmp_path / "omar.db", "omar")]
    stale = tmp_path / f".new.db.merging-{dead_pid()}-x1y2"
    stale.mkdir()
    (stale / "new.db").write_bytes(b"SQLite format 3\0" + b"\0" * 1000)
    merge_projects(tmp_path / "new.db", sources)
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if ".merging-" in p.name] == []


def test_temporary_names_carry_the_owner(tmp_path: Path) -> None:
    """While an export writes, its temporary names this process (seen from inside the writer)."""
    source = coder_file(tmp_path / "amal.db", "amal")
    seen: list[str] = []

    from annotator.export import files

    def writer(handle: object) -> None:
        seen.extend(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))

    with Project.open(source, readonly=True):
        files.write_text(tmp_path / "x.txt", writer)
    assert seen and all(f".x.txt.{os.getpid()}-" in name for name in seen)
