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

from annotator.suggest.bodies import DIRECTED, nisba_shaped
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
        ("منطقة", "district", False), ("منطقتي", "district", True), ("محور", "district", False),
        ("ناحية", "district", False), ("قضاء", "district", False), ("مديرية", "district", False),
        ("ضاحية", "district", False), ("مستوطنة", "town", False), ("مستوطنتي", "town", True),
        ("كيبوتس", "town", False), ("سوق", "district", False), ("مطار", "town", False),
    )
}
# Cues after which a name is mostly a common noun if definite (سوق الهال، سوق السمك): only an
# indefinite one is a place's (سوق صابرين); مطار names its town (مطار «عربت» الزراعي).
_INDEFINITE_ONLY = frozenset(normalize(w) for w in ("سوق",))
# Words after these cues that name an event, a facility or a direction, not a place: منطقة
# الاشتباكات، محور القتال، محور المقاومة، مديرية الأمن (a body: annotator.suggest.bodies).
_NOT_AFTER_AREA = frozenset(normalize(w) for w in (
    "الاشتباكات", "القصف", "الانفجار", "العمليات", "النزاع", "المعارك", "الحادث", "الهجوم", "الحدود", "الصراع",
    "التماس", "النفوذ", "السيطرة", "القتال", "المواجهات", "الاستهداف", "الغارة", "الغارات", "الحظر", "الخطر",
    "المقاومة", "الشرق", "الجنوب", "الشمال", "الغرب", "الوسط", "المطار", "الميناء", "السوق", "الجامعة",
    "المستشفى", "المعبر", "الحادثة", "الجريمة", "الكارثة", "الزلزال", "الفيضانات", "العمليات", "الدولي",
    "العسكري", "المدني", "المحلي", "الشعبي", "المركزي", "الرئيسي", "التجاري", "الخضار", "الهال", "السمك",
))
_AREA_CUES = frozenset(normalize(w) for w in ("منطقة", "منطقتي", "محور", "ناحية", "قضاء", "مديرية", "سوق", "مطار"))
# Type words that are part of a site's name: the span starts on them.
_SITE_WORDS = frozenset(normalize(w) for w in ("جبل", "وادي"))
_OPENERS = frozenset(normalize(w) for w in (
    "أبو", "أبي", "أم", "بني", "بنو", "تل", "عين", "دير", "بيت", "كفر", "بئر", "بير", "خربة", "رأس", "جبل",
    "وادي", "ود", "النبي", "الشيخ", "سيدي", "خان", "باب", "حمام", "معرة", "قصر", "عرب", "شهداء", "مار",
    "سوق", "كريات", "كفار", "رمات", "جفعات", "معاليه",
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
    "الماضية", "الحالي", "الحالية", "مدمرة", "المدمرة", "المحاصرة", "محاصرة", "آمنة", "الآمنة", "ما",
    "عسكرية", "إنسانية", "صناعية", "عازلة", "منزوعة", "مفتوحة", "واسعة", "جبلية", "صحراوية", "محايدة",
    "مأهولة", "خالية", "مغلقة", "محظورة", "متنازع", "قريبة", "بعيدة", "رئيسي", "رئيسية", "مركزي", "تجاري",
    "خضار", "للخضار", "حربي", "دولي", "مزدحم", "مزدحمة", "مكتظ", "مكتظة", "ريفية", "حضرية", "ذلك", "هذه",
    "الحرب", "القتال", "الاشتباكات", "الأمم", "مرتفع", "مرتفعة", "عال", "عالية", "ترابي", "ترابية", "ماء",
    "مياه", "استراتيجي", "استراتيجية", "مطل", "مطلة", "مجاورة",
    # events, times and markets after منطقة، قضاء، ناحية، سوق (منطقة خفض التصعيد، قضاء وقت، سوق سوداء)
    "خفض", "عمليات", "اشتباكات", "قتال", "معارك", "نزاع", "تماس", "عمل", "العمل", "وقت", "الوقت", "عطلة",
    "حاجة", "حاجات", "الحاجة", "بقية", "باقي", "فترة", "أيام", "ساعات", "ليلة", "يوم", "ثانية", "سوداء",
    "السوداء", "موازية", "الموازية", "التصعيد", "الهدنة", "الانتشار", "المواجهة", "الاشتباك",
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
        if second.startswith("ال") and nisba_shaped(words[i + 1]) and second not in _NAME_ADJECTIVES:
            pass  # an adjective of what is there (مطار «عربت» الزراعي), not of the name
        elif key in _OPENERS and not second.startswith("ال") and _definite_after(words, i + 2):
            return i + 2  # دير قانون النهر
        elif key in _OPENERS or second in _NAME_ADJECTIVES or (not key.startswith("ال") and second.startswith("ال")):
            return i + 1
    if key in _OPENERS:
        return None  # a bare opener (تل، عين) names nothing
    return i


def _definite_after(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a definite noun that can close a name (النهر), not an adjective."""
    if i >= len(words) or not _usable(words[i]):
        return False
    key = normalize(words[i].text)
    return key.startswith("ال") and len(key) > 3 and not nisba_shaped(words[i]) and key not in _NOT_AFTER_AREA


def _counted(words: list[Word], i: int) -> bool:
    """Whether the cue ``words[i]`` follows a number: «17 قرية» counts villages, naming none."""
    return i > 0 and words[i].follows_space and normalize(words[i - 1].text).isdecimal()


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
        if last is None or _counted(words, i):
            continue
        first = normalize(words[i + 1].text)
        if key in _AREA_CUES and (first in _NOT_AFTER_AREA or (key in _INDEFINITE_ONLY and first.startswith("ال"))):
            continue
        if key == normalize("مديرية") and first in DIRECTED:
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

