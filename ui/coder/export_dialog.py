"""File > Export: every format of the command line, with the same options.

The dialog only collects :class:`~annotator.export.ExportOptions`; the core
writes the export (atomically) and returns the notes the lead must read
(documents left out, tokens cut, spans a column could not hold).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.export import ALL, FORMATS, SUFFIXES, ExportOptions, writes_folder
from annotator.store.project import Project


def format_names() -> dict[str, str]:
    """What each format is, in the interface language."""
    return {
        "jsonl": QCoreApplication.translate("ExportDialog", "JSONL (our record, every layer)"),
        "conll": QCoreApplication.translate("ExportDialog", "CoNLL IOB2"),
        "hf": QCoreApplication.translate("ExportDialog", "Hugging Face datasets (folder)"),
        "spacy": QCoreApplication.translate("ExportDialog", "spaCy DocBin"),
        "brat": QCoreApplication.translate("ExportDialog", "brat standoff (folder)"),
        "html": QCoreApplication.translate("ExportDialog", "HTML review report"),
        "template": QCoreApplication.translate("ExportDialog", "Your own jinja2 template"),
        "events": QCoreApplication.translate(
            "ExportDialog", "Events dataset, one row per event (CSV, JSONL or Parquet by the file's suffix)"
        ),
        "label-studio": QCoreApplication.translate("ExportDialog", "Label Studio tasks (spans as predictions, for review)"),
        "parquet": QCoreApplication.translate("ExportDialog", "Parquet tables (folder: documents, spans, events)"),
    }


class ExportDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        names = format_names()
        for name in FORMATS:
            self.format.addItem(names.get(name, name), name)
        self.layer = QComboBox()
        self.layer.addItem(self.tr("Default (every layer; gold or the only coder for training formats)"), None)
        for coder in project.coders():
            self.layer.addItem(coder, coder)
        self.status = QComboBox()
        self.status.addItem(self.tr("Default (done for training formats, else every document)"), None)
        self.status.addItem(self.tr("Only documents marked done"), "done")
        self.status.addItem(self.tr("Every document"), ALL)
        self.split = QLineEdit()
        self.split.setPlaceholderText(self.tr("e.g. 80,10,10 (train, dev, test); empty for no split"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.split_clitics = QCheckBox(self.tr("Split proclitics into tokens of their own"))
        self.suggestions = QCheckBox(self.tr("Include pending suggestions"))
        self.template = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Documents"), self.status)
        form.addRow(self.tr("Split"), self.split)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.split_clitics)
        form.addRow(self.suggestions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(lambda _i: self._enable())
        self._template_widgets = (self.template, browse)
        self._enable()

    def _enable(self) -> None:
        fmt = self.format.currentData()
        for widget in self._template_widgets:
            widget.setEnabled(fmt == "template")
        token_level = fmt in ("conll", "hf", "spacy")
        self.split_clitics.setEnabled(token_level)
        whole_file = fmt in ("html", "template", "events", "label-studio", "parquet")  # never split
        self.split.setEnabled(not whole_file)
        self.seed.setEnabled(not whole_file)

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Template"), str(Path.home()), "Jinja2 (*.j2 *.jinja *.txt);;*")
        if path:
            self.template.setText(path)

    def options(self) -> ExportOptions:
        fmt = self.format.currentData()
        split = self.split.text().strip() if self.split.isEnabled() else ""
        return ExportOptions(
            format=fmt,
            layer=self.layer.currentData(),
            status=self.status.currentData(),
            include_suggestions=self.suggestions.isChecked(),
            template=self.template.text().strip() or None if fmt == "template" else None,
            split=split or None,
            seed=self.seed.value() if split else None,
            split_clitics=self.split_clitics.isChecked() and self.split_clitics.isEnabled(),
        )

    def suggested_target(self, options: ExportOptions) -> str:
        base = self.project.path.with_name(f"{self.project.path.stem}-{options.format}")
        return str(base if writes_folder(options) else base.with_suffix(SUFFIXES.get(options.format, ".txt")))
