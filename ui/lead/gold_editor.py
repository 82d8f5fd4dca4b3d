"""The lead's edit of a version before it goes into gold: label, edges and attributes.

The article is shown with the span to edit selected, and the coder's own keys
work on it (``ui.widgets.article_view``): a label key relabels it, or tags the words
selected instead; S / E grow its start / end by a word (Shift: shrink, Alt: by a
letter). Tab goes to the attribute form (the codebook's form, as coders know
it). Enter keeps the edit, Esc drops it: nothing is written until then, and
then it is one decision, undone with Ctrl+Z.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.codebook import Codebook
from annotator.models import GOLD, Annotation, Document
from annotator.spans import selected_span
from annotator.store.project import Project
from annotator.text import resize_span
from ui.widgets.article_view import ArticleView
from ui.widgets.attribute_form import AttributeForm

DRAFT = "draft"


class GoldEditor(QDialog):
    def __init__(
        self,
        project: Project,
        document: Document,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, Any],
        *,
        font_size: int = 16,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit into gold"))
        self.codebook: Codebook = project.codebook
        self.document = document
        self.draft = Annotation(
            id=DRAFT, doc_id=document.id, coder=GOLD, label=label, start=start, end=end,
            text=document.text[start:end], attrs=dict(attrs),
        )
        self.hint = QLabel(
            self.tr("A label key relabels the span, or tags the words you select instead. S / E grow its start / end "
                    "by a word (Shift: shrink, Alt: by a letter). Tab: the attributes. Enter: into gold. Esc: cancel.")
        )
        self.hint.setWordWrap(True)
        self.view = ArticleView()
        self.view.set_codebook(self.codebook)
        self.view.set_font_size(font_size)
        self.view.show_document(document, [self.draft])
        self.view.select_span(DRAFT)
        self.form = AttributeForm(self.codebook, project.attribute_values)
        self.form.show_annotation(self.draft)
        self.extent = QLabel()
        self.extent.setTextFormat(Qt.TextFormat.PlainText)
        self._show_extent()

        self.view.label_requested.connect(self._label_key)
        self.view.edge_requested.connect(self._move_edge)
        self.view.step_requested.connect(lambda _direction: self.form.focusNextChild())
        self.form.attrs_edited.connect(self._attrs_edited)
        self.form.relabel_requested.connect(lambda _id, name: self._relabel(name))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Into gold"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.form)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.extent)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self.view.installEventFilter(self)
        self.view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The article's own Esc only deselects; here Esc cancels the edit, as in any dialog.
        if watched is self.view and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.reject()
            return True
        return super().eventFilter(watched, event)

    def result_values(self) -> tuple[str, int, int, dict[str, Any]]:
        """What goes into gold: label, start, end (code points) and attributes."""
        d = self.draft
        return d.label, d.start, d.end, dict(d.attrs)

    # --- edits of the draft -------------------------------------------------------------------

    def _set(self, **changes: Any) -> None:
        draft = replace(self.draft, **changes)
        self.draft = replace(draft, text=self.document.text[draft.start : draft.end])
        self.view.span_updated(self.draft)
        self.view.select_span(DRAFT)
        self.form.show_annotation(self.draft)
        self._show_extent()

    def _label_key(self, label: str, start: int, end: int) -> None:
        found = selected_span(self.document.text, start, end)
        if found is not None:
            self._set(start=found[0], end=found[1])
        self._relabel(label)

    def _relabel(self, label: str) -> None:
        if label == self.draft.label:
            return
        self._set(label=label, attrs=self.codebook.label(label).carried_attributes(self.draft.attrs))

    def _move_edge(self, edge: str, unit: str, direction: int) -> None:
        start, end = resize_span(self.document.text, self.draft.start, self.draft.end, edge, unit, direction)
        self._set(start=start, end=end)

    def _attrs_edited(self, _annotation_id: str, attrs: dict[str, Any]) -> None:
        self.draft = replace(self.draft, attrs=dict(attrs))
        self.form.show_annotation(self.draft)

    def _show_extent(self) -> None:
        d = self.draft
        self.extent.setText(f"{d.label}: {d.text}   [{d.start}, {d.end})")
