"""Places no list has, found after a cue word that names their kind: بلدة الكسرة، حي تل
السلطان، بلدتي بريتال والنبي شيت، مستشفى شهداء الأقصى.

A cue word (بلدة، قرية، مدينة، حي، مخيم and their duals) is followed by the name of a
place of its kind, so the word after it is suggested even when no gazetteer lists it.
The name is one word, or two when the first is a word that opens compound names (تل،
عين، دير، أبو، النبي ...), when an indefinite first word is followed by a definite one
(عيتا الشعب، معرة النعمان) or when the second is an adjective of the name (الحلة
الجديدة). A dual cue takes a second name after و. The cue stays out of the span
(README, "Suggestions": the span convention) except مستشفى and the like, whose type
word is part of the name of a site that names no place of its own (مستشفى ناصر).
Words that follow cue words without naming anything (حي سكني، مخيم للنازحين، قرية
صغيرة، مدينة تبعد) are never names.
"""

from __future__ import annotations

from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates

# fmt: off
_CUES = {
    normalize(w): (kind, dual) for w, kind, dual in (
        ("بلدة", "town", False), ("قرية", "town", False), ("مدينة", "town", False),
        ("بلدتي", "town", True), ("قريتي", "town", True), ("مدينتي", "town", True),
        ("حي", "district", False), ("حيي", "district", True),
        ("مخيم", "site", False), ("مخيمي", "site", True),
    )
}
# Type words that are part of a site's name: the span starts on them.
_SITE_WORDS = frozenset(normalize(w) for w in ("مستشفى", "مشفى", "مجمع"))
_OPENERS = frozenset(normalize(w) for w in (
    "أبو", "أبي", "أم", "بني", "بنو", "تل", "عين", "دير", "بيت", "كفر", "بئر", "بير", "خربة", "رأس", "جبل",
    "وادي", "ود", "النبي", "الشيخ", "سيدي", "خان", "باب", "حمام", "معرة", "قصر", "عرب", "شهداء", "مار",
))
_NAME_ADJECTIVES = frozenset(normalize(w) for w in (
    "الجديدة", "الجديد", "القديمة", "القديم", "الكبرى", "الصغرى", "الكبير", "الصغير", "العليا", "السفلى",
    "الفوقا", "التحتا", "الفوقاني", "التحتاني",
))
# Words after a cue that name nothing: adjectives, prepositions, verbs, times, numbers in words.
_NOT_NAMES = frozenset(normalize(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "قرب", "بالقرب", "مع", "بين", "نحو", "داخل", "خارج", "حيث", "التي",
    "الذي", "ذاتها", "نفسها", "نفسه", "بأكملها", "بأكمله", "كاملة", "كامل", "أخرى", "آخر", "الأخرى", "الآخر",
    "سكني", "سكنية", "السكني", "السكنية", "شعبي", "شعبية", "الشعبي", "الشعبية", "صغيرة", "صغير", "كبيرة",
    "كبير", "جديد", "جديدة", "قديمة", "قديم", "ميداني", "ميدانيا", "ميدانية", "الميداني", "حكومي", "حكومية",
    "خاص", "خاصة", "مجاورة", "مجاور", "المجاورة", "المجاور", "حدودية", "الحدودية", "ساحلية", "الساحلية",
    "زراعية", "الزراعية", "نائية", "تابعة", "تابع", "واحدة", "واحد", "عدة", "كل", "النازحين", "اللاجئين",
    "تقع", "تبعد", "يقطنها", "يسكنها", "تضم", "يبلغ", "كانت", "كان", "شهدت", "عسكري", "عسكرية", "مؤقت",
    "مؤقتة", "عشوائي", "عشوائية", "المدينة", "البلدة", "القرية", "المخيم", "الحي", "المنطقة", "المحافظة",
    "اليوم", "أمس", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي",
    "الماضية", "الحالي", "الحالية", "مدمرة", "المدمرة", "المحاصرة", "محاصرة", "آمنة", "الآمنة",
))
# Article-and-proclitic openings that mark a word as no name's start (للنازحين، بالمدينة).
_CLITIC_OPENINGS = ("لل", "بال", "وال", "فال", "كال")
# fmt: on


def _usable(word: Word) -> bool:
    key = normalize(word.text)
    return (
        word.follows_space
        and len(key) >= 2
        and key.isalpha()
        and key not in _NOT_NAMES
        and not key.startswith(_CLITIC_OPENINGS)
    )


def _name_end(words: list[Word], i: int) -> int | None:
    """The index of the last word of a name starting at ``words[i]``, or None if it is none."""
    if i >= len(words) or not _usable(words[i]):
        return None
    key = normalize(words[i].text)
    if i + 1 < len(words) and _usable(words[i + 1]):
        second = normalize(words[i + 1].text)
        if key in _OPENERS or second in _NAME_ADJECTIVES or (not key.startswith("ال") and second.startswith("ال")):
            return i + 1
    if key in _OPENERS:
        return None  # a bare opener (تل، عين) names nothing
    return i


def _cue_at(word: Word) -> tuple[int, str] | None:
    """Where ``word`` starts as a cue (after a proclitic: وبلدة) and its normalised form."""
    for offset in (0, *proclitic_candidates(word.text)):
        key = normalize(word.text[offset:])
        if key in _CUES or key in _SITE_WORDS:
            return word.start + offset, key
    return None


def names_after_cues(words: list[Word], taken: list[tuple[int, int]]) -> list[Suggestion]:
    """PLACE suggestions for the names after cue words that overlap none of ``taken``."""
    out: list[Suggestion] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    for i, word in enumerate(words[:-1]):
        cue = _cue_at(word)
        if cue is None:
            continue
        cue_start, key = cue
        last = _name_end(words, i + 1)
        if last is None:
            continue
        if key in _SITE_WORDS:
            if free(cue_start, words[last].end):
                out.append(Suggestion("PLACE", cue_start, words[last].end, {"kind": "site"}, "gazetteer"))
            continue
        kind, dual = _CUES[key]
        if free(words[i + 1].start, words[last].end):
            out.append(Suggestion("PLACE", words[i + 1].start, words[last].end, {"kind": kind}, "gazetteer"))
        if dual and last + 1 < len(words):
            other = words[last + 1]
            if normalize(other.text).startswith("و") and other.follows_space and len(other.text) > 2:
                rest = Word(other.text[1:], other.start + 1, other.end, True)
                second_last = _name_end([*words[: last + 1], rest, *words[last + 2 :]], last + 1)
                if second_last is not None:
                    end = rest.end if second_last == last + 1 else words[second_last].end
                    if free(rest.start, end):
                        out.append(Suggestion("PLACE", rest.start, end, {"kind": kind}, "gazetteer"))
    return out
