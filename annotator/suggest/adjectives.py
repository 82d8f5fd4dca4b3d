"""Country adjectives (سورية، عراقية، يمني) are not places: «ليرة سورية» is a Syrian pound.

Arabic forms the adjective of a country with the nisba ending (-ي، -ية، -يون،
-يين، -يات). Most such forms never name a place, but سورية is also how many
outlets spell Syria, so «قصف في سورية» is a place and «ليرة سورية» is not.
Without vowels the two read the same; what tells them apart is the word
before: an adjective follows the noun it describes and agrees with it, so
after an indefinite feminine or plural noun (ليرة، قوات، فصائل) or another
adjective (عراقية وسورية) the word is an adjective, while after a
preposition, a direction (شمال سورية) or a definite noun (زار الرئيس سورية)
it is the country.
"""

from __future__ import annotations

from functools import lru_cache

from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, tokenize

# fmt: off
# Stems of nisba adjectives of the region and its neighbours, normalised (أ → ا, ة → ه).
_STEMS = tuple(normalize(s) for s in (
    "سور", "عراق", "يمن", "ليب", "سودان", "لبنان", "فلسطين", "اسرائيل", "مصر", "أردن", "إيران", "ترك",
    "روس", "أمريك", "أميرك", "سعود", "إمارات", "قطر", "كويت", "بحرين", "عمان", "جزائر", "تونس", "مغرب",
    "كرد", "كورد", "عرب", "تشاد", "إثيوب", "أوكران", "فرنس", "بريطان", "ألمان", "صومال", "إريتر",
))
_ENDINGS = ("ي", "يه", "يون", "يين", "يات", "يتين", "يتان", "يان")
# Nisba forms that are also how a country is written: the word before decides.
_ALSO_PLACES = frozenset(normalize(w) for w in ("سورية", "سعودية"))  # as _bare leaves them
# Words after which a name is a place, not an adjective: prepositions, directions, "the borders of".
_GOVERNORS = frozenset(normalize(w) for w in (
    "في", "إلى", "الى", "من", "عن", "على", "مع", "عبر", "نحو", "داخل", "خارج", "شمال", "شمالي", "جنوب",
    "جنوبي", "شرق", "شرقي", "غرب", "غربي", "وسط", "أنحاء", "حدود", "باتجاه", "تجاه", "قرب", "حول", "بين",
    "لدى", "أراضي", "عمق", "سماء", "أجواء", "حتى", "بلد", "دولة", "جمهورية",
    # nouns a country is the genitive of (مساحة سورية: the area of Syria)
    "مساحة", "عاصمة", "أرض", "سكان", "شعب", "خريطة", "ربوع",
))
# Broken plurals an adjective may follow (فصائل عراقية، مصادر سورية): feminine singular agreement.
_BROKEN_PLURALS = frozenset(normalize(w) for w in (
    "فصائل", "مصادر", "عناصر", "أسلحة", "أراض", "مدن", "قرى", "بلدات", "قوى", "جهات", "مناطق", "مواقع",
    "شركات", "طائرات", "صواريخ", "ميليشيات", "جماعات", "عائلات", "أسر", "وسائل", "أوساط", "دوائر",
))
# fmt: on


@lru_cache(maxsize=4096)
def _nisba(word: str) -> bool:
    """Whether ``word`` (normalised, without ال) is a country adjective: سوري، عراقية، يمنيون."""
    return any(word == stem + end for stem in _STEMS for end in _ENDINGS)


def _bare(word: str) -> tuple[str, str]:
    """The normalised word without a leading و and ال, and the letters taken off."""
    key = normalize(word)
    taken = ""
    if key.startswith("و") and len(key) > 4 and _nisba(key[1:].removeprefix("ال")):
        key, taken = key[1:], "و"
    if key.startswith("ال") and len(key) > 4:
        key, taken = key[2:], taken + "ال"
    return key, taken


def is_adjective_use(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a candidate PLACE, is a country adjective here, not a place.

    A span of more than one word (الجمهورية العربية السورية) is left to the
    gazetteer: the answer is False. A nisba form that never names a country
    (عراقية، يمني، السورية) is always an adjective. One that also spells a country
    (سورية، السعودية) is an adjective when the word right before it, with nothing
    but a space between, is a noun it can agree with (an indefinite feminine or
    broken plural for سورية, any definite noun for السعودية) or another adjective.
    """
    span = text[start:end].strip()
    if not span or any(ch.isspace() for ch in span):
        return False
    word, taken = _bare(span)
    if not _nisba(word):
        return False
    if start >= 1 and text[start - 1] == "و" and (start == 1 or text[start - 2].isspace()):
        start, taken = start - 1, "و" + taken  # a span that left out its و: وسورية
    if word not in _ALSO_PLACES:
        return True
    return _after_a_noun(text, start, joined="و" in taken, definite="ال" in taken)


def _after_a_noun(text: str, start: int, *, joined: bool, definite: bool) -> bool:
    """Whether the word before ``start`` is one a country adjective could describe or follow.

    An adjective agrees with its noun in definiteness: السعودية after القوات is
    Saudi, after في it is Saudi Arabia; سورية after ليرة is Syrian.
    """
    head = text[max(0, start - 40) : start]
    tokens = tokenize(head)
    if not tokens or not tokens[-1].is_word or "\n" in head[tokens[-1].end :]:
        return False
    previous = normalize(tokens[-1].text)
    if previous.startswith("و") and len(previous) > 4 and _nisba(_bare(previous[1:])[0]):
        previous = previous[1:]
    bare, taken = _bare(previous)
    if _nisba(bare):
        return ("ال" in taken) == definite  # عراقية وسورية: a list of adjectives
    if joined or previous in _GOVERNORS:
        return False  # "في العراق وسورية": و joins two places
    if definite:
        return previous.startswith("ال")
    if previous.startswith("ال"):
        return False
    return previous.endswith(("ه", "ات")) or previous in _BROKEN_PLURALS


def without_adjective_places(text: str, found: list[Suggestion]) -> list[Suggestion]:
    """Drop a PLACE that is a country adjective here («ليرة سورية»), whichever suggester found it."""
    return [s for s in found if s.label != "PLACE" or not is_adjective_use(text, s.start, s.end)]


def is_definite_country_adjective(word: str) -> bool:
    """Whether ``word`` as written is a definite country adjective (التركية، اللبناني), the form
    that follows an institution it names (وزارة الدفاع التركية، الحكومة اللبنانية)."""
    key = normalize(word)
    return key.startswith("ال") and _nisba(key[2:])
