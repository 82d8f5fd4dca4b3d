"""The lead's adjudication keys, read the same way wherever the keyboard focus is.

The article and the version list both turn a key press into an *action* (a
name and an argument) with :func:`key_action`; the window performs it. One
table, so the two widgets, the help panel and the Keys dialog never disagree.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key_action(event: QKeyEvent, label_keys: dict[str, str], *, has_selection: bool = False) -> tuple[str, Any] | None:
    """What a key asks for: ``("accept", n | None)``, ``("edit", None)``, ``("reject", None)``,
    ``("reject_open", None)``, ``("row", ±1)``, ``("place", ±1)`` (any place), ``("label", name)``,
    or None for a key that is not the lead's.

    Digits are read from the text, so Arabic-Indic digits (١ ٢ ٣) pick versions too. A label key
    adds a span only while text is selected, so a codebook key such as E or X never shadows the
    decision keys.
    """
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key, text = event.key(), event.text()
    if modifiers == NONE and len(text) == 1 and text.isdigit() and int(text) > 0:
        return ("accept", int(text))
    if modifiers == NONE and has_selection and text and text.lower() in label_keys:
        return ("label", label_keys[text.lower()])
    if modifiers == NONE and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return ("accept", None)
    if modifiers == NONE and key in (Qt.Key.Key_E, Qt.Key.Key_F2):
        return ("edit", None)
    if modifiers == NONE and key in (Qt.Key.Key_X, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return ("reject", None)
    if modifiers == SHIFT and key == Qt.Key.Key_X:
        return ("reject_open", None)
    if modifiers == NONE and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        return ("row", -1 if key == Qt.Key.Key_Up else 1)
    if modifiers == CTRL and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        return ("place", -1 if key == Qt.Key.Key_Up else 1)
    if modifiers == NONE and text and text.lower() in label_keys:
        return ("label", label_keys[text.lower()])
    return None


def tab_direction(event: QKeyEvent) -> int | None:
    """Tab and Shift+Tab: the next or previous open place (instead of moving the focus)."""
    if event.key() == Qt.Key.Key_Backtab:
        return -1
    if event.key() == Qt.Key.Key_Tab and not event.modifiers() & CTRL:
        return 1
    return None


def keys_html(label_keys: list[tuple[str, str]]) -> str:
    """The keys, for the help panel and the Keys dialog, in the interface's direction (each line
    begins with a key, which would otherwise make an Arabic line run left to right)."""
    labels = ", ".join(f"<b>{key.upper()}</b> {name}" for key, name in label_keys)
    text = _keys_text().replace("%1", labels)
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        # In an Arabic line each key reads left to right ("Ctrl+-", not "-+Ctrl") while the keys of
        # "next / previous" follow the line right to left, as the words they stand for do.
        def embed(match: re.Match[str]) -> str:
            keys = [f"\u202a{key}\u202c" for key in match.group(1).split(" / ")]
            return "<b>" + "\u200f / \u200f".join(keys) + "</b>"  # right-to-left marks between keys

        return '<div dir="rtl">' + re.sub("<b>(.*?)</b>", embed, text) + "</div>"
    return text


def _keys_text() -> str:
    return QCoreApplication.translate(
        "AdjudicationKeys",
        "<b>Tab / Shift+Tab</b> — next / previous open place<br>"
        "<b>Ctrl+↓ / Ctrl+↑</b> — next / previous place, settled ones too<br>"
        "<b>↓ / ↑</b> — next / previous version of the place<br>"
        "<b>1 … 9</b> — accept that version into gold<br>"
        "<b>Enter</b> — accept the selected version<br>"
        "<b>E</b> or <b>F2</b> — edit the selected version (label, edges, attributes) into gold<br>"
        "<b>X</b> or <b>Delete</b> — reject the selected version (again: take it back); on a gold row, withdraw it<br>"
        "<b>Shift+X</b> — reject every open version of the place<br>"
        "Select words and press a label key (%1) — add a span no coder made<br>"
        "A new gold span replaces the gold span of the same label it overlaps.<br>"
        "<b>Ctrl+Enter</b> — document settled: go to the next with open places<br>"
        "<b>Ctrl+PgDown / Ctrl+PgUp</b> — next / previous document in the queue<br>"
        "<b>Ctrl+Z / Ctrl+Shift+Z</b> — undo / redo a decision<br>"
        "<b>F6</b> — back to the article; <b>Ctrl+1 / Ctrl+2</b> — adjudication / agreement<br>"
        "<b>Ctrl+= / Ctrl+-</b> — zoom; <b>F5</b> — read the queue and figures afresh",
    )
