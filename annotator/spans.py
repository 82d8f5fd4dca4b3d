"""Where a label key puts a span, and what the span starts with: the rules both windows share.

A coder's or the lead's selection becomes a span of whole words (the Arabic NER
corpora tag whole tokens); a leading proclitic is left out only for a name the
project already knows, or when the coder presses the proclitic key
(DESIGN.md, "Arabic text"). All offsets are code points of the stored text.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from annotator.codebook import Codebook
from annotator.suggest import casualty
from annotator.suggest.run import fit_attributes
from annotator.text import proclitic_candidates, proclitic_length, snap_to_words, tokenize


def selected_span(
    text: str, start: int, end: int, *, at_cursor: bool = False, known_names: Set[str] = frozenset()
) -> tuple[int, int] | None:
    """The span a label key makes of the selection ``[start, end)``, or None when it holds no word.

    The selection grows to whole words. An empty selection is the word at the
    cursor (or the one just before it) when ``at_cursor``, else nothing: the
    lead's window wants a selection, a stray key there must not tag. The first
    word loses its proclitic only when the rest is in ``known_names`` (normalised
    names the project knows for the label): بغداد and لبنان begin with proclitic
    letters too.
    """
    if start == end:
        if not at_cursor:
            return None
        start, end = (start, start + 1) if text[start : start + 1].strip() else (max(0, start - 1), start)
    start, end = snap_to_words(text, start, end)
    if start >= end or not text[start:end].strip():
        return None
    start += proclitic_length(text[start:end].split()[0], frozenset(known_names))
    return start, end


def toggled_proclitic(text: str, start: int, end: int) -> int | None:
    """The span's next start when the proclitic key is pressed, or None when there is no other.

    Each press leaves out the next longer proclitic reading of the span's first
    word (و|بغداد, then وب|غداد when that is a word), and after the longest
    puts the whole word back (والباغوز ↔ و|الباغوز).
    """
    word = next((t for t in tokenize(text) if t.start <= start < t.end), None)
    if word is None:
        return None
    current = start - word.start
    following = [n for n in proclitic_candidates(word.text) if n > current]
    new_start = word.start + (following[0] if following else 0)
    return new_start if new_start < end and new_start != start else None


def prefilled_attributes(codebook: Codebook, label: str, text: str, start: int, end: int) -> dict[str, Any]:
    """What the text says about a span just tagged, trimmed to what the label's attributes accept.

    Only casualty figures are read (value, range, qualifier, status, victims,
    scope: the casualty suggester's reading); other labels start empty. The
    coder edits the rest.
    """
    if label != casualty.LABEL or not codebook.has_label(label):
        return {}
    found = casualty.casualty_attributes(text, start, end, codebook.vague_amounts)
    return fit_attributes(codebook.label(label), found)
