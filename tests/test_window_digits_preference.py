"""The digits preference in the Preferences dialog: chosen there, it applies at once to every
number the open windows write (status bar, lists, number boxes, the adjudication window's
figures), and it is saved. The adjudication window writes its figures in those digits and its
labels and attributes by their display names, as the coder's window does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QSpinBox
from test_window_adjudication import merged  # noqa: F401  (fixture)

import ui.coder.preferences
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language, use_digits
from ui.lead.window import AGREEMENT, AdjudicationWindow
from ui.settings import Settings, settings_path

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور."
LATIN, ARABIC_INDIC = re.compile("[0-9]"), re.compile("[٠-٩]")


def plain(text: str) -> str:
    """Rich text without its tags (a colour like #DC2626 is no number the reader sees)."""
    return re.sub(r"<[^>]*>", "", text)


@pytest.fixture
def arabic():
    app = QApplication.instance()
    install_language(app, "ar")
    use_digits("")
    yield
    install_language(app, "en")
    use_digits("")


def choose_digits(monkeypatch, window: MainWindow, style: str) -> None:
    """Preferences, as the coder would: pick the digits and press OK."""
    def pick(dialog: QDialog) -> int:
        boxes = [box for box in dialog.findChildren(QComboBox) if box.findData("latin") >= 0]
        assert len(boxes) == 1
        boxes[0].setCurrentIndex(boxes[0].findData(style))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", pick)
    ui.coder.preferences.preferences(window)


def numbers_shown(window: MainWindow) -> dict[str, str]:
    queue, spans = window.queue.model, window.spans.proxy
    return {
        "status bar": window.progress.text(),
        "document list": queue.data(queue.index(0, queue.COLUMNS.index("spans"))),
        "number box": window.form.findChildren(QSpinBox)[0].text(),
        "span position": spans.data(spans.index(0, 3)),
    }


def test_digits_chosen_in_preferences_apply_at_once_and_are_saved(qtbot, tmp_path: Path, arabic, monkeypatch) -> None:
    project = Project.create(tmp_path / "w.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة")
    settings = Settings(language="ar", auto_suggest=False)
    window = MainWindow(project, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    start = TEXT.index("54")
    window.view.select_text(start, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert window.form.findChildren(QSpinBox)[0].value() == 54
    casualty = window.session.selected_id
    for place, text in numbers_shown(window).items():  # Arabic's own digits to begin with
        assert ARABIC_INDIC.search(text) and not LATIN.search(text), (place, text)

    choose_digits(monkeypatch, window, "latin")
    for place, text in numbers_shown(window).items():
        assert LATIN.search(text) and not ARABIC_INDIC.search(text), (place, text)
    assert window.form.findChildren(QSpinBox)[0].value() == 54
    assert settings.digits == "latin"
    assert json.loads(settings_path().read_text(encoding="utf-8"))["digits"] == "latin"
    # Sorted by position as numbers, whatever the digits: «54» (at 7) before «الباغوز» (at 30), though "30" < "7".
    place = TEXT.index("الباغوز")
    assert window.session.add_span("PLACE", place, place + len("الباغوز")) is not None
    spans = window.spans.proxy
    assert [spans.data(spans.index(row, 1)) for row in range(2)] == ["54", "الباغوز"]
    window.session.select(casualty)

    choose_digits(monkeypatch, window, "arabic-indic")
    for place, text in numbers_shown(window).items():
        assert ARABIC_INDIC.search(text) and not LATIN.search(text), (place, text)
    window.close()
    project.close()


def lead_figures(window: AdjudicationWindow) -> dict[str, str]:
    model = window.versions.model_
    return {
        "facts": plain(window.facts.text()),
        "place": plain(window.place_title.text()),
        "status bar": window.progress.text(),
        "button": window.put_agreed.text(),
        "queue": window.queue.summary.text(),
        "version key": model.data(model.index(0, 0)),
    }


def test_the_adjudication_window_in_arabic_digits_and_display_names(qtbot, merged: Path, arabic) -> None:  # noqa: F811
    with Project.open(merged) as project:
        window = AdjudicationWindow(project, Settings(language="ar"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.session.select_place(0)
        for place, text in lead_figures(window).items():
            assert ARABIC_INDIC.search(text) and not LATIN.search(text), (place, text)
        codebook = project.codebook
        for label in codebook.labels:  # the legend names the labels as the form does
            assert label.display_name("ar") in window.facts.text()
            assert label.display_name("ar") != label.name
        model = window.versions.model_
        names = {label.display_name("ar") for label in codebook.labels}
        shown = [model.data(model.index(row, model.COLUMNS.index("label"))) for row in range(model.rowCount())]
        assert shown and all(name.rstrip(" ⚠") in names for name in shown), shown

        use_digits("latin")  # as the Preferences dialog does: at once
        for place, text in lead_figures(window).items():
            assert LATIN.search(text) and not ARABIC_INDIC.search(text), (place, text)


def test_the_agreement_figures_follow_the_digits(qtbot, merged: Path, arabic) -> None:  # noqa: F811
    with Project.open(merged) as project:
        window = AdjudicationWindow(project, Settings(language="ar"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.tabs.setCurrentIndex(AGREEMENT)
        pairs = window.dashboard.pairs
        figure = pairs.item(0, 3).text()
        assert ARABIC_INDIC.search(figure) and not LATIN.search(figure), figure
        summary = plain(window.dashboard.summary.text())
        assert ARABIC_INDIC.search(summary) and not LATIN.search(summary), summary
        use_digits("latin")
        figure = window.dashboard.pairs.item(0, 3).text()
        assert LATIN.search(figure) and not ARABIC_INDIC.search(figure), figure


def test_the_agreement_tables_name_labels_by_their_display_names(qtbot, merged: Path, arabic) -> None:  # noqa: F811
    with Project.open(merged) as project:
        window = AdjudicationWindow(project, Settings(language="ar"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.tabs.setCurrentIndex(AGREEMENT)
        labels = window.dashboard.labels
        shown = {labels.item(row, 0).text() for row in range(labels.rowCount())}
        names = {label.display_name("ar") for label in project.codebook.labels}
        assert shown and shown <= names, shown
        attributes = window.dashboard.attributes
        first = [attributes.item(row, 1).text() for row in range(attributes.rowCount())]
        assert first and not set(first) & {"value", "status", "kind", "canonical", "role"}, first
        assert {g.name for g in window.dashboard.chart.groups} <= names
