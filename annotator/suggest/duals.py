"""Dual nouns as casualty figures of two: قتيلان، مدنيَّان، طفلين، امرأتين، شقيقاه.

Arabic counts two by the dual ending, with no number word: "قتل طفلان" is a
figure of 2 whose span is the noun itself. The ending is read only on nouns
listed here, because -ان and -ين end many other words (شبان، لبنان، مدنيين):

- ``-ان`` (nominative) is always a dual of a listed noun;
- ``-ين`` (oblique) is a dual only where the noun's plural is broken (طفل →
  أطفال, so طفلين is two), not where the plural is sound and written the same
  (مدنيين is "civilians" as often as "two civilians");
- feminine nouns (امرأة، ضحية) take ``-تان/-تين``, never a plural form;
- with a pronoun (شقيقاه، شقيقيه، طفليها) the ن falls: ``-ا/-ي`` + pronoun,
  under the same rule for ``-ي``.

Definite duals (القتيلان) are left out: they point back to people already counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from annotator.text import normalize, proclitic_candidates


@dataclass(frozen=True)
class DualNoun:
    """What a dual counts: the people (a codebook ``victims`` choice) and, for قتيل or جريح, a status."""

    victims: str
    status: str | None = None


# fmt: off
# singular -> (victims, status, its -ين form is a dual and not a plural)
_NOUNS: dict[str, tuple[str, str | None, bool]] = {
    "قتيل": ("unspecified", "killed", True), "شهيد": ("unspecified", "killed", True),
    "ضحية": ("unspecified", "killed", True), "جثة": ("unspecified", "killed", True),
    "جثمان": ("unspecified", "killed", True),
    "رهينة": ("unspecified", "captured", True), "جريح": ("unspecified", "injured", True),
    "مصابة": ("unspecified", "injured", True),
    "مصاب": ("unspecified", "injured", False), "أسير": ("unspecified", "captured", True),
    "مفقود": ("unspecified", "missing", False), "معتقل": ("unspecified", "captured", False),
    "مختطف": ("unspecified", "captured", False),
    "مطلوب": ("unspecified", "captured", False),
    "مدني": ("civilians", None, False), "مواطن": ("unspecified", None, False),
    "شخص": ("unspecified", None, True), "رجل": ("unspecified", None, True), "شاب": ("unspecified", None, True),
    "طفل": ("children", None, True), "طفلة": ("children", None, True), "رضيع": ("children", None, True), "قاصر": ("children", None, False),
    "امرأة": ("women", None, True), "سيدة": ("women", None, True), "فتاة": ("unspecified", None, True),
    "عنصر": ("combatants", None, True), "جندي": ("combatants", None, True), "ضابط": ("combatants", None, True),
    "مقاتل": ("combatants", None, False), "مسلح": ("combatants", None, False), "عسكري": ("combatants", None, False),
    "حارس": ("unspecified", None, True), "قائد": ("combatants", None, True), "شرطي": ("unspecified", None, False),
    "صحفي": ("civilians", None, False), "مسعف": ("civilians", None, False), "ناشط": ("unspecified", None, False),
    "شقيق": ("unspecified", None, True), "شقيقة": ("unspecified", None, True), "ابن": ("unspecified", None, True),
    "ابنة": ("unspecified", None, True), "أخت": ("unspecified", None, True),
    # people named by their work, civilians by it (as medics and journalists are); not طالب,
    # whose dual is written as Taliban is, nor شيخ (شيخان is a district)
    "صياد": ("civilians", None, False), "عامل": ("civilians", None, False), "راعي": ("civilians", None, True),
    "مزارع": ("civilians", None, False), "فلاح": ("civilians", None, False), "طبيب": ("civilians", None, True),
    "ممرض": ("civilians", None, False), "ممرضة": ("civilians", None, True), "معلم": ("civilians", None, False),
    "طالبة": ("civilians", None, True), "سائق": ("civilians", None, False),
    "موظف": ("civilians", None, False), "تاجر": ("civilians", None, True), "صحفية": ("civilians", None, True),
    "مسعفة": ("civilians", None, True), "مهاجر": ("unspecified", None, False), "لاجئ": ("unspecified", None, False),
    "نازح": ("unspecified", None, False), "مسن": ("unspecified", None, False),
    "فلسطيني": ("unspecified", None, False), "إسرائيلي": ("unspecified", None, False),
    "سوري": ("unspecified", None, False), "عراقي": ("unspecified", None, False),
    "يمني": ("unspecified", None, False), "لبناني": ("unspecified", None, False),
    "ليبي": ("unspecified", None, False), "سوداني": ("unspecified", None, False),
}
# Kin take a pronoun in place of the dual's ن (شقيقاه، طفليها، ابنيهما); other nouns with
# one are mostly something else (رجلاه "his legs").
_KIN = frozenset(("شقيق", "شقيقة", "ابن", "ابنة", "أخت", "طفل", "طفلة"))
_PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا")
# fmt: on


def _forms(sound_plurals: bool = False) -> dict[str, DualNoun]:
    """The dual forms of the listed nouns; with ``sound_plurals``, the -ين forms that read as
    plurals too, for a word whose vowels say it is the dual (مسعفَين)."""
    out: dict[str, DualNoun] = {}
    for singular, (victims, status, oblique) in _NOUNS.items():
        noun = DualNoun(victims, status)
        stem = normalize(singular)
        if stem.endswith("ه"):  # ة: the feminine dual is written with ت
            stem, oblique = stem[:-1] + "ت", True
        kin = singular in _KIN
        out[stem + "ان"] = noun
        out.update({stem + "ا" + p: noun for p in _PRONOUNS if kin})
        if oblique or sound_plurals:
            out[stem + "ين"] = noun
            out.update({stem + "ي" + p: noun for p in _PRONOUNS if kin})
    return out


_FORMS = _forms()
_VOWELLED_FORMS = _forms(sound_plurals=True)
_FATHA, _SHADDA = "\u064e", "\u0651"
_CLITICS = ("", "و", "ف")  # وطفلان: "and two children"; بطفلين, لطفلين are not figures


def _fatha_before_yn(word: str) -> bool:
    """مسعفَين، عسكريَّين: a fatha on the letter before -ين marks the dual, which the plural
    (مسعفِين) never has."""
    if not word.endswith("ين"):
        return False
    before = word[:-2].rstrip(_SHADDA)
    return before.endswith(_FATHA)


@lru_cache(maxsize=65536)
def read_dual(word: str) -> tuple[int, DualNoun] | None:
    """``(offset, noun)`` if ``word`` (as written) is a listed dual, the noun starting ``offset`` code points in."""
    for offset in (0, *proclitic_candidates(word)):
        if normalize(word[:offset]) not in _CLITICS:
            continue
        forms = _VOWELLED_FORMS if _fatha_before_yn(word) else _FORMS
        noun = forms.get(normalize(word[offset:]))
        if noun is not None:
            return offset, noun
    return None
