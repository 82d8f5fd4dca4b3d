"""Zoom of the reading views: the size limits and which gestures zoom, in one place.

The article view and the adjudication view both zoom with Ctrl+wheel and Ctrl+=/Ctrl+-;
each keeps its own ``zoom_changed`` signal, these functions hold the rules.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QWheelEvent

MIN_FONT, MAX_FONT = 9, 48


def font_of_size(font: QFont, size: int) -> QFont:
    """A copy of ``font`` at ``size`` points, kept within the sizes a reader can use."""
    resized = QFont(font)
    resized.setPointSize(max(MIN_FONT, min(MAX_FONT, size)))
    return resized


def wheel_zoom(event: QWheelEvent) -> int:
    """+1 or -1 for Ctrl+wheel, 0 for any other wheel turn."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return 0
    return 1 if event.angleDelta().y() > 0 else -1


def key_zoom(event: QKeyEvent) -> int:
    """+1 for Ctrl+= or Ctrl++, -1 for Ctrl+-, 0 for any other key (keypad keys count too)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if not modifiers & Qt.KeyboardModifier.ControlModifier:
        return 0
    if event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
        return 1
    return -1 if event.key() == Qt.Key.Key_Minus else 0
