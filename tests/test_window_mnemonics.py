"""Alt letters of the attribute form in the Arabic interface: Latin, the same as in English, so
they work on a Latin keyboard layout (and on an Arabic one, where Qt also tries the Latin letter
of the key); shown after the Arabic name, «قتلى (K)»; none shared with a menu of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QSpinBox

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language, use_digits
from ui.settings import Settings
from ui.widgets.attribute_form import ARABIC_KEYBOARD, mnemonic_text

TEXT = "قُتِلَ 28 مدنيا في قصف على بلدة الباغوز بدير الزور."


def letter_of(text: str) -> str:
    return text[text.index("&") + 1].lower()


def form_letters(qtbot, tmp_path: Path, language: str) -> tuple[MainWindow, dict[str, str]]:
    """A window in ``language`` with a casualty figure selected, and the Alt letter of each field:
    choices by their stored value, the number boxes by their attribute."""
    app = QApplication.instance()
    install_language(app, language)
    project = Project.create(tmp_path / f"{language}.db", coder="amal")
    project.add_document(TEXT, key="a", title="قصف")
    window = MainWindow(project, Settings(language=language, auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    start = TEXT.index("28")
    window.view.select_text(start, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    # The form has more fields than the alphabet has free letters: the last few have none.
    letters = {str(b.property("choice")): letter_of(b.text()) for b in window.form.findChildren(QRadioButton)
               if "&" in b.text()}
    for label in window.form.findChildren(QLabel):
        if isinstance(label.buddy(), QSpinBox) and "&" in label.text():
            letters[label.text().replace("&", "")] = letter_of(label.text())
    return window, letters


@pytest.fixture
def restore_english():
    yield
    install_language(QApplication.instance(), "en")
    use_digits("")


def test_the_arabic_form_has_latin_alt_letters_that_pick_its_choices(qtbot, tmp_path: Path, restore_english) -> None:
    arabic, arabic_letters = form_letters(qtbot, tmp_path, "ar")
    assert len(arabic_letters) >= 12
    assert all(letter.isascii() and letter.isalpha() for letter in arabic_letters.values()), arabic_letters
    assert len(set(arabic_letters.values())) == len(arabic_letters)  # one field per letter
    status = arabic.project.codebook.label("CASUALTY").attribute("status")
    assert status is not None
    for choice in ("killed", "injured"):  # each from its English name, so a coder of both reads one letter
        assert arabic_letters[choice] in status.choice_name(choice, "en")
    killed = next(b for b in arabic.form.findChildren(QRadioButton) if b.property("choice") == "killed")
    assert killed.text() == f"قتلى (&{arabic_letters['killed'].upper()})"

    # No letter a menu answers to, on either layout.
    menu_letters = set()
    for action in arabic.menuBar().actions():
        if "&" in action.text():
            letter = letter_of(action.text())
            menu_letters |= {letter, ARABIC_KEYBOARD.get(letter, letter)}
    assert not set(arabic_letters.values()) & menu_letters

    # Alt+the Latin letter picks the Arabic choice.
    span = arabic.session.selected
    assert span is not None
    arabic.activateWindow()  # mnemonics answer in the active window
    qtbot.waitUntil(arabic.isActiveWindow)
    for choice in ("injured", "killed"):
        arabic.view.setFocus()
        qtbot.keyClick(arabic.view, getattr(Qt.Key, f"Key_{arabic_letters[choice].upper()}"), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda choice=choice: arabic.session.spans[span.id].attrs.get("status") == choice)
    arabic.close()


def test_mnemonic_text_keeps_english_as_it_was() -> None:
    used: set[str] = set()
    assert mnemonic_text("killed", "killed", used) == "&killed"
    assert mnemonic_text("قتلى", "killed", used) == "قتلى (&I)"  # k is taken by the first
    assert mnemonic_text("؟؟", "", used) == "؟؟"  # nothing to take a letter from


RAID = "قتل 54 شخصاً في غارة للتحالف على الباغوز فوقاني أمس الخميس، والتحالف يلمح لمسؤوليته."


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_span_form_and_the_event_form_share_no_alt_letter(qtbot, tmp_path: Path, language: str,
                                                              restore_english) -> None:
    """Both forms are on screen with an event current: a letter in both would only move the focus
    between them (Qt's ambiguous shortcut), never pick a choice."""
    install_language(QApplication.instance(), language)
    project = Project.create(tmp_path / "e.db", coder="amal")
    doc, _, _ = project.add_document(RAID, key="a", title="غارة")
    spans = {}
    for label, words in (("CASUALTY", "54"), ("ACTOR", "للتحالف")):
        start = RAID.index(words)
        spans[label] = project.add_annotation(doc.id, label, start, start + len(words))
    event = project.add_event(doc.id, "ATTACK", slots={"casualties": [spans["CASUALTY"].id]})
    window = MainWindow(project, Settings(language=language, auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.session.select_event(event.id)
    for label in ("CASUALTY", "ACTOR", "CASUALTY"):
        window.session.select(spans[label].id)
        assert window.form.letters() and not window.form.letters() & window.events.form.letters(), label

    # With an actor selected there are letters left for the event: Alt+one picks the event's choice.
    window.session.select(spans["ACTOR"].id)
    button = next(b for b in window.events.form.findChildren(QRadioButton) if "&" in b.text())
    letter = letter_of(button.text())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    choice = button.property("choice")
    qtbot.waitUntil(lambda: choice in window.session.events[event.id].attrs.values())
    window.close()
