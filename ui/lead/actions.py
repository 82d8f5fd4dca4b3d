"""Menus of the adjudication window.

The decision keys (digits, Enter, E, X, Tab, label keys) are read by the
article and the version list themselves (``ui.lead.keys``), so they
never fire while the lead types elsewhere; their menu entries show the key
but bind it only inside the menu. Window-wide keys (undo, documents, tabs,
F5, F1) are real shortcuts here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.lead.keys import keys_html

if TYPE_CHECKING:
    from ui.lead.window import AdjudicationWindow


class AdjudicationActions(QObject):
    def __init__(self, window: AdjudicationWindow):
        super().__init__(window)
        self.window = window
        session = window.session
        bar = window.menuBar()

        decide = bar.addMenu(self.tr("&Decision"))
        self.accept = self._add(decide, self.tr("&Accept the selected version"), "Return", lambda: session.accept(), shown_only=True)
        self.edit = self._add(decide, self.tr("&Edit into gold…"), "E", window.edit_current, shown_only=True)
        self.reject = self._add(decide, self.tr("&Reject the selected version (again: take back)"), "X", lambda: session.reject(), shown_only=True)
        self.reject_open = self._add(decide, self.tr("Reject the whole &place"), "Shift+X", session.reject_open, shown_only=True)
        add_menu = decide.addMenu(self.tr("A&dd the selected words as"))
        for label in window.project.codebook.labels:
            self._add(add_menu, label.name, label.key.upper() or None, lambda _checked=False, name=label.name: window.add_span(name), shown_only=True)
        decide.addSeparator()
        self.next_place = self._add(decide, self.tr("&Next open place"), "Tab", lambda: session.step_place(1), shown_only=True)
        self.previous_place = self._add(decide, self.tr("Pre&vious open place"), "Shift+Tab", lambda: session.step_place(-1), shown_only=True)
        decide.addSeparator()
        self.auto = self._add(decide, self.tr("Auto-adjudicate: what &all coders agree on"), None, lambda: window.auto_adjudicate("unanimous"))
        self.majority = self._add(decide, self.tr("Auto-adjudicate: what &most coders agree on"), None, lambda: window.auto_adjudicate("majority"))
        decide.addSeparator()
        undo = session.undo_stack.createUndoAction(window, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = session.undo_stack.createRedoAction(window, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        decide.addAction(undo)
        decide.addAction(redo)
        window.addAction(undo)
        window.addAction(redo)
        self.undo, self.redo = undo, redo
        decide.addSeparator()
        self._add(decide, self.tr("&Close"), QKeySequence.StandardKey.Close, window.close)

        documents = bar.addMenu(self.tr("D&ocument"))
        self.done = self._add(documents, self.tr("Settled: &next document with open places"), "Ctrl+Return", window.finish_and_next)
        self.next = self._add(documents, self.tr("N&ext document"), "Ctrl+PgDown", lambda: window.go(1))
        self.previous = self._add(documents, self.tr("&Previous document"), "Ctrl+PgUp", lambda: window.go(-1))
        self.refresh = self._add(documents, self.tr("&Read the queue and figures afresh"), "F5", window.refresh)

        view = bar.addMenu(self.tr("&View"))
        self.adjudicate_tab = self._add(view, self.tr("&Adjudicate"), "Ctrl+1", lambda: window.tabs.setCurrentIndex(0))
        self.agreement_tab = self._add(view, self.tr("A&greement"), "Ctrl+2", lambda: window.tabs.setCurrentIndex(1))
        view.addSeparator()
        self._add(view, self.tr("Back to the &article"), "F6", window.view.setFocus)
        self._add(view, self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, lambda: window.view.zoom(1))
        self._add(view, self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, lambda: window.view.zoom(-1))

        help_menu = bar.addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&Keys"), QKeySequence.StandardKey.HelpContents, self.show_keys)

    def _add(self, menu: QMenu, text: str, shortcut: object, slot: object, *, shown_only: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)  # type: ignore[arg-type]
            if shown_only:  # the article reads this key itself: show it, bind it only inside the menu
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)
        if not shown_only:
            self.window.addAction(action)  # so its key works while the menu bar is hidden or in another tab
        return action

    def show_keys(self) -> None:
        labels = [(label.key, label.name) for label in self.window.project.codebook.labels if label.key]
        QMessageBox.information(self.window, self.tr("Keys"), keys_html(labels))
