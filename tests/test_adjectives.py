"""Country adjectives are not places: «ليرة سورية» is a Syrian pound, «في سورية» is Syria."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.adjectives import is_adjective_use


def check(text: str, word: str) -> bool:
    start = text.index(word)
    return is_adjective_use(text, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ارتفع سعر الدولار إلى 13 ألف ليرة سورية", "سورية"),
        ("وقالت مصادر سورية إن القصف استمر", "سورية"),
        ("شاركت فصائل عراقية وسورية في الهجوم", "سورية"),
        ("دخلت قوات سورية إلى البلدة", "سورية"),
        ("تعيش عائلات سورية في المخيم", "سورية"),
        ("قتل جندي عراقي في كمين", "عراقي"),
        ("أعلنت الحكومة اليمنية هدنة", "اليمنية"),
        ("قالت وزارة الصحة الفلسطينية إن", "الفلسطينية"),
        ("وصل وفد من الأمم المتحدة والقوات الليبية", "الليبية"),
        ("اعترضت الدفاعات السعودية صاروخا", "السعودية"),
        ("قوات سودانية", "سودانية"),
        ("لاجئون لبنانيون وسوريون", "وسوريون"),
    ],
)
def test_adjective_after_a_noun_is_not_a_place(text: str, word: str) -> None:
    assert check(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("سقطت قذائف في سورية أمس", "سورية"),
        ("قصفت الطائرات مواقع شمال سورية", "سورية"),
        ("زار الرئيس سورية الأسبوع الماضي", "سورية"),
        ("عاد اللاجئون من لبنان إلى سورية", "سورية"),
        ("سورية: مقتل 5 مدنيين بقصف", "سورية"),  # a dateline, first word
        ("تمتد الاشتباكات في العراق وسورية", "سورية"),
        ("وصل الوفد إلى السعودية", "السعودية"),
        ("قالت مصادر في\nسورية إن", "سورية"),
        ("قصف جوي على حلب في سوريا", "سوريا"),  # the country's other spelling, never an adjective
        ("الجمهورية العربية السورية", "الجمهورية العربية السورية"),  # a multi-word name: the gazetteer's call
        ("قصف على بلدة سراقب", "سراقب"),
    ],
)
def test_the_country_and_other_places_stay_places(text: str, word: str) -> None:
    assert not check(text, word)


@settings(deadline=None)  # a shared machine: timing is not what these test
@given(
    st.sampled_from(["عراقية", "يمنية", "ليبية", "سودانية", "لبنانية", "فلسطينية", "سوري", "مصريون", "الأردنية"]),
    st.sampled_from(["في", "إلى", "شمال", "قرب", "ليرة", "قوات", "مصادر", ""]),
)
def test_a_nisba_that_never_names_a_country_is_always_an_adjective(adjective: str, before: str) -> None:
    text = f"{before} {adjective} اليوم".strip()
    assert check(text, adjective)


@settings(deadline=None)  # a shared machine: timing is not what these test
@given(st.sampled_from(["في", "إلى", "من", "شمال", "جنوب", "داخل", "حدود", "عبر"]))
def test_syria_after_a_preposition_or_direction_is_the_country(before: str) -> None:
    assert not check(f"وقعت الاشتباكات {before} سورية", "سورية")
