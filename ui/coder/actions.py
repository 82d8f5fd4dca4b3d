"""Menus and window-wide shortcuts, made from the window's key table.

Keys that act on the article (label keys, Delete, Tab, S/E, K) are read by
:mod:`ui.widgets.article_view` from the same table, so they never fire while the
coder types elsewhere; the ones here work from anywhere in the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from annotator.models import Status
from ui.coder import dialogs, preferences
from ui.coder.keys import CODER_KEYS
from ui.i18n import with_digits
from ui.keymap import KeyBinder
from ui.lead import dialogs as lead_dialogs

if TYPE_CHECKING:
    from ui.coder.main_window import MainWindow


class Actions(QObject):
    """The window's menus, made from its key table (``ui.coder.keys``)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        session = window.session
        CODER_KEYS.set_overrides(window.settings.keys)
        self.keys = KeyBinder(CODER_KEYS, self)
        bar = window.menuBar()

        file_menu = bar.addMenu(window.tr("&File"))
        self.new = self._add(file_menu, "new", lambda: dialogs.new_project(window))
        self.open = self._add(file_menu, "open", lambda: dialogs.open_project(window))
        self.recent = file_menu.addMenu(window.tr("Open &recent"))
        self.recent.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.import_ = self._add(file_menu, "import", lambda: dialogs.import_files(window))
        self.export = self._add(file_menu, "export", lambda: dialogs.export_project(window))
        file_menu.addSeparator()
        self._add(file_menu, "save_copy", lambda: dialogs.save_copy(window))
        self._add(file_menu, "restore_backup", lambda: dialogs.restore_backup(window))
        file_menu.addSeparator()
        self._add(file_menu, "quit", window.close)

        edit_menu = bar.addMenu(window.tr("&Edit"))
        self.undo = self.keys.bind(session.undo_stack.createUndoAction(window, CODER_KEYS.text("undo")), "undo")
        self.redo = self.keys.bind(session.undo_stack.createRedoAction(window, CODER_KEYS.text("redo")), "redo")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        self._add(edit_menu, "preferences", lambda: preferences.preferences(window))

        doc_menu = bar.addMenu(window.tr("&Document"))
        self.next = self._add(doc_menu, "next_document", lambda: window.go(1))
        self.previous = self._add(doc_menu, "previous_document", lambda: window.go(-1))
        self.done = self._add(doc_menu, "done", lambda: window.finish_and_next(Status.DONE))
        self.skip = self._add(doc_menu, "skip", lambda: window.finish_and_next(Status.SKIPPED))
        self.flag = self._add(doc_menu, "flag", self._toggle_flag)
        doc_menu.addSeparator()
        self.suggest = self._add(doc_menu, "suggest", window.suggestions.suggest)
        self.accept_all = self._add(doc_menu, "accept_all", self._accept_all)
        doc_menu.addSeparator()
        self.find = self._add(doc_menu, "find", self._focus_search)
        self.find_next = self._add(doc_menu, "find_next", lambda: window.step_match(1))
        self.find_previous = self._add(doc_menu, "find_previous", lambda: window.step_match(-1))
        self.article = self._add(doc_menu, "article", window.view.setFocus)

        lead_menu = bar.addMenu(window.tr("&Lead"))
        self.merge = self._add(lead_menu, "merge", lambda: lead_dialogs.merge_coder_files(window))
        self.adjudicate = self._add(lead_menu, "adjudicate", lambda: lead_dialogs.adjudicate(window))
        self.agreement = self._add(lead_menu, "agreement", lambda: lead_dialogs.agreement(window))

        view_menu = bar.addMenu(window.tr("&View"))
        self._add(view_menu, "zoom_in", lambda: window.view.zoom(1))
        self._add(view_menu, "zoom_out", lambda: window.view.zoom(-1))

        help_menu = bar.addMenu(window.tr("&Help"))
        self._add(help_menu, "keys", lambda: dialogs.keys_help(window))
        self._add(help_menu, "about", lambda: dialogs.about(window))

    def _add(self, menu: QMenu, command: str, slot: object) -> QAction:
        action = self.keys.action(command, self.window)
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
            with_digits(self.window.tr("Accept the %n pending suggestion(s) of this document as your own spans?", "",
                                       len(pending)), len(pending)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.suggestions.accept_all()

    def _focus_search(self) -> None:
        self.window.queue.search_box.setFocus()
        self.window.queue.search_box.selectAll()
