"""Ctrl+Enter on a document with loose ends asks first: mark done anyway, go to the first, or stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from coder_window import shown_coder_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.done_checks import DoneProblem, Problem
from annotator.models import Annotation
from annotator.store.project import Project
from ui.coder.done_warning import problem_lines
from ui.coder.main_window import MainWindow
from ui.i18n import use_digits

TEXT = "قُتِلَ 28 مدنيا في قصف على بلدة الباغوز بدير الزور."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = shown_coder_window(qtbot, tmp_path, TEXT, "قصف")
    yield win
    win.close()


def status_of(window: MainWindow, key: str) -> str:
    with Project.open(window.project.path, readonly=True) as project:
        return project.status(project.document_by_key(key).id).status


def answer_with(button_text: str, seen: list[str]) -> Callable[[], None]:
    """Press a button of the question once it is up, noting what it said."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    return press


def tag_28_as_30(qtbot, window: MainWindow) -> None:
    start = TEXT.index("28 مدنيا")
    window.view.select_text(start, start + len("28 مدنيا"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    span = window.session.selected
    window.session.update_span(span.id, attrs={**span.attrs, "value": 30})


def test_a_contradicted_value_is_told_and_gone_to(qtbot, window: MainWindow) -> None:
    tag_28_as_30(qtbot, window)
    window.session.select(None)
    seen: list[str] = []
    QTimer.singleShot(0, answer_with("Go to the first", seen))
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "«28 مدنيا»: value 30, but the text reads 28" in seen[0]
    assert window.session.document.key == "a" and status_of(window, "a") == "in_progress"
    assert window.session.selected is not None and window.session.selected.text == "28 مدنيا"


def test_pending_suggestions_are_counted_and_done_anyway_marks_it(qtbot, window: MainWindow) -> None:
    window.actions.suggest.trigger()
    qtbot.waitUntil(lambda: any(a.origin == "suggested" for a in window.session.spans.values()))
    pending = sum(a.origin == "suggested" for a in window.session.spans.values())
    events = sum(e.origin == "suggested" for e in window.session.events.values())
    seen: list[str] = []
    QTimer.singleShot(0, answer_with("Mark done anyway", seen))
    window.actions.done.trigger()
    assert f"{pending} suggestion" in seen[0]
    assert events and f"{events} suggested event" in seen[0]
    assert status_of(window, "a") == "done" and window.session.document.key == "b"


def test_cancel_leaves_the_document_as_it_was(qtbot, window: MainWindow) -> None:
    tag_28_as_30(qtbot, window)
    seen: list[str] = []
    QTimer.singleShot(0, answer_with("Cancel", seen))
    window.actions.done.trigger()
    assert seen and status_of(window, "a") == "in_progress" and window.session.document.key == "a"


def test_a_document_without_loose_ends_is_marked_at_once(qtbot, window: MainWindow) -> None:
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    window.actions.done.trigger()
    assert status_of(window, "a") == "done" and window.session.document.key == "b"


def test_go_to_a_suggested_event(qtbot, window: MainWindow) -> None:
    window.actions.suggest.trigger()
    qtbot.waitUntil(lambda: any(e.origin == "suggested" for e in window.session.events.values()))
    for span in [a for a in window.session.spans.values() if a.origin == "suggested"]:
        window.session.delete_span(span.id, with_slots=True)  # rejected, leaving only the event
    window.session.select_event(None)
    QTimer.singleShot(0, answer_with("Go to the first", []))
    window.actions.done.trigger()
    event = window.session.current_event
    assert event is not None and event.origin == "suggested"
    assert status_of(window, "a") == "in_progress"


def test_the_warning_writes_its_counts_in_the_chosen_digits(qapp) -> None:
    """Qt writes %n in Latin digits in every language: the warning writes them as the window does."""
    def span(number: int) -> Annotation:
        return Annotation(id=f"s{number}", doc_id=1, coder="amal", label="CASUALTY", start=0, end=2, text="28",
                          attrs={"value": 30})

    problems = [DoneProblem(Problem.PENDING_SUGGESTION, span(n)) for n in range(47)]
    problems.append(DoneProblem(Problem.VALUE_DIFFERS, span(99), ("28",)))
    try:
        use_digits("arabic-indic")
        lines = "\n".join(problem_lines(problems))
        assert "٤٧ suggestion" in lines and "value ٣٠, but the text reads ٢٨" in lines
        assert "«28»" in lines  # the span's words as written
    finally:
        use_digits("")


def test_the_arabic_warning_is_arabic_whatever_the_count(qapp) -> None:
    """The counted lines are found in the Arabic catalogue for every count (a numerus lookup
    missed them, so the warning came out in English)."""
    from ui.i18n import install_language

    install_language(qapp, "ar")
    try:
        for count in (1, 2, 5, 47, 130):
            problems = [
                DoneProblem(Problem.PENDING_SUGGESTION, Annotation(
                    id=f"s{n}", doc_id=1, coder="amal", label="CASUALTY", start=0, end=2, text="28", attrs={}
                ))
                for n in range(count)
            ]
            lines = problem_lines(problems)
            assert "suggestion" not in lines[0] and "اقتراح" in lines[0], lines
    finally:
        install_language(qapp, "en")
