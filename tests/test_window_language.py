"""The Arabic interface: translated, mirrored, complete; settings survive a broken file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from annotator.resources_path import resource_path
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.i18n import install_language
from ui.settings import Settings, load_settings, save_settings, settings_path


def test_every_interface_string_has_an_arabic_translation() -> None:
    root = ET.parse(resource_path("translations", "annotator_ar.ts")).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 80
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") or not
                  (m.findtext("translation") or m.find("translation").findall("numerusform"))]
    assert unfinished == []
    assert resource_path("translations", "annotator_ar.qm").stat().st_size > 1000


def test_the_arabic_interface_is_translated_and_mirrored(qtbot, tmp_path: Path) -> None:
    app = QApplication.instance()
    try:
        assert install_language(app, "ar") == "ar"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
        project = Project.create(tmp_path / "p.db", coder="amal")
        window = MainWindow(project, Settings(language="ar"))
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[0] == "&ملف"
        assert window.isRightToLeft()
        window.close()
    finally:
        install_language(app, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_broken_settings_file_gives_defaults_and_a_warning() -> None:
    save_settings(Settings(coder="amal", font_size=20))
    settings, warning = load_settings()
    assert (settings.coder, settings.font_size, warning) == ("amal", 20, None)
    settings_path().write_text("{not json", encoding="utf-8")
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning is not None and "could not be read" in warning
    assert settings_path().with_name("settings.broken.json").exists()


def test_settings_keep_unknown_keys_out_and_take_defaults_for_missing_ones() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"coder": "omar", "from_the_future": 1, "font_size": "big"}', encoding="utf-8")
    settings, warning = load_settings()
    assert warning is None
    assert settings.coder == "omar" and settings.font_size == Settings().font_size
