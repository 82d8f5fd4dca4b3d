"""The main window: wires the session to the views, docks and actions. No logic of its own.

Views report what the coder asked for; the session performs it; the session's
signals tell each view what changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.changes import Changes
from annotator.done_checks import done_problems
from annotator.models import Document, Status
from annotator.store.project import Project
from annotator.suggest.events import shown_slots
from annotator.text_search import find_matches
from ui.coder import done_warning
from ui.coder.actions import Actions
from ui.coder.document_panel import DocumentPanel
from ui.coder.event_form import EventForm
from ui.coder.event_panel import EventPanel
from ui.coder.learning import BackgroundTraining
from ui.coder.session import EditSession
from ui.coder.span_list import SpanList
from ui.coder.span_panel import SpanPanel
from ui.coder.suggestions import SuggestionActions
from ui.i18n import DIGITS, interface_language, number_text, use_digits
from ui.settings import Settings, save_settings
from ui.widgets.article_view import ArticleView
from ui.widgets.attribute_form import AttributeForm
from ui.widgets.document_header import DocumentHeader
from ui.widgets.document_queue import DocumentQueue
from ui.widgets.window_size import fit_to_screen

DOCK_MIN_WIDTH = 300  # px: the narrowest a side panel may be dragged
DOCK_MAX_START_WIDTH = 480  # px: the span panel's first width, however wide a codebook's form
SPAN_SHARE = 0.68  # of the window's height, the span dock's at first (the events dock has the rest)


class MainWindow(QMainWindow):
    def __init__(self, project: Project, settings: Settings):
        super().__init__()
        self.settings = settings
        use_digits(settings.digits)  # before any widget writes a number
        self.session = EditSession(project, self)
        self.suggestions = SuggestionActions(self.session)
        self.learning = BackgroundTraining(self, self.session)
        title = self.tr("Arabic event annotator — %s") % project.path.name
        if project.readonly:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)

        # The article in the centre, its title and metadata above it.
        self.header = DocumentHeader()
        self.view = ArticleView()
        self.view.set_codebook(project.codebook)
        self.view.set_font_size(settings.font_size)
        self.view.set_dark(settings.theme == "dark")
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 6)
        centre_layout.addWidget(self.header)
        centre_layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        # Documents on one side, the selected span on the other.
        self.queue = DocumentQueue(project)
        self.panel = DocumentPanel()
        documents = QSplitter(Qt.Orientation.Vertical)
        documents.addWidget(self.queue)
        documents.addWidget(self.panel)
        documents.setStretchFactor(0, 4)
        self.form = AttributeForm(project.codebook, project.attribute_values)
        self.spans = SpanList(project.codebook)
        span_side = SpanPanel(self.form, self.spans)
        self._dock(self.tr("Documents"), documents, Qt.DockWidgetArea.LeftDockWidgetArea, "documents")
        span_dock = self._dock(self.tr("Span"), span_side, Qt.DockWidgetArea.RightDockWidgetArea, "span")
        self.events = EventPanel(project.codebook, EventForm(project.codebook, project.attribute_values))
        self.events.form.yields_to = self.form  # no Alt letter in both forms
        self.form.fields_built.connect(self.events.form.refresh_letters)
        events_dock = self._dock(self.tr("Events"), self.events, Qt.DockWidgetArea.RightDockWidgetArea, "events")

        self.progress = QLabel()
        self.statusBar().addPermanentWidget(self.progress)
        self.actions = Actions(self)
        self._connect()
        DIGITS.changed.connect(self._digits_changed)
        fit_to_screen(self, 1400, 900)  # a 1366x768 laptop gets its free area
        needed = self.form.largest()
        span_width = min(max(DOCK_MIN_WIDTH, needed.width() + span_side.scrollbar_width()), DOCK_MAX_START_WIDTH)
        self.resizeDocks([span_dock], [span_width], Qt.Orientation.Horizontal)
        # The span dock before the events: a form and a list to work in, against a tree to glance at.
        span_height = round(self.height() * SPAN_SHARE)
        self.resizeDocks([span_dock, events_dock], [span_height, self.height() - span_height], Qt.Orientation.Vertical)
        span_side.fit_form(needed.height())
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        self._update_progress()
        start = self._start_document()
        if start is not None:
            self.session.open_document(start)
        self.view.setFocus()

    def _start_document(self) -> int | None:
        """The document last open in this project, so a coder picks up where they stopped;
        the first document when there is none or it is gone."""
        key = self.settings.document_of(self.project.path)
        last = self.project.document_by_key(key) if key else None
        if last is not None:
            return last.id
        first = self.project.documents(limit=1)
        return first[0].id if first else None

    @property
    def project(self) -> Project:
        return self.session.project

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        """A dock whose width its content never changes.

        The main window widens a dock area whenever a dock's minimum width grows, and the
        attribute form's minimum follows the selected span's label (a row of choices is wide),
        as does the event form's: the article then re-wrapped under the mouse. The content's
        width is ignored (its height is not), so only the coder's drag resizes a dock.
        """
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
        widget.setMinimumWidth(DOCK_MIN_WIDTH)
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(_mirrored(area, self.layoutDirection()), dock)
        return dock

    # --- wiring ------------------------------------------------------------------------

    def _connect(self) -> None:
        session = self.session
        session.document_changed.connect(self._document_changed)
        session.changed.connect(self._changed)
        session.span_selected.connect(self._span_selected)
        session.status_changed.connect(self._status_changed)
        session.error.connect(self.show_error)

        self.view.label_requested.connect(self._label_key)
        self.view.span_clicked.connect(session.select)
        self.view.delete_requested.connect(self.delete_span)
        self.view.step_requested.connect(session.step)
        self.view.suggestion_step_requested.connect(lambda direction: session.step(direction, suggestions=True))
        self.view.edge_requested.connect(lambda edge, unit, d: session.selected_id and session.move_edge(session.selected_id, edge, unit, d))
        self.view.proclitic_requested.connect(session.toggle_proclitic)
        self.view.accept_requested.connect(self.suggestions.accept)
        self.view.reject_requested.connect(self.suggestions.reject)
        self.view.tag_all_requested.connect(self.suggestions.tag_all)
        self.view.zoom_changed.connect(self._zoomed)
        self.spans.span_chosen.connect(session.select)
        session.event_selected.connect(self._event_selected)
        self.view.event_requested.connect(session.start_event)
        self.view.role_requested.connect(self._role_key)
        self.view.event_step_requested.connect(session.step_event)
        self.view.event_left.connect(lambda: session.select_event(None))
        self.view.event_delete_requested.connect(session.delete_event)
        self.view.event_accept_requested.connect(session.accept_event)
        self.view.event_reject_requested.connect(session.reject_event)
        self.events.event_chosen.connect(session.select_event)
        self.events.span_chosen.connect(session.select)
        self.events.event_hovered.connect(self._event_hovered)
        self.events.accept_requested.connect(session.accept_event)
        self.events.reject_requested.connect(session.reject_event)
        self.events.delete_requested.connect(session.delete_event)
        self.events.tree.clicked.connect(lambda _index: self.view.setFocus())  # the role keys are the article's
        self.events.form.attrs_edited.connect(session.set_event_attrs)
        self.form.attrs_edited.connect(lambda span_id, attrs: session.update_span(span_id, attrs=attrs))
        self.form.relabel_requested.connect(session.relabel)
        self.queue.document_chosen.connect(session.open_document)
        self.queue.search_applied.connect(lambda _words: self._show_matches())
        self.queue.search_entered.connect(self._to_first_match)
        self.panel.status_chosen.connect(lambda status: session.set_status(status))
        self.panel.flag_toggled.connect(lambda flagged: session.set_status(flagged=flagged))
        self.panel.comment_edited.connect(lambda doc_id, comment: session.set_status(comment=comment, doc_id=doc_id))

    def _label_key(self, label: str, start: int, end: int) -> None:
        """A label key: tag the selection (or the word at the cursor), or relabel the selected span."""
        selected = self.session.selected
        if start == end and selected is not None:
            self.session.relabel(selected.id, label)
            return
        made = self.session.add_span(label, start, end, at_cursor=True)
        if made is None:
            self.statusBar().showMessage(self.tr("No word in the selection to tag."), 3000)
            return
        # Reading goes on at the next word: the next Ctrl+Shift+arrow takes it whole.
        text = self.session.document.text if self.session.document else ""
        after = made.end
        while after < len(text) and text[after].isspace():
            after += 1
        self.view.select_text(after, after)

    def delete_span(self, annotation_id: str) -> None:
        """Delete a span; one that fills slots of events only if the coder agrees that it leaves them."""
        fills = self.session.fills(annotation_id)
        if not fills:
            self.session.delete_span(annotation_id)
            return
        events, codebook, language = self.session.events, self.project.codebook, interface_language()
        slots = ", ".join(dict.fromkeys(
            f"{codebook.display('event', events[f.event_id].type, language)}/"
            f"{codebook.event_type(events[f.event_id].type).role(f.role).display_name(language)}"
            for f in fills
        ))
        answer = QMessageBox.question(
            self,
            self.tr("Delete a span of an event"),
            self.tr("This span fills: %1.\nRemove it from those events too?").replace("%1", slots),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.delete_span(annotation_id, with_slots=True)

    def _role_key(self, role: str, start: int, end: int) -> None:
        """A role key in event mode: the selected span goes in the role; selected words are first
        tagged with the role's label when it takes only one (two steps of undo)."""
        event = self.session.current_event
        if event is None:
            return
        codebook, language = self.project.codebook, interface_language()
        shown = codebook.event_type(event.type).role(role).display_name(language)
        if start != end:
            labels = codebook.event_type(event.type).role(role).labels
            if len(labels) != 1:
                names = " / ".join(codebook.display("label", label, language) for label in labels)
                self.statusBar().showMessage(
                    self.tr("%1 takes %2: tag the words first.").replace("%1", shown).replace("%2", names), 4000
                )
                return
            if self.session.add_span(labels[0], start, end) is None:
                return
            self.view.clear_selection()
        if self.session.selected is None:
            self.statusBar().showMessage(self.tr("Select a span to put in %s.") % shown, 4000)
            return
        self.session.fill_role(role)

    def _event_selected(self, event_id: str | None) -> None:
        event = self.session.current_event
        self.view.set_current_event(event)
        self.events.show_current(event)

    def _event_hovered(self, event_id: str | None) -> None:
        """The spans of the event under the mouse outlined; when it leaves, the current event's."""
        event = self.session.events.get(event_id) if event_id else self.session.current_event
        self.view.highlighter.outline(
            {s for spans in shown_slots(event).values() for s in spans} if event is not None else set()
        )

    def _events_changed(self, changes: Changes) -> None:
        model = self.events.model
        for event in changes.events_removed:
            model.removed(event)
        for event in changes.events_added:
            model.added(event)
        for _before, event in changes.events_updated:
            model.updated(event)
        current = self.session.current_event
        if current is not None and any(e.id == current.id for e in changes.events):
            self.view.set_current_event(current)
            self.events.show_current(current)
        for _before, after in changes.updated:
            model.span_changed(after)

    def _document_changed(self, document: Document | None) -> None:
        spans = list(self.session.spans.values())
        self.view.show_document(document, spans)
        self._show_matches()
        self.events.model.reset(list(self.session.events.values()), self.session.spans)
        self._event_selected(None)
        self.spans.source.reset(spans)
        self.form.show_annotation(None)
        self.header.show_document(document)
        if document is not None:
            self.settings.remember_document(self.project.path, document.key)
            self.queue.show_current(document.id)
            self.panel.show_status(self.project.status(document.id))
            if self.session.first_visit and self.settings.auto_suggest:
                self.suggestions.suggest()

    def _changed(self, changes: Changes) -> None:
        """One change set after each edit, undo and redo: each view updates only the spans named."""
        for annotation in changes.removed:
            self.view.span_removed(annotation)
            self.spans.source.removed(annotation)
        for annotation in changes.added:
            self.view.span_added(annotation)
            self.spans.source.added(annotation)
        for _before, after in changes.updated:
            self.view.span_updated(after)
            self.spans.source.updated(after)
            if self.session.selected_id == after.id:
                self.form.show_annotation(after)
                self.view.highlighter.select(after.id)
        self._events_changed(changes)
        # An accepted suggestion now counts in the document list, as does an added or removed span.
        recount = changes.added or changes.removed or any(
            (before.origin, before.coder) != (after.origin, after.coder) for before, after in changes.updated
        )
        if recount:
            self._document_counts_changed()

    def _span_selected(self, annotation_id: str | None) -> None:
        self.view.select_span(annotation_id)
        self.spans.show_selected(annotation_id)
        self.form.show_annotation(self.session.selected)

    def _status_changed(self, doc_id: int) -> None:
        self.queue.model.refresh_document(doc_id)
        if self.session.document is not None and self.session.document.id == doc_id:
            self.panel.show_status(self.project.status(doc_id))
        self._update_progress()

    def _document_counts_changed(self) -> None:
        if self.session.document is not None:
            self.queue.model.refresh_document(self.session.document.id)

    def _update_progress(self) -> None:
        total = self.project.document_count()
        done = self.project.document_count(status=Status.DONE)
        self.progress.setText(self.tr("%1 — done %2 / %3").replace("%1", self.project.coder).replace("%2", number_text(done)).replace("%3", number_text(total)))

    def _digits_changed(self) -> None:
        if self.isVisible():  # a closed window's project may be closed too
            self._update_progress()

    def _zoomed(self, size: int) -> None:
        self.settings.font_size = size

    def reload_project(self, doc_id: int | None = None) -> None:
        """Show the project afresh after its content changed wholesale (a restored backup, an
        import that changed spans of documents already here), on ``doc_id`` or the first document."""
        self.session.undo_stack.clear()  # the commands refer to a state that is gone
        self.session.document = None
        self.queue.model.refresh()
        self._update_progress()
        if doc_id is None:
            first = self.project.documents(limit=1)
            doc_id = first[0].id if first else None
        if doc_id is not None:
            self.session.open_document(doc_id)

    # --- document navigation -------------------------------------------------------------

    def go(self, step: int) -> None:
        current = self.session.document.id if self.session.document else None
        target = self.queue.neighbour(current, step)
        if target is not None:
            self.session.open_document(target)
        else:
            self.statusBar().showMessage(self.tr("No more documents in this list."), 3000)

    # --- search in the article --------------------------------------------------------------

    def _show_matches(self) -> None:
        """Mark in the open article the words the document list is searched by."""
        document, search = self.session.document, self.queue.model.search
        self.view.show_matches(find_matches(document.text, search) if document is not None and search else [])

    def step_match(self, direction: int) -> None:
        """F3 and Shift+F3: select the next or previous search match in the article."""
        if not self.view.step_match(direction):
            self.statusBar().showMessage(self.tr("No search matches in this article."), 3000)

    def _to_first_match(self) -> None:
        """After Enter in the search box: the article, on its first match."""
        self.view.setFocus()
        self.view.clear_selection()
        self.view.moveCursor(QTextCursor.MoveOperation.Start)
        self.view.step_match(1)

    def finish_and_next(self, status: str = Status.DONE) -> None:
        if self.session.document is None:
            return
        document = self.session.document
        if status == Status.DONE and not self.project.readonly:
            problems = done_problems(
                document.text, self.session.spans.values(), self.project.codebook, self.session.events.values()
            )
            answer = done_warning.ask(self, problems) if problems else done_warning.Answer.DONE
            if answer == done_warning.Answer.GO_TO_FIRST:
                first = problems[0]
                if first.span is not None:
                    self.session.select(first.span.id)
                elif first.event is not None:
                    self.session.select_event(first.event.id)
                self.view.setFocus()
            if answer != done_warning.Answer.DONE:
                return
        if self.session.set_status(status):
            self.go(1)
            if self.session.document is not None and self.session.document.id == document.id:
                self.statusBar().showMessage(self.tr("That was the last document in this list."), 4000)

    # --- messages and closing -----------------------------------------------------------------

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Arabic event annotator"), message)

    def switch_project(self, project: Project) -> None:
        """Open ``project`` in a new window and close this one (File > Open, New, Recent)."""
        from ui.app import open_project_window

        self.remember(project.path)
        open_project_window(project, self.settings)
        self.close()

    def remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        save_settings(self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every edit is already committed; only the comment box may hold typed text.
        self.panel.commit_comment()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        save_settings(self.settings)
        self.session.project.close()
        super().closeEvent(event)


def _mirrored(area: Qt.DockWidgetArea, direction: Qt.LayoutDirection) -> Qt.DockWidgetArea:
    """``area`` as seen in ``direction``: QMainWindow keeps its left dock area on the left even in a
    right-to-left interface, where the documents belong on the right (where reading starts)."""
    if direction != Qt.LayoutDirection.RightToLeft:
        return area
    swap = {
        Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea,
    }
    return swap.get(area, area)
