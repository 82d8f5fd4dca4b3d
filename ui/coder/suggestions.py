"""The coder's side of suggestions: run the suggesters, accept, reject, accept all, tag all.

Suggestions are spans with origin ``suggested`` (drawn dashed). Every action is
an undoable command on the session's stack; the core does the work
(:mod:`annotator.suggest`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.changes import Changes
from annotator.errors import AnnotatorError
from annotator.models import Annotation, Origin
from annotator.suggest.gazetteer import Gazetteer, load_gazetteer
from annotator.suggest.memory import tag_all_occurrences
from annotator.suggest.run import Suggesters, accept_all, pending_suggestions, suggest_document_events
from ui.coder.commands import BatchEdit, RejectSuggestion
from ui.coder.session import EditSession


class SuggestionActions(QObject):
    def __init__(self, session: EditSession):
        super().__init__(session)
        self.session = session
        self._gazetteer: Gazetteer | None = None
        self._gazetteer_failed = False

    def suggest(self) -> list[Annotation]:
        """Run the suggesters on the open document: what is new shows, and one undo takes it back."""
        session = self.session
        if session.document is None or session.project.readonly:
            return []
        doc_id = session.document.id

        def run() -> Changes:
            suggesters = Suggesters.for_project(session.project, self._load_gazetteer(),
                                                use_gazetteer=self._gazetteer is not None)
            spans, events = suggest_document_events(session.project, doc_id, suggesters)
            return Changes(added=spans, events_added=events)

        command = BatchEdit(session, self.tr("Suggest spans"), run)
        session.run(command)
        return command.made.added if command.made else []

    def _load_gazetteer(self) -> Gazetteer | None:
        """The gazetteer, read once; a broken one is reported once and suggestions go on without it."""
        if self._gazetteer is None and not self._gazetteer_failed:
            try:
                self._gazetteer = load_gazetteer()
            except AnnotatorError as exc:
                self._gazetteer_failed = True
                self.session.error.emit(str(exc))
        return self._gazetteer

    def accept(self, annotation_id: str) -> None:
        """Keep a suggestion as the coder's span, then go on to the next pending one."""
        session = self.session
        annotation = session.spans.get(annotation_id)
        if annotation is not None and annotation.origin == Origin.SUGGESTED:
            session.update_span(annotation_id, self.tr("Accept suggestion"), origin=Origin.MANUAL)
            if session.spans.get(annotation_id, annotation).origin != Origin.SUGGESTED:
                self._move_on(annotation, keep=annotation_id)

    def reject(self, annotation_id: str) -> None:
        """Drop a suggestion for good, then go on to the next pending one."""
        annotation = self.session.spans.get(annotation_id)
        if annotation is None or annotation.origin != Origin.SUGGESTED:
            return
        if self.session.run(RejectSuggestion(self.session, annotation)):
            self._move_on(annotation)

    def _move_on(self, settled: Annotation, keep: str | None = None) -> None:
        """Select the pending suggestion after ``settled`` (Enter, Enter, X walks the queue); with none
        left, ``keep`` stays selected."""
        following = self.session.next_suggestion_after(settled)
        self.session.select(following.id if following else keep)

    def pending(self) -> list[Annotation]:
        return [a for a in self.session.spans.values() if a.origin == Origin.SUGGESTED]

    def accept_all(self) -> None:
        session = self.session
        if session.document is None:
            return
        doc_id = session.document.id

        def run() -> Changes:
            before = {a.id: a for a in pending_suggestions(session.project, doc_id)}
            return Changes(updated=[(before[a.id], a) for a in accept_all(session.project, doc_id)])

        session.run(BatchEdit(session, self.tr("Accept all suggestions"), run))

    def tag_all(self, annotation_id: str) -> None:
        session = self.session
        annotation = session.spans.get(annotation_id)
        if annotation is None or annotation.origin == Origin.SUGGESTED:
            return
        session.run(BatchEdit(session, self.tr("Tag all occurrences"),
                              lambda: tag_all_occurrences(session.project, annotation_id)))
