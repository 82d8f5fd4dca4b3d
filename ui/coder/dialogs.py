"""The window's dialogs: projects, import, export, preferences, keys, about, welcome.

Each is a function taking the main window; failures from the core arrive as
``AnnotatorError`` and are shown as one clear message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
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


def preferences(window: MainWindow) -> None:
    settings = window.settings
    dialog = QDialog(window)
    dialog.setWindowTitle(window.tr("Preferences"))
    language = QComboBox()
    for code, name in (("", window.tr("System language")), ("en", "English"), ("ar", "العربية")):
        language.addItem(name, code)
    language.setCurrentIndex(max(0, language.findData(settings.language)))
    coder = QLineEdit(settings.coder)
    font_size = QSpinBox()
    font_size.setRange(9, 48)
    font_size.setValue(settings.font_size)
    theme = QComboBox()
    theme.addItem(window.tr("Light"), "light")
    theme.addItem(window.tr("Dark"), "dark")
    theme.setCurrentIndex(max(0, theme.findData(settings.theme)))
    auto_suggest = QCheckBox(window.tr("Suggest spans when a document is opened for the first time"))
    auto_suggest.setChecked(settings.auto_suggest)
    form = QFormLayout()
    form.addRow(window.tr("Interface language"), language)
    form.addRow(window.tr("Coder name for new projects"), coder)
    form.addRow(window.tr("Article font size"), font_size)
    form.addRow(window.tr("Theme"), theme)
    form.addRow(auto_suggest)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(QLabel(window.tr("A new language applies the next time the app starts.")))
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    from ui.theme import apply_theme

    settings.language = language.currentData()
    settings.coder = coder.text().strip()
    settings.theme = theme.currentData()
    settings.auto_suggest = auto_suggest.isChecked()
    window.view.set_font_size(font_size.value())
    apply_theme(QApplication.instance(), settings.theme)  # type: ignore[arg-type]
    window.view.set_dark(settings.theme == "dark")
    window.remember(window.project.path)


def keys_text(window: QWidget, labels: list[tuple[str, str]]) -> str:
    label_keys = "<br>".join(f"<b>{key}</b> — {name}" for key, name in labels)
    return window.tr(
        "<h3>Tagging</h3>"
        "Select words (mouse, or Shift+arrows; Ctrl+Shift+arrows word by word), then press a label key:<br>%1"
        "<br>With no selection, the key tags the word at the cursor. The span snaps to whole words."
        "<h3>The selected span</h3>"
        "<b>Tab / Shift+Tab</b> — next / previous span<br>"
        "<b>Delete</b> — remove it<br>"
        "<b>a label key</b> — relabel it<br>"
        "<b>E / Shift+E</b> — grow / shrink its end by a word (Alt: by a letter)<br>"
        "<b>S / Shift+S</b> — grow / shrink its start by a word (Alt: by a letter)<br>"
        "<b>K</b> — leave the proclitic out (و|الباغوز), or put it back<br>"
        "<b>T</b> — tag every other occurrence in this article the same way<br>"
        "<b>Enter / X</b> — accept / reject a suggestion (dashed underline)<br>"
        "<b>Alt+letter</b> — pick an underlined choice in the form<br>"
        "<b>Esc</b> — deselect"
        "<h3>Documents</h3>"
        "<b>Ctrl+Enter</b> — mark done and go to the next<br>"
        "<b>Ctrl+PgDown / Ctrl+PgUp</b> — next / previous document<br>"
        "<b>Ctrl+G</b> — suggest spans; <b>Ctrl+Shift+A</b> — accept all suggestions<br>"
        "<b>Ctrl+F</b> — search; <b>F6</b> — back to the article<br>"
        "<b>Ctrl+Z / Ctrl+Shift+Z</b> — undo / redo<br>"
        "<b>Ctrl+= / Ctrl+-</b> or Ctrl+wheel — zoom"
    ).replace("%1", label_keys)


def keys_help(window: MainWindow) -> None:
    labels = [
        (f"{number}" + (f" / {label.key}" if label.key else ""), label.name)
        for number, label in enumerate(window.project.codebook.labels, start=1)
    ]
    QMessageBox.information(window, window.tr("Keys"), keys_text(window, labels))


def about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        window.tr("About"),
        window.tr("<b>Arabic event annotator</b> %1<br>Annotate Arabic conflict reporting: actors, places, casualty figures."
                  "<br>Article font: Noto Naskh Arabic (SIL Open Font License 1.1).").replace("%1", __version__),
    )


def welcome(window: MainWindow) -> bool:
    """The first-run welcome; returns True when the coder asks not to see it again."""
    box = QMessageBox(window)
    box.setWindowTitle(window.tr("Welcome"))
    box.setText(
        window.tr(
            "<h3>Welcome to the Arabic event annotator</h3>"
            "This is a demo project: four short fictional reports to try the tool on.<br><br>"
            "<b>The five keys to know</b><br>"
            "1. Select words, press <b>A</b> (actor), <b>P</b> (place) or <b>C</b> (casualty figure).<br>"
            "2. Fill the form on the side; <b>Alt+letter</b> picks a choice.<br>"
            "3. <b>Tab</b> moves between spans, <b>Delete</b> removes one.<br>"
            "4. <b>Ctrl+Z</b> undoes anything.<br>"
            "5. <b>Ctrl+Enter</b> marks the article done and opens the next.<br><br>"
            "Every edit is saved at once. To work on your own articles: File &gt; New project, then "
            "File &gt; Import articles (.txt, CSV, JSONL or brat). F1 lists every key."
        )
    )
    dont_show = QCheckBox(window.tr("Do not show this again"))
    box.setCheckBox(dont_show)
    box.exec()
    return dont_show.isChecked()
