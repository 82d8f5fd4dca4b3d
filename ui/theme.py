"""Light and dark themes: Qt's Fusion style with a palette, the same on every platform."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    if theme != "dark":
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#E8EAED",
        QPalette.ColorRole.Base: "#17181A",
        QPalette.ColorRole.AlternateBase: "#26272B",
        QPalette.ColorRole.Text: "#E8EAED",
        QPalette.ColorRole.Button: "#2B2C30",
        QPalette.ColorRole.ButtonText: "#E8EAED",
        QPalette.ColorRole.Highlight: "#3B82F6",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#2B2C30",
        QPalette.ColorRole.ToolTipText: "#E8EAED",
        QPalette.ColorRole.PlaceholderText: "#9AA0A6",
        QPalette.ColorRole.Link: "#8AB4F8",
        QPalette.ColorRole.Mid: "#9AA0A6",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
