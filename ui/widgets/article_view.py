"""The article, right to left, with its spans, and the coder's keys on it.

A read-only ``QPlainTextEdit`` (it lays out lazily, so a 50,000-character
article opens at once) whose text cursor the coder moves and extends with the
keyboard; Qt's own bidi gives the visual order of mixed Arabic, Latin and digits.
Keys that tag or edit spans are handled here, while the view has focus, so they
never fire while the coder types in a search box or a form field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QTextCursor, QTextOption, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.codebook import Codebook
from annotator.models import Annotation, Document
from ui.offsets import OffsetMap
from ui.widgets.span_highlighter import PaintedSpan, SpanHighlighter
from ui.widgets.zoom import font_of_size, key_zoom, wheel_zoom

ARTICLE_FONT = "Noto Naskh Arabic"  # bundled in resources/fonts, registered at start


def prepare_reading_view(view: QPlainTextEdit | QTextEdit) -> SpanHighlighter:
    """What every view of an article shares: read-only, right to left, the bundled font, keyboard
    selection, and the span highlighter (returned)."""
    view.setReadOnly(True)
    view.setFont(QFont(ARTICLE_FONT, 16))
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.document().setDefaultTextOption(option)
    view.document().setDocumentMargin(18)
    view.setMouseTracking(True)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return SpanHighlighter(view.document())


class ArticleView(QPlainTextEdit):
    label_requested = Signal(str, int, int)  # label, start, end in code points
    span_clicked = Signal(object)  # annotation id or None
    delete_requested = Signal(str)
    step_requested = Signal(int)  # +1 next span, -1 previous
    edge_requested = Signal(str, str, int)  # "start"|"end", "word"|"char", +1 grow / -1 shrink
    proclitic_requested = Signal(str)
    accept_requested = Signal(str)  # a suggestion: keep it
    reject_requested = Signal(str)  # a suggestion: drop it, and never suggest it again
    tag_all_requested = Signal(str)
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.highlighter = prepare_reading_view(self)
        self.offsets = OffsetMap("")
        self.codebook: Codebook | None = None
        self._spans: dict[str, Annotation] = {}
        self._keys: dict[str, str] = {}

    # --- content ----------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        """Label keys: the codebook's letter and the label's position (1, 2, 3...)."""
        self.codebook = codebook
        self._keys = {}
        for number, label in enumerate(codebook.labels, start=1):
            if number <= 9:
                self._keys[str(number)] = label.name
            if label.key:
                self._keys[label.key.lower()] = label.name

    def label_for_key(self, key: str) -> str | None:
        return self._keys.get(key.lower())

    def show_document(self, document: Document | None, spans: list[Annotation]) -> None:
        self.highlighter.selected_id = None
        self._spans = {a.id: a for a in spans}
        text = document.text if document else ""
        self.offsets = OffsetMap(text)
        # Spans first, then the text: the highlighter colours each paragraph once, as it arrives.
        self.highlighter.set_spans([self._painted(a) for a in spans], redraw=False)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def span_added(self, annotation: Annotation) -> None:
        old = self.highlighter.span(annotation.id)
        self._spans[annotation.id] = annotation
        self.highlighter.replace_span(old, self._painted(annotation))

    def span_updated(self, annotation: Annotation) -> None:
        self.span_added(annotation)

    def span_removed(self, annotation: Annotation) -> None:
        self._spans.pop(annotation.id, None)
        self.highlighter.replace_span(self.highlighter.span(annotation.id), None)

    def select_span(self, annotation_id: str | None) -> None:
        self.highlighter.select(annotation_id)
        annotation = self._spans.get(annotation_id) if annotation_id else None
        if annotation is not None:
            cursor = self.textCursor()
            cursor.setPosition(self.offsets.to_qt(annotation.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _painted(self, annotation: Annotation) -> PaintedSpan:
        color = self.codebook.label(annotation.label).color if self.codebook else "#888888"
        return PaintedSpan(
            id=annotation.id,
            start=self.offsets.to_qt(annotation.start),
            end=self.offsets.to_qt(annotation.end),
            color=color,
            suggested=annotation.origin == "suggested",
        )

    def set_dark(self, dark: bool) -> None:
        self.highlighter.dark = dark
        self.highlighter.rehighlight()

    # --- selection in code points -------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        """The text cursor's selection (or its position twice), in code points."""
        cursor = self.textCursor()
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(cursor.selectionEnd())

    def select_text(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The innermost span under a point of the viewport."""
        position = self.cursorForPosition(point).position()
        spans = self.highlighter.spans_at(position) or self.highlighter.spans_at(max(0, position - 1))
        return self._spans.get(spans[-1].id) if spans else None

    # --- zoom -----------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        font = font_of_size(self.font(), size)
        self.setFont(font)
        self.zoom_changed.emit(font.pointSize())

    def zoom(self, steps: int) -> None:
        self.set_font_size(self.font().pointSize() + steps)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = wheel_zoom(event)
        if steps:
            self.zoom(steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- mouse --------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            annotation = self.annotation_at(event.position().toPoint())
            self.span_clicked.emit(annotation.id if annotation else None)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            annotation = self.annotation_at(event.pos())  # type: ignore[attr-defined]
            if annotation is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(annotation), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- keys ------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab move between spans instead of moving the focus away.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # type: ignore[attr-defined]
            self.step_requested.emit(-1 if event.key() == Qt.Key.Key_Backtab else 1)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key, text = event.key(), event.text()
        selected = self.highlighter.selected_id
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if plain and text and self.label_for_key(text) and modifiers == Qt.KeyboardModifier.NoModifier:
            start, end = self.selection()
            self.label_requested.emit(self.label_for_key(text), start, end)
            return
        suggestion = selected is not None and self._spans.get(selected) is not None and self._spans[selected].origin == "suggested"
        if suggestion and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.accept_requested.emit(selected)
            return
        if suggestion and (key == Qt.Key.Key_X or key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)) and plain:
            self.reject_requested.emit(selected)
            return
        if selected and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.delete_requested.emit(selected)
            return
        if selected and key == Qt.Key.Key_T and modifiers == Qt.KeyboardModifier.NoModifier:
            self.tag_all_requested.emit(selected)
            return
        if selected and key in (Qt.Key.Key_S, Qt.Key.Key_E):
            alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
            shrink = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            edge = "start" if key == Qt.Key.Key_S else "end"
            self.edge_requested.emit(edge, "char" if alt else "word", -1 if shrink else 1)
            return
        if selected and key == Qt.Key.Key_K and modifiers == Qt.KeyboardModifier.NoModifier:
            self.proclitic_requested.emit(selected)
            return
        if key == Qt.Key.Key_Escape:
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.span_clicked.emit(None)
            return
        steps = key_zoom(event)
        if steps:
            self.zoom(steps)
            return
        super().keyPressEvent(event)


def tooltip_text(annotation: Annotation) -> str:
    lines = [f"<b>{annotation.label}</b> — {_escape(annotation.text)}"]
    lines += [f"{_escape(k)}: {_escape(str(v))}" for k, v in sorted(annotation.attrs.items())]
    if annotation.origin != "manual":
        lines.append(f"<i>{annotation.origin}</i>")
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
