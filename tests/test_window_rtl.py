"""The coder's window in a right-to-left interface: the docks, the Keys help and the span list read
from the right, as an Arabic coder reads, and not as a left-to-right window with Arabic words in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget

import ui.coder.dialogs
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings

TEXT = "قتل 12 مدنياً في قصف على بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني."


@pytest.fixture
def rtl() -> Iterator[None]:
    """The direction install_language("ar") sets, set before the window is built."""
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def make_window(qtbot, tmp_path: Path) -> MainWindow:
    project = Project.create(tmp_path / "rtl.db", coder="amal")
    project.add_document(TEXT, key="a", title="قصف على كفرنبل")
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def dock(window: MainWindow, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert found is not None
    return found


def centre_x(window: MainWindow, name: str) -> int:
    found = dock(window, name)
    return found.mapTo(window, found.rect().center()).x()


def article_x(window: MainWindow) -> int:
    return window.view.mapTo(window, window.view.rect().center()).x()


def test_in_an_arabic_interface_the_documents_are_on_the_right_and_the_spans_on_the_left(qtbot, tmp_path, rtl) -> None:
    window = make_window(qtbot, tmp_path)
    article = article_x(window)
    assert centre_x(window, "documents") > article
    assert centre_x(window, "span") < article and centre_x(window, "events") < article
    window.close()


def test_in_an_arabic_interface_the_docks_stay_mirrored_with_a_saved_window_geometry(qtbot, tmp_path, rtl) -> None:
    first = make_window(qtbot, tmp_path)
    geometry = bytes(first.saveGeometry().toBase64().data()).decode()
    first.close()
    window = MainWindow(Project.open(tmp_path / "rtl.db"), Settings(auto_suggest=False, window_geometry=geometry))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert centre_x(window, "span") < article_x(window) < centre_x(window, "documents")
    window.close()


def test_in_a_left_to_right_interface_the_documents_stay_on_the_left(qtbot, tmp_path) -> None:
    window = make_window(qtbot, tmp_path)
    assert centre_x(window, "documents") < article_x(window) < centre_x(window, "span")
    window.close()


def test_in_an_arabic_interface_the_keys_help_starts_in_the_right_hand_column(qtbot, tmp_path, rtl) -> None:
    """A rich-text table does not mirror its cells: the first sections must be put in the second."""
    window = make_window(qtbot, tmp_path)
    text = ui.coder.dialogs.keys_text(window)
    assert text.startswith('<div dir="rtl">')
    assert text.index("Project") < text.index("</td>") < text.index("Tagging")
    assert "<b>\u202aCtrl+Return\u202c</b>" in text
    window.close()


def attributes_cell(window: MainWindow) -> str:
    model = window.spans.model()
    column = window.spans.source.COLUMNS.index("attributes")
    return str(model.data(model.index(0, column, QModelIndex())))


def test_in_an_arabic_interface_each_attribute_of_a_span_reads_whole(qtbot, tmp_path, rtl) -> None:
    """Each "key=value" is isolated, so an Arabic value never pulls its key's "=" across to a
    neighbouring pair (the row read as mirrored fragments, "=canonical")."""
    window = make_window(qtbot, tmp_path)
    start = TEXT.index("الدفاع المدني")
    made = window.session.add_span("ACTOR", start, start + len("الدفاع المدني"))
    assert made is not None
    window.session.update_span(made.id, attrs={"role": "claimant", "canonical": "الدفاع المدني السوري"})
    qtbot.waitUntil(lambda: "role" in attributes_cell(window))
    assert attributes_cell(window) == "\u2068canonical=الدفاع المدني السوري\u2069, \u2068role=claimant\u2069"
    window.close()
