"""Organisations no list has, read from how news names them: a head noun and the words after it.

A body is named by a head noun from a closed list (هيئة، جهاز، مركز، مؤسسة، بلدية ...)
and what follows it: a chain of nouns ending on a definite word or a known place
(جهاز دعم الاستقرار، هيئة شؤون الأسرى، بلدية مصراتة), or, with the head definite,
an adjective (الحركة الشعبية، المؤسسة الوطنية). The name goes on over agreeing
adjectives (مركز تعز الحقوقي), a coordinated definite noun (جهاز الإسعاف والطوارئ)
and, after an adjective, a لـ chain (المؤسسة الوطنية لحقوق الإنسان، الوحدة التنفيذية
لإدارة مخيمات النازحين); it ends before a preposition, إن/أن, a time word, a number or
punctuation. Some heads name many things besides bodies (مركز المدينة، حركة النزوح،
الوحدة السكنية): those are taken only where the text shows a body, as the subject of
a speech or report verb (قالت، أفاد، أعلنت)، after a source cue (بحسب، وفق، نقلاً عن), as
the agent of a verb with its object (تديره، نفذته) or the body of its members (قيادي
في). The whole phrase is one ACTOR (README, "Suggestions": the span convention) and a
known place or actor inside it is none of its own (مؤسسة غزة الإنسانية gives no غزة).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container

from annotator.suggest.adjectives import is_definite_country_adjective
from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import TASHKEEL, TATWEEL, normalize, proclitic_candidates


def _norm(*words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


# fmt: off
# Heads that name a body wherever a name follows them.
STRONG_HEADS = _norm(
    "وزارة", "هيئة", "جهاز", "مؤسسة", "منظمة", "بلدية", "لجنة", "لجان", "مجلس", "مفوضية", "رابطة", "اتحاد",
    "نقابة", "منسقية", "تنسيقية", "جمعية", "بعثة", "نادي", "وكالة", "مرصد", "بنك", "حكومة",
)
# Heads that also name places, movements and parts of things: a body only where the text shows one.
WEAK_HEADS = _norm(
    "مركز", "شبكة", "وحدة", "قيادة", "مكتب", "إدارة", "دائرة", "قناة", "إذاعة", "حركة", "خلية", "أمانة",
    "سلطة", "مديرية", "غرفة", "قوة", "فرقة", "جبهة", "مشروع", "برنامج", "تجمع", "مصرف",
)
HEADS = STRONG_HEADS | WEAK_HEADS
_HEAD_ENDINGS = tuple(HEADS)
# مديرية alone is a district of Yemen (مديرية التحيتا): a body only with what it directs.
_DIRECTORATE = normalize("مديرية")
DIRECTED = _norm(
    "الأمن", "أمن", "الصحة", "صحة", "الشرطة", "شرطة", "التربية", "تربية", "الزراعة", "المرور", "الإعلام",
    "الدفاع", "الجوازات", "الأحوال", "السجون", "الاستخبارات", "المخابرات", "الأوقاف", "المالية",
)
# بلدية مصراتة، حكومة صنعاء: a municipality or a government is a body wherever it is named
_OF_PLACES_ALWAYS = _norm("بلدية", "حكومة")
_OPERATIONS = normalize("عمليات")  # غرفة is a body only as غرفة عمليات
_ROOM = normalize("غرفة")
# Media heads whose name may be a number: القناة 12، شبكة السويداء 24.
_MEDIA = _norm("قناة", "شبكة", "إذاعة")
# Words that end a name: prepositions, particles, pronouns, time words.
STOP = _norm(
    "في", "على", "من", "إلى", "الى", "عن", "مع", "بين", "قرب", "حول", "عبر", "ضد", "خلال", "منذ", "بعد", "قبل",
    "أمام", "لدى", "عند", "حتى", "نحو", "تجاه", "داخل", "خارج", "فوق", "تحت", "إن", "أن", "إنه", "أنه", "إنها",
    "أنها", "التي", "الذي", "الذين", "اللذين", "اللتين", "ما", "لا", "لم", "لن", "قد", "كما", "أو", "ثم", "بل",
    "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "أي", "غير", "سوى", "اليوم", "أمس", "غدا",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "صباح", "مساء", "فجر", "ليل",
    "ظهر", "الماضي", "الماضية", "الجاري", "الجارية", "الحالي", "الحالية", "المقبل", "المقبلة", "بيان", "بيانا",
    "تابعة", "تابع", "التابعة", "التابع", "نفسه", "نفسها", "ذاته", "ذاتها", "أيضا", "حاليا", "سابقا", "لاحقا",
    "الأول", "الأولى", "الثاني", "الثانية", "الأخير", "الأخيرة", "الإثنين",
)
# Nouns after a head that make a place, a facility or a part of a thing, not a body: مركز المدينة،
# شبكة الكهرباء، حركة النزوح.
_NOT_COMPLEMENTS = _norm(
    "المدينة", "البلدة", "القرية", "المحافظة", "المنطقة", "الحي", "المخيم", "البلاد", "العاصمة", "القطاع",
    "الولاية", "الكهرباء", "المياه", "الاتصالات", "الصرف", "الإنترنت", "الإيواء", "إيواء", "التدريب", "الاحتجاز",
    "التوقيف", "النزوح", "المرور", "السير", "الملاحة", "التجارة", "النقل", "الطيران", "الأسواق", "الانفجار",
    "القصف", "الهجوم", "النيران", "الحرب", "القتال", "المعارك", "الاشتباكات", "العاصفة", "السيارة", "الحدث",
    "الشارع", "الطريق", "المبنى", "المنزل", "الأسبوع", "الشهر", "العام", "السنة", "الأمر", "الوضع", "الأزمة",
    # devices (جهاز التنفس), gatherings (تجمع المدنيين), a target list (بنك الأهداف)
    "التنفس", "الإنذار", "التحكم", "الكشف", "التفجير", "الاتصال", "اللاسلكي", "التتبع", "التشويش", "الأهداف",
    "الدم",
)
# People a head may gather rather than name (تجمع المدنيين): no core, though a لـ chain may
# serve them (المنسقية العامة للنازحين).
_GATHERED = _norm("المدنيين", "النازحين", "الأهالي", "السكان", "المواطنين", "المحتجين", "المتظاهرين")
# Adjectives of a body's name beyond the nisba ones (العامة، العليا، المستقلة).
_ADJECTIVES = _norm(
    "العامة", "العام", "العليا", "الأعلى", "المستقلة", "المستقل", "المتحدة", "المشتركة", "المشترك", "الموحدة",
    "الموحد", "الكبرى", "المؤقتة", "المؤقت", "الأهلية", "الأهلي", "الخاصة", "الخاص", "السريع", "السريعة",
    "الحر", "الحرة", "الجديد", "الجديدة", "المستقلة", "الموحدة", "العاجل", "العاجلة",
    "الأحمر", "الأخضر", "الأبيض", "الأسود", "الأزرق", "الأصفر", "الحمراء", "الخضراء", "البيضاء", "السوداء",
)
# Adjectives that describe a body without naming it: قالت منظمة دولية، لجنة جديدة.
_INDEFINITE_ADJECTIVES = _norm(
    "جديد", "جديدة", "كبير", "كبيرة", "صغير", "صغيرة", "خاص", "خاصة", "مستقل", "مستقلة", "أخرى", "آخر",
    "مشترك", "مشتركة", "عليا", "عام", "عامة", "تابع", "تابعة", "مختص", "مختصة", "معني", "معنية",
)
# Titles a body may be named after with a person's name: كتيبة الشهيد عمر، لواء السلطان مراد.
_TITLES = _norm("الشهيد", "السلطان", "الشيخ", "الإمام", "الملك", "الأمير", "القائد", "الشهداء", "الحاج")
# Nisba-shaped words that describe a place or a facility, not a body's name (الوحدة السكنية).
_NOT_ADJECTIVES = _norm(
    "السكنية", "السكني", "الطبي", "الطبية", "الصحي", "التجاري", "التجارية", "الرئيسي", "الرئيسية", "الفرعي",
    "الفرعية", "الجوي", "الجوية", "الأرضي", "الأرضية", "الحدودي", "الحدودية", "الأمامية", "الأمامي", "الأراضي",
    "الأهالي", "الليلي", "الصباحي", "المسائي", "الحالي", "الحالية", "الماضي", "المحلي", "المحلية",
    "الرسمي", "الرسمية",
)
# Words before a body that show it is one: speech and report verbs (its subject follows), source cues.
TRIGGERS = _norm(
    "قال", "قالت", "أعلن", "أعلنت", "أفاد", "أفادت", "ذكر", "ذكرت", "أكد", "أكدت", "أوضح", "أوضحت", "أضاف",
    "أضافت", "اتهم", "اتهمت", "حمل", "حملت", "نفى", "نفت", "طالب", "طالبت", "دعا", "دعت", "أحصى", "أحصت",
    "وثق", "وثقت", "رصد", "رصدت", "أصدر", "أصدرت", "حذر", "حذرت", "كشف", "كشفت", "أشار", "أشارت", "نشر",
    "نشرت", "ندد", "نددت", "أدان", "أدانت", "تبنى", "تبنت", "أعلنته", "بحسب", "حسب", "وفق", "وفقا", "تبعا",
    "يقول", "تقول", "يؤكد", "تؤكد", "إن", "أن", "أبلغ", "أبلغت", "قدر", "قدرت", "سجل", "سجلت",
    "تابع", "تابعت", "لفت", "لفتت", "شدد", "شددت", "نوه", "نوهت", "ناشد", "ناشدت", "رجح", "رجحت", "اعتبر",
    "اعتبرت", "رأى", "رأت", "أعرب", "أعربت", "جدد", "جددت", "وصف", "وصفت", "نقل", "نقلت", "أورد", "أوردت",
    "زعم", "زعمت", "أقر", "أقرت", "استنكر", "استنكرت", "يتهم", "تتهم",
    # what a body publishes, named before it: بحسب إحصاء مركز صنعاء للدراسات
    "إحصاء", "إحصائية", "تقرير", "بيان", "تقديرات", "أرقام",
)
# Verbs with an object pronoun before their agent: قصف نفذته الحركة، مركز تديره المؤسسة.
_AGENT_VERBS = tuple(normalize(w) for w in (
    "نفذ", "شن", "أطلق", "تدير", "يدير", "زرع", "تبنى", "ارتكب", "أعد", "نظم", "تقود", "يقود", "أقام", "أنشأ",
    "تبنت", "يتبع", "تتبع", "أصدر", "أصدرت", "وزع", "وزعت",
))
_OBJECT_PRONOUNS = ("ه", "ته", "ها", "تها", "هم", "تهم")
# Members before في/من or a body they belong to: قيادي في حركة، عناصر من جهاز.
MEMBERS = _norm(
    "قيادي", "قياديا", "قياديين", "عنصر", "عنصرا", "عناصر", "مقاتل", "مقاتلي", "مقاتلين", "مسلحين", "مسلحي",
    "عضو", "أعضاء", "مسعفين", "مسعفي", "موظفي", "موظفين", "مسؤول", "مسؤولا", "مسؤولي", "متطوعي", "فرق",
    "طواقم", "مدير", "قائد", "قادة", "رئيس", "رئيسة", "مديرة",
)
# fmt: on
_SOURCE_PAIRS = {normalize("نقلا"): normalize("عن"), normalize("وفقا"): "ل", normalize("تبعا"): "ل"}


def key_of(word: Word) -> str:
    return normalize(word.text)


def bare_key(word: Word) -> tuple[int, str]:
    """The word without و or ف before it (وقالت → قالت), and how many letters that took."""
    key = key_of(word)
    if len(key) > 3 and key[0] in "وف":
        return 1, key[1:]
    return 0, key


def reads_as(word: Word, known: Container[str]) -> str | None:
    """The form of ``word`` that ``known`` holds: as written first (وفقا، وزير start with و), then
    without a و or ف before it (وقالت → قالت); None when it holds neither."""
    key = key_of(word)
    if key in known:
        return key
    offset, bare = bare_key(word)
    return bare if offset and bare in known else None


def head_at(word: Word) -> tuple[int, str, bool] | None:
    """Where ``word`` starts as a head (after a proclitic: وبلدية → بلدية), the head's
    indefinite form and whether it was written definite (الهيئة)."""
    if word.text.endswith("ه") or not normalize(word.text).endswith(_HEAD_ENDINGS):
        return None  # فرقه: his teams, not فرقة; or no head at all (most words)
    for offset in (0, *proclitic_candidates(word.text)):
        key = normalize(word.text[offset:])
        if key in HEADS:
            return word.start + offset, key, False
        if key.startswith("ال") and key[2:] in HEADS:
            return word.start + offset, key[2:], True
    return None


def _content(word: Word) -> bool:
    key = key_of(word)
    return (
        word.follows_space
        and len(key) >= 2
        and key.isalpha()
        and key not in STOP
        and not (key[0] in "وف" and key[1:] in STOP)
    )


def _definite(key: str) -> bool:
    return key.startswith("ال") and len(key) > 3


def nisba_shaped(word: Word) -> bool:
    """Whether ``word`` ends as a nisba adjective does (الحقوقي، الإنسانية), as written: ى is
    no ي here (الأقصى، الكبرى), though the normalised forms are alike."""
    bare = "".join(ch for ch in word.text if ch not in TASHKEEL and ch != TATWEEL)
    return bare.endswith(("ي", "ية", "يه"))


def _adjective(word: Word) -> bool:
    key = key_of(word)
    if key in _NOT_ADJECTIVES or not _definite(key):
        return False
    return key in _ADJECTIVES or nisba_shaped(word) or is_definite_country_adjective(key)


class _Names:
    """The known names found so far, by the word they start on: a chain may end on one."""

    def __init__(self, words: list[Word], found: list[Suggestion]) -> None:
        ends = {w.end: i for i, w in enumerate(words)}
        starts = [w.start for w in words]
        self.by_start: dict[int, tuple[int, str]] = {}
        self.place_ends: set[int] = {ends[s.end] for s in found if s.label == "PLACE" and s.end in ends}
        for s in found:
            first = bisect_right(starts, s.start) - 1  # the word it starts in (after a proclitic: والدفاع)
            last = ends.get(s.end)
            if first >= 0 and last is not None:
                self.by_start[first] = (last, s.label)

    def ending(self, i: int) -> int | None:
        """The last word of the known name starting on word ``i``, or None."""
        hit = self.by_start.get(i)
        return hit[0] if hit is not None else None


def _core_end(words: list[Word], i: int, head: str, definite: bool, names: _Names) -> int | None:
    """The last word of the name's core after the head ``words[i]``, or None if none follows."""
    n = len(words)
    j = i + 1
    if j >= n or not _content(words[j]):
        return None
    if definite:
        return j if _adjective(words[j]) else None
    if head == _ROOM and key_of(words[j]) != _OPERATIONS:
        return None
    if head == _DIRECTORATE and key_of(words[j]) not in DIRECTED:
        return None
    if key_of(words[j]) in _NOT_COMPLEMENTS or key_of(words[j]) in _GATHERED:
        return None
    for j in range(i + 1, min(i + 4, n)):
        word = words[j]
        if not _content(word):
            return None
        known = names.ending(j)
        if known is not None:
            return _closed(words, known)
        key = key_of(word)
        if _definite(key) and j > i + 1 and nisba_shaped(word):
            return None  # «مشروع مسام» السعودي: the adjective describes a name (see _bare_name_end)
        if _definite(key):
            return _closed(words, j) if key not in _NOT_COMPLEMENTS else None
        if key.startswith(("ي", "لل")) or (key.startswith("ل") and j > i + 1):
            return None  # a verb (يضم) or a لـ phrase before any definite word
    return None


def _bare_name_end(words: list[Word], i: int) -> int | None:
    """The last word of a name of one or two indefinite words after the head ``words[i]``
    that nothing follows but the sentence's end, a particle or a country adjective (وفق تجمع
    أحرار حوران.، وأعلن مشروع مسام السعودي), or None; only where the text shows a body."""
    for last in (i + 1, i + 2):
        if last >= len(words):
            return None
        word, key = words[last], key_of(words[last])
        if (
            not _content(word)
            or _definite(key)
            or nisba_shaped(word)
            or key in _INDEFINITE_ADJECTIVES
            or key in _NOT_COMPLEMENTS
            or key.startswith(("ي", "ل"))
        ):
            return None
        following = words[last + 1] if last + 1 < len(words) else None
        if following is None or not _content(following) or is_definite_country_adjective(following.text):
            return last
    return None


def _closed(words: list[Word], end: int) -> int:
    """``end``, or the word after it that closes the name: the definite noun a name in
    construct takes (تجمع حماة الديار) or the name after a title (كتيبة الشهيد عمر)."""
    if end + 1 >= len(words) or not _content(words[end + 1]):
        return end
    key, following = key_of(words[end]), key_of(words[end + 1])
    if key in _TITLES and not following.startswith(("ال", "ل")):
        return end + 1
    closes = _definite(following) and following not in _NOT_COMPLEMENTS and not _adjective(words[end + 1])
    return end + 1 if closes and not key.startswith("ال") else end


def _extend(words: list[Word], end: int, names: _Names, after_adjective: bool) -> tuple[int, bool]:
    """The last word of the name after its core ends on ``end``: adjectives, a coordinated
    definite noun, a لـ chain after an adjective; and whether it ends on an adjective."""
    n = len(words)
    while end + 1 < n and _content(words[end + 1]):
        following = words[end + 1]
        key = key_of(following)
        if names.by_start.get(end + 1, (0, ""))[1] == "ACTOR":
            break  # a known actor after the name is its own
        if _adjective(following):
            end, after_adjective = end + 1, True
            continue
        if key.startswith("وال") and len(key) > 4 and key[1:] not in _NOT_COMPLEMENTS and key[3:] not in HEADS:
            end, after_adjective = end + 1, False
            continue
        if after_adjective and key.startswith("ل"):
            chain = _lam_chain(words, end + 1)
            if chain is not None:
                end, after_adjective = chain, False
                continue
        break
    return end, after_adjective


def _lam_chain(words: list[Word], j: int) -> int | None:
    """The last word of a لـ phrase starting on ``words[j]`` (للنازحين، لحقوق الإنسان، لإدارة
    مخيمات النازحين), or None."""
    key = key_of(words[j])
    if key.startswith("لل") and len(key) > 4:
        if "ال" + key[2:] in _NOT_COMPLEMENTS:
            return None  # اقتحام الكتيبة للبلدة: the town it stormed
        end = j
    else:
        closing = next((k for k in range(j + 1, min(j + 3, len(words))) if _definite(key_of(words[k]))), None)
        if closing is None or not all(_content(words[k]) for k in range(j + 1, closing + 1)):
            return None
        end = closing
    while end + 1 < len(words) and _content(words[end + 1]):
        key = key_of(words[end + 1])
        if (key.startswith("وال") and len(key) > 4) or _adjective(words[end + 1]):  # للبحث والتعرف
            end += 1
        else:
            break
    return end


def shown_a_body(text: str, words: list[Word], i: int, start: int) -> bool:
    """Whether the words before the head at ``words[i]`` (starting at ``start``) show a body:
    a speech or report verb, a source cue, an agent verb with its object, its members."""
    if start > words[i].start:  # لوزارة after وفقاً
        proclitic = normalize(text[words[i].start : start])
        if proclitic.endswith("ل") and i > 0 and reads_as(words[i - 1], _SOURCE_PAIRS):
            return True
        if proclitic.endswith("ب") and key_of(words[i]).startswith(normalize("بقيادة")):
            return False  # بقيادة: led by
    if i == 0 or not words[i].follows_space:
        return False
    if reads_as(words[i - 1], TRIGGERS) or reads_as(words[i - 1], MEMBERS):
        return True
    previous = bare_key(words[i - 1])[1]
    if previous.endswith(_OBJECT_PRONOUNS) and previous.startswith(_AGENT_VERBS):
        return True
    if i > 1 and words[i - 1].follows_space:
        if previous == "ما" and reads_as(words[i - 2], TRIGGERS):  # بحسب ما
            return True
        if previous in ("في", "من") and reads_as(words[i - 2], MEMBERS):
            return True
        pair = reads_as(words[i - 2], _SOURCE_PAIRS)
        if pair is not None and _SOURCE_PAIRS[pair] == previous:
            return True
    return False


def find_bodies(text: str, words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """The bodies named in ``text`` (module docstring), as ACTOR suggestions; ``found`` are the
    known names, which a chain may end on."""
    names = _Names(words, found)
    out: list[Suggestion] = []
    i = 0
    while i < len(words) - 1:
        head = head_at(words[i])
        if head is None:
            i += 1
            continue
        start, key, definite = head
        core = _core_end(words, i, key, definite, names)
        if core is None and key in _MEDIA and words[i + 1].follows_space and key_of(words[i + 1]).isdecimal():
            core = i + 1  # القناة 12
        if core is None and not definite and shown_a_body(text, words, i, start):
            core = _bare_name_end(words, i)
            if core is not None:
                attrs = {"kind": "organisation", "canonical": text[start : words[core].end]}
                out.append(Suggestion("ACTOR", start, words[core].end, attrs, "gazetteer"))
                i = core + 1
                continue
        if core is None:
            i += 1
            continue
        after_adjective = definite or _adjective(words[core])
        if key in _MEDIA and key_of(words[core]).isdecimal():
            end = core  # the number ends the name: «القناة 12» العبرية
        else:
            end, after_adjective = _extend(words, core, names, after_adjective)
        if key in _MEDIA and end + 1 < len(words) and words[end + 1].follows_space:
            number = key_of(words[end + 1])
            if number.isdecimal() and len(number) <= 3:
                end += 1  # شبكة السويداء 24
        shown = shown_a_body(text, words, i, start)
        at_place = end == core and core in names.place_ends and end + 1 < len(words)
        if shown and at_place and key_of(words[end + 1]).startswith("ل"):
            end = _lam_chain(words, end + 1) or end  # بحسب مركز صنعاء «للدراسات الاستراتيجية»
        phrase_has_mark = end > core or (key in _MEDIA and end > i)
        # a head and a place alone may be a council or a centre of the place (وعقد مجلس حلب جلسة)
        strong = (key in STRONG_HEADS and core not in names.place_ends) or key in _OF_PLACES_ALWAYS
        if strong or key == _DIRECTORATE or phrase_has_mark or shown:
            attrs = {"kind": "organisation", "canonical": text[start : words[end].end]}
            out.append(Suggestion("ACTOR", start, words[end].end, attrs, "gazetteer"))
            i = end + 1
            continue
        i += 1
    return out


def with_bodies(text: str, words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with the bodies :func:`find_bodies` reads; a body takes the place of the
    known names inside it and gives way to a known actor it would cut."""
    out = list(found)
    for body in find_bodies(text, words, found):
        inside = [s for s in out if body.start <= s.start and s.end <= body.end]
        crossing = [s for s in out if s.start < body.end and body.start < s.end and s not in inside]
        if crossing or any(s.label == "ACTOR" and (s.start, s.end) == (body.start, body.end) for s in inside):
            continue
        out = [s for s in out if s not in inside] + [body]
    return sorted(out, key=lambda s: s.start)
