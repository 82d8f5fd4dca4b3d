"""Word lists the casualty suggester reads context with, and how a word is matched.

Words are compared in normalised form (no tashkeel or tatweel, one alef, ه for
ة, ي for ى) after the proclitic readings :func:`annotator.text.proclitic_candidates`
allows and with or without ال, so وأُصيبوا، الجرحى and قتلـــى all match. A list
entry ending in ``*`` matches as a stem (قتل* takes قتلى، قتلوا), any other
only as the whole word, where a stem would catch unrelated words (أسر* would
take أسرة "family" and إسرائيل).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from annotator.text import normalize, proclitic_candidates


@dataclass(frozen=True)
class WordList:
    """Whole words and stems, both normalised."""

    words: frozenset[str]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, *entries: str) -> WordList:
        stems = tuple(normalize(e[:-1]) for e in entries if e.endswith("*"))
        return cls(frozenset(normalize(e) for e in entries if not e.endswith("*")), stems)

    def matches(self, word: str) -> bool:
        """Whether ``word`` (as written in the text) is in this list under any of its readings."""
        return any(base in self.words or base.startswith(self.stems) for base in bases(word))

    def matches_plain(self, word: str) -> bool:
        """Whether ``word`` is in this list as written, with no proclitic or article taken off."""
        base = normalize(word)
        return base in self.words or base.startswith(self.stems)


@lru_cache(maxsize=65536)
def bases(word: str) -> tuple[str, ...]:
    """The normalised readings of a written word: itself, without a proclitic, without ال."""
    forms = [normalize(word)] + [normalize(word[n:]) for n in proclitic_candidates(word)]
    out: list[str] = []
    for form in forms:
        out.append(form)
        if form.startswith("ال") and len(form) > 3:
            out.append(form[2:])
    return tuple(dict.fromkeys(out))


# fmt: off
STATUS_WORDS: dict[str, WordList] = {
    "killed": WordList.of(
        "قتل*", "مقتل*", "قتيل*", "يقتل*", "تقتل*", "حتف*", "مصرع*", "ضحية", "ضحيتين", "ضحايا",
        "استشهد*", "شهيد*", "شهداء", "قضوا", "قضى", "توفي*", "وفاة", "وفيات", "أعدم*", "إعدام*", "جثث", "جثة",
        "جثامين", "أودى", "أودت",
    ),
    "injured": WordList.of("جرح*", "جريح*", "أصيب*", "إصابة*", "إصابات*", "مصاب*", "يصاب*"),
    "missing": WordList.of("مفقود*", "فقدان*", "فقدوا", "مختف*", "اختفاء*", "اختفى"),
    "captured": WordList.of(
        "أسر", "أسرى", "أسير", "أسيرا", "أسروا", "أسرت", "أسرهم", "اعتقل*", "اعتقال*", "معتقل*",
        "اختطف*", "اختطاف*", "مختطف*", "خطف*", "احتجز*", "احتجاز*", "محتجز*",
    ),
}

VICTIM_WORDS: dict[str, WordList] = {
    "civilians": WordList.of("مدني", "مدنيا", "مدنيين", "مدنيون", "مدنيًا"),
    "children": WordList.of("طفل*", "أطفال", "قاصر*", "قصر"),
    "women": WordList.of("نساء", "امرأة", "امرأتين", "سيدة", "سيدات", "نسوة"),
    "combatants": WordList.of(
        "عنصر*", "عناصر", "مقاتل*", "جندي*", "جنود", "مسلح*", "عسكري*", "ضابط*", "ضباط", "مجند*", "جهادي*",
        "إرهابي*", "متطرف*",
    ),
}
# People counted without saying who they were.
PEOPLE_WORDS = WordList.of("شخص*", "أشخاص", "آخر", "آخرين", "آخرون", "آخرا", "فرد*", "أفراد", "نفر", "مواطن*")
# Between a number and its noun: "20 آخرين من عناصر"، "30 من المدنيين".
NOUN_FILLERS = WordList.of("من", "آخرين", "آخرون", "آخر", "آخرا", "آخران", "على", "الأقل")

# Between a figure and a part of it: "54 شخصا بينهم 28 مدنيا".
SUBSET_WORDS = WordList.of("بينهم", "منهم", "بينهن", "منهن", "ضمنهم", "بينها")

# Nouns that, counted by a number, make it a count of something other than people.
NOT_PEOPLE = WordList.of(
    "يوم", "يوما", "أيام", "ساعة", "ساعات", "أسبوع*", "أسابيع", "شهر", "شهرا", "أشهر", "شهور", "سنة", "سنوات",
    "سنين", "عام", "عاما", "أعوام", "دقيقة", "دقائق", "ثانية", "ثوان", "كم", "كيلومتر*", "كيلو*", "متر*", "أمتار",
    "ميل*", "طن*", "دولار*", "ليرة", "ليرات", "يورو", "غارة", "غارات", "ضربة", "ضربات", "هجوم", "هجمات",
    "صاروخ*", "صواريخ", "قذيفة", "قذائف", "برميل*", "براميل", "طائرة", "طائرات", "مرة", "مرات", "قرية", "قرى",
    "بلدة", "بلدات", "منطقة", "مناطق", "مدينة", "مدن", "موقع*", "مواقع", "منزل*", "منازل", "مبنى", "مبان",
    "عملية", "عمليات", "انفجار*", "سيارة", "سيارات", "دبابة", "دبابات", "آلية", "آليات", "مدرعة", "مدرعات",
    "حاجز", "حواجز", "نقطة", "نقاط", "مركز", "مراكز", "مستشفى", "مستشفيات", "مدرسة", "مدارس", "عبوة", "عبوات",
    "لغم", "ألغام", "طلعة", "طلعات", "جولة", "جولات", "فصيل", "فصائل", "دولة", "دول", "بالمئة", "بالمائة",
    "بلد", "بلدان", "محافظة", "محافظات", "جبهة", "جبهات", "طريق", "مرحلة", "مراحل", "بند", "بنود", "نقطة",
)
PERCENT_WORDS = WordList.of("بالمئة", "بالمائة", "المئة", "المائة")
MONTHS = WordList.of(
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين",
)
# Words before a number that make it a year, a time, an ordinal or a reference.
YEAR_CUES = WordList.of(
    "عام", "العام", "سنة", "صيف", "شتاء", "ربيع", "خريف", "أواخر", "أوائل", "مطلع", "منتصف", "نهاية", "بداية",
    "أواسط", "الساعة", "رقم", "القرار", "المادة", "البند", "الفقرة", "الطريق", "الفرقة", "اللواء",
)
YEAR_MARKS = WordList.of("م", "هـ", "ه")
CUMULATIVE_AFTER_SINCE = WordList.of(
    "بدء", "بداية", "اندلاع", "انطلاق", "مطلع", "عام", "العام", "انطلاقة", "بدايات",
)
CUMULATIVE_WORDS = WordList.of("إجمالي", "الإجمالية", "إجمالا", "مجمل", "المجموع", "حصيلة إجمالية")
SINCE = WordList.of("منذ")
RANGE_OPENERS = WordList.of("بين", "من")
RANGE_JOINERS = WordList.of("إلى", "الى", "و", "حتى")

# Qualifiers: the words right before the number, longest phrase first.
QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (tuple(normalize(w) for w in phrase.split()), qualifier)
            for phrase, qualifier in (
                ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"), ("قرابة", "about"), ("زهاء", "about"),
                ("ما يقارب", "about"), ("يقارب", "about"), ("ما يقرب من", "about"), ("يقرب من", "about"),
                ("تقريبا", "about"), ("أكثر من", "at_least"), ("ما لا يقل عن", "at_least"),
                ("لا يقل عن", "at_least"), ("ما يزيد عن", "at_least"), ("ما يزيد على", "at_least"),
                ("يزيد عن", "at_least"), ("يزيد على", "at_least"), ("أزيد من", "at_least"), ("ما يفوق", "at_least"),
                ("يفوق", "at_least"), ("فوق", "at_least"), ("على الأقل", "at_least"), ("أقل من", "up_to"),
                ("حتى", "up_to"), ("ما يصل إلى", "up_to"), ("يصل إلى", "up_to"), ("لا يتجاوز", "up_to"),
                ("ما لا يتجاوز", "up_to"), ("ما لا يزيد عن", "up_to"), ("ما لا يزيد على", "up_to"),
                ("لا يزيد عن", "up_to"), ("لا يزيد على", "up_to"),
            )
        ),
        key=lambda item: -len(item[0]),
    )
)
# After the number and its noun: "30 شخصا على الأقل"، "30 شخصا تقريبا".
TRAILING_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((normalize("على"), normalize("الأقل")), "at_least"),
    ((normalize("تقريبا"),), "about"),
)
# fmt: on
