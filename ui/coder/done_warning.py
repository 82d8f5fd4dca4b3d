"""The question asked when Ctrl+Enter would mark a document done with loose ends left.

The core lists the loose ends (:func:`annotator.done_checks.done_problems`); this box
says what they are and lets the coder mark the document anyway, go to the first one
(asking again after fixing it walks through them all), or stay.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.done_checks import DoneProblem, Problem, summarised
from ui.i18n import number_text


class Answer(Enum):
    DONE = "done"
    GO_TO_FIRST = "go"
    CANCEL = "cancel"


def problem_lines(problems: list[DoneProblem]) -> list[str]:
    """One line for all pending suggested spans, one for suggested events, then one per
    figure or span with a loose end."""
    summary = summarised(problems)
    pending, events = summary.pending, summary.events
    # The counts are put in by hand, not as Qt's %n: lupdate does not see a count passed to
    # QCoreApplication.translate, so a numerus lookup would miss these catalogue entries.
    lines = [
        QCoreApplication.translate("DoneWarning", "%n suggestion(s) not yet accepted or rejected").replace(
            "%n", number_text(pending)
        )
    ] if pending else []
    if events:
        lines.append(
            QCoreApplication.translate("DoneWarning", "%n suggested event(s) not yet accepted or rejected").replace(
                "%n", number_text(events)
            )
        )
    for problem in summary.listed:
        assert problem.span is not None
        if problem.kind == Problem.VALUE_DIFFERS:
            line = QCoreApplication.translate("DoneWarning", "«%1»: value %2, but the text reads %3").replace("%1", problem.span.text)
            value = problem.span.attrs.get("value")
            shown = number_text(value) if isinstance(value, int) else str(value)
            read = problem.detail[0]
            lines.append(line.replace("%2", shown).replace("%3", number_text(int(read)) if read.isdigit() else read))
        else:
            line = QCoreApplication.translate("DoneWarning", "«%1»: required attributes missing: %2").replace("%1", problem.span.text)
            lines.append(line.replace("%2", ", ".join(problem.detail)))
    if summary.more:
        lines.append(QCoreApplication.translate("DoneWarning", "and %n more").replace("%n", number_text(summary.more)))
    return lines


def ask(parent: QWidget, problems: list[DoneProblem]) -> Answer:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DoneWarning", "Mark done?"), QCoreApplication.translate("DoneWarning", "This document still has loose ends:"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("done_warning")
    box.setInformativeText("\n".join(f"• {line}" for line in problem_lines(problems)))
    anyway = box.addButton(QCoreApplication.translate("DoneWarning", "Mark done anyway"), QMessageBox.ButtonRole.AcceptRole)
    go = box.addButton(QCoreApplication.translate("DoneWarning", "Go to the first"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go)
    box.exec()
    clicked = box.clickedButton()
    return Answer.DONE if clicked is anyway else Answer.GO_TO_FIRST if clicked is go else Answer.CANCEL
