"""Training the project's recommender in the background after a document is marked done.

Each "done" gives the recommender (:mod:`annotator.suggest.recommender`) more to
learn from, so the window trains it again then, on a worker thread with its own
connection (:class:`ui.tasks.Task`, without its progress dialog): the coder goes
on to the next document meanwhile, and the next "Suggest" uses the new model. A
"done" during a run asks for one more run after it. Training is quiet: too few
finished documents is no news, and a failure shows in the status bar, not in a
dialog over the coder's work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from annotator.errors import AnnotatorError, ValidationError
from annotator.models import Status
from annotator.suggest.gazetteer import load_gazetteer
from annotator.suggest.recommender import TrainReport, train_project
from ui.coder.session import EditSession
from ui.tasks import Report, Task


class BackgroundTraining(QObject):
    ended = Signal(object)  # the TrainReport, or a str saying why there is none; on the GUI thread

    def __init__(self, window: QMainWindow, session: EditSession):
        super().__init__(window)
        self.window = window
        self.session = session
        self.task: Task | None = None
        self._again = False
        session.status_changed.connect(self._status_changed)

    def _status_changed(self, doc_id: int) -> None:
        project = self.session.project
        if not project.readonly and project.status(doc_id).status == Status.DONE:
            self.start()

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def start(self) -> None:
        """Train now, or once more after the run under way."""
        if self.is_running():
            self._again = True
            return
        project = self.session.project

        def operation(report: Report) -> TrainReport | str:
            with project.second_connection() as own:
                try:
                    gazetteer = load_gazetteer()
                except AnnotatorError:
                    gazetteer = None  # suggesting goes on without a broken gazetteer: so does learning
                try:
                    return train_project(own, gazetteer, progress=lambda done, total: report(done, total, ""))
                except ValidationError:
                    return ""  # not enough finished documents yet
                except AnnotatorError as exc:
                    return str(exc)

        title = self.tr("Learning from your documents")
        self.task = Task(self.window, title, title, operation).success(self._succeeded)
        self.task.finished.connect(self._finished)
        self.task.run_in_background(quiet=True)

    def _succeeded(self, result: Any) -> None:
        if isinstance(result, TrainReport) and result.trained:
            self.window.statusBar().showMessage(
                self.tr("Suggestions learned from %n finished document(s).", "", result.documents), 5000
            )
        elif isinstance(result, str) and result:
            self.window.statusBar().showMessage(self.tr("Could not learn from your documents: %1").replace("%1", result), 8000)
        self.ended.emit(result)

    def _finished(self) -> None:
        if self._again:
            self._again = False
            self.start()
