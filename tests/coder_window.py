"""A coder's window on a small two-article project, shown and focused on the article: the
starting point of many window tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings

STATEMENT = "وقالت وزارة الدفاع إن ثمانية عناصر قتلوا."


def shown_coder_window(qtbot: Any, folder: Path, text: str, title: str, *, statement: bool = True) -> MainWindow:
    """Documents ``a`` (``text``) and, unless ``statement`` is False, ``b`` (a short statement),
    suggestions off, the first open."""
    project = Project.create(folder / "w.db", coder="amal")
    project.add_document(text, key="a", title=title)
    if statement:
        project.add_document(STATEMENT, key="b", title="بيان")
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window
