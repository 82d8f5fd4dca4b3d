"""The event panel: the open document's events, their roles filled or empty, and the form of
the current event's attributes.

Choosing an event makes it current (event mode: the role keys fill it); choosing a
filled slot also selects its span in the article; the mouse over an event outlines
its spans there. A pending suggested event is shown in italics and marked, and is
accepted or rejected with the keys that accept or reject a suggested span.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTreeView, QVBoxLayout, QWidget

from annotator.codebook import Codebook
from annotator.models import Event, Origin
from annotator.suggest.events import shown_slots
from ui.coder.event_delegate import EventDelegate
from ui.coder.event_form import EventForm
from ui.coder.event_model import ITEM_ROLE, SPAN, EventModel
from ui.coder.keys import CODER_KEYS
from ui.i18n import interface_language


class EventPanel(QWidget):
    event_chosen = Signal(object)  # event id or None
    span_chosen = Signal(str)  # the span of a slot the coder chose
    event_hovered = Signal(object)  # event id under the mouse, or None
    accept_requested = Signal(str)  # a suggested event
    reject_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, codebook: Codebook, form: EventForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = EventModel(codebook, self)
        self.form = form
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setObjectName("events")
        self.tree.setItemDelegate(EventDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMouseTracking(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(300)  # a role's name and its span side by side
        self.tree.entered.connect(self._hovered)
        self.tree.viewport().installEventFilter(self)
        self.tree.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.clicked.connect(self._chosen)  # a row clicked again, after the article moved on
        self.model.rowsInserted.connect(self._expand)
        self.model.modelReset.connect(self.tree.expandAll)
        self._syncing = False
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(form)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        self.show_current(None)

    # --- what the window shows --------------------------------------------------------------

    def show_current(self, event: Event | None) -> None:
        """The current event selected in the tree (not reported back), its form, and the hint
        saying whether the role keys apply."""
        self.form.show_event(event)
        if event is None:
            language = interface_language()
            keys = ", ".join(f"{t.key.upper()} ({t.display_name(language)})" for t in self.model.codebook.event_types if t.key)
            self.hint.setText(self.tr("Select a span, then press an event key to start an event: %s.") % keys)
        else:
            language = interface_language()
            event_type = next((t for t in self.model.codebook.event_types if t.name == event.type), None)
            roles = ", ".join(
                f"{r.key.upper()} {r.display_name(language)}" for r in (event_type.roles if event_type else ()) if r.key
            )
            shown = event_type.display_name(language) if event_type else event.type
            self.hint.setText(
                self.tr("Event mode (%1): a role key puts the selected span in that role: %2. %3 leaves event mode.")
                .replace("%1", shown).replace("%2", roles).replace("%3", CODER_KEYS.key_text("deselect", first=True))
            )
        index = self.model.event_index(event.id if event else None)
        current = self.model.node(self.tree.currentIndex())
        if current is not None and event is not None and current.event_id == event.id:
            return
        self._syncing = True
        try:
            if index.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)  # its roles below it
            else:
                self.tree.selectionModel().clearSelection()
                self.tree.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        finally:
            self._syncing = False

    # --- what the coder does ------------------------------------------------------------------

    def _expand(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._expand_all(self.model.index(row, 0, parent))

    def _expand_all(self, index: QModelIndex) -> None:
        self.tree.expand(index)
        for row in range(self.model.rowCount(index)):
            self._expand_all(self.model.index(row, 0, index))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing:
            self._chosen(current)

    def _chosen(self, current: QModelIndex) -> None:
        """The event of the row becomes current; a slot's span (a role's first) is selected."""
        if not current.isValid():
            return
        kind, event_id, role, span_id = current.data(ITEM_ROLE)
        self.event_chosen.emit(event_id)
        if kind != SPAN and role is not None:
            filled = shown_slots(self.model.events[event_id]).get(role, ())
            span_id = filled[0] if filled else None
        if span_id is not None:
            self.span_chosen.emit(span_id)

    def _hovered(self, index: QModelIndex) -> None:
        self.event_hovered.emit(index.data(ITEM_ROLE)[1] if index.isValid() else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Leave:
            self.event_hovered.emit(None)
        elif watched is self.tree and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """Enter and X (the suggestion keys) on a suggested event; the delete key on an event."""
        node = self.model.node(self.tree.currentIndex())
        found = self.model.events.get(node.event_id) if node is not None else None
        if found is None:
            return False
        pending = found.origin == Origin.SUGGESTED
        if pending and CODER_KEYS.matches("accept_suggestion", event):
            self.accept_requested.emit(found.id)
        elif pending and CODER_KEYS.command(event, ("reject_suggestion", "delete_span", "delete_event")):
            self.reject_requested.emit(found.id)
        elif CODER_KEYS.command(event, ("delete_event",)):
            self.delete_requested.emit(found.id)
        else:
            return False
        return True
