"""Facilities named with their type word: مستشفى كمال عدوان، مجمع ناصر الطبي، سجن الجديدة،
حقل كورمور للغاز، المستشفى السعودي.

A facility known by a name of its own is one PLACE of kind ``site`` with its type word inside
(README, "Suggestions": the span convention), and with the words that describe it as part of
its name: an adjective (العام، الحكومي، التعليمي، الدولي) or لـ and what it is for (للحوادث،
للغاز). A town named inside it (مستشفى «السويداء» الوطني) is then no PLACE of its own: the
facility is where it happened. The name is a definite noun (الشفاء), or one or two indefinite
words (ناصر، كمال عدوان), never a verb, a time or a word that says what kind of facility it is
(مستشفى ميداني، حقل ألغام، قاعدة عسكرية). A known site the gazetteer found (مطار معيتيقة)
takes its describing words the same way.
"""

from __future__ import annotations

from annotator.suggest.adjectives import is_definite_country_adjective
from annotator.suggest.bodies import nisba_shaped
from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates

# fmt: off
_TYPE_WORDS = frozenset(normalize(w) for w in (
    "مستشفى", "مشفى", "مجمع", "مستوصف", "سجن", "سد", "جسر", "حقل", "مصفاة", "قاعدة", "مدرسة", "جامعة",
))
# Type words whose facility's name takes the words that describe it (مستشفى القائم العام، مطار
# معيتيقة الدولي); a dam's, a field's or a prison's does not (حقل «الشرارة» النفطي).
_DESCRIBED = frozenset(normalize(w) for w in ("مستشفى", "مشفى", "مجمع", "مستوصف", "جامعة", "مدرسة", "مطار"))
# Definite type words: a facility only with a country's adjective (المستشفى السعودي).
_DEFINITE_TYPE_WORDS = frozenset(normalize(w) for w in ("المستشفى", "المشفى", "المدرسة", "المجمع"))
# Words after a facility's name that are part of it.
_DESCRIBING = frozenset(normalize(w) for w in (
    "العام", "العامة", "الكبير", "الكبرى", "الجديد", "الجديدة", "القديم", "القديمة", "الأهلي", "الأهلية",
))
_MAX_INDEFINITE = 2  # كمال عدوان، ثابت ثابت: a person's names; a third is the next person's
# Words that follow a type word without naming a facility, or end a name: kinds, materials, times,
# prepositions and the verbs a sentence goes on with (مستشفى ناصر استقبل).
_NOT_NAMES = frozenset(normalize(w) for w in (
    "ميداني", "ميدانية", "عسكري", "عسكرية", "حكومي", "حكومية", "خاص", "خاصة", "جوي", "جوية", "ألغام", "الغام",
    "نفط", "غاز", "نفطي", "بيانات", "سكني", "سكنية", "ثانوية", "ابتدائية", "إعدادية", "أساسية", "تابع",
    "تابعة", "آخر", "أخرى", "واحد", "واحدة", "كبير", "كبيرة", "صغير", "صغيرة", "رئيسي", "رئيسية", "مؤقت",
    "مؤقتة", "متنقل", "متنقلة", "صباح", "مساء", "فجر", "ظهر", "ليل", "عصر", "أمس", "اليوم", "بعد", "قبل",
    "خلال", "إثر", "جراء", "بسبب", "عقب", "في", "من", "على", "إلى", "الى", "عن", "مع", "قرب", "بين", "حيث",
    "التي", "الذي", "لا", "لم", "ما", "قد", "كان", "كانت", "بات", "باتت", "بقي", "ظل", "استقبل", "استقبلت",
    "تعرض", "تعرضت", "أعلن", "أعلنت", "قال", "قالت", "أفاد", "أفادت", "ذكر", "ذكرت", "أكد", "أكدت", "أوضح",
    "خرج", "خرجت", "توقف", "توقفت", "يعمل", "تعمل", "يستقبل", "تستقبل", "يقع", "تقع", "يضم", "تضم", "شهد",
    "شهدت", "لحقوق", "للنازحين", "للاجئين", "الميداني", "الميدانية", "للأمم", "تؤوي", "يؤوي", "تستضيف",
    "يستضيف", "تديره", "تديرها",
))
# Words a proclitic may hide in a name's second word (حميميم «بريف» اللاذقية): they start a place.
_PLACE_STARTS = frozenset(normalize(w) for w in (
    "ريف", "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "حي", "مخيم", "منطقة", "شمال", "جنوب", "شرق", "غرب",
))
# fmt: on


def with_sites(words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with facilities added and the known sites in it given their describing words;
    a PLACE inside a new facility is dropped, and a facility overlapping any other suggestion
    is not added. Suggestions come back in text order."""
    by_start = {w.start: i for i, w in enumerate(words)}
    by_end = {w.end: i for i, w in enumerate(words)}
    out = [_described(words, by_start, by_end, s) for s in found]
    for i, word in enumerate(words):
        type_word = _type_word(word)
        if type_word is None:
            continue
        start, type_key = type_word
        last = _facility_end(words, i, type_key)
        if last is None:
            continue
        end = words[last].end
        inside = [s for s in out if start <= s.start and s.end <= end and s.label == "PLACE"]
        others = [s for s in out if s.start < end and start < s.end and s not in inside]
        if others:
            continue
        out = [s for s in out if s not in inside]
        out.append(Suggestion("PLACE", start, end, {"kind": "site"}, "gazetteer"))
    return sorted(out, key=lambda s: s.start)


def _type_word(word: Word) -> tuple[int, str] | None:
    """Where ``word`` starts as a facility's type word (after a proclitic: بمستشفى), and the type word."""
    for offset in (0, *proclitic_candidates(word.text)):
        key = normalize(word.text[offset:])
        if key in _TYPE_WORDS or key in _DEFINITE_TYPE_WORDS:
            return word.start + offset, key
    return None


def _facility_end(words: list[Word], i: int, type_key: str) -> int | None:
    """The last word of the facility whose type word ``type_key`` is ``words[i]``, or None if none is named."""
    if type_key in _DEFINITE_TYPE_WORDS:
        nxt = i + 1
        if nxt < len(words) and words[nxt].follows_space and is_definite_country_adjective(words[nxt].text):
            return _with_describing(words, nxt)
        return None
    last = i
    for j in range(i + 1, min(i + 1 + _MAX_INDEFINITE, len(words))):
        word = words[j]
        key = normalize(word.text)
        if not _name_word(word, key, second=j > i + 1):
            break
        if key.startswith("ال"):
            if j > i + 1 and _describes(word, key):
                break  # مستشفى ناصر «الطبي»; a first definite word is the name (سجن الجديدة)
            last = j  # a definite noun closes the name: مستشفى الشفاء، أبو سليم
            break
        last = j
    if last == i:
        return None
    return _with_describing(words, last) if type_key in _DESCRIBED else last


def _name_word(word: Word, key: str, second: bool = False) -> bool:
    """Whether ``word`` may be part of a facility's name: no kind, verb or time, no accusative
    adjective (مستشفى ميدانياً), and as a second word no و and no place after a proclitic."""
    if not (word.follows_space and len(key) >= 2 and key.isalpha()) or key in _NOT_NAMES or "\u064b" in word.text:
        return False
    if key.startswith(("لل", "بال", "وال", "فال", "كال")):
        return False
    if not second:
        return True
    return not key.startswith("و") and all(
        normalize(word.text[n:]) not in _PLACE_STARTS for n in proclitic_candidates(word.text)
    )


def _describes(word: Word, key: str) -> bool:
    """Whether a definite word after a name describes the facility (الوطني، العام)."""
    return key in _DESCRIBING or nisba_shaped(word)


def _with_describing(words: list[Word], last: int) -> int:
    """``last`` moved over the describing words after a name: الطبي، العام، للحوادث."""
    for _ in range(2):
        nxt = last + 1
        if nxt >= len(words) or not words[nxt].follows_space:
            break
        word = words[nxt]
        key = normalize(word.text)
        if key in _NOT_NAMES:
            break
        purpose = key.startswith("لل") and len(key) > 4  # للحوادث، للغاز
        if not (purpose or (key.startswith("ال") and _describes(word, key))):
            break
        last = nxt
    return last


def _described(words: list[Word], by_start: dict[int, int], by_end: dict[int, int], found: Suggestion) -> Suggestion:
    """A known site that starts on a type word (مطار معيتيقة) with its describing words (الدولي)."""
    if found.label != "PLACE" or found.start not in by_start or found.end not in by_end:
        return found
    if normalize(words[by_start[found.start]].text) not in _DESCRIBED:
        return found
    last = by_end[found.end]
    end = words[_with_describing(words, last)].end
    return found if end == found.end else Suggestion(found.label, found.start, end, found.attrs, found.source)
