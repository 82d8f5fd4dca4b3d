"""The lead's entries in the main window: merge coder files, adjudicate, read agreement.

Functions taking the main window, as in :mod:`ui.coder.dialogs`; failures from the
core arrive as ``AnnotatorError`` and are shown as one clear message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.errors import AnnotatorError
from annotator.lead.merge import MergeReport, merge_projects
from annotator.store.project import Project
from ui.coder.dialogs import PROJECT_FILTER
from ui.lead.window import ADJUDICATE, AGREEMENT, AdjudicationWindow
from ui.tasks import Report, Task

if TYPE_CHECKING:
    from ui.coder.main_window import MainWindow


def lead_window(window: MainWindow) -> AdjudicationWindow:
    """The adjudication window of this project window, opened once and raised after."""
    existing = window.findChild(AdjudicationWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    lead = AdjudicationWindow(window.project, window.settings, window)
    # Decisions settle the lead's document statuses: the main window's queue shows them too.
    lead.session.status_changed.connect(window.session.status_changed)
    lead.show()
    return lead


def adjudicate(window: MainWindow) -> AdjudicationWindow:
    lead = lead_window(window)
    lead.tabs.setCurrentIndex(ADJUDICATE)
    current = window.session.document
    if current is not None and current.id in [e.doc_id for e in lead.session.entries]:
        lead.session.open_document(current.id)
    return lead


def agreement(window: MainWindow) -> AdjudicationWindow:
    lead = lead_window(window)
    lead.tabs.setCurrentIndex(AGREEMENT)
    return lead


def merge_coder_files(window: MainWindow) -> Task | None:
    """Pick the coders' project files and a new merged project; merge on a worker thread; offer to open it."""
    sources, _ = QFileDialog.getOpenFileNames(
        window, window.tr("Coder files to merge"), str(window.project.path.parent), PROJECT_FILTER
    )
    if not sources:
        return None
    suggested = str(Path(sources[0]).with_name("merged.db"))
    out, _ = QFileDialog.getSaveFileName(window, window.tr("Merged project"), suggested, PROJECT_FILTER)
    if not out:
        return None
    if Path(out).resolve() == window.project.path.resolve():
        QMessageBox.warning(
            window,
            window.tr("Merge coder files"),
            window.tr("The merged project is open in this window. Open another project first, or choose another file."),
        )
        return None

    def work(report: Report) -> MergeReport:
        # Sources are opened read-only and the merged file is the merge's own: no connection is shared.
        return merge_projects(out, sources, progress=lambda done, total, path: report(done, total, path.name))

    def cancelled() -> None:
        window.statusBar().showMessage(window.tr("Merge cancelled: nothing was written."), 5000)

    task = Task(window, window.tr("Merge coder files"), window.tr("Merging…"), work, step=window.tr("Merging %s"))
    return task.success(lambda report: _offer_merged(window, Path(out), report)).cancelled(cancelled).run_in_background()


def _offer_merged(window: MainWindow, out: Path, report: MergeReport) -> None:
    answer = QMessageBox.question(
        window,
        window.tr("Merge coder files"),
        "\n".join(report.lines()) + "\n\n" + window.tr("Open the merged project to adjudicate it?"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        project = Project.open(out)
    except AnnotatorError as exc:
        QMessageBox.warning(window, window.tr("Merge coder files"), str(exc))
        return
    from ui.app import open_project_window  # as MainWindow.switch_project, keeping the new window

    window.remember(project.path)
    merged = open_project_window(project, window.settings)
    window.close()
    adjudicate(merged)
