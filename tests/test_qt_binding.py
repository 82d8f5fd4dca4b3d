"""The Qt binding survives the highlighter's workload (PySide6 6.12.0 did not; see pyproject.toml).

Runs in a subprocess because the failure is a fatal interpreter abort, not an exception.
"""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = """
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit
app = QApplication([])
editor = QPlainTextEdit()
editor.setPlainText("x" * 1000)
for i in range(20000):
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#3B82F6"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(1)
    selection.cursor = cursor
print("survived")
"""


def test_the_pinned_binding_survives_thousands_of_format_calls() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
