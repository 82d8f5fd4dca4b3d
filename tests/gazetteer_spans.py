"""What the built-in gazetteer suggests for a text, in the shapes the suggestion tests compare."""

from __future__ import annotations

from annotator.suggest.adjectives import without_adjective_places
from annotator.suggest.gazetteer import load_gazetteer


def suggested(text: str, label: str | None = None, *, without_adjectives: bool = False) -> list[tuple[str, str, str]]:
    """(label, text, kind) of each suggestion for ``text``, of one label when given; with
    ``without_adjectives``, a country adjective is no place (as the window's run has it)."""
    found = load_gazetteer().suggest(text)
    if without_adjectives:
        found = without_adjective_places(text, found)
    return [(s.label, text[s.start : s.end], s.attrs.get("kind", "")) for s in found if label is None or s.label == label]


def names(text: str, label: str, *, kind: str | None = None, without_adjectives: bool = False) -> list[str]:
    """The texts of the suggestions of ``label`` (and ``kind``, when given) for ``text``."""
    found = suggested(text, label, without_adjectives=without_adjectives)
    return [name for _, name, found_kind in found if kind is None or found_kind == kind]
