"""The window's dialogs: projects, import, export, keys, about, welcome (preferences: ui.coder.preferences).

Each is a function taking the main window; failures from the core arrive as
``AnnotatorError`` and are shown as one clear message, never a traceback.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.export import ExportResult, export, writes_folder
from annotator.importing.run import ImportReport, import_sources
from annotator.store.locking import ProjectLocked
from annotator.store.project import Project
from ui.coder.export_dialog import ExportDialog
from ui.coder.keys import CODER_KEYS
from ui.i18n import interface_language
from ui.keymap import in_direction
from ui.tasks import Report, Task

if TYPE_CHECKING:
    from ui.coder.main_window import MainWindow

PROJECT_FILTER = "Annotator projects (*.db *.sqlite *.annotator);;All files (*)"


def _fail(window: QWidget, error: Exception) -> None:
    QMessageBox.warning(window, window.tr("Arabic event annotator"), str(error))


# --- projects ---------------------------------------------------------------------------


def new_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, window.tr("New project"), str(Path.home() / "project.db"), PROJECT_FILTER)
    if not path:
        return
    coder, ok = QInputDialog.getText(window, window.tr("New project"), window.tr("Your coder name:"), text=window.settings.coder)
    if not ok or not coder.strip():
        return
    try:
        project = Project.create(Path(path), coder=coder.strip())
    except AnnotatorError as exc:
        _fail(window, exc)
        return
    window.settings.coder = coder.strip()
    window.switch_project(project)


def open_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, window.tr("Open project"), str(Path.home()), PROJECT_FILTER)
    if path:
        open_path(window, Path(path))


def open_path(window: MainWindow, path: Path) -> None:
    try:
        project = open_or_read_only(window, path)
    except AnnotatorError as exc:
        _fail(window, exc)
        return
    if project is not None:
        window.switch_project(project)


def open_or_read_only(parent: QWidget | None, path: Path) -> Project | None:
    """Open for writing; if another program writes the file, offer a read-only view instead."""
    try:
        return Project.open(path)
    except ProjectLocked as exc:
        answer = QMessageBox.question(
            parent,
            QApplication.translate("MainWindow", "Project in use"),
            str(exc) + "\n\n" + QApplication.translate("MainWindow", "Open it read-only?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return Project.open(path, readonly=True)


# --- import and export ------------------------------------------------------------------------


def import_files(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window,
        window.tr("Import articles"),
        str(Path.home()),
        "Articles (*.txt *.csv *.tsv *.jsonl *.json *.ann);;All files (*)",
    )
    if paths:
        run_import(window, [Path(p) for p in paths])


def run_import(window: MainWindow, paths: list[Path]) -> Task:
    """Import on a worker thread; bad files are skipped and listed, the rest kept.

    The worker writes through a connection of its own under the window's writer lock;
    the window shows the new documents once the import has committed.
    """
    window.panel.commit_comment()  # an edit written while the import holds the file would wait on it
    project = window.project
    sources: list[str | Path] = list(paths)

    def work(report: Report) -> ImportReport:
        with project.second_connection() as own:
            return import_sources(
                own, sources, skip_bad=True, progress=lambda done, total, path: report(done, total, path.name)
            )

    def imported(report: ImportReport) -> None:
        if report.documents_existing and (report.spans_added or report.spans_updated):
            # Spans of documents already here changed behind the session: the open one is read
            # again, and undo steps made before cannot be replayed over the import.
            current = window.session.document
            window.reload_project(current.id if current is not None else None)
        window.queue.model.refresh()
        window._update_progress()  # noqa: SLF001 - the window's own refresh after a bulk change
        if window.session.document is None:
            first = window.project.documents(limit=1)
            if first:
                window.session.open_document(first[0].id)
        box = QMessageBox(QMessageBox.Icon.Warning if report.skipped else QMessageBox.Icon.Information,
                          window.tr("Import"), "\n".join(report.lines()), parent=window)
        box.exec()

    def cancelled() -> None:
        window.statusBar().showMessage(window.tr("Import cancelled: nothing was imported."), 5000)

    task = Task(window, window.tr("Import"), window.tr("Importing…"), work, step=window.tr("Importing %s"))
    return task.success(imported).cancelled(cancelled).run_in_background()


def export_project(window: MainWindow) -> Task | None:
    """Ask what to export and where, then write it on a worker thread from one snapshot."""
    dialog = ExportDialog(window.project, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    title = window.tr("Export to a new folder") if writes_folder(options) else window.tr("Export to")
    out, _ = QFileDialog.getSaveFileName(window, title, dialog.suggested_target(options))
    if not out:
        return None
    project = window.project

    def work(report: Report) -> ExportResult:
        with project.second_connection() as own:
            return export(own, options, out, progress=lambda done, total: report(done, total, ""))

    def exported(result: ExportResult) -> None:
        lines = [window.tr("Wrote %1 document(s) to %2").replace("%1", str(result.documents)).replace("%2", out)]
        QMessageBox.information(window, window.tr("Export"), "\n".join(lines + result.notes))

    def cancelled() -> None:
        window.statusBar().showMessage(window.tr("Export cancelled: nothing was written."), 5000)

    task = Task(window, window.tr("Export"), window.tr("Exporting…"), work)
    return task.success(exported).cancelled(cancelled).run_in_background()


def save_copy(window: MainWindow) -> None:
    out, _ = QFileDialog.getSaveFileName(window, window.tr("Save a copy"), str(Path.home() / window.project.path.name))
    if not out:
        return
    try:
        window.project.save_copy(Path(out))
    except AnnotatorError as exc:
        _fail(window, exc)
        return
    window.statusBar().showMessage(window.tr("Copy saved as %s") % out, 5000)


def restore_backup(window: MainWindow) -> None:
    backups = window.project.backups()
    if not backups:
        QMessageBox.information(window, window.tr("Restore a backup"), window.tr("This project has no backup copies yet."))
        return
    names = [f"{b.taken:%Y-%m-%d %H:%M} — {b.reason}" for b in backups]
    chosen, ok = QInputDialog.getItem(window, window.tr("Restore a backup"),
                                      window.tr("The current state is kept as a copy first."), names, 0, False)
    if not ok:
        return
    try:
        window.project.restore(backups[names.index(chosen)].path)
    except AnnotatorError as exc:
        _fail(window, exc)
        return
    window.reload_project()


# --- preferences and help -------------------------------------------------------------------------


def keys_text(window: MainWindow) -> str:
    """Every key of the window (the table's, and the codebook's label keys by number and letter),
    in two columns: the dialog fits a laptop's screen."""
    language = interface_language()
    labels = [
        (f"{number}" + (f" / {label.key.upper()}" if label.key else ""), label.display_name(language))
        for number, label in enumerate(window.project.codebook.labels, start=1)
    ]
    codebook = window.project.codebook
    events = [(t.key.upper(), window.tr("start an event of type %s") % t.display_name(language))
              for t in codebook.event_types if t.key]
    for event_type in codebook.event_types:
        events += [
            (role.key.upper(), window.tr("%1 of %2 (in event mode)")
             .replace("%1", role.display_name(language)).replace("%2", event_type.display_name(language)))
            for role in event_type.roles if role.key
        ]
    for command, text in (
        ("accept_suggestion", window.tr("accept the current event when it is a suggestion")),
        ("reject_suggestion", window.tr("reject the current event when it is a suggestion")),
        ("deselect", window.tr("leave event mode")),
    ):
        shown = CODER_KEYS.key_names(command)
        if shown:
            events.append((shown, text))
    return CODER_KEYS.help_html(labels, columns=2, events=events)


def keys_help(window: MainWindow) -> None:
    """The keys in a dialog that scrolls rather than outgrowing a small screen."""
    dialog = QDialog(window)
    dialog.setWindowTitle(window.tr("Keys"))
    text = QLabel(keys_text(window))
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setAlignment(Qt.AlignmentFlag.AlignTop)
    text.setMargin(12)
    text.setWordWrap(True)
    text.setMinimumWidth(600)
    scroll = QScrollArea()
    scroll.setWidget(text)
    scroll.setWidgetResizable(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll)
    layout.addWidget(buttons)
    available = window.screen().availableGeometry()
    dialog.resize(min(820, available.width() - 40), min(text.heightForWidth(760) + 90, available.height() - 80))
    dialog.exec()


def about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        window.tr("About"),
        window.tr("<b>Arabic event annotator</b> %1<br>Annotate Arabic conflict reporting: actors, places, casualty figures."
                  "<br>Article font: Noto Naskh Arabic (SIL Open Font License 1.1).").replace("%1", __version__),
    )


def welcome(window: MainWindow) -> bool:
    """The first-run welcome; returns True when the coder asks not to see it again."""
    labels = [label for label in window.project.codebook.labels if label.key]
    language = interface_language()
    label_keys = window.tr(", ").join(
        f"<b>{label.key.upper()}</b> ({html.escape(label.display_name(language))})" for label in labels
    )
    def key(command: str) -> str:
        return CODER_KEYS.key_text(command, first=True)

    box = QMessageBox(window)
    box.setWindowTitle(window.tr("Welcome"))
    event_keys = window.tr(", ").join(
        f"<b>{t.key.upper()}</b> ({html.escape(t.display_name(language))})"
        for t in window.project.codebook.event_types if t.key
    )
    # The events paragraph is a string of its own, after the rest: the welcome's translation stays whole.
    events = (
        "<br><br>"
        + window.tr(
            "<b>Events</b> (who did what, where, how many): select a span and press %1 to start an event; "
            "then each role key (shown in the event panel) puts the selected span in that role. "
            "%2 leaves event mode."
        )
        .replace("%1", event_keys)
        .replace("%2", key("deselect"))
        if event_keys
        else ""
    )
    box.setText(
        in_direction(
            window.tr(
                "<h3>Welcome to the Arabic event annotator</h3>"
                "This is a demo project: four short fictional reports to try the tool on.<br><br>"
                "<b>The five keys to know</b><br>"
                "1. Select words, press a label key: %1.<br>"
                "2. Fill the form on the side; <b>Alt+letter</b> picks a choice.<br>"
                "3. %2 moves between spans, %3 removes one.<br>"
                "4. %4 undoes anything.<br>"
                "5. %5 marks the article done and opens the next.<br><br>"
                "Every edit is saved at once. To work on your own articles: File &gt; New project, then "
                "File &gt; Import articles (.txt, CSV, JSONL or brat). %6 lists every key."
            )
            .replace("%1", label_keys)
            .replace("%2", key("next_span"))
            .replace("%3", key("delete_span"))
            .replace("%4", key("undo"))
            .replace("%5", key("done"))
            .replace("%6", key("keys"))
            + events
        )
    )
    dont_show = QCheckBox(window.tr("Do not show this again"))
    box.setCheckBox(dont_show)
    box.exec()
    return dont_show.isChecked()
