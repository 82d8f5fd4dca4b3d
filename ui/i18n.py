"""The interface language: chosen before any widget exists (STYLE.md).

Our translation and Qt's own are installed, and the layout direction comes from
``QLocale.textDirection()``, so Arabic mirrors the whole window.

Digits: one style everywhere the window writes numbers, the ``digits`` preference
("arabic-indic" or "latin"; "" takes the language's own: Arabic-Indic for Arabic, as Qt's
Arabic locale writes them, Latin for English). Numbers go through :func:`number_text`, and
number boxes take :func:`number_locale`, so no widget falls back to the language's default.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from annotator.codebook import Attribute
from annotator.resources_path import resource_path

LANGUAGES = ("en", "ar")
DIGIT_STYLES = ("arabic-indic", "latin")
_installed: list[QTranslator] = []  # ours, so a change of language removes them
_digits = [""]  # the preference in force; "" follows the language


class _Digits(QObject):
    """Tells every view that writes numbers that the digits preference changed: the Preferences
    dialog applies it to the open windows at once, as it does keys."""

    changed = Signal()


DIGITS = _Digits()


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


def interface_language() -> str:
    """The language the window is shown in (what :func:`install_language` chose): display names follow it."""
    code = QLocale().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def use_digits(style: str) -> None:
    """Write numbers in ``style`` from now on ("" or an unknown style: the language's own)."""
    chosen = style if style in DIGIT_STYLES else ""
    if chosen != _digits[0]:
        _digits[0] = chosen
        DIGITS.changed.emit()


def digit_style() -> str:
    return _digits[0] or ("arabic-indic" if interface_language() == "ar" else "latin")


def number_locale() -> QLocale:
    """A locale writing and reading numbers in the chosen digits (for spin boxes and number text)."""
    if digit_style() == "arabic-indic":
        return QLocale("ar_EG")
    return QLocale("en_US")


def number_text(number: int) -> str:
    """A number as the window shows it, in the chosen digits."""
    return number_locale().toString(number)


def decimal_text(number: float, places: int) -> str:
    """A figure with ``places`` decimals, in the chosen digits and their decimal sign (٠٫٨٣٤)."""
    return number_locale().toString(float(number), "f", places)


def percent_text(fraction: float) -> str:
    return decimal_text(100 * fraction, 1) + "%"


def with_digits(text: str, number: int) -> str:
    """``text`` translated with ``%n``, its count written in the chosen digits: Qt writes ``%n``
    in Latin digits whatever the language (the translate call stays literal, for lupdate)."""
    return text.replace(str(number), number_text(number), 1)


def attrs_display_text(attributes: tuple[Attribute, ...], attrs: dict[str, Any]) -> str:
    """Attribute values as a line of text: names and choices by their display names, numbers in the
    chosen digits (what is stored stays the identifiers)."""
    language = interface_language()
    known = {a.name: a for a in attributes}
    parts = []
    for name, value in sorted(attrs.items()):
        attribute = known.get(name)
        if attribute is None:
            parts.append(f"{name}={value}")
            continue
        if attribute.type == "choice" and isinstance(value, str):
            shown = attribute.choice_name(value, language)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown = number_text(value)
        else:
            shown = str(value)
        parts.append(f"{attribute.display_name(language)}={shown}")
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        # Each pair isolated (U+2068 ... U+2069), or the bidi algorithm runs neighbouring pairs
        # together and a row reads as mirrored fragments ("=canonical").
        parts = [f"\u2068{part}\u2069" for part in parts]
    return ("، " if language == "ar" else ", ").join(parts)
