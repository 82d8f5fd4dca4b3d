"""Where a label key puts a span, and what the span starts with: the rules both windows share.

A coder's or the lead's selection becomes a span that starts and ends on a
boundary (the Arabic NER corpora tag whole tokens); :func:`selected_span` is the
one rule, used by the coder's window, the lead's window and the gold editor.
All offsets are code points of the stored text, so an emoji outside the BMP is
one position, and distances count letters: tashkeel and tatweel
(``unicodedata`` category M, U+0640) go with the letter they sit on.

Boundaries. A span may start at the start of a word or at a proclitic edge
inside it (و|28، و|الباغوز، وب|غداد: :func:`annotator.text.proclitic_candidates`,
which keeps a clitic's marks with it), and ends at the end of a word. A span
never ends on a proclitic edge: a bare و is no entity. Punctuation, symbols and
spaces at either end are left out.

The rule, for a non-empty selection ``[start, end)``:

1. Space and word-less tokens (punctuation, emoji) at its ends are trimmed. A
   selection with no word character left is no span when it is blank, else is
   kept as it is (a symbol the coder means).
2. A start on a start boundary and an end on a word's end are kept exactly:
   the coder meant them («28 مدنيا» inside «و28 مدنيا» stays without its و).
3. Otherwise each end moves to the nearest boundary of the word it falls in,
   measured in letters; a tie goes outward (the word or clitic is taken). So a
   drag that grazes less than half of the next word's letters drops it, one
   that stops a letter short of a word's end takes the whole word, and a start
   in the first letters after a proclitic moves to the proclitic edge, not to
   the word's start.
4. When that leaves no word (the selection lay inside one word, or grazed two
   words without holding half of either), the span is the whole word holding
   most of the selection's letters (the first on a tie): a span is never empty.
5. A span that starts at a word's start leaves its proclitic out only when the
   rest is in ``known_names`` (normalised names the project knows for the
   label): بغداد and لبنان begin with proclitic letters too. A start the coder
   put after a clitic is never moved back.

An empty selection is the word at the cursor (or the one just before it) when
``at_cursor``, with rule 5, else nothing: the lead's window wants a selection,
a stray key there must not tag. :func:`toggled_proclitic` (the coder's
proclitic key) covers every other case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Set
from typing import Any

from annotator.codebook import Codebook, fit_attributes
from annotator.suggest import casualty
from annotator.text import TATWEEL, Token, proclitic_candidates, proclitic_length, snap_to_words, tokenize


def selected_span(
    text: str, start: int, end: int, *, at_cursor: bool = False, known_names: Set[str] = frozenset()
) -> tuple[int, int] | None:
    """The span a label key makes of the selection ``[start, end)``, or None when it holds no word.

    The rule is the module's docstring; the offsets are code points.
    """
    start, end = max(0, min(start, end, len(text))), min(len(text), max(start, end, 0))
    known = frozenset(known_names)
    if start == end:
        if not at_cursor:
            return None
        start, end = (start, start + 1) if text[start : start + 1].strip() else (max(0, start - 1), start)
        start, end = snap_to_words(text, start, end)
        if start >= end or not text[start:end].strip():
            return None
        return _without_known_proclitic(text, start, end, known)
    words = [t for t in tokenize(text) if t.is_word and t.start < end and start < t.end]
    if not words:
        return (start, end) if text[start:end].strip() else None
    first, last = words[0], words[-1]
    start, end = max(start, first.start), min(end, last.end)  # rule 1
    new_start = _nearest(text, start, _start_boundaries(first))
    new_end = _nearest(text, end, (last.start, last.end), tie_upward=True)
    kept = [t for t in words if new_start < t.end and t.start < new_end]
    if not kept:  # rule 4
        word = max(words, key=lambda t: _letters(text, max(start, t.start), min(end, t.end)))
        return _without_known_proclitic(text, word.start, word.end, known)
    new_start, new_end = max(new_start, kept[0].start), min(new_end, kept[-1].end)
    return _without_known_proclitic(text, new_start, new_end, known)


def _start_boundaries(word: Token) -> tuple[int, ...]:
    """Where a span may start in ``word``: its start, each proclitic edge, and its end (the word dropped)."""
    return (word.start, *(word.start + n for n in proclitic_candidates(word.text)), word.end)


def _nearest(text: str, offset: int, boundaries: tuple[int, ...], *, tie_upward: bool = False) -> int:
    """The boundary nearest ``offset`` in letters; a tie goes outward (down for a start, up for an end)."""
    below = max(b for b in boundaries if b <= offset)
    above = min(b for b in boundaries if b >= offset)
    down, up = _letters(text, below, offset), _letters(text, offset, above)
    return above if up < down or (up == down and tie_upward) else below


def _letters(text: str, start: int, end: int) -> int:
    """Letters (and digits) in ``text[start:end]``: a mark or tatweel is part of the letter it sits on."""
    return sum(1 for ch in text[start:end] if ch != TATWEEL and not unicodedata.category(ch).startswith("M"))


def _without_known_proclitic(text: str, start: int, end: int, known: frozenset[str]) -> tuple[int, int]:
    """Rule 5: a span from a word's start leaves out a proclitic whose rest is a known name."""
    word = next((t for t in tokenize(text) if t.start == start and t.is_word), None)
    if word is None:
        return start, end
    cut = word.start + proclitic_length(word.text, known)
    return (cut, end) if cut < end else (start, end)


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
