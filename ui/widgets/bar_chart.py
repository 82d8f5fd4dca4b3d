"""A small grouped bar chart painted with ``QPainter`` (PySide6-Essentials has no QtCharts).

Groups along the axis (one per label), a few series per group (F1 exact, F1
overlap, kappa, alpha), values on a scale from 0 (or the lowest negative value,
kappa can be below 0) to 1, the figure written on each bar, "n/a" where a
figure is undefined. Right to left follows the widget's layout direction: the
first group stands at the right in Arabic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen, QTextOption
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.i18n import decimal_text


@dataclass(frozen=True)
class Series:
    name: str
    color: str


@dataclass(frozen=True)
class Group:
    name: str
    color: str  # a chip beside the name (the label's colour)
    values: tuple[float | None, ...]  # one per series


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.series: list[Series] = []
        self.groups: list[Group] = []
        self._bars: list[tuple[QRectF, str]] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, series: list[Series], groups: list[Group]) -> None:
        self.series, self.groups = series, groups
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 260)

    def _scale(self) -> tuple[float, float]:
        values = [v for g in self.groups for v in g.values if v is not None]
        low = min([0.0, *values])
        return (math.floor(low * 5) / 5 if low < 0 else 0.0), 1.0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self._bars = []
        if not self.groups or not self.series:
            painter.setPen(text_colour)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No figures to show."))
            return

        # Legend on top, group names below, the axis on the start side.
        legend_height = line + 8
        axis_width = metrics.horizontalAdvance("-0.0") + 10
        names_height = line + 8
        plot = QRectF(self.rect()).adjusted(0, legend_height + line, 0, -names_height)  # room for 1.00 on a bar
        plot = plot.adjusted(8, 0, -axis_width, -4) if rtl else plot.adjusted(axis_width, 0, -8, -4)
        low, high = self._scale()

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        self._draw_legend(painter, metrics, rtl)
        grid = QPen(palette.mid().color(), 0.6, Qt.PenStyle.DotLine)
        step = 0.2
        tick = low
        while tick <= high + 1e-9:
            y = y_of(tick)
            painter.setPen(grid if abs(tick) > 1e-9 else QPen(text_colour, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            label_rect = (
                QRectF(plot.right() + 4, y - line / 2, axis_width - 4, line)
                if rtl
                else QRectF(0, y - line / 2, axis_width - 6, line)
            )
            align = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
            painter.drawText(label_rect, align | Qt.AlignmentFlag.AlignVCenter, decimal_text(tick, 1))
            tick += step

        undefined = self.tr("n/a")
        slot = plot.width() / len(self.groups)
        bar_width = min(34.0, slot * 0.8 / len(self.series))
        for g_index, group in enumerate(self.groups):
            slot_left = plot.right() - (g_index + 1) * slot if rtl else plot.left() + g_index * slot
            bars_left = slot_left + (slot - bar_width * len(self.series)) / 2
            for s_index, (series, value) in enumerate(zip(self.series, group.values, strict=True)):
                position = len(self.series) - 1 - s_index if rtl else s_index
                x = bars_left + position * bar_width
                tip = f"{group.name} — {series.name}: " + (undefined if value is None else decimal_text(value, 3))
                if value is None:
                    painter.setPen(palette.mid().color())
                    painter.drawText(QRectF(x, y_of(0) - line - 2, bar_width, line), Qt.AlignmentFlag.AlignCenter, undefined)
                    self._bars.append((QRectF(x, y_of(0) - line - 2, bar_width, line), tip))
                    continue
                top, bottom = sorted((y_of(value), y_of(0)))
                bar = QRectF(x + 1, top, bar_width - 2, max(bottom - top, 1.0))
                painter.fillRect(bar, QColor(series.color))
                self._bars.append((bar, tip))
                painter.setPen(text_colour)
                small = QFontMetricsF(painter.font())
                text = decimal_text(value, 2)
                if small.horizontalAdvance(text) <= bar_width + 6:
                    above = QRectF(x - 3, top - line, bar_width + 6, line)
                    painter.drawText(above, Qt.AlignmentFlag.AlignCenter, text)
            name_rect = QRectF(slot_left, plot.bottom() + 6, slot, line)
            self._draw_group_name(painter, name_rect, group, metrics, text_colour)
        painter.end()

    def _text_option(self) -> QTextOption:
        """Text in the interface's direction, so "F1 exact" in Arabic reads right to left."""
        option = QTextOption(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter)
        option.setTextDirection(self.layoutDirection())
        return option

    def _draw_legend(self, painter: QPainter, metrics: QFontMetricsF, rtl: bool) -> None:
        """Chip then name, from the start side: the chip stands before its name in reading order."""
        x = self.width() - 4.0 if rtl else 4.0
        line = metrics.height()
        painter.setPen(self.palette().windowText().color())
        for series in self.series:
            width = metrics.horizontalAdvance(series.name) + 4
            chip_x = x - 12 if rtl else x
            painter.fillRect(QRectF(chip_x, 4 + line / 2 - 5, 12, 10), QColor(series.color))
            text_x = chip_x - 6 - width if rtl else chip_x + 18
            painter.drawText(QRectF(text_x, 4, width, line), series.name, self._text_option())
            x = text_x - 24 if rtl else text_x + width + 24

    def _draw_group_name(self, painter: QPainter, rect: QRectF, group: Group, metrics: QFontMetricsF, colour: QColor) -> None:
        width = metrics.horizontalAdvance(group.name) + 4
        whole = width + 13
        left = rect.center().x() - whole / 2
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        chip_x, text_x = (left + whole - 9, left) if rtl else (left, left + 13)
        painter.fillRect(QRectF(chip_x, rect.center().y() - 4, 9, 9), QColor(group.color))
        painter.setPen(colour)
        painter.drawText(QRectF(text_x, rect.top(), width, rect.height()), group.name, self._text_option())

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.ToolTip:
            help_event: QHelpEvent = event
            tip = next((t for rect, t in self._bars if rect.contains(QPointF(help_event.pos()))), None)
            if tip:
                QToolTip.showText(help_event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def bar_tips(self) -> list[str]:
        """What each bar says (its tooltip), in painting order: for tests and accessibility."""
        return [tip for _, tip in self._bars]
