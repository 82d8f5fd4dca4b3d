"""The coder's window: a precise selection keeps its edges, a graze drops the word (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from coder_window import shown_coder_window
from PySide6.QtCore import Qt

from annotator.store.project import Project
from ui.coder.main_window import MainWindow

TEXT = "😀 قالت المصادر إن و28 مدنيا قتلوا في غارة على الباغوز فوقاني أمس."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = shown_coder_window(qtbot, tmp_path, TEXT, "غارة", statement=False)
    yield win
    win.close()


def spans_in_file(window: MainWindow) -> list[tuple[str, str, dict]]:
    with Project.open(window.project.path, readonly=True) as project:
        return [(a.label, a.text, a.attrs) for a in project.annotations()]


def test_a_figure_selected_after_its_proclitic_is_tagged_without_it(qtbot, window: MainWindow) -> None:
    start = TEXT.index("28 مدنيا")
    window.view.select_text(start, start + len("28 مدنيا"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    [(label, text, attrs)] = spans_in_file(window)
    assert (label, text, attrs["value"]) == ("CASUALTY", "28 مدنيا", 28)


def test_a_drag_grazing_the_next_word_tags_the_word_alone(qtbot, window: MainWindow) -> None:
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز") + 2)  # the space and ف of فوقاني
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert [(label, text) for label, text, _ in spans_in_file(window)] == [("PLACE", "الباغوز")]
