"""People named after their title: المتحدث باسم الجيش «أحمد المسماري»، وزير الصحة العامة «فراس
الأبيض»، رئيس الوزراء «مصطفى الكاظمي»، والي ولاية غرب دارفور «خميس أبكر».

Reports name the officials who speak or act after their office, and the corpus marks each as an
ACTOR of kind person. No list can hold them, but the pattern is fixed: a title, what it is the
title of (definite words, باسم and a body, a body or place already found, في and a place), a rank
(العقيد، الدكتور), then the name: a first name without ال, and up to two more words, the name
ending on a family name with ال (الكاظمي) or before a word that starts the sentence's next part
(إن، على، a comma). A single word after a title is no name here (رئيس «الحكومة»). A person named
so is found again by the last word of the name after a verb of saying (وقال «الأبيض»).
"""

from __future__ import annotations

from annotator.suggest.bodies import TRIGGERS, key_of, reads_as
from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize

# fmt: off
_TITLES = frozenset(normalize(w) for w in (
    "المتحدث", "المتحدثة", "الناطق", "الناطقة", "وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "قائد",
    "والي", "محافظ", "منسق", "منسقة", "المبعوث", "المبعوثة", "مبعوث", "الممثل", "الممثلة", "ممثل", "ممثلة",
    "الأمين", "مراسل", "مراسلة", "مراسلا", "نائب", "سفير", "زعيم", "آمر", "قائدا", "مسؤول",
))
# Ranks and honorifics between the office and the name.
_RANKS = frozenset(normalize(w) for w in (
    "العقيد", "العميد", "اللواء", "الفريق", "الرائد", "النقيب", "المقدم", "الملازم", "الدكتور", "الشيخ",
    "المهندس", "الجنرال", "المشير", "الأستاذ", "القاضي", "السيد", "السيدة", "الحاج",
))
# Indefinite words of an office's complement (رئيس «مجلس» قروي المغير، والي «ولاية» غرب دارفور).
_COMPLEMENT_NOUNS = frozenset(normalize(w) for w in (
    "باسم", "مجلس", "حكومة", "بلدية", "ولاية", "محافظة", "وزارة", "هيئة", "جهاز", "مكتب", "مستشفى", "قوات",
    "إقليم", "لجنة", "العام", "العامة", "عام", "عامة", "الأمم", "المتحدة",
))
# Words that open a name's next word or two: عبد القادر، أبو عاقلة.
_NAME_OPENERS = frozenset(normalize(w) for w in ("عبد", "أبو", "أم", "بن", "ابن", "أبي"))
# Words that end a name: what follows a name in a sentence.
_AFTER_NAME = frozenset(normalize(w) for w in (
    "إن", "أن", "إنه", "إنها", "أنه", "أنها", "في", "على", "من", "إلى", "عن", "مع", "خلال", "بعد", "قبل",
    "الذي", "التي", "صباح", "مساء", "اليوم", "أمس", "لوكالة", "لقناة", "لصحيفة", "بأن", "وأن", "وإن",
    "قوله", "قولها", "بيان", "تصريح", "تصريحات", "عبر", "حيث", "كما", "فيما", "بينما",
))
_NOT_NAME_WORDS = _AFTER_NAME | TRIGGERS | _RANKS | _TITLES
_VERBAL_NOUN_OPENINGS = tuple(normalize(w) for w in ("است", "انت", "اعت", "اخت", "اقت", "انس", "انف", "اجت", "اشت", "احت"))
_MAX_NAME = 3
_MAX_COMPLEMENT = 6
# fmt: on


def find_people(words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """ACTOR suggestions of kind person for the names after titles (module docstring) and for
    their family names after a verb of saying; none overlaps ``found``."""
    ends = {s.start: s.end for s in found}
    by_end = {w.end: i for i, w in enumerate(words)}
    taken = [(s.start, s.end) for s in found]
    out: list[Suggestion] = []
    surnames: set[str] = set()
    i = 0
    while i < len(words):
        if reads_as(words[i], _TITLES) is None:
            i += 1
            continue
        first = _after_complement(words, i + 1, ends, by_end)
        name = None if first is None else _name(words, first)
        if first is None or name is None:
            i += 1
            continue
        start, end = words[first].start, words[name].end
        if not any(start < e and s < end for s, e in taken):
            out.append(_person(words, first, name))
            taken.append((start, end))
            surnames.add(key_of(words[name]))
        i = name + 1
    out += _surnames_again(words, surnames, taken)
    return out


def _after_complement(words: list[Word], j: int, ends: dict[int, int], by_end: dict[int, int]) -> int | None:
    """The first word after an office's complement and any rank, or None past the sentence."""
    for _ in range(_MAX_COMPLEMENT):
        if j >= len(words) or not words[j].follows_space:
            return None
        key = key_of(words[j])
        if words[j].start in ends:  # a body or a place already found: وزارة الصحة، غزة
            j = by_end.get(ends[words[j].start], j) + 1
            continue
        if key in _RANKS:
            return j + 1 if j + 1 < len(words) and words[j + 1].follows_space else None
        if key.startswith("ال") or key in _COMPLEMENT_NOUNS or (key == "في" and j + 1 < len(words)):
            j += 1
            continue
        return j
    return None


def _name_word(word: Word, first: bool) -> bool:
    key = key_of(word)
    if not word.follows_space or len(key) < 2 or not key.isalpha():
        return False
    if reads_as(word, _NOT_NAME_WORDS) is not None:
        return False  # وأضاف، فيما: not a name, with or without its و
    if first:  # no ال, and no verbal noun of a derived verb (استهداف، انسحاب، اعتقال): no first names
        return not key.startswith(("ال", *_VERBAL_NOUN_OPENINGS))
    return not (key.startswith(("ب", "ل", "و")) and len(key) > 4)  # بتوقيف، لخطورة، وانضمامه


def _name(words: list[Word], j: int) -> int | None:
    """The last word of a name of two or three words starting at ``words[j]``, or None."""
    if j >= len(words) or not _name_word(words[j], first=True):
        return None
    last = j
    for k in range(j + 1, min(j + _MAX_NAME, len(words))):
        if not _name_word(words[k], first=False):
            break
        last = k
        if key_of(words[k]).startswith("ال") and key_of(words[k - 1]) not in _NAME_OPENERS:
            break  # a family name with ال ends the name: مصطفى الكاظمي
    return last if last > j else None


def _person(words: list[Word], first: int, last: int) -> Suggestion:
    text = " ".join(w.text for w in words[first : last + 1])
    return Suggestion("ACTOR", words[first].start, words[last].end, {"kind": "person", "canonical": text}, "gazetteer")


def _surnames_again(words: list[Word], surnames: set[str], taken: list[tuple[int, int]]) -> list[Suggestion]:
    """وقال «الأبيض» إن: a family name with ال alone after a verb of saying is the person again."""
    out = []
    for i in range(1, len(words)):
        key = key_of(words[i])
        if key not in surnames or not key.startswith("ال") or not words[i].follows_space:
            continue
        if reads_as(words[i - 1], TRIGGERS) is None:
            continue
        start, end = words[i].start, words[i].end
        if any(start < e and s < end for s, e in taken):
            continue
        out.append(Suggestion("ACTOR", start, end, {"kind": "person", "canonical": words[i].text}, "gazetteer"))
        taken.append((start, end))
    return out
