"""Where the words of a document search fall in one stored text, as code-point offsets.

The document list finds articles through the search index, which holds normalised
words and their bare forms (without و، ب، ل…). To show the coder why an article
matched, the same reading is done here on the stored text: both sides are
normalised, the text with a map back to its own offsets, so a match is always a
stretch of the stored text and never of a normalised copy (see PITFALLS.md).
"""

from __future__ import annotations

import re

from annotator.text import normalize, normalize_with_map, proclitic_candidates

_WORD = re.compile(r"[^\W_]+")


def query_forms(query: str) -> set[str]:
    """The normalised, case-folded words of ``query`` and each one's forms without a proclitic.

    The search index looks a word up by its barest form, so بدير الزور finds دير الزور;
    the fuller forms are kept so that the word as typed is matched whole where it stands
    (بغداد is all of بغداد, not غداد after a ب).
    """
    forms = set()
    for token in _WORD.findall(normalize(query).casefold()):
        forms.add(token)
        forms.update(token[length:] for length in proclitic_candidates(token))
    return forms


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``text`` of every word that any word of ``query`` finds.

    A word of the text is found when it, or it without a proclitic, is one of
    :func:`query_forms`; the match then leaves the proclitic out (بدير found by دير is دير). Tashkeel and
    tatweel inside or right after the word belong to the match. In text order.
    """
    wanted = query_forms(query)
    if not wanted:
        return []
    normalised, index = normalize_with_map(text)
    matches = []
    for found in _WORD.finditer(normalised):
        word = found.group().casefold()
        if len(word) != found.end() - found.start():
            continue  # case folding changed the length: offsets would not map back
        cuts = [0, *proclitic_candidates(word)]
        cut = next((c for c in cuts if word[c:] in wanted), None)
        if cut is not None:
            # index[end] is the next kept character: what lies before it is this word's marks.
            matches.append((index[found.start() + cut], index[found.end()]))
    return matches
