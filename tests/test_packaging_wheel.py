"""The wheel as a user gets it: built, installed in a fresh venv, run from elsewhere.

Builds the wheel from a copy of the checkout (so no stale ``build/`` leaks in),
installs it with its dependencies into a new venv (no ``--system-site-packages``,
nothing of this checkout on the path), and from a folder outside the checkout runs
``annotator --version``, a headless ``init`` + ``import`` of the demo corpus found
through ``importlib.resources`` in the installed package + ``export --format jsonl``,
and the window's first run offscreen (welcome, demo project, font, icon), twice.

Needs the package index, or pip's cache, for the dependencies. About a minute.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# The environment as the test run started, before conftest points HOME and XDG_* at a
# throwaway home: pip keeps its own configuration and cache.
PIP_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
    ".hypothesis", ".mypy_cache", "shots", "*.db", "*.db-wal", "*.db-shm",
)

# The window's first run, driven from inside: every modal box (the welcome, a warning) is
# recorded, ticked "do not show again" and accepted; once none is open, the window is
# looked at and the app quits the way a user's quit does (closing the window).
WINDOW_SCRIPT = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox
import ui.app

app = QApplication(sys.argv)
report = {"modals": []}

def answer_modals():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        report["modals"].append(box.windowTitle())
        if box.checkBox() is not None:
            box.checkBox().setChecked(True)
        box.accept()
    QTimer.singleShot(50, answer_modals)

def inspect():
    if QApplication.activeModalWidget() is not None or not ui.app._windows:
        QTimer.singleShot(200, inspect)
        return
    window = ui.app._windows[-1]
    report.update(
        project=str(window.project.path),
        documents=len(window.project.documents()),
        visible=window.isVisible(),
        painted=not window.grab().isNull(),
        fonts=[f for f in QFontDatabase.families() if "Naskh" in f],
        icon=sorted(s.width() for s in app.windowIcon().availableSizes()),
        version=app.applicationVersion(),
    )
    print("REPORT " + json.dumps(report, ensure_ascii=False))
    app.quit()

QTimer.singleShot(0, answer_modals)
QTimer.singleShot(500, inspect)
QTimer.singleShot(60000, lambda: app.exit(3))
sys.exit(ui.app.run(None))
"""


@dataclass
class Installed:
    wheel: Path
    venv: Path
    outside: Path  # the working folder, far from the checkout

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    def env(self, home: Path) -> dict[str, str]:
        env = dict(PIP_ENV)
        env.update(
            PATH=f"{self.bin}{os.pathsep}{env.get('PATH', '')}",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            QT_QPA_PLATFORM="offscreen",
            LANG="C.UTF-8",
        )
        return env

    def run(self, *args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            list(args), cwd=self.outside, env=self.env(home), capture_output=True, text=True, timeout=timeout
        )
        assert result.returncode == 0, f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    wheels = work / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(source)],
        env=PIP_ENV, capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = wheels.glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        env=PIP_ENV, cwd=work, capture_output=True, text=True, timeout=900,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    outside = work / "elsewhere"
    outside.mkdir()
    return Installed(wheel, venv, outside)


def test_the_wheel_carries_every_package_and_every_resource(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = wheel.read(info).decode()
        entry_points = wheel.read(info.replace("METADATA", "entry_points.txt")).decode()
    shipped = {n.removeprefix("annotator/resources/") for n in names if n.startswith("annotator/resources/")}
    in_checkout = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped == in_checkout  # fonts, demo, translations, icons, codebook, and whatever comes next
    for needed in ("codebook.toml", "fonts/NotoNaskhArabic-Regular.ttf", "fonts/OFL.txt",
                   "translations/annotator_ar.qm", "icons/annotator.svg", "icons/annotator-256.png"):
        assert needed in shipped
    for package in ("annotator", "annotator/export", "ui"):
        assert f"{package}/__init__.py" in names
    assert not any(n.startswith(("tests/", "packaging/", "resources/", "benchmarks/")) for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    assert f"\nVersion: {__version__}\n" in metadata
    assert "annotator = ui.entry:main" in entry_points and "annotator-gui = ui.entry:main" in entry_points


def test_the_installed_command_line_works_from_elsewhere(installed: Installed, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert installed.run("annotator", "--version", home=home).stdout == f"annotator, version {__version__}\n"

    found = installed.run(
        str(installed.bin / "python"), "-c",
        "from annotator.resources_path import resource_path; print(resource_path('demo'))", home=home,
    ).stdout.strip()
    demo = Path(found)
    assert demo.is_relative_to(installed.venv), f"resources found at {demo}, not in the installed package"
    texts = sorted(p.read_text(encoding="utf-8") for p in demo.glob("*.txt"))
    assert len(texts) == 4

    installed.run("annotator", "init", "demo.db", "--coder", "amal", home=home)
    imported = installed.run("annotator", "import", "demo.db", str(demo), home=home)
    assert imported.stdout.startswith("4 document(s) added")
    installed.run("annotator", "export", "demo.db", "--format", "jsonl", "--out", "demo.jsonl", home=home)
    records = [json.loads(line) for line in (installed.outside / "demo.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["text"] for r in records) == texts
    assert {r["status"] for r in records} == {"new"}

    # The README's tour starts from `annotator example`, which needs only what the wheel carries.
    installed.run("annotator", "example", "tour", home=home)
    merged = installed.run("annotator", "merge", "tour/lead.db", "tour/amal.db", "tour/omar.db", home=home)
    assert merged.stdout.endswith("created tour/lead.db: 4 document(s); coder layers amal, omar\n")


def test_the_installed_window_first_run_offscreen(installed: Installed, tmp_path: Path) -> None:
    home = tmp_path / "home"
    python = str(installed.bin / "python")
    first = installed.run(python, "-c", WINDOW_SCRIPT, home=home)
    report = json.loads(first.stdout.split("REPORT ", 1)[1])
    demo = home / "data" / "arabic-event-annotator" / "demo.db"
    assert report["modals"] == ["Welcome"]
    assert report["project"] == str(demo) and report["documents"] == 4
    assert report["visible"] and report["painted"]
    assert report["fonts"] == ["Noto Naskh Arabic"]
    assert report["icon"] == [16, 24, 32, 48, 64, 128, 256, 512]
    assert report["version"] == __version__
    assert "Traceback" not in first.stderr

    second = installed.run(python, "-c", WINDOW_SCRIPT, home=home)  # dismissed for good
    report = json.loads(second.stdout.split("REPORT ", 1)[1])
    assert report["modals"] == [] and report["project"] == str(demo.resolve())
