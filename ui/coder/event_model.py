"""The open document's events as a tree: each event, every role of its type (filled or
empty, with its key), and the spans that fill each role.

The tree changes event by event as the session reports edits (rows inserted,
removed, changed), so one filled slot never resets the panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from annotator.codebook import Codebook, EventType
from annotator.models import Annotation, Event, Origin
from annotator.suggest.events import shown_slots
from ui.coder.keys import CODER_KEYS
from ui.i18n import attrs_display_text, interface_language
from ui.widgets.rows import attrs_text, label_colour

Index = QModelIndex | QPersistentModelIndex

EVENT, ROLE, SPAN = "event", "role", "span"
ITEM_ROLE = Qt.ItemDataRole.UserRole  # (kind, event id, role name or None, span id or None)
SUGGESTED_ROLE = Qt.ItemDataRole.UserRole + 1  # True for the rows of a pending suggested event


@dataclass(eq=False)
class Node:
    kind: str
    event_id: str
    role: str | None = None
    span_id: str | None = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)


class EventModel(QAbstractItemModel):
    COLUMNS = ("name", "key")

    def __init__(self, codebook: Codebook, parent: QObject | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.events: dict[str, Event] = {}
        self.spans: Mapping[str, Annotation] = {}
        self.roots: list[Node] = []

    # --- keeping in step -----------------------------------------------------------------

    def reset(self, events: list[Event], spans: Mapping[str, Annotation]) -> None:
        """A new document: ``spans`` is the session's live table of its spans (names of slot fillers)."""
        self.beginResetModel()
        self.spans = spans
        self.events = {e.id: e for e in sorted(events, key=lambda e: e.id)}
        self.roots = [self._event_node(e) for e in self.events.values()]
        self.endResetModel()

    def added(self, event: Event) -> None:
        if event.id in self.events:
            self.updated(event)
            return
        row = sum(1 for other in self.events if other < event.id)
        self.beginInsertRows(QModelIndex(), row, row)
        self.events[event.id] = event
        self.roots.insert(row, self._event_node(event))
        self.endInsertRows()

    def removed(self, event: Event) -> None:
        row = self.row_of(event.id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.roots[row]
        self.events.pop(event.id, None)
        self.endRemoveRows()

    def updated(self, event: Event) -> None:
        """Each role's span rows replaced, the role and event rows redrawn."""
        row = self.row_of(event.id)
        if row is None:
            self.added(event)
            return
        self.events[event.id] = event
        node = self.roots[row]
        event_index = self.index(row, 0)
        for role_row, role_node in enumerate(node.children):
            role_index = self.index(role_row, 0, event_index)
            if role_node.children:
                self.beginRemoveRows(role_index, 0, len(role_node.children) - 1)
                role_node.children = []
                self.endRemoveRows()
            spans = shown_slots(event).get(role_node.role or "", ())
            if spans:
                self.beginInsertRows(role_index, 0, len(spans) - 1)
                role_node.children = [Node(SPAN, event.id, role_node.role, span, role_node) for span in spans]
                self.endInsertRows()
            self._row_changed(role_index)
        self._row_changed(event_index)

    def span_changed(self, annotation: Annotation) -> None:
        """A slot filler's text or label changed: redraw the rows that name it."""
        for event in [e for e in self.events.values() if annotation.id in e.span_ids]:
            self.updated(event)

    def row_of(self, event_id: str | None) -> int | None:
        return next((row for row, node in enumerate(self.roots) if node.event_id == event_id), None)

    def event_index(self, event_id: str | None) -> QModelIndex:
        row = self.row_of(event_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def _row_changed(self, index: QModelIndex) -> None:
        self.dataChanged.emit(index, index.siblingAtColumn(len(self.COLUMNS) - 1))

    def _event_node(self, event: Event) -> Node:
        node = Node(EVENT, event.id)
        role_names = [r.name for r in self._type(event).roles] if self._type(event) else []
        role_names += [r for r in shown_slots(event) if r not in role_names]
        for role in role_names:
            role_node = Node(ROLE, event.id, role, None, node)
            role_node.children = [Node(SPAN, event.id, role, span, role_node) for span in shown_slots(event).get(role, ())]
            node.children.append(role_node)
        return node

    def _type(self, event: Event) -> EventType | None:
        return next((t for t in self.codebook.event_types if t.name == event.type), None)

    # --- the tree --------------------------------------------------------------------------

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[no-any-return]

    def _children(self, parent: Index) -> list[Node]:
        node = self.node(parent)
        return self.roots if node is None else node.children

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        owner = node.parent
        siblings = self.roots if owner.parent is None else owner.parent.children
        return self.createIndex(siblings.index(owner), 0, owner)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return [self.tr("Event, role, span"), self.tr("Key")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None or node.event_id not in self.events:
            return None
        event = self.events[node.event_id]
        column = self.COLUMNS[index.column()]
        if role == ITEM_ROLE:
            return (node.kind, node.event_id, node.role, node.span_id)
        if role == SUGGESTED_ROLE:
            return event.origin == Origin.SUGGESTED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, event, column)
        if role == Qt.ItemDataRole.FontRole and event.origin == Origin.SUGGESTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == ROLE and not shown_slots(event).get(node.role or ""):
            return QColor("#9CA3AF")
        if role == Qt.ItemDataRole.DecorationRole and node.kind == SPAN and column == "name":
            span = self.spans.get(node.span_id or "")
            return label_colour(self.codebook, span.label) if span else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, event)
        return None

    def _tooltip(self, node: Node, event: Event) -> str | None:
        if node.kind == EVENT:
            shown = attrs_display_text(event_type.attributes, event.attrs) if (event_type := self._type(event)) else None
            lines = [shown or attrs_text(event.attrs)] if event.attrs else []
            if event.origin == Origin.SUGGESTED:
                lines.append(
                    self.tr("A suggested event: %1 accepts it, %2 rejects it.")
                    .replace("%1", CODER_KEYS.key_names("accept_suggestion"))
                    .replace("%2", CODER_KEYS.key_names("reject_suggestion"))
                )
            return "\n".join(lines) or None
        if node.kind == ROLE:
            event_type = self._type(event)
            found = next((r for r in event_type.roles if r.name == node.role), None) if event_type else None
            labels = [self.codebook.display("label", name, interface_language()) for name in found.labels] if found else []
            return (", ".join(labels) + (f" — {found.description}" if found.description else "")) if found else None
        span = self.spans.get(node.span_id or "")
        return self.codebook.display("label", span.label, interface_language()) if span is not None else None

    def _text(self, node: Node, event: Event, column: str) -> str:
        event_type = self._type(event)
        if node.kind == EVENT:
            if column == "name":
                name = self.codebook.display("event", event.type, interface_language())
                return name + (" " + self.tr("(suggested)") if event.origin == Origin.SUGGESTED else "")
            return event_type.key.upper() if event_type and event_type.key else ""
        if node.kind == ROLE:
            if column == "name":
                empty = not shown_slots(event).get(node.role or "")
                found = next((r for r in event_type.roles if r.name == node.role), None) if event_type else None
                name = found.display_name(interface_language()) if found else node.role or ""
                return self.tr("%s (empty)") % name if empty else name
            found = next((r for r in event_type.roles if r.name == node.role), None) if event_type else None
            return found.key.upper() if found and found.key else ""
        return self._span_text(node.span_id or "") if column == "name" else ""

    def _span_text(self, span_id: str) -> str:
        span = self.spans.get(span_id)
        return span.text if span is not None else "?"
