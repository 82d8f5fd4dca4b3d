"""A coder's day, by keyboard, end to end: open a project, tag twenty spans with the label keys,
fill attributes with Alt+letter, take and refuse suggestions, search, mark documents done, close,
and reopen to find it all in the file and the window back on the last document viewed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from annotator.models import Origin
from annotator.store.project import Project
from ui.coder import done_warning
from ui.coder.main_window import MainWindow
from ui.settings import Settings, load_settings

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier

ARTICLES = {
    "kafranbel": (
        "قصف على كفرنبل",
        "قتل 12 مدنياً بينهم أربعة أطفال في قصف جوي استهدف سوقاً شعبياً في بلدة كفرنبل بريف إدلب الجنوبي "
        "صباح أمس الأحد، وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض.",
    ),
    "raqqa": (
        "انفجار في الرقة",
        "أصيب 7 أشخاص بجروح في انفجار عبوة ناسفة قرب دوار النعيم وسط مدينة الرقة يوم الجمعة، "
        "واتهمت قوات سوريا الديمقراطية خلايا تنظيم الدولة الإسلامية بالوقوف وراء التفجير.",
    ),
    "deir": (
        "غارة على الباغوز",
        "قتل 54 شخصاً في غارة لطائرات التحالف الدولي على بلدة الباغوز بريف دير الزور الشرقي أول أمس، "
        "وأكد المرصد السوري لحقوق الإنسان أن بين القتلى عشرة مقاتلين، فيما نزح مئات المدنيين نحو مدينة الميادين.",
    ),
}

# (document, label key, words): twenty spans, each tagged by selecting the words and pressing the key.
TAGS: list[tuple[str, Qt.Key, str]] = [
    ("kafranbel", Qt.Key.Key_C, "12"),
    ("kafranbel", Qt.Key.Key_C, "أربعة"),
    ("kafranbel", Qt.Key.Key_P, "كفرنبل"),
    ("kafranbel", Qt.Key.Key_P, "إدلب"),
    ("kafranbel", Qt.Key.Key_D, "صباح أمس الأحد"),
    ("kafranbel", Qt.Key.Key_A, "الدفاع المدني"),
    ("kafranbel", Qt.Key.Key_P, "سوقاً شعبياً"),
    ("raqqa", Qt.Key.Key_C, "7"),
    ("raqqa", Qt.Key.Key_P, "دوار النعيم"),
    ("raqqa", Qt.Key.Key_P, "الرقة"),
    ("raqqa", Qt.Key.Key_D, "يوم الجمعة"),
    ("raqqa", Qt.Key.Key_A, "قوات سوريا الديمقراطية"),
    ("raqqa", Qt.Key.Key_A, "تنظيم الدولة الإسلامية"),
    ("raqqa", Qt.Key.Key_A, "خلايا"),
    ("deir", Qt.Key.Key_C, "54"),
    ("deir", Qt.Key.Key_A, "التحالف الدولي"),
    ("deir", Qt.Key.Key_P, "الباغوز"),
    ("deir", Qt.Key.Key_D, "أول أمس"),
    ("deir", Qt.Key.Key_A, "المرصد السوري لحقوق الإنسان"),
    ("deir", Qt.Key.Key_C, "عشرة"),
]
LABELS = {Qt.Key.Key_A: "ACTOR", Qt.Key.Key_P: "PLACE", Qt.Key.Key_C: "CASUALTY", Qt.Key.Key_D: "DATE"}
# Attributes filled with Alt+letter on the choice buttons, after the span is tagged.
CHOICES = {
    "12": {"status": "killed", "victims": "civilians"},
    "أربعة": {"status": "killed", "victims": "children"},
    "7": {"status": "injured"},
    "54": {"status": "killed"},
    "عشرة": {"status": "killed", "victims": "combatants"},
    "الدفاع المدني": {"role": "claimant", "kind": "organisation"},
    "تنظيم الدولة الإسلامية": {"role": "perpetrator"},
    "التحالف الدولي": {"role": "perpetrator", "kind": "international_coalition"},
    "كفرنبل": {"kind": "town"},
    "إدلب": {"kind": "governorate"},
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    project = Project.create(tmp_path / "يوم.db", coder="amal")
    for key, (title, text) in ARTICLES.items():
        project.add_document(text, key=key, title=title)
    project.close()
    return tmp_path / "يوم.db"


def open_window(qtbot, path: Path, settings: Settings) -> MainWindow:
    window = MainWindow(Project.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window


def press(qtbot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifier)


def choose(qtbot, window: MainWindow, attribute: str, choice: str) -> None:
    """Alt+the letter the form underlines in the choice's button, as a coder reads it off the screen."""
    caption = choice.replace("_", " ")

    def shown() -> QRadioButton | None:
        return next((b for b in window.form.findChildren(QRadioButton) if b.isVisible() and b.text().replace("&", "") == caption), None)

    qtbot.waitUntil(lambda: shown() is not None)
    button = shown()
    assert button is not None
    letter = button.text()[button.text().index("&") + 1]
    press(qtbot, window, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
    span = window.session.selected
    assert span is not None
    qtbot.waitUntil(lambda: window.session.spans[span.id].attrs.get(attribute) == choice)


def tag(qtbot, window: MainWindow, key: Qt.Key, words: str) -> None:
    text = window.session.document.text
    start = text.index(words)
    window.view.select_text(start, start + len(words))
    press(qtbot, window, key)
    qtbot.waitUntil(lambda: window.session.selected is not None and window.session.selected.text == words)
    for attribute, choice in CHOICES.get(words, {}).items():
        choose(qtbot, window, attribute, choice)
    window.view.setFocus()


def test_a_coders_day_by_keyboard_survives_closing_and_reopening(qtbot, path: Path, monkeypatch) -> None:
    warned: list[int] = []

    def mark_done_anyway(parent, problems) -> done_warning.Answer:
        warned.append(len(problems))
        return done_warning.Answer.DONE

    monkeypatch.setattr(done_warning, "ask", mark_done_anyway)
    window = open_window(qtbot, path, Settings(auto_suggest=False))
    assert window.session.document.key == "kafranbel"

    # Twenty spans, document by document (Ctrl+PgDown to the next).
    for key in ARTICLES:
        if window.session.document.key != key:
            press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
            qtbot.waitUntil(lambda key=key: window.session.document.key == key)
        for _doc, label_key, words in (t for t in TAGS if t[0] == key):
            tag(qtbot, window, label_key, words)

    # Suggestions on the last article: ] goes to the first, Enter takes it, X refuses the next.
    press(qtbot, window, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: sum(a.origin == Origin.SUGGESTED for a in window.session.spans.values()) >= 2)
    window.session.select(None)
    press(qtbot, window, Qt.Key.Key_BracketRight)
    accepted = window.session.selected
    assert accepted is not None and accepted.origin == Origin.SUGGESTED
    press(qtbot, window, Qt.Key.Key_Return)
    refused = window.session.selected
    assert refused is not None and refused.origin == Origin.SUGGESTED and refused.id != accepted.id
    press(qtbot, window, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: refused.id not in window.session.spans)

    # Done with the last article, loose ends (the pending suggestions) or not; it stays open, the last.
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert warned and warned[-1] >= 1
    qtbot.waitUntil(lambda: window.project.status(window.session.document.id).status == "done")

    # Search for the first article and mark it done too.
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(window.queue.search_box.hasFocus)
    window.queue.search_box.insert("كفرنبل")  # as typed: QTest types only ASCII
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.document.key == "kafranbel" and window.view.hasFocus())
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.project.status(window.project.document_by_key("kafranbel").id).status == "done")

    # Clear the search and go on to the second article, which the day ends on.
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(window.queue.search_box.hasFocus)
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(window.queue.search_box, Qt.Key.Key_Backspace)
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.queue.table.model().rowCount() == len(ARTICLES))
    if window.session.document.key != "raqqa":
        press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: window.session.document.key == "raqqa")
    last_viewed = window.session.document.key
    window.close()

    with Project.open(path, readonly=True) as project:
        keys = {project.document_by_key(key).id: key for key in ARTICLES}
        stored = {(keys[a.doc_id], a.text): a for a in project.annotations()}
        for key, label_key, words in TAGS:
            span = stored[(key, words)]
            assert span.label == LABELS[label_key] and span.origin == Origin.MANUAL, words
            assert CHOICES.get(words, {}).items() <= span.attrs.items(), words
        assert stored[("kafranbel", "12")].attrs["value"] == 12
        assert stored[("deir", accepted.text)].origin == Origin.MANUAL
        assert project.is_rejected(refused.doc_id, "amal", refused.label, refused.start, refused.end)
        statuses = {key: project.status(doc_id).status for doc_id, key in keys.items()}
    assert statuses == {"kafranbel": "done", "raqqa": "in_progress", "deir": "done"}

    saved, _warning = load_settings()
    again = open_window(qtbot, path, saved)
    assert again.session.document.key == last_viewed
    assert len([a for a in again.session.spans.values() if a.origin == Origin.MANUAL]) == sum(
        1 for t in TAGS if t[0] == last_viewed
    )
    again.close()
