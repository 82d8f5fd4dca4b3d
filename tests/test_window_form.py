"""The span's number box: one saved edit per change of the field, and an Alt+letter to reach it."""

from __future__ import annotations

from pathlib import Path

import pytest
from coder_window import shown_coder_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from annotator.store.project import Project
from ui.coder.main_window import MainWindow

TEXT = "قُتِلَ 28 مدنيا في قصف على بلدة الباغوز بدير الزور."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = shown_coder_window(qtbot, tmp_path, TEXT, "قصف", statement=False)
    yield win
    win.close()


def stored_value(window: MainWindow) -> object:
    with Project.open(window.project.path, readonly=True) as project:
        return project.annotations()[0].attrs.get("value")


def tag_casualty(qtbot, window: MainWindow) -> QSpinBox:
    start = TEXT.index("28")
    window.view.select_text(start, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    spin = window.form.findChildren(QSpinBox)[0]
    qtbot.waitUntil(spin.isVisible)
    return spin


def test_typing_a_number_is_one_edit_committed_on_enter(qtbot, window: MainWindow) -> None:
    spin = tag_casualty(qtbot, window)
    assert stored_value(window) == 28
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    assert stored_value(window) == 28  # nothing saved while typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert stored_value(window) == 30
    window.actions.undo.trigger()
    assert stored_value(window) == 28  # one undo takes the whole number back, not to 3


def test_leaving_the_number_box_commits_it(qtbot, window: MainWindow) -> None:
    spin = tag_casualty(qtbot, window)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "31")
    window.view.setFocus()
    qtbot.waitUntil(lambda: stored_value(window) == 31)


def test_the_number_box_has_an_alt_letter(qtbot, window: MainWindow) -> None:
    spin = tag_casualty(qtbot, window)
    caption = next(label for label in window.form.findChildren(QLabel) if label.buddy() is spin)
    assert "&" in caption.text()
    letter = caption.text()[caption.text().index("&") + 1]
    window.view.setFocus()
    qtbot.keyClick(window.view, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(spin.hasFocus)


def test_an_arrow_step_is_saved_at_once(qtbot, window: MainWindow) -> None:
    spin = tag_casualty(qtbot, window)
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert stored_value(window) == 29
