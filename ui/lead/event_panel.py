"""The open document's events side by side: one column per finished coder, then gold.

Each column lists the coder's event frames, each frame its roles with their span texts
(``annotator.lead.places.event_frames``); a reading every coder made is marked, and so
is one already in gold. The lead accepts the chosen coder frame into gold, or withdraws
the chosen gold frame, through the session (one undoable decision each).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.lead.places import EventFrames, Frame

EVENT_ID = Qt.ItemDataRole.UserRole


class EventPanel(QWidget):
    accept_requested = Signal(str)  # a coder's event id
    withdraw_requested = Signal(str)  # a gold event id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = QHBoxLayout()
        self.trees: list[QTreeWidget] = []
        self.gold_tree: QTreeWidget | None = None
        self.accept_button = QPushButton(self.tr("Accept event into gold"))
        self.accept_button.setToolTip(self.tr("Put the chosen coder's event into gold, with the spans it needs."))
        self.withdraw_button = QPushButton(self.tr("Withdraw gold event"))
        self.accept_button.clicked.connect(self._accept)
        self.withdraw_button.clicked.connect(self._withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.columns, 1)
        layout.addLayout(buttons)
        self._chosen: tuple[str, str] | None = None  # ("coder" | "gold", event id)
        self._update_buttons()

    def show_frames(self, frames: EventFrames) -> None:
        """Rebuild the columns; the frame chosen before stays chosen when it is still shown."""
        chosen = self._chosen
        for tree in self.trees:
            self.columns.removeWidget(tree)
            tree.deleteLater()
        self.trees, self.gold_tree, self._chosen = [], None, None
        for coder, coder_frames in frames.coders:
            self._add_tree(coder, coder_frames, "coder")
        self.gold_tree = self._add_tree(self.tr("gold"), frames.gold, "gold")
        if chosen is not None:
            self.choose(chosen[1])
        self._update_buttons()

    def choose(self, event_id: str) -> bool:
        """Make the frame of ``event_id`` the chosen one (False when it is not shown)."""
        for tree in self.trees:
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                if item.data(0, EVENT_ID) == event_id:
                    tree.setCurrentItem(item)
                    return True
        return False

    def frame_texts(self) -> list[list[str]]:
        """Each column's lines as shown (header first), for tests and the accessible name."""
        out = []
        for tree in self.trees:
            lines = [tree.headerItem().text(0)]
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                lines.append(item.text(0))
                lines += ["  " + item.child(c).text(0) for c in range(item.childCount())]
            out.append(lines)
        return out

    def _add_tree(self, title: str, frames: tuple[Frame, ...], kind: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(1)
        tree.setHeaderLabels([title])
        tree.setProperty("kind", kind)
        for frame in frames:
            marks = []
            if frame.unanimous:
                marks.append(self.tr("every coder"))
            if frame.in_gold:
                marks.append(self.tr("in gold"))
            attrs = ", ".join(f"{k}: {v}" for k, v in sorted(frame.event.attrs.items()))
            text = frame.event.type + (f" ({attrs})" if attrs else "") + (f" [{'; '.join(marks)}]" if marks else "")
            item = QTreeWidgetItem([text])
            item.setData(0, EVENT_ID, frame.event.id)
            for role, texts in frame.roles:
                child = QTreeWidgetItem([f"{role}: {'، '.join(texts)}"])
                child.setData(0, EVENT_ID, frame.event.id)
                item.addChild(child)
            tree.addTopLevelItem(item)
            item.setExpanded(True)
        tree.currentItemChanged.connect(lambda current, _previous, t=tree: self._chosen_in(t, current))
        self.columns.addWidget(tree)
        self.trees.append(tree)
        return tree

    def _chosen_in(self, tree: QTreeWidget, item: QTreeWidgetItem | None) -> None:
        event_id = item.data(0, EVENT_ID) if item is not None else None
        self._chosen = (str(tree.property("kind")), str(event_id)) if event_id else None
        for other in self.trees:
            if other is not tree:
                other.blockSignals(True)
                other.setCurrentIndex(QModelIndex())
                other.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        kind = self._chosen[0] if self._chosen else None
        self.accept_button.setEnabled(kind == "coder")
        self.withdraw_button.setEnabled(kind == "gold")

    def _accept(self) -> None:
        if self._chosen and self._chosen[0] == "coder":
            self.accept_requested.emit(self._chosen[1])

    def _withdraw(self) -> None:
        if self._chosen and self._chosen[0] == "gold":
            self.withdraw_requested.emit(self._chosen[1])
