"""Draws a pending suggested event's row with a dashed frame, as a suggested span has a dashed
underline in the article: the coder sees at a glance what is not yet theirs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ui.coder.event_model import EVENT, ITEM_ROLE, SUGGESTED_ROLE


class EventDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        item = index.data(ITEM_ROLE)
        if item is None or item[0] != EVENT or not index.data(SUGGESTED_ROLE):
            return
        painter.save()
        pen = QPen(QColor("#6B7280"))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()
