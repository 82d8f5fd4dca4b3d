"""Places no list has after the cue words of areas, fronts, markets and airports, names a report
gives again without their cue, and common-word names where the text makes them places (README,
"Suggestions": the span convention)."""

from __future__ import annotations

import pytest

from tests.gazetteer_spans import names


def places(text: str) -> list[str]:
    return names(text, "PLACE", without_adjectives=True)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("عثرت الفرق على رفات 40 شخصاً في مقبرة جماعية بمنطقة الخسفة جنوبي الموصل.", "الخسفة"),
        ("بانفجار مخزن للذخيرة في منطقة الكراريم أمس.", "الكراريم"),
        ("اعتقل 35 شخصاً خلال حملة مداهمات في منطقة أبو سليم جنوبي طرابلس.", "أبو سليم"),
        ("بهجوم على محور كبانة أمس.", "كبانة"),
        ("جراء قصف مدفعي على سوق صابرين في المدينة.", "صابرين"),
        ("بقصف مسيّرة على مطار عربت الزراعي قرب السليمانية.", "عربت"),
        ("أطلق صليات من الصواريخ على مستوطنة كريات شمونة رداً على الغارة.", "كريات شمونة"),
        ("لغم أرضي في مديرية التحيتا جنوبي المحافظة.", "التحيتا"),
        ("استهدفت مركزهم في بلدة دير قانون النهر قرب المدينة.", "دير قانون النهر"),
        ("على محور كبانة في جبل الأكراد أمس.", "جبل الأكراد"),
        ("قال قائد إن قواته تمشط وادي الشاي بحثاً عن خلايا.", "وادي الشاي"),
    ],
)
def test_an_unlisted_name_after_an_area_front_market_or_airport_is_a_place(text: str, place: str) -> None:
    assert place in places(text)


@pytest.mark.parametrize(
    "text",
    [
        "وسقطت القذائف في منطقة سكنية مكتظة ومنطقة عسكرية مغلقة.",
        "وقتل ثلاثة في منطقة الاشتباكات على محور القتال.",
        "وقال قائد محور المقاومة إن الرد سيكون قاسياً.",
        "وقصفت الطائرات سوقاً شعبياً وسوق الهال وسوق شعبي آخر.",
        "إذ تعرضت 17 قرية لقصف متبادل.",
        "وقالت مديرية الأمن إنها قبضت على سبعة أشخاص.",
        "وهبطت الطائرة في مطار عسكري قريب.",
        "وتمركز القناصة على جبل من الركام.",
    ],
)
def test_words_after_those_cues_that_name_no_place_are_none(text: str) -> None:
    assert places(text) == []


def test_a_name_found_once_is_found_again_without_its_cue() -> None:
    text = "سقط صاروخ على مخيم الجفينة جنوب المدينة. ويعد الجفينة أكبر مخيم في المحافظة."
    assert places(text) == ["الجفينة", "الجفينة"]
    text = "بقصف على مطار عربت الزراعي. وتقع عربت على بعد 25 كيلومتراً."
    assert places(text) == ["عربت", "عربت"]
    assert places("وتقع عربت على بعد 25 كيلومتراً.") == []  # never named with a cue


def test_a_common_word_name_at_the_dateline_or_near_a_direction_is_a_place() -> None:
    assert places("صور - قُتل عنصران في غارة إسرائيلية.")[0] == "صور"
    assert places("في بلدة دير قانون النهر قرب صور. وقالت الوزارة إن 3 قتلوا.") == ["دير قانون النهر", "صور"]
    assert places("ونشر ناشطون صور الدمار في الحي.") == []
    assert places("ونشرت الوكالة صور الضحايا قرب صور المستشفى.") == []


def test_qualifiers_figures_and_genitives_around_a_known_place() -> None:
    assert places("شن الجيش غارات جوية على حي الحلة الجديدة أوقعت ثلاثين قتيلاً.") == ["الحلة الجديدة"]
    assert places("قصف بنى تحتية في الهرمل وسهل البقاع.") == ["الهرمل", "سهل البقاع"]
    assert places("وتجاوز سعر الدولار في السوق الموازية 2,500 جنيه سوداني.") == []
    assert places("وتسيطر قسد على نحو 25% من مساحة سورية.") == ["سورية"]
    assert places("ويبلغ سعر اللتر 11 ألف ليرة سورية.") == []


def test_a_repeated_one_word_name_read_otherwise_is_not_repeated() -> None:
    text = "صور - قتل ثلاثة. ونشرت الوكالة صور الأقمار الصناعية. وقصفت الطائرات صور مجددا."
    assert places(text) == ["صور", "صور"]
    assert places("الأبيض - قتل خمسة. وقال البيت الأبيض إن الوضع مقلق.") == ["الأبيض"]


@pytest.mark.parametrize(
    "text",
    [
        "وطالبت الأطراف باحترام منطقة خفض التصعيد.",
        "ويحاول السكان قضاء وقت أطول في الملاجئ.",
        "وارتفعت الأسعار في سوق سوداء للوقود.",
        "من ناحية أخرى، أعلنت الوزارة حصيلة جديدة.",
    ],
)
def test_events_times_and_markets_after_area_cues_are_no_place(text: str) -> None:
    assert places(text) == []
