"""The interface language: chosen before any widget exists (STYLE.md).

Our translation and Qt's own are installed, and the layout direction comes from
``QLocale.textDirection()``, so Arabic mirrors the whole window.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.resources_path import resource_path

LANGUAGES = ("en", "ar")
_installed: list[QTranslator] = []  # ours, so a change of language removes them


def install_language(app: QApplication, language: str) -> str:
    """Install translators for ``language`` ("" follows the system); returns the language used."""
    code = language or QLocale.system().name().split("_")[0]
    if code not in LANGUAGES:
        code = "en"
    locale = QLocale(code)
    QLocale.setDefault(locale)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translators = []
    if code != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", f"annotator_{code}.qm"))):
            translators.append(ours)
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    app.setLayoutDirection(locale.textDirection())
    return code
