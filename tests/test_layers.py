"""The core runs headless: every annotator module imports with PySide6 unimportable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import annotator

SCRIPT = """
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
            raise ImportError(f"{name} is forbidden in the core")
        return None

sys.meta_path.insert(0, NoQt())
import annotator
names = [m.name for m in pkgutil.walk_packages(annotator.__path__, "annotator.") if m.name != "annotator.__main__"]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 10


def test_no_core_file_mentions_qt_imports() -> None:
    root = Path(annotator.__file__).parent
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("import PySide6", "from PySide6", "import ui", "from ui"))
    ]
    assert offenders == []
