"""Casualty suggestions: which numbers are casualty figures, their attributes, and precision/recall.

The articles below were written for these tests (not copied from any outlet);
``⟦span|status|value⟧`` marks a gold casualty figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from annotator.numbers import VagueAmount
from annotator.suggest import casualty_attributes, find_casualty_figures

ARTICLES = [
    # a shelling: killed and injured, subsets, counts of shells and hours, a date, a population
    "قالت مصادر طبية إن ⟦12|killed|12⟧ مدنياً قُتلوا وأصيب ⟦٣٠|injured|30⟧ آخرون، صباح الثلاثاء، في قصف مدفعي "
    "استهدف سوقاً شعبية في بلدة معرة النعمان بريف إدلب الجنوبي. وأوضحت المصادر أن بين القتلى ⟦خمسة|killed|5⟧ "
    "أطفال و⟦ثلاث|killed|3⟧ نساء. وسقطت على البلدة أكثر من 20 قذيفة خلال ساعتين، بحسب الدفاع المدني السوري "
    "الذي قال إن فرقه عملت 6 ساعات متواصلة لانتشال الجثث. وكانت البلدة قد تعرضت في 15 آذار/مارس الماضي "
    "لغارات مماثلة. ويعيش في البلدة نحو 80 ألف نسمة بينهم آلاف النازحين.",
    # a yearly report: cumulative tolls, qualifiers, missing people, page and province counts
    "أعلنت الشبكة السورية لحقوق الإنسان في تقريرها السنوي مقتل ما لا يقل عن ⟦1,032|killed|1032⟧ مدنياً خلال "
    "العام 2019، بينهم ⟦٢٥٠|killed|250⟧ طفلاً و⟦١٣٠|killed|130⟧ امرأة. وقالت الشبكة إن حصيلة الضحايا منذ "
    "آذار/مارس 2011 بلغت أكثر من ⟦226 ألف|killed|226000⟧ قتيل مدني، فيما لا يزال قرابة ⟦مئة ألف|missing|100000⟧ "
    "شخص في عداد المفقودين. ويضم التقرير 40 صفحة ويغطي 14 محافظة.",
    # air strikes: counts of raids and hours, fighters present, captured soldiers, displaced families
    "شنت طائرات حربية 35 غارة على مواقع في ريف حماة الشمالي خلال 24 ساعة، ما أدى إلى مقتل ⟦سبعة|killed|7⟧ "
    "عناصر من فصائل المعارضة وإصابة ⟦١٥|injured|15⟧ آخرين. وقالت هيئة تحرير الشام إنها أسرت ⟦أربعة|captured|4⟧ "
    "جنود خلال هجوم معاكس. ويقدر مراقبون عدد المقاتلين في المنطقة بنحو 3000 مقاتل. وأفادت مصادر محلية بنزوح "
    "عشرات العائلات من القرى القريبة.",
    # a car bomb: headline, vague amounts, a range, an age, a time
    "مقتل ⟦23|killed|23⟧ شخصاً بانفجار سيارة مفخخة في مدينة أعزاز\n"
    "قُتل ⟦23|killed|23⟧ شخصاً، بينهم ⟦أربعة|killed|4⟧ أطفال، وأصيب ⟦العشرات|injured|20⟧ بجروح، جراء انفجار "
    "سيارة مفخخة وسط مدينة أعزاز شمالي حلب، وفق ما أفاد به الدفاع المدني. وقال مسؤول في المستشفى الوطني إن "
    "المستشفى استقبل ما بين ⟦40 و50|injured|40⟧ جريحاً. وأضاف أن طفلاً يبلغ من العمر 9 سنوات لا يزال في عداد "
    "المفقودين. ووقع الانفجار قرابة الساعة 11 صباحاً.",
    # no casualties at all: displaced people, percentages, money, a year, sessions, a resolution
    "قالت الأمم المتحدة إن 6.7 مليون سوري نزحوا داخل البلاد، وإن 90 بالمئة من السكان يعيشون تحت خط الفقر. "
    "وطلبت المنظمة 4.2 مليار دولار لتمويل خطة الاستجابة لعام 2023، ولم تتلق حتى الآن سوى 12% من المبلغ. "
    "وعقد مجلس الأمن 3 جلسات خلال أسبوع لمناقشة القرار 2254.",
    # words with tashkeel, kidnapping, a ransom, up to, at least after the noun
    "لقي ⟦ثلاثةُ|killed|3⟧ مدنيين حتفهم، يوم الجمعة، برصاص قناص في حي الشيخ مقصود بمدينة حلب، فيما أصيب "
    "⟦اثنان|injured|2⟧ آخران. وفي درعا، اختطف مسلحون مجهولون ⟦خمسة|captured|5⟧ شبان من بلدة طفس، وطالبوا بفدية "
    "قدرها 50 ألف دولار. وتقول منظمات حقوقية إن عدد ضحايا الاغتيالات في المحافظة قد يصل إلى ⟦مئتي|killed|200⟧ "
    "شخص منذ بداية العام، وإن ⟦15|killed|15⟧ شخصاً على الأقل قُتلوا الشهر الماضي وحده.",
    # tatweel, Arabic-Indic digits, an emoji, a hashtag, a weekday that looks like a number
    "#عاجل 😀 مقتـــل ⟦٧|killed|7⟧ أشخاص بينهم ⟦طفلان|killed|2⟧ في قصف على #دير_الزور يوم الاثنين، وإصابة "
    "⟦١١|injured|11⟧ آخرين في حصيلة أولية. وكان القصف قد بدأ عند الساعة 3 فجراً واستمر 40 دقيقة.",
]
_MARK = re.compile(r"⟦([^|⟧]+)\|([a-z]+)\|(\d+)⟧")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    status: str
    value: int


def parse(marked: str) -> tuple[str, list[Gold]]:
    """The plain text and the gold figures of a marked article."""
    text, gold, position = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[position : match.start()]
        text.append(before)
        length += len(before)
        span = match.group(1)
        gold.append(Gold(length, length + len(span), match.group(2), int(match.group(3))))
        text.append(span)
        length += len(span)
        position = match.end()
    text.append(marked[position:])
    return "".join(text), gold


def evaluate() -> dict[str, float]:
    """Span precision and recall (exact offsets) over the articles, and status/value accuracy on matches."""
    found = correct = expected = status_ok = value_ok = 0
    for marked in ARTICLES:
        text, gold = parse(marked)
        suggestions = find_casualty_figures(text)
        by_span = {(g.start, g.end): g for g in gold}
        found += len(suggestions)
        expected += len(gold)
        for s in suggestions:
            g = by_span.get((s.start, s.end))
            if g is not None:
                correct += 1
                status_ok += s.attrs.get("status") == g.status
                value_ok += s.attrs.get("value") == g.value
    return {
        "precision": correct / found,
        "recall": correct / expected,
        "status_accuracy": status_ok / correct,
        "value_accuracy": value_ok / correct,
        "gold": expected,
        "suggested": found,
    }


def test_precision_and_recall_on_annotated_articles() -> None:
    figures = evaluate()
    assert figures["gold"] == 25
    assert figures["precision"] >= 0.9
    assert figures["recall"] >= 0.9
    assert figures["status_accuracy"] >= 0.9
    assert figures["value_accuracy"] == 1.0


def test_marked_articles_parse_back() -> None:
    text, gold = parse("قتل ⟦54|killed|54⟧ شخصا")
    assert text == "قتل 54 شخصا" and text[gold[0].start : gold[0].end] == "54"


def one(text: str) -> dict:
    (figure,) = find_casualty_figures(text)
    return {"span": text[figure.start : figure.end], **figure.attrs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل نحو ثلاثين مدنيا", {"span": "ثلاثين", "value": 30, "qualifier": "about", "victims": "civilians"}),
        ("قتل أكثر من 30 عنصرًا", {"span": "30", "qualifier": "at_least", "min": 30, "victims": "combatants"}),
        ("مقتل ما لا يقل عن 54 شخصا", {"span": "54", "qualifier": "at_least", "min": 54}),
        ("أصيب حوالي 40 شخصا", {"span": "40", "qualifier": "about", "status": "injured"}),
        ("قتل قرابة 20 مدنيا", {"qualifier": "about"}),
        ("قتل أقل من 10 أشخاص", {"qualifier": "up_to", "max": 10}),
        ("قد يصل عدد القتلى حتى 100 شخص", {"qualifier": "up_to", "max": 100}),
        ("قتل 30 شخصا على الأقل", {"qualifier": "at_least", "min": 30}),
        ("قتل العشرات", {"span": "العشرات", "value": 20, "min": 20, "max": 99, "qualifier": "vague"}),
        ("مقتل بين 20 و30 مدنيا", {"span": "20 و30", "value": 20, "min": 20, "max": 30, "qualifier": "vague"}),
        ("مقتل 23 مدنيا", {"span": "23", "qualifier": "exact", "status": "killed", "scope": "incident"}),
        ("وأسر 20 آخرين من عناصر التنظيم", {"status": "captured", "victims": "combatants"}),
        ("فقدان 6 أشخاص بعد القصف", {"status": "missing"}),
        ("وما زال 6 مفقودين", {"status": "missing"}),
        ("قتل ثمانية أطفال", {"victims": "children"}),
        ("قتلت 3 نساء", {"victims": "women"}),
        ("قتل 3 أشخاص", {"victims": "unspecified"}),
        ("منذ اندلاع النزاع عام 2011 قتل أكثر من 350 ألف شخص", {"span": "350 ألف", "scope": "cumulative"}),
        ("وأحصى المرصد منذ بدء الهجوم مقتل 234 مدنياً", {"scope": "cumulative"}),
        ("قتل 5 مدنيين في أعنف غارة منذ أشهر", {"scope": "incident"}),
        ("وقُتِلَ و٢٣ مدنيا", {"span": "٢٣", "value": 23}),
        ("أُصيبَ 14 جريحًا", {"status": "injured"}),
        ("سقوط ٢٣ ضحية", {"status": "killed"}),
    ],
)
def test_casualty_attributes_from_context(text: str, expected: dict) -> None:
    got = one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "أعلن التنظيم الخلافة في العام 2014 وقتل قادته",  # the year
        "قتل مدنيون منذ 10 سبتمبر",  # a date
        "قتل مدنيون في آذار/مارس 2011",  # a month and a year
        "سيطر التنظيم على 3 بالمئة من الأراضي بعد مقتل قادته",  # a percentage
        "قتل قائد بعد أن سيطر على 12% من المدينة",  # a percent sign
        "قتل مدني في 3 غارات",  # a count of raids
        "قتل مدني بعد 10 أيام من الهجوم",  # days
        "قتل مدني ونفذ التحالف عشر ضربات",  # strikes, in words
        "يقدر التحالف وجود نحو ألفي عنصر من التنظيم",  # fighters present, nobody hurt
        "قتل جندي خلال الأيام الثلاثة الماضية",  # a definite number after the noun it counts
        "قتل جندي عند الساعة 10 صباحا",  # a time
        "قتل مدني يوم الاثنين",  # Monday, not two
        "عقد مجلس الأمن 3 جلسات",  # no status word at all
        "طائرات F-16 قتلت مدنيين",  # part of a name
        "قتل طفل عمره 12 عاما",  # an age
        "قُتل شخص يوم الأحد",  # Sunday, not one
    ],
)
def test_numbers_that_are_not_casualties(text: str) -> None:
    assert find_casualty_figures(text) == []


def test_nearest_status_word_wins_and_ties_go_to_the_verb_before() -> None:
    text = "قتل 3 وأصيب 5"
    assert [(text[s.start : s.end], s.attrs["status"]) for s in find_casualty_figures(text)] == [
        ("3", "killed"),
        ("5", "injured"),
    ]


def test_a_part_of_a_figure_shares_its_status() -> None:
    text = "قُتل 23 شخصاً، بينهم أربعة أطفال، وأصيب العشرات"
    got = [(text[s.start : s.end], s.attrs["status"], s.attrs["victims"]) for s in find_casualty_figures(text)]
    assert got == [
        ("23", "killed", "unspecified"),
        ("أربعة", "killed", "children"),
        ("العشرات", "injured", "unspecified"),
    ]


def test_span_excludes_qualifier_and_proclitic() -> None:
    text = "بمقتل أكثر من 350 ألف شخص و1100 مدني"
    spans = [text[s.start : s.end] for s in find_casualty_figures(text)]
    assert spans == ["350 ألف", "1100"]


def test_codebook_vague_rule_is_used() -> None:
    rule = (VagueAmount(("عشرات",), 24, 96, 24),)
    (figure,) = find_casualty_figures("قتل عشرات المدنيين", rule)
    assert (figure.attrs["value"], figure.attrs["min"], figure.attrs["max"]) == (24, 24, 96)


def test_casualty_attributes_for_a_coder_selection() -> None:
    text = "وقال المرصد إن نحو ثلاثين آخرين أصيبوا في القصف."
    start = text.index("ثلاثين")
    assert casualty_attributes(text, start, start + len("ثلاثين")) == {
        "value": 30,
        "qualifier": "about",
        "status": "injured",
        "victims": "unspecified",
        "scope": "incident",
    }
    # a selection that took in the qualifier still reads the number and the qualifier
    wide = text.index("نحو")
    assert casualty_attributes(text, wide, start + len("ثلاثين"))["qualifier"] == "about"
    # no number: nothing to prefill; no status word: status left out
    assert casualty_attributes(text, 0, 4) == {}
    other = "ويضم التقرير 40 صفحة"
    attrs = casualty_attributes(other, other.index("40"), other.index("40") + 2)
    assert attrs["value"] == 40 and "status" not in attrs


def test_astral_characters_do_not_shift_offsets() -> None:
    text = "😀😀 قتل 54 شخصا 😀 وأصيب ٢٣"
    got = [(text[s.start : s.end], s.attrs["status"]) for s in find_casualty_figures(text)]
    assert got == [("54", "killed"), ("٢٣", "injured")]
