"""Title and metadata (source, date, link) above the article."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from annotator.models import Document
from ui.widgets.elided_title import ElidedTitle


class DocumentHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ElidedTitle()  # at most two lines, whatever the title's length
        self.title.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setOpenExternalLinks(True)
        self.meta.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.meta.setStyleSheet("color: palette(mid);")
        # A long id or address must never set the pane's width (it pushed the lead's queue off
        # a 1366-pixel screen): the line may be cut, and the whole of it is in the tooltip.
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)

    def show_document(self, document: Document | None) -> None:
        if document is None:
            self.title.setText(self.tr("No document: import articles with File > Import."))
            self.meta.clear()
            return
        self.title.setText(document.title or document.key)
        parts = [html.escape(shortened(p)) for p in (document.key, document.source, document.date) if p]
        if document.url:
            url = html.escape(document.url, quote=True)
            shown = html.escape(shortened(document.url))
            # Only web links are handed to the system: a file:// or a custom scheme from an
            # imported file would open a local file or launch a program (as the HTML export).
            parts.append(f'<a href="{url}">{shown}</a>' if is_web_link(document.url) else shown)
        self.meta.setText(" · ".join(parts))
        self.meta.setToolTip(" · ".join(p for p in (document.key, document.source, document.date, document.url) if p))


def shortened(text: str, limit: int = 60) -> str:
    """``text`` cut in the middle past ``limit`` characters, so both ends stay readable."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


def is_web_link(url: str) -> bool:
    try:
        return urlsplit(url.strip()).scheme.lower() in ("http", "https")
    except ValueError:  # "http://[": not a URL at all
        return False
