"""A name the document has given once is the same name where it comes again without its cue.

The suggesters find many names by what stands around them (مخيم «الجفينة»، مطار «عربت»،
قالت «الحركة الشعبية»); a report names them again bare (ويعد الجفينة أكبر مخيم، وتقع
عربت على بعد). Once a document has a name, each other occurrence of the same words
(however spelled, a proclitic left out, as the gazetteer matches) is that name too: the
project's memory of tagged names (:mod:`annotator.suggest.memory`) does this across
documents, this does it inside one before anything is tagged.
"""

from __future__ import annotations

from annotator.suggest.names import NameMatcher, Word
from annotator.suggest.suggestion import Suggestion


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
    out: list[Suggestion] = []
    for hit in matcher.find(text, words):
        if any(hit.start < end and start < hit.end for start, end in taken):
            continue
        out.append(hit)
    return out
