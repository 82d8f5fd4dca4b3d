"""The window on a machine that cannot show it: one line saying what is missing, exit 1, no Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import entry

ROOT = Path(__file__).resolve().parents[1]


def run_annotator(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def headless_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux")
@pytest.mark.parametrize("args", [(), ("gui", "عمل.db")])
def test_no_display_says_so_in_one_line(tmp_path, args):
    result = run_annotator(headless_env(tmp_path), *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "annotator --help" in lines[0]
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
    assert not (tmp_path / "data").exists()  # stopped before the demo project was built


def test_no_display_detected_without_qt():
    problem = entry.display_problem({}, "linux")
    assert problem is not None and problem.startswith("no display")
    assert entry.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert entry.display_problem({}, "win32") is None


def test_missing_xcb_libraries_named_with_the_apt_line(monkeypatch):
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    monkeypatch.setattr(entry, "loadable", lambda library: library not in absent)
    problem = entry.display_problem({"DISPLAY": ":0"}, "linux")
    assert problem is not None
    assert "libxcb-cursor.so.0" in problem and "libxkbcommon-x11.so.0" in problem
    assert "apt-get install libxcb-cursor0 libxkbcommon-x11-0;" in problem
    assert "libxcb-icccm" not in problem
    # Wayland does not need them; a chosen xcb does.
    assert entry.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert entry.display_problem({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux") is not None


def test_missing_libraries_stop_the_window_before_qt(monkeypatch, capsys):
    monkeypatch.setattr(entry, "loadable", lambda library: library != "libxcb-cursor.so.0")
    monkeypatch.setattr(entry.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert entry.open_window(None) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "libxcb-cursor.so.0" in err[0] and "apt-get install libxcb-cursor0" in err[0]


def test_loadable_asks_the_dynamic_linker():
    assert entry.loadable("libc.so.6") if sys.platform.startswith("linux") else True
    assert not entry.loadable("libno-such-library-عربي.so.9")
