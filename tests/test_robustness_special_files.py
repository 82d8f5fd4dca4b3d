"""A device, a pipe or a socket named as a project or an output is refused from its stat alone:
never opened (a FIFO would hang the check), never replaced (``/dev/null`` stays a device)."""

from __future__ import annotations

import os
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.errors import AnnotatorError
from annotator.export import ExportOptions, export
from annotator.lead.merge import merge_projects
from annotator.store.project import Project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/null are POSIX")



def special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe.out"
        os.mkfifo(path)
    elif kind == "socket":
        path = tmp_path / "s.sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "device":
        path = Path(os.devnull)  # only where nothing could write to it, fix or no fix
    else:
        path = tmp_path / "devlink.out"
        path.symlink_to(os.devnull)
    return path


KINDS = ["fifo", "socket", "device", "link-to-device"]


def opened_source(tmp_path: Path) -> Path:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        project.add_document("قصفت الطائرات بلدة الباغوز", key="d1")
    return path


def in_thread(action: Callable[[], object]) -> BaseException | None:
    """Run ``action`` with a deadline, so a blocking open fails the test instead of hanging it."""
    import threading

    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(15)
    if thread.is_alive():
        pytest.fail("blocked on a special file")
    return outcome[0]


def unblock(path: Path) -> None:
    """Release a thread stuck opening a FIFO (only needed when the fix is missing)."""
    if stat.S_ISFIFO(os.stat(path).st_mode):
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        os.close(fd)


# Not the device itself: were the check missing, an export run as root would replace it.
@pytest.mark.parametrize("kind", ["fifo", "socket", "link-to-device"])
@pytest.mark.parametrize("fmt", ["jsonl", "hf"])
def test_export_out_is_refused(tmp_path: Path, kind: str, fmt: str) -> None:
    source = opened_source(tmp_path)
    out = special(tmp_path, kind)
    before = os.stat(out)
    with Project.open(source, readonly=True) as project:
        error = in_thread(lambda: export(project, ExportOptions(format=fmt, status="all"), out))
    assert isinstance(error, AnnotatorError), error
    assert "not a regular file or folder" in str(error)
    after = os.stat(out)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


@pytest.mark.parametrize("kind", KINDS)
def test_a_special_file_is_no_project(tmp_path: Path, kind: str) -> None:
    path = special(tmp_path, kind)
    for action in (
        lambda: Project.open(path),
        lambda: Project.open(path, readonly=True),
        lambda: Project.create(path, coder="amal"),
        lambda: merge_projects(path, [opened_source(tmp_path)]),
    ):
        error = in_thread(action)
        assert isinstance(error, AnnotatorError) and "not a regular file or folder" in str(error), error


def test_the_command_line_refuses_a_fifo_out(tmp_path: Path) -> None:
    source = opened_source(tmp_path)
    out = special(tmp_path, "fifo")
    result: list[object] = []
    error = in_thread(lambda: result.append(CliRunner().invoke(
        main, ["export", str(source), "--format", "jsonl", "--status", "all", "--out", str(out)])))
    assert error is None
    invoked = result[0]
    assert invoked.exit_code == 1  # type: ignore[attr-defined]
    assert invoked.stderr == f"error: {out}: this is a named pipe (FIFO), not a regular file or folder; refusing it\n"  # type: ignore[attr-defined]


def test_save_copy_refuses_a_device(tmp_path: Path) -> None:
    with Project.open(opened_source(tmp_path)) as project, pytest.raises(AnnotatorError, match="character device"):
        project.save_copy(os.devnull)
