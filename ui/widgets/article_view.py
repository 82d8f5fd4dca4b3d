"""The article, right to left, with its spans, and the coder's keys on it.

A read-only ``QPlainTextEdit`` (it lays out lazily, so a 50,000-character
article opens at once) whose text cursor the coder moves and extends with the
keyboard; Qt's own bidi gives the visual order of mixed Arabic, Latin and digits.
Keys that tag or edit spans are handled here, while the view has focus, so they
never fire while the coder types in a search box or a form field; which key does
what is the coder's key table (``ui.coder.keys``), which the gold editor's article
reads too.

Event mode: while an event is current (:meth:`ArticleView.set_current_event`),
the codebook's role keys of its type come before the label keys and put the
selected span in a role; the codebook's event type keys start an event at any
time; the deselect key leaves event mode before it deselects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.codebook import Codebook
from annotator.models import Annotation, Document, Event, Origin
from ui.coder.keys import CODER_KEYS
from ui.offsets import OffsetMap
from ui.widgets.reading_view import ARTICLE_FONT, ReadingView, fit_wrapping, prepare_reading_view
from ui.widgets.span_highlighter import PaintedSpan

__all__ = ["ARTICLE_FONT", "ArticleView", "tooltip_text"]

# The edge keys: which edge, by what, and whether it grows (+1) or shrinks (-1).
EDGES = {
    "grow_end": ("end", "word", 1),
    "shrink_end": ("end", "word", -1),
    "grow_end_letter": ("end", "char", 1),
    "shrink_end_letter": ("end", "char", -1),
    "grow_start": ("start", "word", 1),
    "shrink_start": ("start", "word", -1),
    "grow_start_letter": ("start", "char", 1),
    "shrink_start_letter": ("start", "char", -1),
}


class ArticleView(ReadingView, QPlainTextEdit):
    label_requested = Signal(str, int, int)  # label, start, end in code points
    span_clicked = Signal(object)  # annotation id or None
    delete_requested = Signal(str)
    step_requested = Signal(int)  # +1 next span, -1 previous
    suggestion_step_requested = Signal(int)  # +1 next pending suggestion, -1 previous
    edge_requested = Signal(str, str, int)  # "start"|"end", "word"|"char", +1 grow / -1 shrink
    proclitic_requested = Signal(str)
    accept_requested = Signal(str)  # a suggestion: keep it
    reject_requested = Signal(str)  # a suggestion: drop it, and never suggest it again
    tag_all_requested = Signal(str)
    zoom_changed = Signal(int)
    event_requested = Signal(str)  # an event type: start an event of it
    role_requested = Signal(str, int, int)  # a role of the current event, the text selection (code points)
    event_step_requested = Signal(int)  # +1 next event, -1 previous
    event_left = Signal()  # leave event mode
    event_delete_requested = Signal(str)  # event id
    event_accept_requested = Signal(str)  # a suggested event: keep it
    event_reject_requested = Signal(str)  # a suggested event: drop it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.highlighter = prepare_reading_view(self)
        self.offsets = OffsetMap("")
        self._matches: list[tuple[int, int]] = []
        self.keymap = CODER_KEYS
        self.codebook: Codebook | None = None
        self._spans: dict[str, Annotation] = {}
        self._keys: dict[str, str] = {}
        self._event_keys: dict[str, str] = {}
        self.current_event: Event | None = None

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
        self._event_keys = {t.key.lower(): t.name for t in codebook.event_types if t.key}

    def set_current_event(self, event: Event | None) -> None:
        """The event whose role keys apply (None: no event mode); its spans are outlined."""
        self.current_event = event
        self.highlighter.outline(set(event.span_ids) if event is not None else set())

    def role_for_key(self, key: str) -> str | None:
        """The current event's role with this key, in event mode."""
        if self.current_event is None or self.codebook is None or not key:
            return None
        event_type = next((t for t in self.codebook.event_types if t.name == self.current_event.type), None)
        roles = event_type.roles if event_type is not None else ()
        return next((r.name for r in roles if r.key and r.key.lower() == key.lower()), None)

    def label_for_key(self, key: str) -> str | None:
        return self._keys.get(key.lower())

    def show_document(self, document: Document | None, spans: list[Annotation]) -> None:
        self.highlighter.selected_id = None
        self._spans = {a.id: a for a in spans}
        text = document.text if document else ""
        self.offsets = OffsetMap(text)
        # Spans first, then the text: the highlighter colours each paragraph once, as it arrives.
        self.highlighter.set_spans([self._painted(a) for a in spans], redraw=False)
        self._matches = []
        self.highlighter.set_matches([], redraw=False)
        fit_wrapping(self, text)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_matches(self, matches: list[tuple[int, int]]) -> None:
        """Mark search matches, given as code-point offsets in the stored text."""
        self._matches = sorted(matches)
        self.highlighter.set_matches([(self.offsets.to_qt(s), self.offsets.to_qt(e)) for s, e in self._matches])

    def step_match(self, direction: int) -> bool:
        """Select the next (``direction`` 1) or previous (-1) search match from the cursor,
        round to the other end of the article; False when there is none."""
        if not self._matches:
            return False
        start, end = self.selection()
        if direction > 0:
            target = next((m for m in self._matches if m[0] >= end and m != (start, end)), self._matches[0])
        else:
            target = next((m for m in reversed(self._matches) if m[1] <= start), self._matches[-1])
        self.select_text(*target)
        self.ensureCursorVisible()
        return True

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
            suggested=annotation.origin == Origin.SUGGESTED,
        )

    def set_dark(self, dark: bool) -> None:
        self.highlighter.dark = dark
        self.highlighter.rehighlight()

    # --- what lies under the mouse --------------------------------------------------------

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The innermost span under a point of the viewport."""
        position = self.cursorForPosition(point).position()
        spans = self.highlighter.spans_at(position) or self.highlighter.spans_at(max(0, position - 1))
        return self._spans.get(spans[-1].id) if spans else None

    # --- mouse --------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            annotation = self.annotation_at(event.position().toPoint())
            self.span_clicked.emit(annotation.id if annotation else None)

    def tooltip_at(self, point: QPoint) -> str | None:
        annotation = self.annotation_at(point)
        return tooltip_text(annotation) if annotation is not None else None

    # --- keys ------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Every key is read here, before Tab and Shift+Tab could move the focus away.
        if event.type() == QEvent.Type.KeyPress and self._key(event):  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _key(self, event: QKeyEvent) -> bool:
        """Act on a key of the coder's table (or a label key); False leaves it to the text view."""
        keymap = self.keymap
        text = event.text()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and self._event_key(text):
            return True
        if plain and text and self.label_for_key(text):
            start, end = self.selection()
            self.label_requested.emit(self.label_for_key(text), start, end)
            return True
        selected = self.highlighter.selected_id
        span = self._spans.get(selected) if selected else None
        suggestion = span is not None and span.origin == Origin.SUGGESTED
        command = keymap.command(event, ("next_span", "previous_span", "deselect"))
        if command == "deselect" and self.current_event is not None:
            self.event_left.emit()
            return True
        if command == "deselect":
            self.clear_selection()
            self.span_clicked.emit(None)
            return True
        if command is not None:
            self.step_requested.emit(1 if command == "next_span" else -1)
            return True
        if (step := keymap.command(event, ("next_suggestion", "previous_suggestion"))) is not None:
            self.suggestion_step_requested.emit(1 if step == "next_suggestion" else -1)
        elif (step := keymap.command(event, ("next_event", "previous_event"))) is not None:
            self.event_step_requested.emit(1 if step == "next_event" else -1)
        elif self.current_event is not None and keymap.matches("delete_event", event):
            self.event_delete_requested.emit(self.current_event.id)
        elif selected and suggestion and keymap.matches("accept_suggestion", event):
            self.accept_requested.emit(selected)
        elif selected and suggestion and keymap.command(event, ("reject_suggestion", "delete_span")):
            self.reject_requested.emit(selected)
        elif (pending := self._pending_event()) and keymap.matches("accept_suggestion", event):
            self.event_accept_requested.emit(pending)
        elif pending and (keymap.matches("reject_suggestion", event) or (not selected and keymap.matches("delete_span", event))):
            self.event_reject_requested.emit(pending)
        elif selected and keymap.matches("delete_span", event):
            self.delete_requested.emit(selected)
        elif selected and keymap.matches("tag_all", event):
            self.tag_all_requested.emit(selected)
        elif selected and keymap.matches("proclitic", event):
            self.proclitic_requested.emit(selected)
        elif selected and (edge := keymap.command(event, EDGES)) is not None:
            self.edge_requested.emit(*EDGES[edge])
        else:
            return self.zoom_key(event)
        return True

    def _event_key(self, text: str) -> bool:
        """A role key in event mode, or an event type key."""
        role = self.role_for_key(text)
        if role is not None:
            self.role_requested.emit(role, *self.selection())
            return True
        type_name = self._event_keys.get(text.lower()) if text else None
        if type_name is not None:
            self.event_requested.emit(type_name)
            return True
        return False

    def _pending_event(self) -> str | None:
        """The current event when it is a pending suggestion: Enter and X act on it (a selected
        suggested span comes first; with a span selected, Delete still removes the span)."""
        event = self.current_event
        if event is None or event.origin != Origin.SUGGESTED:
            return None
        return event.id


def tooltip_text(annotation: Annotation) -> str:
    lines = [f"<b>{annotation.label}</b> — {_escape(annotation.text)}"]
    lines += [f"{_escape(k)}: {_escape(str(v))}" for k, v in sorted(annotation.attrs.items())]
    if annotation.origin != Origin.MANUAL:
        lines.append(f"<i>{annotation.origin}</i>")
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
