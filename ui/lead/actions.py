"""Menus of the adjudication window, made from its key table (``ui.lead.keys``).

The decision keys (digits, Enter, E, X, Tab, label keys) are read by the
article and the version list themselves, so they never fire while the lead
types elsewhere; their menu entries show the key but bind it only inside the
menu. Window-wide keys (undo, documents, tabs, F5, F1) are real shortcuts here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.i18n import interface_language
from ui.keymap import KeyBinder, show_label_key
from ui.lead.keys import LEAD_KEYS, keys_html

if TYPE_CHECKING:
    from ui.lead.window import AdjudicationWindow


class AdjudicationActions(QObject):
    def __init__(self, window: AdjudicationWindow):
        super().__init__(window)
        self.window = window
        session = window.session
        LEAD_KEYS.set_overrides(window.settings.keys)
        self.keys = KeyBinder(LEAD_KEYS, self)
        LEAD_KEYS.changed.connect(self._show_help)
        bar = window.menuBar()

        decide = bar.addMenu(self.tr("&Decision"))
        self.accept = self._add(decide, "accept", lambda: session.accept(), shown_only=True)
        self.edit = self._add(decide, "edit", window.edit_current, shown_only=True)
        self.reject = self._add(decide, "reject", lambda: session.reject(), shown_only=True)
        self.reject_open = self._add(decide, "reject_open", session.reject_open, shown_only=True)
        add_menu = decide.addMenu(self.tr("A&dd the selected words as"))
        for label in window.project.codebook.labels:
            entry = add_menu.addAction(label.display_name(interface_language()))
            entry.triggered.connect(lambda _checked=False, name=label.name: window.add_span(name))
            if label.key:
                show_label_key(entry, label.key)
        decide.addSeparator()
        self.next_place = self._add(decide, "next_place", lambda: session.step_place(1), shown_only=True)
        self.previous_place = self._add(decide, "previous_place", lambda: session.step_place(-1), shown_only=True)
        decide.addSeparator()
        self.auto = self._add(decide, "auto", window.put_unanimous_into_gold)
        self.majority = self._add(decide, "majority", lambda: window.auto_adjudicate("majority"))
        decide.addSeparator()
        self.undo = self.keys.bind(session.undo_stack.createUndoAction(window, LEAD_KEYS.text("undo")), "undo")
        self.redo = self.keys.bind(session.undo_stack.createRedoAction(window, LEAD_KEYS.text("redo")), "redo")
        decide.addAction(self.undo)
        decide.addAction(self.redo)
        window.addAction(self.undo)
        window.addAction(self.redo)
        decide.addSeparator()
        self._add(decide, "close", window.close)
        self._add(decide, "quit", window.quit)

        documents = bar.addMenu(self.tr("D&ocument"))
        self.done = self._add(documents, "done", window.finish_and_next)
        self.next = self._add(documents, "next_document", lambda: window.go(1))
        self.previous = self._add(documents, "previous_document", lambda: window.go(-1))
        self.refresh = self._add(documents, "refresh", window.refresh)

        view = bar.addMenu(self.tr("&View"))
        self.adjudicate_tab = self._add(view, "adjudicate_tab", lambda: window.tabs.setCurrentIndex(0))
        self.agreement_tab = self._add(view, "agreement_tab", lambda: window.tabs.setCurrentIndex(1))
        view.addSeparator()
        self._add(view, "article", window.view.setFocus)
        self._add(view, "zoom_in", lambda: window.view.zoom(1))
        self._add(view, "zoom_out", lambda: window.view.zoom(-1))

        help_menu = bar.addMenu(self.tr("&Help"))
        self._add(help_menu, "keys", self.show_keys)

    def _add(self, menu: QMenu, command: str, slot: object, *, shown_only: bool = False) -> QAction:
        action = self.keys.action(command, self.window, shown_only=shown_only)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)
        if not shown_only:
            self.window.addAction(action)  # so its key works while the menu bar is hidden or in another tab
        return action

    def _labels(self) -> list[tuple[str, str]]:
        language = interface_language()
        return [(label.key, label.display_name(language)) for label in self.window.project.codebook.labels if label.key]

    def _show_help(self) -> None:
        """The help panel follows a rebinding made in Preferences."""
        self.window.help.setText(keys_html(self._labels()))

    def show_keys(self) -> None:
        QMessageBox.information(self.window, self.tr("Keys"), keys_html(self._labels()))
