"""The lead's window: adjudicate the merged coders' spans into gold, and read their agreement.

Two tabs. *Adjudicate*: the queue of documents (most open places first), the
article with gold spans and one band per coder under each line, the
versions of the current place with the keys to decide on them, and the
document's events, each coder's beside gold's. *Agreement*:
the figures as tables and a chart; a document chosen there opens here.

Like the main window this one only wires: the session performs every change and
its signals tell each view what changed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.lead import adjudication
from annotator.lead.places import differences, queue_counts
from annotator.store.project import Project
from ui.i18n import DIGITS, interface_language, number_text
from ui.lead.actions import AdjudicationActions
from ui.lead.agreement_dashboard import AgreementDashboard
from ui.lead.event_panel import EventPanel
from ui.lead.gold_editor import GoldEditor
from ui.lead.keys import LEAD_KEYS, keys_html
from ui.lead.queue import AdjudicationQueue
from ui.lead.session import AdjudicationSession
from ui.lead.version_list import VersionList
from ui.lead.view import AdjudicationView, state_text
from ui.settings import Settings
from ui.widgets.document_header import DocumentHeader
from ui.widgets.document_queue import status_text
from ui.widgets.window_size import fit_to_screen

ADJUDICATE, AGREEMENT = 0, 1


class AdjudicationWindow(QMainWindow):
    def __init__(self, project: Project, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings = settings
        self.session = AdjudicationSession(project, self)
        title = self.tr("Adjudication — %s") % project.path.name
        if project.readonly:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)
        codebook = project.codebook

        # The queue at the start side, the article in the middle, the place's versions at the end side.
        self.queue = AdjudicationQueue(project)
        self.header = DocumentHeader()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.view = AdjudicationView()
        self.view.set_codebook(codebook)
        self.view.set_font_size(settings.font_size)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 6)
        centre_layout.addWidget(self.header)
        # What every coder agreed on goes into gold only when the lead asks, with the count in sight;
        # the button sits beside the document's figures so the article loses no height to it.
        self.put_agreed = QPushButton()
        self.put_agreed.setEnabled(False)
        facts_row = QHBoxLayout()
        facts_row.addWidget(self.facts, 1)
        facts_row.addWidget(self.put_agreed, 0, Qt.AlignmentFlag.AlignTop)
        centre_layout.addLayout(facts_row)
        centre_layout.addWidget(self.view, 1)

        self.place_title = QLabel()
        self.place_title.setWordWrap(True)
        self.place_title.setTextFormat(Qt.TextFormat.RichText)
        self.versions = VersionList(codebook)
        place_box = QWidget()
        place_layout = QVBoxLayout(place_box)
        place_layout.setContentsMargins(0, 0, 0, 0)
        place_layout.addWidget(self.place_title)
        place_layout.addWidget(self.versions, 1)
        label_keys = [(label.key, label.display_name(interface_language())) for label in codebook.labels if label.key]
        self.help = QLabel(keys_html(label_keys))
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop)
        help_scroll = QScrollArea()
        help_scroll.setWidget(self.help)
        help_scroll.setWidgetResizable(True)
        help_box = QGroupBox(self.tr("Keys"))
        QVBoxLayout(help_box).addWidget(help_scroll)
        self.events = EventPanel()
        events_box = QGroupBox(self.tr("Events"))
        QVBoxLayout(events_box).addWidget(self.events)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(place_box)
        side.addWidget(events_box)
        side.addWidget(help_box)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        side.setStretchFactor(2, 2)

        page = QSplitter(Qt.Orientation.Horizontal)
        page.addWidget(self.queue)
        page.addWidget(centre)
        page.addWidget(side)
        page.setStretchFactor(0, 2)
        page.setStretchFactor(1, 5)
        page.setStretchFactor(2, 3)
        page.setSizes([320, 760, 520])

        self.dashboard = AgreementDashboard(project)
        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("Adjudicate"))
        self.tabs.addTab(self.dashboard, self.tr("Agreement"))
        self.setCentralWidget(self.tabs)
        self.progress = QLabel()
        self.statusBar().addPermanentWidget(self.progress)
        self.actions = AdjudicationActions(self)
        self.put_agreed.clicked.connect(self.put_unanimous_into_gold)
        LEAD_KEYS.changed.connect(self._show_agreed)  # the tooltip names the key as rebound
        self._connect()
        DIGITS.changed.connect(self._digits_changed)
        if parent is not None:
            parent.installEventFilter(self)  # the project's window closes: so does this one
        fit_to_screen(self, 1580, 960)

        self.session.refresh_queue()
        if self.session.entries:
            self.session.open_document(self.session.entries[0].doc_id)
        self.view.setFocus()

    @property
    def project(self) -> Project:
        return self.session.project

    # --- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        session = self.session
        session.queue_changed.connect(self._queue_changed)
        session.entry_changed.connect(self._entry_changed)
        session.status_changed.connect(self.queue.model.status_changed)
        session.status_changed.connect(self._status_changed)
        session.document_changed.connect(self._document_changed)
        session.places_changed.connect(self._places_changed)
        session.current_changed.connect(self._current_changed)
        session.error.connect(self.show_error)
        session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))

        self.view.action_requested.connect(self.act)
        self.view.open_place_requested.connect(session.step_place)
        self.view.place_clicked.connect(lambda index, row: session.select_place(index, max(row, 0)))
        self.view.zoom_changed.connect(self._zoomed)
        self.versions.action_requested.connect(self.act)
        self.versions.open_place_requested.connect(session.step_place)
        self.versions.row_chosen.connect(session.select_row)
        self.events.accept_requested.connect(session.accept_event)
        self.events.withdraw_requested.connect(session.withdraw_event)
        self.queue.document_chosen.connect(session.open_document)
        self.dashboard.document_chosen.connect(self.adjudicate_document)
        self.tabs.currentChanged.connect(self._tab_changed)

    def act(self, name: str, argument: object) -> None:
        """Perform an action asked for by a key (``ui.lead.keys.key_action``)."""
        session = self.session
        row = session.current_row
        if name == "accept" and argument is None and row is not None and row.kind == "gold":
            self.edit_current()  # Enter on a gold span: edit it
        elif name == "accept":
            session.accept(argument)  # type: ignore[arg-type]
        elif name == "edit":
            self.edit_current()
        elif name == "reject":
            session.reject()
        elif name == "reject_open":
            session.reject_open()
        elif name == "row":
            session.step_row(argument)  # type: ignore[arg-type]
        elif name == "place":
            session.step_place(argument, open_only=False)  # type: ignore[arg-type]
        elif name == "label":
            label, start, end = argument  # type: ignore[misc]
            self.add_span(label, start, end)

    def add_span(self, label: str, start: int | None = None, end: int | None = None) -> None:
        if start is None or end is None:
            start, end = self.view.selection()
        self.session.add(label, start, end)
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def edit_current(self) -> None:
        """Open the editor on the selected row; what it returns goes into gold as one decision."""
        session = self.session
        row = session.current_row
        if row is None or session.document is None:
            self.statusBar().showMessage(self.tr("No place selected: Tab goes to the next open place."), 5000)
            return
        editor = GoldEditor(
            self.project, session.document, row.label, row.start, row.end, row.attrs,
            font_size=self.view.font().pointSize(), parent=self,
        )
        index = session.row
        if editor.exec() == GoldEditor.DialogCode.Accepted:
            session.edit(index, *editor.result_values())
        self.view.setFocus()

    # --- what changed ------------------------------------------------------------------------

    def _queue_changed(self) -> None:
        self._show_agreed()
        self.queue.show_entries(self.session.entries)
        if self.session.document is not None:
            self.queue.show_current(self.session.document.id)
        self._update_progress()

    def _entry_changed(self, entry: object) -> None:
        self.queue.entry_changed(entry)  # type: ignore[arg-type]
        self._show_agreed()
        self._update_progress()

    def _status_changed(self, doc_id: int) -> None:
        if self.session.document is not None and self.session.document.id == doc_id:
            self._show_facts()

    def _document_changed(self, document: object) -> None:
        session = self.session
        self.header.show_document(session.document)
        self.view.show_document(session.document, session.finished)
        if session.document is not None:
            self.queue.show_current(session.document.id)

    def _places_changed(self) -> None:
        self.view.show_places(self.session.places, self.session.gold)
        self.events.show_frames(self.session.frames)
        self._show_facts()

    def _current_changed(self) -> None:
        session = self.session
        row = session.current_row
        self.view.show_current(session.index, session.row, row.gold.id if row is not None and row.gold else None)
        rows = session.rows
        if rows == self.versions.model_.rows:
            self.versions.show_current(session.row)  # only another row: no reset under the lead's click
        else:
            self.versions.show_rows(rows, session.finished, session.row)
        self._show_place_title()

    def _show_facts(self) -> None:
        session = self.session
        if session.document is None:
            self.facts.clear()
            return
        counts = adjudication.count(session.places)
        # A right-to-left mark after each name keeps chip and name together in an Arabic line.
        chips = "&nbsp;&nbsp; ".join(
            f'<span style="background-color:{label.color}">&nbsp;&nbsp;&nbsp;</span>&nbsp;'
            f"{html.escape(label.display_name(interface_language()))}\u200f"
            for label in self.project.codebook.labels
        )
        text = (
            self.tr("Bands under each line, one per coder, top to bottom: <b>%1</b>. Places: %2, open: %3, all agreed: %4. "
                    "Your status: %5.")
            .replace("%1", html.escape(" · ".join(session.finished)))
            .replace("%2", number_text(counts.places))
            .replace("%3", number_text(counts.open))
            .replace("%4", number_text(counts.unanimous))
            .replace("%5", html.escape(status_text(self.project.status(session.document.id).status)))
        )
        self.facts.setText(f"{text}<br>{chips}")

    def _show_place_title(self) -> None:
        session = self.session
        place = session.current
        if place is None:
            self.place_title.setText(self.tr("No place selected: Tab goes to the next open place."))
            return
        number = (session.index or 0) + 1
        if not place.versions:
            state = self.tr("a gold span no coder made")
        elif place.open:
            state = f"<span style='color:#DC2626'><b>{html.escape(state_text('open'))}</b></span>"
        else:
            settled = self.tr("settled")
            state = f"<span style='color:#059669'><b>{html.escape(settled)}</b></span>"
        parts = [self.tr("Place %1 of %2").replace("%1", number_text(number)).replace("%2", number_text(len(session.places))), state]
        kinds = {
            "label": self.tr("label"),
            "extent": self.tr("extent"),
            "attributes": self.tr("attributes"),
            "missing": self.tr("not every coder tagged it"),
        }
        differ = [kinds[k] for k in differences(place)] if place.versions else []
        if differ:
            parts.append(self.tr("the coders differ on: %s") % html.escape(", ".join(differ)))
        elif place.versions:
            parts.append(self.tr("every coder made the same span"))
        self.place_title.setText(" · ".join(parts))

    def _update_progress(self) -> None:
        counts = queue_counts(self.session.entries)
        self.progress.setText(
            self.tr("Open places: %1 — documents settled: %2 / %3")
            .replace("%1", number_text(counts.open_places))
            .replace("%2", number_text(counts.settled_documents))
            .replace("%3", number_text(counts.documents))
        )

    def _digits_changed(self) -> None:
        """Every figure of the window in the digits just chosen (the lists redraw themselves)."""
        if not self.isVisible():
            return
        self._show_agreed()
        self._update_progress()
        self._show_facts()
        self._show_place_title()
        if self.tabs.currentIndex() == AGREEMENT:
            self.refresh_agreement()
        else:
            self.dashboard.measured = False  # written in the new digits when it is shown

    def _zoomed(self, size: int) -> None:
        self.settings.font_size = size

    def _tab_changed(self, index: int) -> None:
        if index == AGREEMENT and not self.dashboard.measured:
            self.refresh_agreement()
        elif index == ADJUDICATE:
            self.view.setFocus()

    # --- documents, tabs, auto-adjudication ------------------------------------------------------

    def adjudicate_document(self, doc_id: int) -> None:
        self.tabs.setCurrentIndex(ADJUDICATE)
        if doc_id not in [e.doc_id for e in self.session.entries]:
            self.statusBar().showMessage(self.tr("That document is not finished by two coders: nothing to adjudicate."), 5000)
        self.session.open_document(doc_id)
        self.view.setFocus()

    def go(self, step: int) -> None:
        target = self.session.neighbour(step, open_only=False)
        if target is None:
            self.statusBar().showMessage(self.tr("No more documents in the queue."), 4000)
            return
        self.session.open_document(target)

    def finish_and_next(self) -> None:
        """The document is settled: go on to the next document with open places."""
        session = self.session
        if session.document is None:
            return
        remaining = session.open_count()
        if remaining:
            answer = QMessageBox.question(
                self,
                self.tr("Open places"),
                self.tr("%s place(s) of this document are still open. Leave them open and go to the next document?")
                % remaining,
            )
            if answer != QMessageBox.StandardButton.Yes:
                session.step_place(1)
                return
        target = session.neighbour(1, open_only=True)
        if target is None:
            self.statusBar().showMessage(
                self.tr("Every document is settled. Export the gold layer with File > Export (layer: gold)."), 8000
            )
            return
        session.open_document(target)
        self.view.setFocus()

    def put_unanimous_into_gold(self) -> None:
        """The spans (and events) every coder agreed on go into gold as one step Ctrl+Z takes back;
        the lead asks for it and reads how many went in."""
        if self.project.readonly:
            self.statusBar().showMessage(self.tr("The project is open read-only: nothing goes into gold."), 6000)
            return
        undone = self.session.undone_auto("unanimous")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if undone is not None:
                self.session.undo_stack.redo()
                report = undone.report
            else:
                report = self.session.auto("unanimous")
        finally:
            QGuiApplication.restoreOverrideCursor()
        if report is None:
            return
        if not report.added and not report.events_added:
            self.statusBar().showMessage(self.tr("No place every coder agreed on is waiting for gold."), 6000)
            return
        current = self.session.current
        if current is not None and not current.open and self.session.open_count():
            self.session.step_place(1)  # the place just settled: on to the next real disagreement
        self.statusBar().showMessage(
            self.tr("%1 span(s) and %2 event(s) every coder agreed on went into gold (Ctrl+Z takes them back).")
            .replace("%1", number_text(report.added))
            .replace("%2", number_text(report.events_added)),
            15000,
        )

    def _show_agreed(self) -> None:
        """The button tells how many agreed places wait, so the count before and after is in sight."""
        waiting = self.session.agreed_count
        key = self.actions.auto.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.put_agreed.setText(self.tr("Put unanimous spans into gold (%1)").replace("%1", number_text(waiting)))
        self.put_agreed.setToolTip(
            self.tr("%1 place(s) every coder agreed on are not in gold yet; this puts them there as one step "
                    "that Ctrl+Z takes back. Key: %2").replace("%1", number_text(waiting)).replace("%2", key)
        )
        self.put_agreed.setEnabled(bool(waiting) and not self.project.readonly)

    def auto_adjudicate(self, strategy: str) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.session.auto(strategy)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if report is not None:
            QMessageBox.information(self, self.tr("Auto-adjudication"), "\n".join(report.lines()))

    def refresh(self) -> None:
        """F5: read the queue, the open document and (when shown) the figures afresh."""
        self.session.reloaded()
        if self.tabs.currentIndex() == AGREEMENT:
            self.refresh_agreement()
        else:
            self.dashboard.measured = False  # measured again when the tab is shown

    def refresh_agreement(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.dashboard.refresh()
        finally:
            QGuiApplication.restoreOverrideCursor()

    # --- messages and closing ---------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Adjudication"), message)

    def quit(self) -> None:
        """Ctrl+Q quits the program here too: the project's window closes (asking what it asks), and
        this one with it; alone, this window closes."""
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.close()
        else:
            self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.close()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every decision is committed already; the project belongs to the window that opened it.
        if self.parent() is not None:
            self.parent().removeEventFilter(self)
        super().closeEvent(event)
