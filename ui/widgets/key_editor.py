"""The Keys page of Preferences: every command of each window with its keys, to rebind.

Nothing reaches the keymaps until the dialog is accepted: the page keeps the
keys being edited and checks each new key against them, so a key that another
command of the same window, or a codebook label, already has is refused with
the reason, and the table never holds a clash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.keymap import NATIVE, Binding, Keymap

ROLE = Qt.ItemDataRole.UserRole


class KeyEditor(QWidget):
    def __init__(self, keymaps: Sequence[tuple[str, Keymap]], label_keys: Mapping[str, str], parent: QWidget | None = None):
        """``keymaps``: (window title, keymap); ``label_keys``: the codebook's key letters and label names."""
        super().__init__(parent)
        self.keymaps = {keymap.name: keymap for _title, keymap in keymaps}
        self.label_keys = dict(label_keys)
        self.pending = {keymap.name: keymap.all_keys() for _title, keymap in keymaps}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items: dict[tuple[str, str], QTreeWidgetItem] = {}
        for title, keymap in keymaps:
            top = QTreeWidgetItem(self.tree, [title])
            for section in keymap.sections:
                for entry in section.entries:
                    if isinstance(entry, Binding):
                        item = QTreeWidgetItem(top, [keymap.description(entry.id), ""])
                        item.setToolTip(0, keymap.description(entry.id))  # a long one is cut in the column
                        item.setData(0, ROLE, (keymap.name, entry.id))
                        self.items[(keymap.name, entry.id)] = item
            top.setExpanded(True)
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._show_current())
        self.edit = QKeySequenceEdit()
        self.edit.setMaximumSequenceLength(1)
        self.edit.setClearButtonEnabled(True)
        self.assign = QPushButton(self.tr("&Assign"))
        self.assign.clicked.connect(self._assign)
        self.unbind = QPushButton(self.tr("No &key"))
        self.unbind.clicked.connect(lambda: self._change([]))
        self.default = QPushButton(self.tr("&Default"))
        self.default.clicked.connect(self._default)
        self.restore = QPushButton(self.tr("&Restore all defaults"))
        self.restore.clicked.connect(self.restore_defaults)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("New key:")))
        row.addWidget(self.edit, 1)
        row.addWidget(self.assign)
        row.addWidget(self.unbind)
        row.addWidget(self.default)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        labels = ", ".join(f"{key.upper()} {name}" for key, name in sorted(self.label_keys.items()))
        note = QLabel(self.tr("Label keys come from the codebook: %s. The digits 1 to 9 pick a label or a version.") % labels)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeading)
        self._show_all()
        self._show_current()

    # --- what the page holds ------------------------------------------------------------------

    def keys(self, keymap: str, command: str) -> list[QKeySequence]:
        return list(self.pending[keymap][command])

    def overrides(self) -> dict[str, str]:
        """The edited keys that differ from the defaults, as the settings store them."""
        out: dict[str, str] = {}
        for name, keymap in self.keymaps.items():
            out.update(keymap.overrides(self.pending[name]))
        return out

    def set_keys(self, keymap: str, command: str, sequences: Sequence[QKeySequence]) -> str | None:
        """Give ``command`` these keys, or refuse them: the reason is returned (the buttons show it)."""
        refusal = self.keymaps[keymap].refusal(command, sequences, self.pending[keymap], self.label_keys)
        if refusal is not None:
            return refusal
        self.pending[keymap][command] = list(sequences)
        self._show(keymap, command)
        return None

    def restore_defaults(self) -> None:
        for name, keymap in self.keymaps.items():
            self.pending[name] = {command: keymap.defaults(command) for command in keymap.bindings}
        self._show_all()

    # --- buttons --------------------------------------------------------------------------------

    def _selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        data = item.data(0, ROLE) if item is not None else None
        return tuple(data) if data else None  # type: ignore[return-value]

    def _assign(self) -> None:
        sequence = self.edit.keySequence()
        if sequence.isEmpty():
            return
        self._change([sequence])

    def _default(self) -> None:
        selected = self._selected()
        if selected is not None:
            self._change(self.keymaps[selected[0]].defaults(selected[1]))

    def _change(self, sequences: list[QKeySequence]) -> None:
        selected = self._selected()
        if selected is None:
            return
        refusal = self.set_keys(*selected, sequences)
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Keys"), refusal)

    # --- showing ---------------------------------------------------------------------------------

    def _show(self, keymap: str, command: str) -> None:
        self.items[(keymap, command)].setText(1, QKeySequence.listToString(self.pending[keymap][command], NATIVE))

    def _show_all(self) -> None:
        for keymap, command in self.items:
            self._show(keymap, command)

    def _show_current(self) -> None:
        selected = self._selected()
        for button in (self.assign, self.unbind, self.default):
            button.setEnabled(selected is not None)
        self.edit.clear()
