"""Long core operations (import, merge, export) on a worker thread, the window kept alive.

``Task(window, title, label, operation).success(show).run_in_background()``: the
operation runs on a thread of its own and gets a ``report(done, total, note)`` to
call as it goes. Reports reach the progress dialog as queued signals, and the result
or the error comes back to the GUI thread the same way, so nothing the window shows
is touched from the worker.

Cancel is cooperative: once asked, the next ``report`` raises
:class:`~annotator.errors.Cancelled` inside the operation, whose transaction is then
rolled back (or whose new file is never moved into place), so nothing is half-written.

The operation must not use the window's project object: an SQLite transaction belongs
to its connection, so a worker writing through the window's would mix the window's
edits into its transaction. It opens its own (:meth:`Project.second_connection`) and
closes it before it returns.

An :class:`~annotator.errors.AnnotatorError` is shown as one clear message, and the
window stays usable; any other exception is raised again on the GUI thread, where it
reaches the crash report like any other bug.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import AnnotatorError, Cancelled
from ui.widgets.task_progress import TaskProgress

Report = Callable[[int, int, str], None]

REPORT_EVERY_S = 0.05  # at most this often the dialog hears of the same step: a merge reports each document

# A task lives until its thread has ended, whatever becomes of the window that started it:
# a thread object destroyed while it runs takes the process with it.
_running: set[Task] = set()


class Task(QObject):
    finished = Signal()  # on the GUI thread, after the result or the error was handed over
    _progressed = Signal(int, int, str)
    _ended = Signal(object, object)  # the result, the exception

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        operation: Callable[[Report], Any],
        *,
        step: str | None = None,
    ):
        """``label`` shows until the first report; ``step`` (with ``%s`` for a report's note,
        a file name say) shows after each."""
        super().__init__()
        self._parent = parent
        self.title = title
        self._operation = operation
        self._step = step
        self._cancel = threading.Event()
        self._on_success: Callable[[Any], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._last: tuple[float, str] = (0.0, "")
        self.dialog = TaskProgress(parent, title, label)
        self.dialog.cancel_requested.connect(self.cancel)
        self._progressed.connect(self._show_progress)
        self._ended.connect(self._end)
        self._thread = _Worker(self._work)

    def success(self, callback: Callable[[Any], None]) -> Task:
        self._on_success = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> Task:
        self._on_cancel = callback
        return self

    def run_in_background(self, *, quiet: bool = False) -> Task:
        """Start; ``quiet`` leaves the progress dialog hidden, so the window stays usable (a task that
        writes only at its end, in one short transaction, such as training the recommender)."""
        _stop_on_quit()
        _running.add(self)
        if not quiet:
            self.dialog.show()
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the operation to stop at its next report (any thread)."""
        self._cancel.set()

    def is_running(self) -> bool:
        return self in _running

    # --- on the worker thread ------------------------------------------------------------------

    def _work(self) -> None:
        try:
            result = self._operation(self._report)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which shows or raises it
            self._ended.emit(None, exc)
            return
        self._ended.emit(result, None)

    def _report(self, done: int, total: int, note: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled")
        now = time.monotonic()
        last_time, last_note = self._last
        if done >= total or note != last_note or now - last_time >= REPORT_EVERY_S:
            self._last = (now, note)
            self._progressed.emit(done, total, note)

    # --- back on the GUI thread ------------------------------------------------------------------

    def _show_progress(self, done: int, total: int, note: str) -> None:
        if shiboken6.isValid(self.dialog):
            text = self._step.replace("%s", note) if self._step and note else ""
            self.dialog.show_progress(done, total, text)

    def _end(self, result: object, error: BaseException | None) -> None:
        self._thread.wait()  # it has nothing left to do but return
        _running.discard(self)
        try:
            if shiboken6.isValid(self.dialog):
                self.dialog.finish()
            if not shiboken6.isValid(self._parent):
                return  # the window went meanwhile: nobody to tell
            self._hand_over(result, error)
        finally:
            self.finished.emit()

    def _hand_over(self, result: object, error: BaseException | None) -> None:
        if error is None:
            if self._on_success is not None:
                self._on_success(result)
        elif isinstance(error, Cancelled):
            if self._on_cancel is not None:
                self._on_cancel()
        elif isinstance(error, AnnotatorError):
            QMessageBox.warning(self._parent, self.title, str(error))
        else:
            raise error


class _Worker(QThread):
    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


_quit_hooked: list[QCoreApplication] = []


def _stop_on_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _quit_hooked:
        app.aboutToQuit.connect(stop_all)
        _quit_hooked.append(app)


def stop_all() -> None:
    """Cancel every running task and wait for it: the application is quitting."""
    for task in list(_running):
        task.cancel()
    for task in list(_running):
        task._thread.wait()  # noqa: SLF001 - the module's own
