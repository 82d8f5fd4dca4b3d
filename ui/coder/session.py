"""The window's one path for every change (STYLE.md: "one path for every change").

:class:`EditSession` owns the open project, the current document and the undo
stack. Views never call the core to change something: they ask the session,
which runs a command (committed by the core at once), then tells every view
exactly what changed through its signals, so no view re-reads the world after a
small edit.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.codebook import Codebook
from annotator.errors import AnnotatorError
from annotator.models import Annotation, Document
from annotator.store.project import Project
from annotator.suggest.casualty import casualty_attributes
from annotator.suggest.run import fit_attributes
from annotator.text import proclitic_candidates, proclitic_length, resize_span, snap_to_words, tokenize
from ui.coder.commands import AddSpan, CoreCommand, DeleteSpan, UpdateSpan


def prefilled_attributes(codebook: Codebook, label: str, text: str, start: int, end: int) -> dict[str, Any]:
    """What the text says about a new casualty figure (value, range, qualifier, status...),
    trimmed to what the label's attributes accept; the coder edits the rest."""
    if label != "CASUALTY":
        return {}
    found = casualty_attributes(text, start, end, codebook.vague_amounts)
    return fit_attributes(codebook.label(label), found)


class EditSession(QObject):
    document_changed = Signal(object)  # Document | None
    span_added = Signal(object)  # Annotation
    span_updated = Signal(object, object)  # before, after
    span_removed = Signal(object)  # Annotation
    span_selected = Signal(object)  # str | None
    status_changed = Signal(int)  # document id
    error = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans: dict[str, Annotation] = {}
        self.selected_id: str | None = None
        self.first_visit = False  # the open document had never been opened before

    # --- documents ------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        if self.document is not None and self.document.id == doc_id:
            return
        document = self.project.document(doc_id)
        self.document = document
        self.spans = {a.id: a for a in self.project.annotations(doc_id, coder=self.project.coder)}
        self.selected_id = None
        self.first_visit = self.project.status(doc_id).status == "new"
        if self.first_visit and not self.project.readonly:
            self._guard(lambda: self.project.set_status(doc_id, "in_progress"))
            self.status_changed.emit(doc_id)
        self.document_changed.emit(document)

    def set_status(
        self,
        status: str | None = None,
        *,
        flagged: bool | None = None,
        comment: str | None = None,
        doc_id: int | None = None,
    ) -> bool:
        """Status, flag or comment of a document (default: the open one); committed at once."""
        if doc_id is None:
            if self.document is None:
                return False
            doc_id = self.document.id
        target = doc_id
        done = self._guard(lambda: self.project.set_status(target, status, flagged=flagged, comment=comment))
        if done:
            self.status_changed.emit(doc_id)
        return done

    # --- edits the views ask for ----------------------------------------------------------

    def add_span(self, label: str, start: int, end: int, *, snap: bool = True, attrs: dict[str, Any] | None = None) -> Annotation | None:
        """Tag ``[start, end)`` (code points) with ``label``, snapped to whole words.

        A leading proclitic is left out only when the rest is a name the project
        already knows (the core's clitic rule); :meth:`toggle_proclitic` is the
        coder's key for every other case.
        """
        if self.document is None:
            return None
        text = self.document.text
        if snap:
            start, end = snap_to_words(text, start, end)
        if start >= end or not text[start:end].strip():
            return None
        first_word = text[start:end].split()[0]
        start += proclitic_length(first_word, self.project.known_names(label))
        duplicate = next((a for a in self.spans.values() if (a.label, a.start, a.end) == (label, start, end)), None)
        if duplicate is not None and duplicate.origin != "suggested":
            self.select(duplicate.id)
            return duplicate
        prefill = prefilled_attributes(self.project.codebook, label, text, start, end)
        suggestion = duplicate or next(
            (a for a in self.spans.values() if (a.start, a.end) == (start, end) and a.origin == "suggested"), None
        )
        if suggestion is not None:
            # Tagging where a suggestion lies takes the suggestion: same span, the coder's label.
            kept = suggestion.attrs if suggestion.label == label else prefill
            self.update_span(suggestion.id, self.tr("Accept suggestion"), label=label, origin="manual",
                             attrs={**kept, **(attrs or {})})
            self.select(suggestion.id)
            return self.spans.get(suggestion.id)
        command = AddSpan(self, self.document.id, label, start, end, {**prefill, **(attrs or {})})
        if self.run(command) and command.annotation_id:
            self.select(command.annotation_id)
            return self.spans.get(command.annotation_id)
        return None

    def delete_span(self, annotation_id: str) -> None:
        annotation = self.spans.get(annotation_id)
        if annotation is not None:
            self.run(DeleteSpan(self, annotation))

    def toggle_proclitic(self, annotation_id: str) -> None:
        """Leave the leading proclitic out of the span, or put it back (و|الباغوز ↔ والباغوز).

        With two readings (وب|القرب or و|بغداد) each press takes the next one.
        """
        span = self.spans.get(annotation_id)
        if span is None or self.document is None:
            return
        word = next((t for t in tokenize(self.document.text) if t.start <= span.start < t.end), None)
        if word is None:
            return
        word_start = word.start
        lengths = proclitic_candidates(word.text)
        current = span.start - word_start
        following = [n for n in lengths if n > current]
        new_start = word_start + (following[0] if following else 0)
        if new_start < span.end and new_start != span.start:
            self.update_span(annotation_id, self.tr("Proclitic"), start=new_start)

    def move_edge(self, annotation_id: str, edge: str, unit: str, direction: int) -> None:
        span = self.spans.get(annotation_id)
        if span is None or self.document is None:
            return
        start, end = resize_span(self.document.text, span.start, span.end, edge, unit, direction)
        self.update_span(annotation_id, self.tr("Resize"), start=start, end=end)

    def step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) span in reading order, wrapping around."""
        ordered = sorted(self.spans.values(), key=lambda a: (a.start, a.end, a.id))
        if not ordered:
            return
        ids = [a.id for a in ordered]
        if self.selected_id in ids:
            index = (ids.index(self.selected_id) + direction) % len(ids)
        else:
            index = 0 if direction > 0 else len(ids) - 1
        self.select(ids[index])

    def update_span(self, annotation_id: str, text: str = "", **changes: Any) -> None:
        before = self.spans.get(annotation_id)
        if before is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if changes:
            self.run(UpdateSpan(self, before, changes, text))

    def select(self, annotation_id: str | None) -> None:
        if annotation_id is not None and annotation_id not in self.spans:
            annotation_id = None
        if annotation_id != self.selected_id:
            self.selected_id = annotation_id
            self.span_selected.emit(annotation_id)

    @property
    def selected(self) -> Annotation | None:
        return self.spans.get(self.selected_id) if self.selected_id else None

    def run(self, command: CoreCommand) -> bool:
        try:
            command.apply()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def _guard(self, action: Any) -> bool:
        try:
            action()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return False
        return True

    # --- the core, called by commands ------------------------------------------------------

    def core_add(self, doc_id: int, label: str, start: int, end: int, attrs: dict[str, Any]) -> Annotation:
        annotation = self.project.add_annotation(doc_id, label, start, end, attrs=attrs)
        self._arrived(annotation)
        return annotation

    def core_delete(self, annotation_id: str) -> None:
        self._departed(self._guarded(lambda: self.project.delete_annotation(annotation_id)))

    def core_restore(self, annotation_id: str) -> None:
        annotation = self._guarded(lambda: self.project.restore_annotation(annotation_id))
        if annotation is not None:
            self._arrived(annotation)

    def core_update(self, annotation_id: str, changes: dict[str, Any]) -> None:
        before = self.project.annotation(annotation_id)
        after = self._guarded(lambda: self.project.update_annotation(annotation_id, **changes))
        if after is not None:
            self._show_document(after.doc_id)
            self.spans[after.id] = after
            self.span_updated.emit(before, after)

    def core_reject(self, annotation_id: str) -> None:
        self._departed(self._guarded(lambda: self.project.reject_suggestion(annotation_id)))

    def core_unreject(self, annotation: Annotation) -> None:
        restored = self._guarded(lambda: (self.project.unreject_suggestion(annotation), annotation)[1])
        if restored is not None:
            self._arrived(self.project.annotation(annotation.id))

    def arrived_many(self, pairs: list[tuple[Annotation | None, Annotation]]) -> None:
        """Views learn about spans a batch call (accept all, tag all) created or changed."""
        for before, after in pairs:
            if before is None:
                self._arrived(after)
            else:
                self._show_document(after.doc_id)
                self.spans[after.id] = after
                self.span_updated.emit(before, after)

    def _departed(self, annotation: Annotation | None) -> None:
        """Views learn that a span left (deleted or rejected); None when the core refused."""
        if annotation is None:
            return
        self._show_document(annotation.doc_id)
        self.spans.pop(annotation.id, None)
        if self.selected_id == annotation.id:
            self.select(None)
        self.span_removed.emit(annotation)

    def _arrived(self, annotation: Annotation) -> None:
        self._show_document(annotation.doc_id)
        self.spans[annotation.id] = annotation
        self.span_added.emit(annotation)

    def _show_document(self, doc_id: int) -> None:
        """Undo of an edit made in another document first brings that document back."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id)

    def _guarded(self, action: Any) -> Any:
        """Undo/redo run inside ``QUndoStack`` where an exception cannot surface: report it."""
        try:
            return action()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return None
