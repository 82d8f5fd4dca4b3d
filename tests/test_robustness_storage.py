"""What the user reads when the file cannot be used: locked by another program, on a read-only
medium, on a full disk, or damaged. Each is said as it is, never all as "damaged"; a project on a
read-only medium is still read, searched and exported."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from robust_helpers import ARABIC

from annotator.cli.main import main
from annotator.errors import ProjectError, read_error, storage_error
from annotator.importing.run import import_sources
from annotator.store.project import Project


def mount_tmpfs(folder: Path, options: str) -> bool:
    folder.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def medium(tmp_path: Path) -> Iterator[Path]:
    """A small disk of our own (tmpfs), which the test may fill or make read-only."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a disk needs root on Linux")
    folder = tmp_path / "disk"
    if not mount_tmpfs(folder, "size=2m"):
        pytest.skip("mount is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def filled_project(path: Path) -> Path:
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document("قصفت الطائرات بلدة الباغوز", key="d1", title="غارة")
        project.add_annotation(doc.id, "PLACE", 19, 26)
    return path


def test_a_project_on_a_read_only_medium_is_read_searched_and_exported(medium: Path, tmp_path: Path) -> None:
    path = filled_project(medium / "p.db")
    remount_read_only(medium)
    runner = CliRunner()
    stats = runner.invoke(main, ["stats", str(path)])
    assert stats.exit_code == 0, stats.output
    found = runner.invoke(main, ["docs", str(path), "--search", "الباغوز"])
    assert found.exit_code == 0 and "d1" in found.stdout
    out = tmp_path / "out.jsonl"
    exported = runner.invoke(main, ["export", str(path), "--format", "jsonl", "--status", "all", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    assert json.loads(out.read_text(encoding="utf-8"))["spans"][0]["text"] == "الباغوز"
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "خبر"}, ensure_ascii=False) + "\n", encoding="utf-8")
    refused = runner.invoke(main, ["import", str(path), str(source)])
    assert refused.exit_code == 1
    assert "damaged" not in refused.stderr
    assert "read-only" in refused.stderr and "open it read-only" in refused.stderr


def test_a_full_disk_says_the_disk_is_full(medium: Path, tmp_path: Path) -> None:
    path = filled_project(medium / "p.db")
    source = tmp_path / "big.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for number in range(600):
            handle.write(json.dumps({"id": f"n{number}", "text": f"{number} " + ARABIC * 8}, ensure_ascii=False) + "\n")
    with Project.open(path) as project, pytest.raises(ProjectError) as caught:
        import_sources(project, [source], worker=False)
    assert "the disk is full" in str(caught.value) and "damaged" not in str(caught.value)
    assert caught.value.path == str(path)
    with Project.open(path, readonly=True) as project:
        assert project.document_count() == 1


def test_a_file_locked_by_another_program_says_so(tmp_path: Path) -> None:
    path = filled_project(tmp_path / "p.db")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('PRAGMA locking_mode = EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE')\n"
         "c.execute(\"INSERT INTO meta VALUES ('x', 'y')\")\n"
         "print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(ProjectError) as caught:
            Project.open(path, readonly=True)
        assert "it has the file locked" in str(caught.value)
        assert "damaged" not in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (sqlite3.SQLITE_FULL, "the disk is full"),
        (sqlite3.SQLITE_READONLY, "read-only"),
        (sqlite3.SQLITE_BUSY, "it has the file locked"),
        (sqlite3.SQLITE_CORRUPT, "damaged"),
        (sqlite3.SQLITE_IOERR | (3 << 8), "the disk could not be read or written"),
    ],
)
def test_sqlite_result_codes_are_told_apart(code: int, expected: str) -> None:
    error = sqlite3.OperationalError("some words SQLite chose")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert expected in str(storage_error(error, "p.db"))
    assert expected in str(read_error(error, "p.db"))
    if expected == "damaged":
        assert "annotator restore" in str(read_error(error, "p.db"))
