"""The window says where a span came from: which suggester proposed a pending one, and that a
confirmed one was an accepted suggestion of that suggester (the span list's and the form's tooltips)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.models import Annotation, Origin
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.coder.span_list import SpanListModel
from ui.settings import Settings

TEXT = "قُتِلَ 54 شخصاً في غارة على بلدة الباغوز بريف دير الزور، وقال شهود إن الطائرات عادت مساءً."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "o.db", coder="amal")
    project.add_document(TEXT, key="a")
    win = MainWindow(project, Settings(auto_suggest=True))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def tooltip(window: MainWindow, text: str) -> str | None:
    model = window.spans.source
    annotation = next(a for a in window.session.spans.values() if a.text == text)
    return model.data(model.index(model.row_of(annotation.id), 0), Qt.ItemDataRole.ToolTipRole)


def test_the_span_list_names_the_suggester_before_and_after_accepting(qtbot, window: MainWindow) -> None:
    figure = next(a for a in window.session.spans.values() if a.text == "54")
    assert (figure.origin, figure.provenance) == (Origin.SUGGESTED, {"suggester": "casualty"})
    assert tooltip(window, "54") == "A suggestion: accept or reject it\nSuggested by: the casualty figure reader"

    window.suggestions.accept(figure.id)
    assert window.session.spans[figure.id].origin == Origin.MANUAL
    assert tooltip(window, "54") == "An accepted suggestion, made by: the casualty figure reader"
    with Project.open(window.project.path, readonly=True) as project:
        assert project.annotation(figure.id).provenance == {"suggester": "casualty"}

    window.session.undo_stack.undo()
    assert tooltip(window, "54") == "A suggestion: accept or reject it\nSuggested by: the casualty figure reader"


def test_a_span_typed_by_hand_says_nothing_of_suggesters(qtbot, window: MainWindow) -> None:
    start = TEXT.index("شهود")
    made = window.session.add_span("ACTOR", start, start + len("شهود"))
    assert made is not None and made.provenance is None
    assert tooltip(window, "شهود") is None


def test_an_unknown_suggester_is_named_as_stored(qtbot, window: MainWindow) -> None:
    model = SpanListModel(window.project.codebook)
    start = TEXT.index("الطائرات")
    model.reset([Annotation(id="x", doc_id=1, coder="amal", label="ACTOR", start=start, end=start + 8,
                            text="الطائرات", origin=Origin.SUGGESTED, provenance={"suggester": "rules-2027"})])
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert shown == "A suggestion: accept or reject it\nSuggested by: rules-2027"


def test_the_form_names_the_suggester_of_the_selected_suggestion(qtbot, window: MainWindow) -> None:
    figure = next(a for a in window.session.spans.values() if a.text == "54")
    window.session.select(figure.id)
    assert window.form.suggestion.toolTip() == "Suggested by: the casualty figure reader"
    window.suggestions.accept(figure.id)
    window.session.select(figure.id)
    assert window.form.suggestion.toolTip() == ""
