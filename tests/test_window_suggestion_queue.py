"""The coder's way through suggestions: a confirmed span settles the suggestions it covers, Tab
and the suggestion keys walk separate queues, the selection moves on after each decision, and the
form, the span list and the document list tell suggestions from confirmed spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.models import Origin
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings

TEXT = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على بلدة الباغوز بريف دير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن الطائرات عادت إلى الباغوز مساءً."
)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "q.db", coder="amal")
    project.add_document(TEXT, key="a")
    win = MainWindow(project, Settings(auto_suggest=True))
    qtbot.addWidget(win)
    win.show()
    win.view.setFocus()
    yield win
    win.close()


def span(window: MainWindow, text: str, origin: str | None = None):
    return next(a for a in window.session.spans.values() if a.text == text and origin in (None, a.origin))


def pending_texts(window: MainWindow) -> list[str]:
    return [a.text for a in sorted(window.session.spans.values(), key=lambda a: a.start) if a.origin == Origin.SUGGESTED]


def stored_pending(window: MainWindow) -> list[str]:
    with Project.open(window.project.path, readonly=True) as project:
        return sorted(a.text for a in project.annotations() if a.origin == Origin.SUGGESTED)


def selected_text(window: MainWindow) -> str | None:
    return window.session.selected.text if window.session.selected else None


def key(qtbot, window: MainWindow, *keys: Qt.Key) -> None:
    for k in keys:
        qtbot.keyClick(window.view, k)


def test_a_confirmed_span_settles_the_suggestion_it_covers_in_one_undo_step(qtbot, window: MainWindow) -> None:
    assert "28" in pending_texts(window)
    start = TEXT.index("28 مدنياً")
    window.view.select_text(start, start + len("28 مدنياً"))
    steps = window.session.undo_stack.count()
    key(qtbot, window, Qt.Key.Key_C)
    assert span(window, "28 مدنياً").origin == Origin.MANUAL
    assert "28" not in pending_texts(window) and "28" not in stored_pending(window)
    assert window.spans.source.rowCount() == len(window.session.spans)
    assert window.session.undo_stack.count() == steps + 1
    window.actions.suggest.trigger()  # settled for good: not suggested again
    assert "28" not in stored_pending(window)
    window.actions.undo.trigger()
    assert "28" in pending_texts(window) and "28" in stored_pending(window)
    assert not any(a.text == "28 مدنياً" for a in window.session.spans.values())
    window.actions.redo.trigger()
    assert "28" not in pending_texts(window) and "28" not in stored_pending(window)


def test_a_resized_span_settles_the_suggestion_it_grows_over(qtbot, window: MainWindow) -> None:
    start = TEXT.index("بلدة")
    window.view.select_text(start, start + len("بلدة"))
    key(qtbot, window, Qt.Key.Key_P)
    assert "الباغوز" in pending_texts(window)
    key(qtbot, window, Qt.Key.Key_E)  # grow the end by a word: بلدة الباغوز
    assert selected_text(window) == "بلدة الباغوز"
    assert pending_texts(window).count("الباغوز") == 1  # the second الباغوز, further on, is still pending
    window.actions.undo.trigger()
    assert selected_text(window) == "بلدة" and pending_texts(window).count("الباغوز") == 2


def test_tab_walks_confirmed_spans_and_the_suggestion_keys_walk_suggestions(qtbot, window: MainWindow) -> None:
    for text in ("54", "ريف دير الزور"):
        window.suggestions.accept(span(window, text).id)
    window.session.select(None)
    key(qtbot, window, Qt.Key.Key_Tab)
    assert selected_text(window) == "54"
    key(qtbot, window, Qt.Key.Key_Tab)
    assert selected_text(window) == "ريف دير الزور"
    key(qtbot, window, Qt.Key.Key_Tab)
    assert selected_text(window) == "54"  # wraps, past every suggestion
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert selected_text(window) == "28"  # the next suggestion after 54
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert selected_text(window) == "الباغوز"
    key(qtbot, window, Qt.Key.Key_BracketLeft)
    assert selected_text(window) == "28"
    key(qtbot, window, Qt.Key.Key_Backtab)
    assert selected_text(window) == "54"


def test_after_delete_the_selection_goes_to_the_next_confirmed_span(qtbot, window: MainWindow) -> None:
    for text in ("54", "ريف دير الزور"):
        window.suggestions.accept(span(window, text).id)
    pending = stored_pending(window)
    window.session.select(span(window, "54").id)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert selected_text(window) == "ريف دير الزور"
    assert window.session.selected.origin == Origin.MANUAL
    key(qtbot, window, Qt.Key.Key_Delete)  # a second Delete deletes that span, and rejects nothing
    assert stored_pending(window) == pending
    assert not any(a.origin == Origin.MANUAL for a in window.session.spans.values())


def test_enter_and_x_walk_the_queue_of_suggestions(qtbot, window: MainWindow) -> None:
    queue = pending_texts(window)
    assert queue[:4] == ["54", "28", "الباغوز", "ريف دير الزور"]
    window.session.select(span(window, "54").id)
    key(qtbot, window, Qt.Key.Key_Return)
    assert selected_text(window) == "28"
    key(qtbot, window, Qt.Key.Key_Return)
    assert selected_text(window) == "الباغوز"
    key(qtbot, window, Qt.Key.Key_X)
    assert selected_text(window) == "ريف دير الزور"
    with Project.open(window.project.path, readonly=True) as project:
        mine = sorted((a.text, a.origin) for a in project.annotations() if a.origin == Origin.MANUAL)
    assert mine == [("28", "manual"), ("54", "manual")]
    assert pending_texts(window).count("الباغوز") == 1  # the other one, further on


def test_the_form_says_the_selected_span_is_a_suggestion(qtbot, window: MainWindow) -> None:
    window.session.select(span(window, "54").id)
    form = window.form
    assert form.suggestion.isVisibleTo(form)
    assert form.suggestion.text() == "Suggestion — Return / Enter accepts, X rejects"
    key(qtbot, window, Qt.Key.Key_Return)
    window.session.select(span(window, "54").id)
    assert not form.suggestion.isVisibleTo(form)


def test_the_span_list_marks_suggestions_in_words(qtbot, window: MainWindow) -> None:
    model = window.spans.source

    def label_of(text: str) -> str:
        return model.data(model.index(model.row_of(span(window, text).id), 0))

    assert label_of("54") == "CASUALTY (suggested)"
    window.suggestions.accept(span(window, "54").id)
    assert label_of("54") == "CASUALTY"


def test_the_document_list_counts_confirmed_spans_and_pending_suggestions(qtbot, window: MainWindow) -> None:
    queue = window.queue.model
    count = queue.index(0, queue.COLUMNS.index("spans"))
    pending = len(pending_texts(window))
    assert queue.data(count) == f"0 + {pending}"
    assert queue.data(count, Qt.ItemDataRole.ToolTipRole) == f"0 span(s), {pending} suggestion(s) pending"
    window.session.select(span(window, "54").id)
    key(qtbot, window, Qt.Key.Key_Return)
    assert queue.data(count) == f"1 + {pending - 1}"
    with Project.open(window.project.path, readonly=True) as project:
        summary = project.document_summary(project.document_ids()[0])
    assert (summary.span_count, summary.suggestion_count) == (1, pending - 1)
