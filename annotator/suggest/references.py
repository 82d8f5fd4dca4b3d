"""Short references to an actor the document named in full: الهيئة after هيئة تحرير الشام,
الجهاز after جهاز دعم الاستقرار, and الجيش, the army, on its own.

After a body's full name (a known actor or one :mod:`annotator.suggest.bodies` read) a
report refers to it by its head noun made definite, and that word is the actor where the
body acts or is acted upon: قصف مواقع «الهيئة»، وكان «الجهاز» قد أفرج. Where the body is
only the source of what follows (وقالت الهيئة إن، وأضاف المركز أن، مصدر في الحركة) the
reference names no one new and is left alone, as the benchmark corpora's annotators leave
it. Only a head noun from the closed list counts (not المرصد's or الجيش الوطني's first
word), and only after the full name: a report that opens with «الهيئة» names nothing.
"""

from __future__ import annotations

from annotator.suggest.bodies import HEADS, MEMBERS, STOP, TRIGGERS, bare_key, head_at, key_of, reads_as
from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates

# Heads a known actor's name may open with beyond the bodies' list: حزب الله → الحزب.
_GROUP_HEADS = frozenset(normalize(w) for w in ("حزب", "حركة", "تنظيم", "جماعة", "هيئة", "جهاز", "تحالف"))
_ARMY = normalize("الجيش")
_FORCES = normalize("قوات")
# Words before a reference that make it a source, a title or a place in the body, not an actor.
# So do its members or cells before it (عناصر الحزب، خلايا التنظيم): the body only owns them.
_NOT_AFTER = frozenset(normalize(w) for w in (
    "في", "باسم", "لدى", "مصدر", "مصادر", "متحدث", "المتحدث", "عناصر", "عنصر", "خلايا", "خلية", "مقاتلي",
    "قادة", "قائد", "أعضاء", "عضو", "مسؤول", "مسؤولي", "قيادي", "قياديي",
))
# The speech and report verbs and source cues of a body, less those a reference may be the
# object of (واتهمت الجيش) or the subject of a reported clause after (إن الجيش قصف).
_SOURCE_VERBS = TRIGGERS - frozenset(normalize(w) for w in ("اتهم", "اتهمت", "إن", "أن"))


def _referred_heads(text: str, words: list[Word], actor: Suggestion, index: dict[int, int]) -> str | None:
    """The definite head noun ``actor`` may be referred back to by (الهيئة), or None."""
    first = index.get(actor.start)
    if first is None:
        return None
    head = head_at(Word(text[actor.start : words[first].end], actor.start, words[first].end, True))
    if head is not None and not head[2]:
        return "ال" + head[1]
    key = normalize(text[actor.start : words[first].end])
    if key in _GROUP_HEADS:
        return "ال" + key
    return None


def _source_or_title(words: list[Word], i: int) -> bool:
    """Whether the word before ``words[i]`` makes it a source (وقالت الهيئة) or a title's body."""
    if i == 0 or not words[i].follows_space:
        return False
    if reads_as(words[i - 1], _SOURCE_VERBS) or reads_as(words[i - 1], _NOT_AFTER):
        return True
    previous = bare_key(words[i - 1])[1]
    # مقاتلين من الجبهة: its members, as عناصر الحزب
    if previous != "من" or i < 2 or not words[i - 1].follows_space:
        return False
    owner = bare_key(words[i - 2])[1]
    return reads_as(words[i - 2], MEMBERS) is not None or owner.removeprefix("ال") in MEMBERS


def references(text: str, words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """ACTOR suggestions for the short references in ``text`` to actors in ``found`` (module docstring)."""
    index: dict[int, int] = {}
    for i, w in enumerate(words):
        index[w.start] = i
        for offset in proclitic_candidates(w.text):
            index.setdefault(w.start + offset, i)
    named: dict[str, int] = {}  # reference → where its full name ends
    for s in found:
        if s.label != "ACTOR":
            continue
        ref = _referred_heads(text, words, s, index)
        if ref is not None and (ref not in named or s.end < named[ref]):
            named[ref] = s.end
    taken = [(s.start, s.end) for s in found]
    endings = (*named, _ARMY)
    out: list[Suggestion] = []
    for i, word in enumerate(words):
        if not normalize(word.text).endswith(endings):
            continue  # no reference, with or without a proclitic: most words
        offsets = (0, *proclitic_candidates(word.text))
        for offset in offsets:
            key = normalize(word.text[offset:])
            if key != _ARMY and (key not in named or word.start < named[key]):
                continue
            start = word.start + offset
            if any(start < e and s < word.end for s, e in taken) or _source_or_title(words, i):
                break
            following = words[i + 1] if i + 1 < len(words) else None
            if following is not None and following.follows_space and _names_more(following):
                break  # الجيش السوداني، الهيئة العامة: a name of its own, not a reference
            kind = "state_forces" if key == _ARMY else "organisation"
            if i > 0 and word.follows_space and start == word.start:
                forces = _bare_forces(words[i - 1])
                if forces is not None and not any(forces < e and s < word.end for s, e in taken):
                    start = forces  # قوات الجيش، قوات الهيئة: the forces of the body are the body
            out.append(Suggestion("ACTOR", start, word.end, {"kind": kind, "canonical": text[start : word.end]}, "gazetteer"))
            break
    return out


def _names_more(following: Word) -> bool:
    """Whether the word after a reference continues a name: a definite word or a head."""
    key = key_of(following)
    return key not in STOP and (key.startswith("ال") or key in HEADS)


def _bare_forces(word: Word) -> int | None:
    """Where ``word`` starts as قوات (after a proclitic: لقوات), or None."""
    for offset in (0, *proclitic_candidates(word.text)):
        if normalize(word.text[offset:]) == _FORCES:
            return word.start + offset
    return None
