"""Casualty grammar seen failing on a batch of reports written by another hand (issue 18,
the ``fresh3`` split): people named by their work, missing and arrested people, the injured
who died, a toll that rose "to" a figure far from its words, and counts that are no figure.

Sentences written for these tests, not copied from the corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator.suggest import find_casualty_figures


def figures(text: str) -> list[dict[str, Any]]:
    return [{"span": text[s.start : s.end], **s.attrs} for s in find_casualty_figures(text)]


@pytest.mark.parametrize(
    ("text", "span", "status", "victims"),
    [
        ("قُتل صيادان بانفجار لغم قرب الشاطئ", "صيادان", "killed", "civilians"),
        ("أصيب راعيان بقذيفة في الجنوب", "راعيان", "injured", "civilians"),
        ("قُتل خمسة أشخاص، بينهم عاملان أجنبيان، في الاشتباك", "عاملان", "killed", "civilians"),
        ("اعتقلت الشرطة سائقين في الحي", "سائقين", None, None),  # سائقين is drivers as often as two
        ("قتل ممرضتان في قصف المستشفى", "ممرضتان", "killed", "civilians"),
    ],
)
def test_people_named_by_their_work_have_duals(text: str, span: str, status: str | None, victims: str | None) -> None:
    found = [(f["value"], f["status"], f["victims"]) for f in figures(text) if f["span"] == span]
    assert found == ([(2, status, victims)] if status else [])


def test_the_taliban_are_not_two_students() -> None:
    assert figures("قالت حركة طالبان إن مقاتليها سيطروا على المعبر") == []


@pytest.mark.parametrize(
    ("text", "span", "status"),
    [
        ("قُتل صياد وفُقد أربعة آخرون بعد غرق قاربهم", "أربعة", "missing"),
        ("عُثر على 12 جثة، ولا يزال عشرات المهاجرين في عداد المفقودين", "عشرات", "missing"),
        ("لم تصل الفرق إلى 9 أشخاص ما زالوا تحت الأنقاض", "9", "missing"),
        ("وقالت الشرطة إن خمسة من المشتبه بهم، بينهم امرأة، أُوقفوا", "خمسة", "captured"),
        ("وأضاف أن اثنين من المصابين فارقوا الحياة في المستشفى", "اثنين", "killed"),
    ],
)
def test_status_from_the_words_that_say_what_happened(text: str, span: str, status: str) -> None:
    assert [f["status"] for f in figures(text) if f["span"] == span] == [status]


def test_a_toll_that_rose_to_a_figure_gives_it_its_status_from_afar() -> None:
    text = (
        "ارتفع عدد القتلى منذ انطلاق العملية العسكرية على مسلحي الفصائل في أحياء المدينة القديمة "
        "قبل ثلاثة أسابيع إلى اثنين وعشرين، بينهم أربعة من عناصر الشرطة."
    )
    found = figures(text)
    assert [(f["span"], f["status"], f["scope"]) for f in found] == [
        ("اثنين وعشرين", "killed", "cumulative"),
        ("أربعة", "killed", "cumulative"),
    ]


def test_a_figure_after_ila_with_no_toll_before_has_no_status_from_afar() -> None:
    assert figures("وصل عدد الشاحنات التي عبرت المعبر منذ الصباح إلى 40، وفق المنظمة") == []


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("وقتلت القوات ما لا يقل عن ثمانية من المهاجمين", "combatants"),
        ("قُتل ثلاثة من منتسبي الفصيل في الكمين", "combatants"),
        ("قُتل أربعة من عمال الإغاثة بغارة على سيارتهم", "civilians"),
        ("أصيب 6 صيادين برصاص البحرية", "civilians"),
    ],
)
def test_victims_from_who_they_were(text: str, victims: str) -> None:
    assert [f["victims"] for f in figures(text)] == [victims]


def test_a_toll_since_a_ceasefire_took_effect_is_cumulative() -> None:
    found = figures("أحصت الوزارة مقتل 51 شخصاً بغارات منذ سريان وقف إطلاق النار")
    assert [(f["value"], f["scope"]) for f in found] == [(51, "cumulative")]


@pytest.mark.parametrize(
    "text",
    [
        "وكان التنظيم قد نفذ 23 هجوماً في المحافظة قُتل فيها جنود",  # attacks, with the accusative alif
        "نهب المسلحون 40 رأساً من الماشية وقتلوا راعياً",  # livestock
        "أصيب شاب خلال هجوم نفذه عشرات المستوطنين على القرية",  # the attackers, not the hurt
        "وأفرجت سلطات السجون مساء اليوم الأحد عن 35 معتقلاً بعد اعتقالهم",  # freed, the verb seven words back
    ],
)
def test_counts_that_are_no_casualty_figure(text: str) -> None:
    spans = [f["span"] for f in figures(text)]
    assert not any(ch.isdecimal() for span in spans for ch in span) and "عشرات" not in spans


def test_a_toll_of_people_who_were_killed_rose_to_a_figure() -> None:
    text = "ارتفع عدد المدنيين الذين قُتلوا في ريف المحافظة منذ مطلع الشهر الماضي إلى ٤٨."
    assert [(f["value"], f["status"]) for f in figures(text)] == [(48, "killed")]


def test_bodies_recovered_in_the_dual_and_children_who_died() -> None:
    assert [(f["span"], f["status"]) for f in figures("انتشلت الطواقم جثمانين من تحت الأنقاض")] == [
        ("جثمانين", "killed")
    ]
    found = figures("وقال المدير إن خمسة أطفال توفوا بسبب سوء التغذية")
    assert [(f["value"], f["status"], f["victims"]) for f in found] == [(5, "killed", "children")]


@pytest.mark.parametrize(
    "text",
    [
        "داهمت القوات مخبأ في القرية وعثرت على 3 أحزمة ناسفة قُتل صانعها",
        "وفي منطقة كيلو 16 شرقي المدينة قُتل جندي",
        "دمرت غارة مبنى من 4 طبقات وأصيب سكانه",
        "واعتقلوا فتيين (15 و16 عاماً) من القرية",
    ],
)
def test_more_counts_that_are_no_casualty_figure(text: str) -> None:
    assert not any(ch.isdecimal() for f in figures(text) for ch in f["span"])


def test_two_infants_who_were_brothers_are_one_figure() -> None:
    found = figures("وأفاد المجلس بأن بين القتلى رضيعين شقيقين")
    assert [(f["span"], f["value"], f["victims"]) for f in found] == [("رضيعين", 2, "children")]


def test_people_whose_fate_is_unknown_are_missing() -> None:
    assert [f["status"] for f in figures("ولا يزال قرابة أربعين مهاجراً مجهولي المصير")] == ["missing"]


def test_a_toll_named_before_the_verb_that_rose() -> None:
    text = "وقالت إن عدد الجنود الذين قُتلوا في المعارك منذ الشهر الماضي ارتفع إلى ١٥٦ جندياً"
    assert [(f["value"], f["status"]) for f in figures(text)] == [(156, "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "أحصى فريق الرصد 43 تفجيراً في ريف حلب قُتل فيها العشرات",  # explosions, not people
        "استُشهد أسير محكوم بالسجن 3 مؤبدات في السجن",  # life sentences
    ],
)
def test_counts_of_explosions_and_sentences_are_no_figure(text: str) -> None:
    assert not any(ch.isdecimal() for f in figures(text) for ch in f["span"])


def test_held_and_unknown_fate_and_two_injured_women() -> None:
    assert [f["status"] for f in figures("وأوضحت المجموعة أن المسلحين يحتجزون المئات من السكان")] == ["captured"]
    assert [f["status"] for f in figures("وإن مصير ٢٤ منهم لا يزال مجهولاً")] == ["missing"]
    assert [(f["span"], f["status"]) for f in figures("ونُقلت مصابتان إلى المستشفى")] == [("مصابتان", "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "ويتهم ذوو الضحايا الميليشيا التي سيطرت على المدينة بين 2015 و2020 بتنفيذ عمليات القتل",
        "وأعلنت المحكمة رفع السرية عن 6 مذكرات توقيف بحق قادة متهمين بالقتل",
        "أسفرت العملية عن مقتل مسلح وتحرير 19 مهاجراً كانوا محتجزين",
    ],
)
def test_years_warrants_and_people_freed_are_no_figure(text: str) -> None:
    assert not any(ch.isdecimal() for f in figures(text) for ch in f["span"])


def test_a_toll_after_a_month_is_still_a_toll() -> None:
    found = figures("وبلغ عدد القتلى في المحافظة منذ 23 أيلول/سبتمبر ٥٦٠ قتيلاً")
    assert [(f["value"], f["status"]) for f in found] == [(560, "killed")]


def test_under_the_rubble_and_two_wanted_men() -> None:
    assert [f["status"] for f in figures("وإن ما يصل إلى عشرة أشخاص لا يزالون تحت الركام")] == ["missing"]
    assert [(f["span"], f["status"]) for f in figures("ألقت قوة مشتركة القبض على مطلوبَين في القرية")] == [
        ("مطلوبَين", "captured")
    ]


@pytest.mark.parametrize(("text", "span"), [
    ("وأوضح أن مسعفَين من الجمعية قُتلا في الغارة", "مسعفَين"),
    ("وأعلن الجيش إصابة عسكريَّين بالرصاص", "عسكريَّين"),
])
def test_a_fatha_before_yn_marks_a_dual_that_reads_as_a_plural_without_it(text: str, span: str) -> None:
    assert [(f["span"], f["value"]) for f in figures(text)] == [(span, 2)]


def test_without_its_vowels_the_sound_plural_is_no_dual() -> None:
    assert figures("وأعلن الجيش إصابة عسكريين بالرصاص") == []
