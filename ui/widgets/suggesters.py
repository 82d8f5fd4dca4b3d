"""The suggesters' names as a coder reads them, for the span list's and the span form's tooltips.

A suggestion stores which suggester made it (``provenance["suggester"]``) and keeps it once
accepted, so the window can say where a span came from, pending or confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.models import Annotation


def suggester_name(annotation: Annotation) -> str | None:
    """The display name of the suggester that proposed ``annotation``; None for a span typed by
    hand. A name this version does not know is shown as stored."""
    suggester = (annotation.provenance or {}).get("suggester")
    if not isinstance(suggester, str) or not suggester:
        return None
    # Literals in place: lupdate finds them here.
    names = {
        "gazetteer": QCoreApplication.translate("Suggesters", "the gazetteer (lists of places and actors)"),
        "memory": QCoreApplication.translate("Suggesters", "project memory (names tagged before)"),
        "learned": QCoreApplication.translate("Suggesters", "the recommender learned from finished documents"),
        "casualty": QCoreApplication.translate("Suggesters", "the casualty figure reader"),
        "dates": QCoreApplication.translate("Suggesters", "the date reader"),
    }
    return names.get(suggester, suggester)
