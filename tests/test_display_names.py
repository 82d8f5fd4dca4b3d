"""Codebook display names: the Arabic window shows them, the file keeps the identifiers."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from annotator.codebook_reading import default_codebook, load_codebook
from annotator.errors import InputError
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language
from ui.settings import Settings

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور."

CODEBOOK = """name = "news"

[[labels]]
name = "CASUALTY"
color = "#EF4444"
key = "c"
display = { en = "Casualty", ar = "حصيلة ضحايا" }

  [[labels.attributes]]
  name = "status"
  type = "choice"
  choices = ["killed", "injured"]
  display = { ar = "الحالة" }
  choice_display = { killed = { ar = "قتلى" }, kiled = { ar = "قتلى" } }
"""


@pytest.fixture
def arabic_window(qtbot, tmp_path: Path):
    app = QApplication.instance()
    install_language(app, "ar")
    project = Project.create(tmp_path / "w.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة")
    window = MainWindow(project, Settings(language="ar", auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    try:
        yield window
    finally:
        window.close()
        install_language(app, "en")


def shown_name(text: str) -> str:
    """A field's or choice's name without its Alt letter."""
    return re.sub(r" \(&[A-Z]\)", "", text).replace("&", "")


def test_the_arabic_window_shows_display_names_and_stores_identifiers(qtbot, arabic_window: MainWindow) -> None:
    start = TEXT.index("54")
    arabic_window.view.select_text(start, start + 2)
    qtbot.keyClick(arabic_window.view, Qt.Key.Key_C)
    form = arabic_window.form
    buttons = {b.property("choice"): b for b in form.findChildren(QRadioButton)}
    qtbot.waitUntil(buttons["civilians"].isVisible)  # fields made for a new label are shown on the next turn
    buttons["civilians"].click()  # the offscreen screen leaves the form no room for a mouse click
    model = arabic_window.spans.source
    qtbot.waitUntil(lambda: "مدنيون" in model.data(model.index(0, 2)))

    # The Arabic name, then its Latin Alt letter when it has one («قتلى (K)»: tests/test_window_mnemonics.py).
    assert shown_name(buttons["killed"].text()) == "قتلى" and buttons["killed"].isChecked()
    assert shown_name(buttons["civilians"].text()) == "مدنيون"
    assert form.title.text().startswith("حصيلة ضحايا")
    assert form.label_box.currentText() == "حصيلة ضحايا"
    captions = [shown_name(form.fields_layout.itemAt(row, form.fields_layout.ItemRole.LabelRole).widget().text())
                for row in range(form.fields_layout.rowCount())]
    assert "الضحايا" in captions and "victims" not in captions
    model = arabic_window.spans.source
    assert model.data(model.index(0, 0)) == "حصيلة ضحايا"
    attributes = model.data(model.index(0, 2))
    assert "قتلى" in attributes and "مدنيون" in attributes and "killed" not in attributes

    with Project.open(arabic_window.project.path, readonly=True) as project:
        (span,) = project.annotations()
    assert span.label == "CASUALTY"
    assert span.attrs["status"] == "killed" and span.attrs["victims"] == "civilians"


def test_the_label_box_relabels_by_identifier(qtbot, arabic_window: MainWindow) -> None:
    start = TEXT.index("الباغوز")
    arabic_window.view.select_text(start, start + len("الباغوز فوقاني"))
    qtbot.keyClick(arabic_window.view, Qt.Key.Key_A)
    box = arabic_window.form.label_box
    box.setCurrentIndex(box.findText("مكان"))
    box.activated.emit(box.currentIndex())
    with Project.open(arabic_window.project.path, readonly=True) as project:
        assert [a.label for a in project.annotations()] == ["PLACE"]


def test_a_choice_display_for_an_unknown_choice_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "news.toml"
    path.write_text(CODEBOOK, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_codebook(path)
    assert "kiled" in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.line == CODEBOOK.splitlines().index(next(x for x in CODEBOOK.splitlines() if "kiled" in x)) + 1


def test_a_display_table_must_map_languages_to_names(tmp_path: Path) -> None:
    path = tmp_path / "news.toml"
    path.write_text(CODEBOOK.replace(", kiled = { ar = \"قتلى\" }", "").replace('display = { ar = "الحالة" }',
                                                                              'display = "الحالة"'), encoding="utf-8")
    with pytest.raises(InputError, match="display must map language codes"):
        load_codebook(path)


def test_display_names_survive_the_project_file(tmp_path: Path) -> None:
    path = tmp_path / "news.toml"
    path.write_text(CODEBOOK.replace(", kiled = { ar = \"قتلى\" }", ""), encoding="utf-8")
    codebook = load_codebook(path)
    Project.create(tmp_path / "p.db", coder="amal", codebook=codebook).close()
    with Project.open(tmp_path / "p.db", readonly=True) as project:
        stored = project.codebook
    label = stored.label("CASUALTY")
    assert label.display == {"en": "Casualty", "ar": "حصيلة ضحايا"}
    assert label.attribute("status").display_name("ar") == "الحالة"
    assert label.attribute("status").choice_name("killed", "ar") == "قتلى"
    assert label.attribute("status").choice_name("injured", "ar") == "injured"  # none given: the identifier


def test_the_built_in_display_names_survive_the_project_file(tmp_path: Path) -> None:
    Project.create(tmp_path / "p.db", coder="amal").close()
    with Project.open(tmp_path / "p.db", readonly=True) as project:
        stored = project.codebook
    attack = stored.event_type("ATTACK")
    assert (attack.display_name("ar"), attack.role("perpetrator").display_name("ar")) == ("هجوم", "منفذ")
    assert attack.attribute("weapon").choice_name("car_bomb", "ar") == "سيارة مفخخة"
    assert stored.label("PLACE").display_name("ar") == "مكان"


def without_display(stored: str) -> str:
    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k not in ("display", "choice_display")}
        return [strip(x) for x in data] if isinstance(data, list) else data

    return json.dumps(strip(json.loads(stored)), ensure_ascii=False)


def test_a_built_in_project_stored_without_display_names_takes_the_built_in_ones(tmp_path: Path) -> None:
    Project.create(tmp_path / "p.db", coder="amal").close()
    with sqlite3.connect(tmp_path / "p.db") as conn:  # as a file written before display names
        conn.execute("DELETE FROM meta WHERE key = 'label_display'")
        for name, attributes in conn.execute("SELECT name, attributes FROM labels").fetchall():
            conn.execute("UPDATE labels SET attributes = ? WHERE name = ?", (without_display(attributes), name))
        (events,) = conn.execute("SELECT value FROM meta WHERE key = 'event_types'").fetchone()
        assert "choice_display" in events
        conn.execute("UPDATE meta SET value = ? WHERE key = 'event_types'", (without_display(events),))
    conn.close()
    with Project.open(tmp_path / "p.db", readonly=True) as project:
        codebook = project.codebook
    assert codebook.label("CASUALTY").display_name("ar") == "حصيلة ضحايا"
    assert codebook.label("CASUALTY").attribute("status").choice_name("killed", "ar") == "قتلى"
    assert codebook.event_type("ATTACK").role("target").display_name("ar") == "مستهدف"


def test_display_names_are_no_difference_between_codebooks() -> None:
    """Two coders' files differing only in shown names still merge: the rules are the same."""
    built_in = default_codebook()
    casualty = built_in.label("CASUALTY")
    status = replace(casualty.attribute("status"), display={"ar": "الحالة"}, choice_display={})
    renamed = replace(casualty, display={"ar": "ضحايا"},
                      attributes=tuple(status if a.name == "status" else a for a in casualty.attributes))
    other = replace(built_in, labels=tuple(renamed if lb.name == "CASUALTY" else lb for lb in built_in.labels))
    assert built_in.differences(other) == []
    assert other.label("CASUALTY").display_name("ar") == "ضحايا"
