"""The document search box leads somewhere: Enter opens the first hit, Down goes into the
list, and the words found are marked in the article, F3 and Shift+F3 stepping through them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings

STATEMENT = "وقالت وزارة الدفاع إن ثمانية عناصر قتلوا في هجوم."
RAID = "قُتِلَ 28 مدنيا في غارة على الباغوز فوقاني بدير الزور، ثم قصفت الطائرات دَيْرَ الزور مجددا."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "w.db", coder="amal")
    project.add_document(STATEMENT, key="a", title="بيان")
    project.add_document(RAID, key="b", title="غارة")
    win = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def search(qtbot, window: MainWindow, words: str) -> None:
    window.actions.find.trigger()
    window.queue.search_box.insert(words)  # as typed (QTest types only ASCII)


def selected_text(window: MainWindow) -> str:
    start, end = window.view.selection()
    return RAID[start:end]


def test_enter_opens_the_first_hit_on_its_first_match(qtbot, window: MainWindow) -> None:
    assert window.session.document.key == "a"
    search(qtbot, window, "دير الزور")
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Return)
    assert window.session.document.key == "b"  # the statement no longer matches: it is left
    assert window.view.hasFocus()
    assert selected_text(window) == "دير"  # بدير: the proclitic is not part of the match


def test_matches_are_marked_ignoring_tashkeel_and_proclitics(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "بدير الزور")
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Return)
    marked = [RAID[window.view.offsets.from_qt(s):window.view.offsets.from_qt(e)] for s, e in window.view.highlighter.matches]
    assert marked == ["بدير", "الزور", "دَيْرَ", "الزور"]
    window.queue.search_box.clear()
    qtbot.waitUntil(lambda: window.view.highlighter.matches == [])


def test_f3_and_shift_f3_step_through_the_matches(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "دير")
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Return)
    first = window.view.selection()
    assert selected_text(window) == "دير"
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert selected_text(window) == "دَيْرَ" and window.view.selection() != first
    qtbot.keyClick(window.view, Qt.Key.Key_F3)  # round to the first again
    assert window.view.selection() == first
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert selected_text(window) == "دَيْرَ"


def test_down_moves_from_the_search_box_into_the_list(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "الباغوز")
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Down)
    assert window.queue.table.hasFocus()
    assert window.queue.model.rowCount() == 1
    assert window.session.document.key == "b"


def test_the_selected_span_keeps_its_look_over_a_match(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "الباغوز")
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Return)
    start = RAID.index("الباغوز")
    qt_start = window.view.offsets.to_qt(start)
    block = window.view.document().findBlock(qt_start)

    def background_at(position: int) -> str:
        layout_formats = block.layout().formats()
        found = [f.format for f in layout_formats if f.start <= position - block.position() < f.start + f.length]
        return found[-1].background().color().name() if found else ""

    marked = background_at(qt_start)
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert window.session.selected is not None and window.session.selected.text == "الباغوز"
    assert background_at(qt_start) not in (marked, "")


def test_the_open_document_stays_marked_in_the_list_as_filtered(qtbot, window: MainWindow) -> None:
    """Typing a search reads the list afresh: the open document, still listed, is still its
    current row (under Xvfb the open article's row lost its mark)."""
    window.session.open_document(window.project.document_by_key("b").id)
    table, model = window.queue.table, window.queue.model
    assert model.data(table.currentIndex(), Qt.ItemDataRole.UserRole) == window.session.document.id
    search(qtbot, window, "الباغوز")
    qtbot.waitUntil(lambda: model.search == "الباغوز")
    assert len(model.rows) == 1
    assert table.currentIndex().isValid()
    assert model.data(table.currentIndex(), Qt.ItemDataRole.UserRole) == window.session.document.id
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
