"""Suggestions in the window: shown on first opening, accepted, rejected, all accepted, tag all; undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings

TEXT = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على بلدة الباغوز بريف دير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن الطائرات عادت إلى الباغوز مساءً."
)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "s.db", coder="amal")
    project.add_document(TEXT, key="a")
    win = MainWindow(project, Settings(auto_suggest=True))
    qtbot.addWidget(win)
    win.show()
    win.view.setFocus()
    yield win
    win.close()


def stored(window: MainWindow) -> dict[str, tuple[str, str]]:
    with Project.open(window.project.path, readonly=True) as project:
        return {a.text: (a.label, a.origin) for a in project.annotations()}


def select_span(window: MainWindow, text: str) -> None:
    window.session.select(next(a.id for a in window.session.spans.values() if a.text == text))


def test_suggestions_appear_when_a_document_is_first_opened(window: MainWindow) -> None:
    spans = stored(window)
    assert spans["54"] == ("CASUALTY", "suggested")
    assert spans["28"] == ("CASUALTY", "suggested")
    assert spans["ريف دير الزور"] == ("PLACE", "suggested")  # بريف دير الزور: the qualifier is part of the place
    assert all(origin == "suggested" for _, origin in spans.values())
    with Project.open(window.project.path, readonly=True) as project:
        assert window.spans.source.rowCount() == len(project.annotations())
    assert any(s.suggested for s in window.view.highlighter._spans)  # drawn dashed


def test_accept_with_enter_and_undo(qtbot, window: MainWindow) -> None:
    select_span(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert stored(window)["54"] == ("CASUALTY", "manual")
    with Project.open(window.project.path, readonly=True) as project:
        accepted = next(a for a in project.annotations() if a.text == "54")
    assert accepted.attrs["value"] == 54 and accepted.attrs["status"] == "killed"  # the attributes came along
    pending = len(window.suggestions.pending())
    assert _queue_count(window) == f"1 + {pending}"  # the document list counts the accepted span at once
    window.actions.undo.trigger()
    assert stored(window)["54"] == ("CASUALTY", "suggested")
    assert _queue_count(window) == f"0 + {pending + 1}"


def _queue_count(window: MainWindow) -> object:
    model = window.queue.model
    return model.data(model.index(0, model.COLUMNS.index("spans")))


def test_a_rejected_suggestion_does_not_come_back(qtbot, window: MainWindow) -> None:
    select_span(window, "28")
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert "28" not in stored(window)
    window.actions.suggest.trigger()
    assert "28" not in stored(window)
    window.actions.undo.trigger()
    assert stored(window)["28"] == ("CASUALTY", "suggested")


def test_accept_all_after_a_confirmation(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    count = len(stored(window))
    window.actions.accept_all.trigger()
    assert [origin for _, origin in stored(window).values()] == ["manual"] * count
    window.actions.undo.trigger()
    assert [origin for _, origin in stored(window).values()] == ["suggested"] * count


def test_tag_all_occurrences(qtbot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "t.db", coder="amal")
    project.add_document(TEXT, key="a")
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.view.setFocus()
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtbot.keyClick(window.view, Qt.Key.Key_T)
    with Project.open(window.project.path, readonly=True) as project:
        places = sorted((a.start, a.origin) for a in project.annotations() if a.label == "PLACE")
    assert places == [(start, "manual"), (TEXT.index("الباغوز", start + 1), "manual")]
    window.actions.undo.trigger()
    with Project.open(window.project.path, readonly=True) as project:
        assert [a.start for a in project.annotations() if a.label == "PLACE"] == [start]
    window.close()


def test_a_label_key_on_a_suggestion_takes_it(qtbot, window: MainWindow) -> None:
    start = TEXT.index("دير الزور")
    window.view.select_text(start, start + len("دير الزور"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert stored(window)["دير الزور"] == ("PLACE", "manual")
    start = TEXT.index("28")
    window.view.select_text(start, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # another label: the suggestion becomes the coder's ACTOR
    assert stored(window)["28"] == ("ACTOR", "manual")
    with Project.open(window.project.path, readonly=True) as project:
        assert len([a for a in project.annotations() if a.text == "28"]) == 1


def test_accept_and_reject_are_undone_and_redone(qtbot, window: MainWindow) -> None:
    select_span(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    select_span(window, "28")
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert (stored(window)["54"], "28" in stored(window)) == (("CASUALTY", "manual"), False)
    window.actions.undo.trigger()  # the rejection
    assert stored(window)["28"] == ("CASUALTY", "suggested")
    assert any(a.text == "28" for a in window.session.spans.values())
    window.actions.undo.trigger()  # the acceptance
    assert stored(window)["54"] == ("CASUALTY", "suggested")
    window.actions.redo.trigger()
    assert stored(window)["54"] == ("CASUALTY", "manual")
    window.actions.redo.trigger()
    assert "28" not in stored(window)
    assert not any(a.text == "28" for a in window.session.spans.values())
    assert window.spans.source.rowCount() == len(window.session.spans)


def test_running_the_suggesters_is_one_step_to_undo(qtbot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "u.db", coder="amal")
    project.add_document(TEXT, key="a")
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    assert stored(window) == {}
    with qtbot.waitSignal(window.session.changed) as blocker:
        window.actions.suggest.trigger()
    made = blocker.args[0].added
    assert {a.text for a in made} >= {"54", "28", "ريف دير الزور"} and all(a.origin == "suggested" for a in made)
    assert window.spans.source.rowCount() == len(made)
    window.actions.undo.trigger()
    assert stored(window) == {} and window.spans.source.rowCount() == 0
    window.actions.redo.trigger()
    assert set(stored(window)) == {a.text for a in made}
    assert window.spans.source.rowCount() == len(made)
    steps = window.session.undo_stack.count()
    window.actions.suggest.trigger()  # nothing new: no empty step to undo
    assert window.session.undo_stack.count() == steps
    window.close()


def test_tag_all_gives_way_to_a_wider_suggestion_and_undo_brings_it_back(qtbot, tmp_path: Path) -> None:
    text = "غارة على الباغوز، ثم قصف على الباغوز فوقاني."
    project = Project.create(tmp_path / "t.db", coder="amal")
    doc, _, _ = project.add_document(text, key="a")
    second = text.rindex("الباغوز")
    wider = project.add_annotation(doc.id, "PLACE", second, second + len("الباغوز فوقاني"), origin="suggested")
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.view.setFocus()
    start = text.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtbot.keyClick(window.view, Qt.Key.Key_T)
    shown = sorted((a.start, a.end, a.origin) for a in window.session.spans.values())
    assert shown == [(start, start + 7, "manual"), (second, second + 7, "manual")]
    assert window.spans.source.rowCount() == 2  # the span list dropped the suggestion too
    window.actions.undo.trigger()
    shown = sorted((a.start, a.end, a.origin) for a in window.session.spans.values())
    assert shown == [(start, start + 7, "manual"), (wider.start, wider.end, "suggested")]
    with Project.open(window.project.path, readonly=True) as reread:
        assert sorted((a.start, a.end) for a in reread.annotations()) == [(start, start + 7), (wider.start, wider.end)]
    window.actions.redo.trigger()
    assert wider.id not in window.session.spans
    window.close()
