"""A name the document has given once is the same name where it comes again without its cue.

The suggesters find many names by what stands around them (مخيم «الجفينة»، مطار «عربت»،
قالت «الحركة الشعبية»); a report names them again bare (ويعد الجفينة أكبر مخيم، وتقع
عربت على بعد). Once a document has a name, each other occurrence of the same words
(however spelled, a proclitic left out, as the gazetteer matches) is that name too, unless
one word reads otherwise there (البيت الأبيض، صور الأقمار الصناعية): the
project's memory of tagged names (:mod:`annotator.suggest.memory`) does this across
documents, this does it inside one before anything is tagged.
"""

from __future__ import annotations

from annotator.suggest.bodies import STOP
from annotator.suggest.names import NameMatcher, Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize


def repeated_names(text: str, words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """The other occurrences of the ACTOR and PLACE names in ``found`` that overlap none of them."""
    # a name written once is never repeated as written: most documents stop here, cheaply
    names = [s for s in found if s.label in ("ACTOR", "PLACE") and text.count(text[s.start : s.end]) > 1]
    if not names:
        return []
    matcher = NameMatcher("gazetteer")
    for s in names:
        matcher.add(text[s.start : s.end], s.label, {k: v for k, v in s.attrs.items() if not k.startswith("_")})
    taken = sorted((s.start, s.end) for s in found)
    index = {w.end: i for i, w in enumerate(words)}
    out: list[Suggestion] = []
    for hit in matcher.find(text, words):
        if any(hit.start < end and start < hit.end for start, end in taken):
            continue
        last = index.get(hit.end)
        if last is not None and " " not in text[hit.start : hit.end] and _read_otherwise(words, last, hit.start):
            continue
        out.append(hit)
    return out


def _read_otherwise(words: list[Word], i: int, start: int) -> bool:
    """Whether the one word ``words[i]`` is read here as an adjective (البيت الأبيض) or as the
    first noun of a construct (صور الأقمار الصناعية), not as the name given before."""
    following = words[i + 1] if i + 1 < len(words) else None
    if following is not None and following.follows_space:
        key = normalize(following.text)
        if key.startswith("ال") and key not in STOP:
            return True
    if start == words[i].start and i > 0 and words[i].follows_space:  # a definite adjective follows its noun
        return normalize(words[i].text).startswith("ال") and normalize(words[i - 1].text).startswith("ال")
    return False
