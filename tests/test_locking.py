"""One writer per project: a second writer is refused with a clear message; a dead one never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.locking import ProjectLocked
from annotator.store.project import Project


def test_a_second_writer_is_refused_but_a_reader_is_welcome(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as writer:
        doc, _, _ = writer.add_document("نص للتجربة", key="a")
        with pytest.raises(ProjectLocked) as caught:
            Project.open(path)
        assert f"pid {os.getpid()}" in str(caught.value)
        assert str(caught.value).startswith(f"{path}: the project is open for writing by another program")
        with Project.open(path, readonly=True) as reader:
            assert reader.document(doc.id).text == "نص للتجربة"
    with Project.open(path) as again:  # released on close
        assert again.document_count() == 1


def test_the_command_line_says_who_holds_the_project(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    source = tmp_path / "a.txt"
    source.write_text("مقتل 23 مدنيا في دير الزور", encoding="utf-8")
    with Project.create(path, coder="amal"):
        result = CliRunner().invoke(main, ["import", str(path), str(source)])
    assert result.exit_code == 1
    assert "the project is open for writing by another program (pid" in result.stderr
    assert CliRunner().invoke(main, ["import", str(path), str(source)]).exit_code == 0


def test_a_killed_writer_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from annotator.store.project import Project; p = Project.open({str(path)!r}); "
         "print('ready', flush=True); import time; time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(ProjectLocked):
            Project.open(path)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 10
        while True:
            try:
                Project.open(path).close()
                break
            except ProjectLocked:
                assert time.monotonic() < deadline, "the lock outlived its holder"
                time.sleep(0.05)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
