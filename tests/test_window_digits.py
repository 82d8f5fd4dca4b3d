"""One digit style in the window, from the digits preference: the status bar, the document
list's counts and the form's number boxes all write numbers the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language, number_text, use_digits
from ui.settings import Settings

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور."
LATIN, ARABIC_INDIC = re.compile("[0-9]"), re.compile("[٠-٩]")


@pytest.mark.parametrize(("digits", "wanted", "unwanted"), [("arabic-indic", ARABIC_INDIC, LATIN),
                                                            ("latin", LATIN, ARABIC_INDIC)])
def test_the_arabic_window_writes_numbers_in_the_chosen_digits(qtbot, tmp_path: Path, digits: str,
                                                                wanted: re.Pattern[str], unwanted: re.Pattern[str]) -> None:
    app = QApplication.instance()
    install_language(app, "ar")
    try:
        project = Project.create(tmp_path / "w.db", coder="amal")
        project.add_document(TEXT, key="a", title="غارة")
        project.add_document("وقالت وزارة الدفاع إن ثمانية عناصر قتلوا.", key="b", title="بيان")
        window = MainWindow(project, Settings(language="ar", digits=digits, auto_suggest=False))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        start = TEXT.index("54")
        window.view.select_text(start, start + 2)
        qtbot.keyClick(window.view, Qt.Key.Key_C)
        model = window.queue.model
        qtbot.waitUntil(lambda: model.data(model.index(0, 3)) not in (None, 0, "0", "٠"))

        shown = {
            "status bar": window.progress.text(),
            "document list": model.data(model.index(0, 3)),
            "count tooltip": model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole),
            "number box": window.form.findChildren(QSpinBox)[0].text(),
        }
        for place, text in shown.items():
            assert isinstance(text, str), place
            assert wanted.search(text) and not unwanted.search(text), (place, text)
        assert window.form.findChildren(QSpinBox)[0].value() == 54
        window.close()
    finally:
        install_language(app, "en")
        use_digits("")


def test_digits_follow_the_language_unless_chosen() -> None:
    app = QApplication.instance()
    try:
        install_language(app, "ar")
        use_digits("")
        assert number_text(2024) == "٢٬٠٢٤"
        use_digits("latin")
        assert number_text(2024) == "2,024"
        install_language(app, "en")
        use_digits("")
        assert number_text(30) == "30"
        use_digits("arabic-indic")
        assert number_text(30) == "٣٠"
    finally:
        install_language(app, "en")
        use_digits("")
