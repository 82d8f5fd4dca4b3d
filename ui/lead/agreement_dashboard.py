"""The agreement figures as tables, with a bar chart of agreement per label.

Everything shown comes from ``annotator.lead.agreement.agreement(project).to_json()``,
the same object ``annotator agreement --json`` prints, so the window and the
command line never disagree. The documents are listed with the most
disagreement first; Enter or a double click opens one for adjudication.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.export.run import write_text
from annotator.lead.agreement import AgreementReport, agreement, render_html
from annotator.store.project import Project
from ui.i18n import decimal_text, interface_language, number_text, percent_text
from ui.widgets.bar_chart import BarChart, Group, Series

SERIES_COLOURS = ("#2563EB", "#93C5FD", "#F59E0B", "#7C3AED")


def figure(value: float | None) -> str:
    return QCoreApplication.translate("AgreementDashboard", "n/a") if value is None else decimal_text(value, 3)


def mean(values: list[float | None]) -> float | None:
    """The mean over the pairs where a figure is defined (as ``Figures.mean``)."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


class FigureTable(QTableWidget):
    """A read-only table of figures; numbers right-aligned, undefined ones greyed."""

    activated_row = Signal(int)

    def __init__(self, headers: list[str], parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.cellDoubleClicked.connect(lambda row, _column: self.activated_row.emit(row))

    def fill(self, rows: list[list[Any]], colours: list[str | None] | None = None) -> None:
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                number = isinstance(value, float | int) or value is None
                text = figure(value) if isinstance(value, float) or value is None else (
                    number_text(value) if isinstance(value, int) else str(value))
                item = QTableWidgetItem(text)
                if number:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if value is None:
                    item.setForeground(QColor("#9CA3AF"))
                if c == 0 and colours and colours[r]:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(colours[r]))
                self.setItem(r, c, item)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class AgreementDashboard(QWidget):
    document_chosen = Signal(int)  # document id

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.report: AgreementReport | None = None
        self.measured = False  # refresh() ran (successfully or not): showing the tab again does not nag
        self.figures: dict[str, Any] = {}
        self.summary = QLabel(self.tr("Agreement is measured on the documents the coders marked done."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.refresh_button = QPushButton(self.tr("Compute again"))
        self.refresh_button.setToolTip(self.tr("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        self.html_button = QPushButton(self.tr("Save as HTML report…"))
        self.html_button.clicked.connect(self.save_html)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.html_button)

        self.labels = FigureTable(
            [self.tr("Label"), self.tr("F1 exact"), self.tr("F1 overlap"), self.tr("Token kappa"),
             self.tr("Fleiss' kappa"), self.tr("Krippendorff's alpha")]
        )
        self.chart = BarChart()
        self.pairs = FigureTable(
            [self.tr("Coders"), self.tr("Documents"), self.tr("Spans"), self.tr("F1 exact"), self.tr("F1 overlap"),
             self.tr("Token kappa")]
        )
        self.attributes = FigureTable(
            [self.tr("Label"), self.tr("Attribute"), self.tr("Compared"), self.tr("Agreed"), self.tr("Agreement")]
        )
        self.events = FigureTable(
            [self.tr("Coders"), self.tr("Events"), self.tr("Matched"), self.tr("Precision"), self.tr("Recall"),
             self.tr("Event F1"), self.tr("Casualty value alpha (interval)")]
        )
        self.events.setToolTip(self.tr(
            "Events match when they have the same type and the spans of a role other than source and date overlap."))
        self.documents = FigureTable(
            [self.tr("Document"), self.tr("Title"), self.tr("Coders"), self.tr("Places where coders differ"),
             self.tr("Places"), self.tr("Tokens labelled differently")]
        )
        self.documents.activated_row.connect(self._document_activated)
        self.documents.setToolTip(self.tr("Enter or double click: adjudicate this document"))

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self._boxed(self.tr("Per label (F1 and token kappa: mean over coder pairs)"), self.labels))
        left.addWidget(self._boxed(self.tr("Agreement per label"), self.chart))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._boxed(self.tr("Coder pairs, all labels"), self.pairs))
        right.addWidget(self._boxed(self.tr("Attributes of exactly matched spans"), self.attributes))
        right.addWidget(self._boxed(self.tr("Events of coder pairs, matched by their slots"), self.events))
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(left)
        upper.addWidget(right)
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(upper)
        whole.addWidget(self._boxed(self.tr("Documents, most disagreement first"), self.documents))
        whole.setStretchFactor(0, 3)
        whole.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(whole, 1)

    @staticmethod
    def _boxed(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(4, 4, 4, 4)
        inner.addWidget(widget)
        return box

    # --- figures ------------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Measure agreement afresh; a project without two finished coders says so in a dialog."""
        self.measured = True
        try:
            report = agreement(self.project)
        except AnnotatorError as exc:
            self.report, self.figures = None, {}
            self.summary.setText(self.tr("No agreement figures: %s").replace("%s", _escape(exc.problem)))
            for table in (self.labels, self.pairs, self.attributes, self.events, self.documents):
                table.setRowCount(0)
            self.chart.set_data([], [])
            QMessageBox.warning(self, self.tr("Agreement"), str(exc))
            return False
        self.show_report(report)
        return True

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        data = report.to_json()
        self.figures = data
        everyone = self.tr(
            "Coders: %1. Documents finished by all: %2 (%3 tokens); by at least two: %4. "
            "Fleiss' kappa <b>%5</b>, Krippendorff's alpha <b>%6</b>."
        )
        values = (
            ", ".join(data["coders"]), number_text(data["documents"]), number_text(data["tokens"]),
            number_text(len(data["per_document"])),
            figure(data["fleiss_kappa"]), figure(data["krippendorff_alpha"]),
        )
        for number, value in zip(range(6, 0, -1), reversed(values), strict=True):
            everyone = everyone.replace(f"%{number}", _escape(value))
        if data["coders_without_finished_documents"]:
            everyone += " " + self.tr("Not compared (no document marked done): %s").replace(
                "%s", _escape(", ".join(data["coders_without_finished_documents"]))
            )
        self.summary.setText(everyone)

        codebook = self.project.codebook
        language = interface_language()
        label_rows, colours, groups = [], [], []
        for name, figures in data["per_label"].items():
            pairs = figures["pairwise"]
            row = [
                codebook.display("label", name, language),
                mean([p["span_f1_exact"] for p in pairs]),
                mean([p["span_f1_overlap"] for p in pairs]),
                mean([p["token_kappa"] for p in pairs]),
                figures["fleiss_kappa"],
                figures["krippendorff_alpha"],
            ]
            label_rows.append(row)
            colour = codebook.label(name).color if codebook.has_label(name) else "#888888"
            colours.append(colour)
            groups.append(Group(str(row[0]), colour, (row[1], row[2], row[3], row[5])))
        self.labels.fill(label_rows, colours)
        names = (self.tr("F1 exact"), self.tr("F1 overlap"), self.tr("Token kappa"), self.tr("Krippendorff's alpha"))
        self.chart.set_data([Series(n, c) for n, c in zip(names, SERIES_COLOURS, strict=True)], groups)

        self.pairs.fill(
            [
                [" / ".join(p["coders"]), p["documents"], " / ".join(number_text(n) for n in p["spans"]),
                 p["span_f1_exact"], p["span_f1_overlap"], p["token_kappa"]]
                for p in data["pairwise"]
            ]
        )
        attribute_rows, attribute_colours = [], []
        for label, attributes in data["attributes"].items():
            found = codebook.label(label) if codebook.has_label(label) else None
            for name, a in attributes.items():
                attribute = found.attribute(name) if found is not None else None
                attribute_rows.append([
                    codebook.display("label", label, language),
                    attribute.display_name(language) if attribute is not None else name,
                    a["compared"], a["agreed"], a["agreement"],
                ])
                attribute_colours.append(codebook.label(label).color if codebook.has_label(label) else None)
        self.attributes.fill(attribute_rows, attribute_colours)
        self.events.fill(
            [
                [" / ".join(p["coders"]), " / ".join(number_text(n) for n in p["events"]), p["matched"], p["precision"],
                 p["recall"], p["f1"], p["casualty_value"]["krippendorff_alpha_interval"]]
                for p in data["events"]["pairwise"]
            ]
        )
        self.documents.fill(
            [
                [d["id"], d["title"], ", ".join(d["coders"]), d["disagreements"], d["items"],
                 percent_text(d["token_disagreement"])]
                for d in data["per_document"]
            ]
        )

    def _document_activated(self, row: int) -> None:
        if not self.figures or not 0 <= row < len(self.figures["per_document"]):
            return
        document = self.project.document_by_key(self.figures["per_document"][row]["id"])
        if document is not None:
            self.document_chosen.emit(document.id)

    def save_html(self) -> None:
        if self.report is None and not self.refresh():
            return
        assert self.report is not None
        suggested = str(self.project.path.with_name(self.project.path.stem + "-agreement.html"))
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Save the agreement report"), suggested, "HTML (*.html)")
        if not out:
            return
        report = self.report
        try:
            write_text(out, lambda handle: handle.write(render_html(report)))
        except (AnnotatorError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Agreement"), str(exc))
            return
        QMessageBox.information(self, self.tr("Agreement"), self.tr("Report saved as %s").replace("%s", out))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
