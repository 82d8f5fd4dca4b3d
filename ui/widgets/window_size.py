"""A window's first size: what it was designed for, or the screen's free area on a smaller screen.

A window larger than the screen runs off it with no way to reach its far side: at 1366x768 the
adjudication window lost its menus and the versions' columns (seen under Xvfb), and in a
right-to-left interface the queue too.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, each no more than the free area of its screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry().size() if screen is not None else QSize(width, height)
    window.resize(min(width, free.width()), min(height, free.height()))
