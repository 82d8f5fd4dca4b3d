"""Zoom of the reading views: the size limits and the wheel gesture, in one place.

The zoom keys are commands of each window's key table (``zoom_in``, ``zoom_out``);
:class:`ui.widgets.reading_view.ReadingView` reads them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QWheelEvent

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
