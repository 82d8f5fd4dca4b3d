"""The window keeps its layout while the coder works: selecting, deselecting and relabelling spans,
or opening an event, never changes the width of a panel, so the article does not re-wrap under the
mouse. Shown at a fixed size offscreen; the widths are compared in pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget, QRadioButton

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.coder.span_panel import LIST_ROWS
from ui.settings import Settings

TEXT = (
    "قتل 54 شخصاً بينهم 28 مدنياً في غارة للتحالف الدولي على بلدة الباغوز فوقاني بريف دير الزور الشرقي "
    "أمس الخميس، وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا بجروح متفاوتة الخطورة."
)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "layout.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة على الباغوز")
    win = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def tag(window: MainWindow, label: str, words: str) -> str:
    start = TEXT.index(words)
    made = window.session.add_span(label, start, start + len(words))
    assert made is not None
    return made.id


def dock(window: MainWindow, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert found is not None
    return found


def widths(window: MainWindow) -> tuple[int, ...]:
    QApplication.processEvents()
    window.centralWidget().layout().activate()
    QApplication.processEvents()
    return window.view.width(), *(dock(window, name).width() for name in ("documents", "span", "events"))


def test_the_span_panel_fits_the_widest_form_of_the_codebook(window: MainWindow) -> None:
    """Wide enough from the start for every label's form, so no label needs a sideways scroll."""
    for label, words in (("ACTOR", "المرصد السوري"), ("PLACE", "الباغوز فوقاني"), ("CASUALTY", "28 مدنياً")):
        window.session.select(tag(window, label, words))
        QApplication.processEvents()
        assert window.form.minimumSizeHint().width() <= window.form.width(), label


def test_selecting_spans_of_each_label_keeps_every_panel_width(qtbot, window: MainWindow) -> None:
    actor = tag(window, "ACTOR", "المرصد السوري")
    place = tag(window, "PLACE", "الباغوز فوقاني")
    casualty = tag(window, "CASUALTY", "28 مدنياً")
    window.session.select(None)
    before = widths(window)
    for span in (casualty, actor, place, None, casualty, None):
        window.session.select(span)
        assert widths(window) == before, f"after selecting {span}"
    window.session.select(casualty)
    window.session.relabel(casualty, "ACTOR")
    assert widths(window) == before
    window.session.select(None)
    assert widths(window) == before


def test_opening_an_event_keeps_the_article_width(qtbot, window: MainWindow) -> None:
    tag(window, "PLACE", "الباغوز فوقاني")
    window.session.select(None)
    before = widths(window)
    event_type = window.project.codebook.event_types[0].name
    assert window.session.start_event(event_type) is not None
    assert widths(window) == before
    window.session.select_event(None)
    assert widths(window) == before


def test_the_span_list_keeps_its_rows_under_a_casualty_form_at_1366x768(qtbot, window: MainWindow) -> None:
    """A casualty figure's form is taller than the dock: the form scrolls, so every field can be
    reached, and the list keeps its rows. (Laid out plainly one of the two lost: under Xvfb the
    list showed one row; offscreen the form was cut off below its third field.)"""
    for label, words in (("ACTOR", "المرصد السوري"), ("PLACE", "الباغوز فوقاني"), ("CASUALTY", "54 شخصاً")):
        made = tag(window, label, words)
    window.session.select(made)
    form = window.form
    for _ in range(3):  # the new fields laid out, and the dock after them
        QApplication.processEvents()
    spans = window.spans
    assert spans.viewport().height() >= LIST_ROWS * spans.verticalHeader().defaultSectionSize()
    buttons = form.findChildren(QRadioButton)
    assert len(buttons) > 10
    assert all(b.height() >= b.minimumSizeHint().height() for b in buttons)  # no field squashed
    # The last choice of the form comes into view when it takes the focus (as by its Alt letter).
    target = buttons[-1]
    target.setFocus()
    qtbot.waitUntil(lambda: target.visibleRegion().boundingRect().height() >= target.height() > 0)


def test_the_event_tree_gets_the_events_dock_when_no_event_is_current(qtbot, window: MainWindow) -> None:
    """Without a current event the event form is one line; the tree above it gets the height."""
    for _ in range(3):
        QApplication.processEvents()
    tree, form = window.events.tree, window.events.form
    assert window.session.current_event is None
    assert form.height() <= 2 * form.title.sizeHint().height() + 24
    assert tree.height() > 2 * form.height()
