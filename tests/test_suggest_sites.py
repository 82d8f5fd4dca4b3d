"""Facilities named with their type word (suggest/sites.py), bodies of a place after a title or a
report, and a country's name as an adverb (README, "Suggestions": the span convention).

Sentences written for these tests, in the styles of the region's wire copy.
"""

from __future__ import annotations

import pytest

from tests.gazetteer_spans import names


def spans(text: str, label: str) -> list[str]:
    return names(text, label, without_adjectives=True)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("وقال مدير مستشفى كمال عدوان حسام أبو صفية إن المستشفى استقبل عشرات الجرحى.", "مستشفى كمال عدوان"),
        ("نُقل الجرحى إلى مجمع ناصر الطبي في خان يونس.", "مجمع ناصر الطبي"),
        ("وأفاد مصدر في مستشفى القائم العام بوصول جثتين.", "مستشفى القائم العام"),
        ("عُثر على جثث في ثلاجات مستشفى أبو سليم للحوادث.", "مستشفى أبو سليم للحوادث"),
        ("وقال مدير مستشفى السويداء الوطني إن المستشفى امتلأ.", "مستشفى السويداء الوطني"),
        ("استهدفت مسيّرة المستشفى السعودي في مدينة الفاشر.", "المستشفى السعودي"),
        ("فر نحو 40 سجيناً من سجن الجديدة خلال الاشتباكات.", "سجن الجديدة"),
        ("اندلعت معارك على محوري سد تشرين وجسر قره قوزاق.", "سد تشرين"),
        ("عند بوابة قرب حقل الشرارة النفطي جنوبي البلاد.", "حقل الشرارة"),  # a field takes no adjective
    ],
)
def test_a_facility_is_one_place_with_its_type_word_and_describing_words(text: str, site: str) -> None:
    assert site in spans(text, "PLACE")


def test_a_town_inside_a_facility_is_no_place_of_its_own() -> None:
    assert spans("وقال مدير مستشفى السويداء الوطني إن الحالات حرجة.", "PLACE") == ["مستشفى السويداء الوطني"]


@pytest.mark.parametrize(
    "text",
    [
        "وأفاد مصدر طبي بأن مستشفى ميدانياً في المدينة استقبل الجرحى.",
        "انفجر لغم في حقل ألغام قرب الحدود.",
        "وألحق الصاروخ أضراراً بمدرسة تؤوي 200 طالب.",
        "وكان آخر مستشفى يعمل في المدينة قد توقف.",
        "أقام الجيش قاعدة عسكرية جديدة.",
        "وأقامت المنظمة جسراً جوياً لنقل المساعدات.",
    ],
)
def test_a_type_word_followed_by_what_kind_it_is_names_no_facility(text: str) -> None:
    assert spans(text, "PLACE") == []


def test_a_facility_name_stops_before_a_place_behind_a_proclitic() -> None:
    found = spans("أقلعت الطائرات من قاعدة حميميم بريف اللاذقية فجر اليوم.", "PLACE")
    assert "قاعدة حميميم بريف اللاذقية" not in found and "ريف اللاذقية" in found


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقال رئيس بلدية أيطو إن العائلات وصلت من الجنوب.", "بلدية أيطو"),
        ("بحسب المتحدث باسم وزارة الصحة في حكومة صنعاء.", "حكومة صنعاء"),
        ("بحسب إحصاء مركز صنعاء للدراسات الاستراتيجية.", "مركز صنعاء للدراسات الاستراتيجية"),
    ],
)
def test_a_body_of_a_place_after_a_title_or_a_report_is_one_actor(text: str, body: str) -> None:
    assert body in spans(text, "ACTOR")
    assert "صنعاء" not in spans(text, "PLACE") and "أيطو" not in spans(text, "PLACE")


def test_a_country_in_the_accusative_is_an_adverb_not_a_place() -> None:
    text = "اتهمت الإدارة فصائل الجيش الوطني المدعومة تركياً بالوقوف وراء التفجير في سوريا."
    assert spans(text, "PLACE") == ["سوريا"]
