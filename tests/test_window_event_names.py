"""In the Arabic interface the event form, the events hint, the keys help, the status bar and the
undo texts name event types, roles and labels by the codebook's display names (هجوم, منفذ),
never by their identifiers (ATTACK, perpetrator); the file keeps the identifiers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_window_events import TEXT, open_window, select

import ui.coder.dialogs
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language, use_digits

IDENTIFIERS = re.compile(r"\b(ATTACK|ACTOR|PLACE|CASUALTY|DATE|perpetrator|target|place|casualties|source|date)\b")


@pytest.fixture
def arabic_window(qtbot, tmp_path: Path):
    app = QApplication.instance()
    install_language(app, "ar")
    use_digits("")
    project = Project.create(tmp_path / "w.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة")
    window = open_window(qtbot, project)
    yield window
    window.close()
    install_language(app, "en")
    use_digits("")


def test_event_names_are_display_names_in_arabic(qtbot, arabic_window: MainWindow) -> None:
    window = arabic_window
    codebook = window.project.codebook
    attack = codebook.event_type("ATTACK")
    hint = window.events.hint.text()
    assert attack.display_name("ar") in hint and not IDENTIFIERS.search(hint), hint

    select(window, "للتحالف")
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.session.selected is not None
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert window.session.current_event is not None
    title, hint = window.events.form.title.text(), window.events.hint.text()
    assert attack.display_name("ar") in title and not IDENTIFIERS.search(title), title
    assert attack.role("perpetrator").display_name("ar") in hint and not IDENTIFIERS.search(hint), hint
    undo_text = window.session.undo_stack.undoText()
    assert attack.display_name("ar") in undo_text and "ATTACK" not in undo_text, undo_text

    # A role key with nothing selected names the role as the panel does.
    window.session.select(None)
    window.view.clear_selection()
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    message = window.statusBar().currentMessage()
    assert attack.role("place").display_name("ar") in message and not IDENTIFIERS.search(message), message

    help_text = re.sub(r"<[^>]*>", "", ui.coder.dialogs.keys_text(window))
    assert attack.display_name("ar") in help_text
    assert not IDENTIFIERS.search(help_text), IDENTIFIERS.search(help_text)

    with Project.open(window.project.path, readonly=True) as stored:
        assert [e.type for e in stored.events()] == ["ATTACK"]  # identifiers in the file
