"""Menus and window-wide shortcuts.

Keys that act on the article (label keys, Delete, Tab, S/E, K) live in
:mod:`ui.widgets.article_view`, so they never fire while the coder types elsewhere;
the ones here work from anywhere in the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.coder import dialogs
from ui.lead import dialogs as lead_dialogs

if TYPE_CHECKING:
    from ui.coder.main_window import MainWindow


class Actions:
    def __init__(self, window: MainWindow):
        self.window = window
        session = window.session
        bar = window.menuBar()

        file_menu = bar.addMenu(window.tr("&File"))
        self.new = self._add(file_menu, window.tr("&New project…"), QKeySequence.StandardKey.New, lambda: dialogs.new_project(window))
        self.open = self._add(file_menu, window.tr("&Open…"), QKeySequence.StandardKey.Open, lambda: dialogs.open_project(window))
        self.recent = file_menu.addMenu(window.tr("Open &recent"))
        self.recent.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.import_ = self._add(file_menu, window.tr("&Import articles…"), "Ctrl+I", lambda: dialogs.import_files(window))
        self.export = self._add(file_menu, window.tr("&Export…"), "Ctrl+E", lambda: dialogs.export_project(window))
        file_menu.addSeparator()
        self._add(file_menu, window.tr("Save a &copy…"), None, lambda: dialogs.save_copy(window))
        self._add(file_menu, window.tr("Restore a &backup…"), None, lambda: dialogs.restore_backup(window))
        file_menu.addSeparator()
        self._add(file_menu, window.tr("&Quit"), "Ctrl+Q", window.close)  # StandardKey.Quit is empty on some desktops

        edit_menu = bar.addMenu(window.tr("&Edit"))
        undo = session.undo_stack.createUndoAction(window, window.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = session.undo_stack.createRedoAction(window, window.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo, self.redo = undo, redo
        edit_menu.addSeparator()
        self._add(edit_menu, window.tr("&Preferences…"), "Ctrl+,", lambda: dialogs.preferences(window))

        doc_menu = bar.addMenu(window.tr("&Document"))
        self.next = self._add(doc_menu, window.tr("&Next document"), "Ctrl+PgDown", lambda: window.go(1))
        self.previous = self._add(doc_menu, window.tr("&Previous document"), "Ctrl+PgUp", lambda: window.go(-1))
        self.done = self._add(doc_menu, window.tr("Mark &done and go to next"), "Ctrl+Return", lambda: window.finish_and_next("done"))
        self.skip = self._add(doc_menu, window.tr("&Skip and go to next"), "Ctrl+Shift+K", lambda: window.finish_and_next("skipped"))
        self.flag = self._add(doc_menu, window.tr("&Flag for the lead"), "Ctrl+Shift+F", self._toggle_flag)
        doc_menu.addSeparator()
        self.suggest = self._add(doc_menu, window.tr("S&uggest spans"), "Ctrl+G", window.suggestions.suggest)
        self.accept_all = self._add(doc_menu, window.tr("&Accept all suggestions…"), "Ctrl+Shift+A", self._accept_all)
        doc_menu.addSeparator()
        self.find = self._add(doc_menu, window.tr("&Search documents"), QKeySequence.StandardKey.Find, self._focus_search)
        self.article = self._add(doc_menu, window.tr("Back to the &article"), "F6", window.view.setFocus)

        lead_menu = bar.addMenu(window.tr("&Lead"))
        self.merge = self._add(lead_menu, window.tr("&Merge coder files…"), None, lambda: lead_dialogs.merge_coder_files(window))
        self.adjudicate = self._add(lead_menu, window.tr("&Adjudicate…"), None, lambda: lead_dialogs.adjudicate(window))
        self.agreement = self._add(lead_menu, window.tr("A&greement…"), None, lambda: lead_dialogs.agreement(window))

        view_menu = bar.addMenu(window.tr("&View"))
        self._add(view_menu, window.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, lambda: window.view.zoom(1))
        self._add(view_menu, window.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, lambda: window.view.zoom(-1))

        help_menu = bar.addMenu(window.tr("&Help"))
        self._add(help_menu, window.tr("&Keys"), QKeySequence.StandardKey.HelpContents, lambda: dialogs.keys_help(window))
        self._add(help_menu, window.tr("&About"), None, lambda: dialogs.about(window))

    def _add(self, menu: QMenu, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent.clear()
        paths = [Path(p) for p in self.window.settings.recent if Path(p).exists()]
        if not paths:
            self.recent.addAction(self.window.tr("(none)")).setEnabled(False)
        for path in paths:
            self.recent.addAction(str(path), lambda p=path: dialogs.open_path(self.window, p))

    def _toggle_flag(self) -> None:
        document = self.window.session.document
        if document is not None:
            flagged = self.window.project.status(document.id).flagged
            self.window.session.set_status(flagged=not flagged)

    def _accept_all(self) -> None:
        pending = self.window.suggestions.pending()
        if not pending:
            self.window.statusBar().showMessage(self.window.tr("No pending suggestions in this document."), 3000)
            return
        answer = QMessageBox.question(
            self.window,
            self.window.tr("Accept all suggestions"),
            self.window.tr("Accept the %n pending suggestion(s) of this document as your own spans?", "", len(pending)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.suggestions.accept_all()

    def _focus_search(self) -> None:
        self.window.queue.search_box.setFocus()
        self.window.queue.search_box.selectAll()
