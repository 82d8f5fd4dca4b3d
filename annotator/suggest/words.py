"""Word lists the casualty suggester reads context with, and how a word is matched.

Words are compared in normalised form (no tashkeel or tatweel, one alef, ه for
ة, ي for ى) after the proclitic readings :func:`annotator.text.proclitic_candidates`
allows and with or without ال, so وأُصيبوا، الجرحى and قتلـــى all match. A list
entry ending in ``*`` matches as a stem (قتل* takes قتلى، قتلوا), any other
only as the whole word, where a stem would catch unrelated words (أسر* would
take أسرة "family" and إسرائيل).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from annotator.text import normalize, proclitic_candidates

_CACHE_LIMIT = 65536


@dataclass(frozen=True)
class WordList:
    """Whole words and stems, both normalised."""

    words: frozenset[str]
    stems: tuple[str, ...]
    # Answers of matches() by word: the casualty reader asks a dozen lists about every word
    # near every number. Emptied when it grows past _CACHE_LIMIT words.
    _known: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, *entries: str) -> WordList:
        stems = tuple(normalize(e[:-1]) for e in entries if e.endswith("*"))
        return cls(frozenset(normalize(e) for e in entries if not e.endswith("*")), stems)

    def matches(self, word: str) -> bool:
        """Whether ``word`` (as written in the text) is in this list under any of its readings."""
        found = self._known.get(word)
        if found is None:
            found = any(base in self.words or base.startswith(self.stems) for base in bases(word))
            if len(self._known) >= _CACHE_LIMIT:
                self._known.clear()
            self._known[word] = found
        return found

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
        "استشهد*", "شهيد*", "شهداء", "قضوا", "قضى", "توفي*", "توفوا", "توفيت", "وفاة", "وفيات", "أعدم*", "إعدام*", "جثث", "جثة",
        "جثامين", "أودى", "أودت",
        # euphemisms of military statements: حيّدت 3 عناصر، تصفية، أرداه
        "حيدت", "حيد", "حيدنا", "تحييد", "صفى", "صفت", "تصفية", "أردى", "أردت", "أرداه",
        "رفات",  # remains found in a grave
        "فارق*",  # فارقوا الحياة: the injured who died
    ),
    "injured": WordList.of(
        "جرح*", "جريح*", "أصيب*", "إصابة*", "إصابات*", "مصاب*", "يصاب*", "اختناق",
    ),
    "missing": WordList.of(
        "مفقود*", "فقدان*", "فقدوا", "فقد", "فقدت", "يفقد", "مختف*", "اختفاء*", "اختفى",
        "الأنقاض",  # لا يزال 20 شخصا تحت الأنقاض
        "المصير", "مصير",  # مجهولي المصير، مصير 24 منهم مجهول
        "الركام",  # لا يزالون تحت الركام
    ),
    "captured": WordList.of(
        "أسر", "أسرى", "أسير", "أسيرا", "أسروا", "أسرت", "أسرهم", "اعتقل*", "اعتقال*", "معتقل*",
        "اختطف*", "اختطاف*", "مختطف*", "خطف*", "احتجز*", "احتجاز*", "محتجز*",
        "أوقف*", "توقيف*", "اقتاد*", "اعتقلوا", "يحتجز*", "تحتجز*",
    ),
}

VICTIM_WORDS: dict[str, WordList] = {
    "civilians": WordList.of(
        "مدني", "مدنيا", "مدنيين", "مدنيون", "مدنيًا", "مدنيات",
        # people named by their work (مسعفين، عمال الإغاثة، صيادين)
        "مسعف*", "صحفي*", "صحافي*", "عمال", "صياد*", "مزارع*", "رعاة", "أطباء", "طبيب*", "ممرض*",
    ),
    # a stem where a pronoun may follow: أطفالهما، نسائهم، عناصره
    "children": WordList.of("طفل*", "أطفال*", "قاصر*", "قصر", "رضيع*", "رضع"),
    "women": WordList.of("نساء*", "امرأة", "امرأتين", "سيدة", "سيدات", "نسوة", "نسائ*"),
    "combatants": WordList.of(
        "عنصر*", "عناصر*", "مقاتل*", "جندي*", "جنود", "مسلح*", "عسكري*", "ضابط*", "ضباط*", "مجند*", "جنود*", "جهادي*",
        "إرهابي*", "متطرف*", "مهاجم*", "منتسب*",
    ),
}
# A figure's own noun that says what happened (35 قتيلا، عشرات الجرحى، 4 مفقودين): matched as
# written or after ال only, so a verb joined by و (قتل 5 وأصيب) is not taken for one.
STATUS_NOUNS: dict[str, WordList] = {
    "killed": WordList.of(
        "قتيل*", "قتلى", "شهيد*", "شهداء", "ضحية", "ضحيتين", "ضحايا", "جثة", "جثث", "جثامين", "وفاة", "وفيات",
    ),
    "injured": WordList.of("جريح*", "جرحى", "مصاب*", "إصابة", "إصابات"),
    "missing": WordList.of("مفقود*"),
    "captured": WordList.of("أسير*", "أسرى", "معتقل*", "مختطف*", "مخطوف*", "محتجز*", "رهينة", "رهائن"),
}
# People counted without saying who they were.
PEOPLE_WORDS = WordList.of("شخص*", "أشخاص", "آخر", "آخرين", "آخرون", "آخرا", "فرد*", "أفراد", "نفر", "مواطن*")
# Between a number and its noun: "20 آخرين من عناصر"، "30 من المدنيين".
NOUN_FILLERS = WordList.of("من", "آخرين", "آخرون", "آخر", "آخرا", "آخران", "على", "الأقل")

# Words that open a new clause after a comma (14 راكبا، وإن بين المصابين): a status word
# beyond one belongs to another figure.
CLAUSE_OPENERS = WordList.of(
    "وإن", "وأن", "وقال", "وقالت", "وأضاف", "وأضافت", "وأوضح", "وأوضحت", "وأشار", "وأشارت", "وذكر",
    "وذكرت", "وأكد", "وأكدت", "وكان", "وكانت", "فيما", "بينما", "حين", "ولا", "ولم", "كما", "وفي",
)
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
    # shops, homes and buildings
    "طابق*", "طوابق", "غرفة", "غرف", "متجر*", "متاجر", "محل", "محلا", "محلات", "محال", "دكان*", "دكاكين", "مخبز*", "مخابز", "سوق", "أسواق",
    "بيت", "بيتا", "بيوت", "شقة", "شقق", "مسكن*", "مساكن", "خيمة", "خيام", "مسجد*", "مساجد", "كنيسة", "كنائس",
    "مصنع*", "مصانع", "مستودع*", "مستودعات", "محطة", "محطات", "جسر*", "جسور", "بئر", "آبار", "مخيم*",
    "مخيمات", "حي", "أحياء", "شارع*", "شوارع", "مطار*", "مطارات", "معبر*", "معابر", "قاعدة", "قواعد",
    "عيادة", "عيادات", "منشأة", "منشآت", "مبنيين", "أبنية", "عمارة", "عمارات", "مقر", "مقرا", "مقرات",
    # vehicles, weapons and ammunition
    "مركبة", "مركبات", "شاحنة", "شاحنات", "حافلة", "حافلات", "دراجة", "دراجات", "قارب*", "قوارب", "سفينة",
    "سفن", "زورق*", "زوارق", "مسيرة", "مسيرات", "مسيّرة", "مسيّرات", "مروحية", "مروحيات", "مدفع*", "مدافع",
    "بندقية", "بنادق", "سلاح", "أسلحة", "رصاصة", "رصاصات", "طلقة", "طلقات", "قنبلة", "قنابل", "راجمة",
    "راجمات", "منصة", "منصات", "عربة", "عربات", "ناقلة", "ناقلات", "جرافة", "جرافات",
    # money, measures and time of day
    "دينار*", "دنانير", "ريال*", "جنيه*", "شيكل*", "درهم*", "دراهم", "مليم", "ملم", "مم", "ملليمتر*",
    "كيلوغرام*", "كغ", "غرام*", "لتر*", "هكتار*", "دونم*", "فدان*", "ميغاواط", "صباحا", "مساء",
    "فجرا", "ظهرا", "عصرا", "ليلا", "درجة", "درجات",
    # groups, documents and other countable things
    "عائلة", "عائلات", "أسرة", "عشيرة", "عشائر", "كتيبة", "كتائب", "لواء", "ألوية", "فوج", "أفواج",
    "وحدة", "وحدات", "تقرير*", "تقارير", "صفحة", "صفحات", "جلسة", "جلسات", "قرار*", "بيان*", "رأس",
    "ماشية", "شحنة", "شحنات", "سلة", "سلال", "طرد*", "وجبة", "وجبات", "جرعة", "جرعات", "حاوية", "حاويات",
    "مشروع*", "مشاريع", "مرتين", "قطعة", "قطع", "حزام*", "أحزمة", "طبقة", "طبقات", "رطل*", "أرطال",
    "تفجير*", "مؤبد*", "مذكرة", "مذكرات",
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
    # units, places in a series and references: اللواء 47، الكتيبة 3، الطابق 4، العيار 23
    "الكتيبة", "الفيلق", "الفوج", "السرب", "الحي", "الطابق", "المرحلة", "الجولة", "الجلسة", "الصفحة",
    "الرحلة", "العيار", "عيار", "القطاع", "المربع", "الموديل", "طراز", "الدورة", "الرقم", "الفصل", "الوحدة",
    "القاعدة", "المنطقة", "القناة", "قناة", "الكيلو", "كيلو", "الكيلومتر", "المبنى", "الشارع", "المخيم", "النقطة", "قرار", "المدرسة",
    # ages: دون سن 15، بعمر 12
    "سن", "السن", "عمر", "بعمر", "العمر", "عمره", "عمرها", "عمرهم",
)
# After a number, an age: "في الـ12 من عمره".
AGE_AFTER = WordList.of("عمره", "عمرها", "عمرهم", "العمر", "عمرهما")
# Right before a number, a verb of holding: people aboard or living somewhere, not casualties
# (كان القارب يقل 45 شخصا، يؤوي المخيم 500 ألف، البالغ عددهم 9 آلاف).
HOLDING_WORDS = WordList.of(
    "يقل", "تقل", "يحمل", "تحمل", "متنه", "متنها", "يضم", "تضم", "يؤوي", "تؤوي", "يأوي", "تأوي", "يسكن*",
    "تسكن*", "يقطن*", "تقطن*", "يعيش", "تعيش", "يستضيف", "تستضيف", "عددهم", "عددهن", "قوامها", "قوامه",
)
# Words a little before a number that make it people set free, not casualties: أفرج عن 20 معتقلا.
RELEASE_WORDS = WordList.of(
    # verbs only for freeing and rescuing: the nouns name groups (هيئة تحرير الشام، حكومة الإنقاذ)
    "أفرج*", "الإفراج", "إفراج", "سراح", "يفرج*", "تفرج*", "تبادل", "حرر*", "يحرر*", "أنقذ*", "ينقذ*",
)
# Right before a number, a verb of attacking that points back to the attack: the number is who
# attacked, not who was hurt (هجوم نفذه مئات المستوطنين).
AGENT_VERBS = WordList.of("نفذه", "نفذها", "شنه", "شنها", "ارتكبه", "ارتكبها", "قاده", "قادها")
# Right before a number only (a group may be named for it: هيئة تحرير الشام): people freed.
FREEING_NOUNS = WordList.of("تحرير")
# تجاوز عدد القتلى 100: a verb of exceeding before the figure (with عدد/حصيلة and a status noun between).
AT_LEAST_VERBS = WordList.of("تجاوز*", "يتجاوز*", "تتجاوز*", "فاق*", "يفوق*", "تفوق*", "تخطى", "تخطت", "يتخطى")
NEGATIONS = WordList.of("لا", "لم", "لن", "ما")
TOLL_WORDS = WordList.of("عدد", "حصيلة", "أعداد")
# People counted who are not casualties: "تجاوز عدد النازحين 5000" is no toll of dead.
NOT_VICTIMS = WordList.of(
    "نازح*", "لاجئ*", "مهجر*", "سكان", "سكانها", "سكانه", "عائد*", "ناخب*", "طلاب", "طالب", "تلاميذ", "حجاج",
    "زوار", "مسافر*", "ركاب", "موظف*", "عمال", "مستفيد*", "متطوع*", "سياح", "مشارك*", "متظاهر*", "محتج*",
)
# ارتفعت حصيلة القتلى إلى: a toll that grows is a running total.
RISE_VERBS = WordList.of("ارتفع*", "يرتفع*", "ترتفع*", "ارتفاع", "زاد", "زادت", "قفز*", "تراجع*", "انخفض*")
YEAR_MARKS = WordList.of("م", "هـ", "ه")
CUMULATIVE_AFTER_SINCE = WordList.of(
    "بدء", "بداية", "اندلاع", "انطلاق", "مطلع", "عام", "العام", "انطلاقة", "بدايات", "سريان",
)
CUMULATIVE_WORDS = WordList.of("إجمالي", "الإجمالية", "إجمالا", "مجمل", "المجموع", "الإجمالي")
SINCE = WordList.of("منذ")
RANGE_OPENERS = WordList.of("بين", "من")
RANGE_JOINERS = WordList.of("إلى", "الى", "و", "حتى")
TO_WORDS = WordList.of("إلى", "الى")

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
# Every word of a qualifier phrase: not counted in the distance to a status word.
QUALIFIER_WORDS = WordList.of(*{w for phrase, _ in QUALIFIERS for w in phrase}, "عن", "على", "من")
# After the number and its noun: "30 شخصا على الأقل"، "30 شخصا تقريبا".
TRAILING_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((normalize("على"), normalize("الأقل")), "at_least"),
    ((normalize("تقريبا"),), "about"),
)
# fmt: on
