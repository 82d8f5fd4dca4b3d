"""The day a time expression means, counted from the report's date (the ATTACK's date attribute)."""

from __future__ import annotations

import pytest

from annotator.codebook import default_codebook
from annotator.dates import document_day, resolve_date

FRIDAY = "2018-06-08"  # the report's day: a Friday


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("أمس الخميس", "2018-06-07"),
        ("الخميس", "2018-06-07"),
        ("صباح الثلاثاء", "2018-06-05"),
        ("يوم الجمعة", FRIDAY),
        ("الجمعة الماضية", "2018-06-01"),
        ("الخميس الماضي", "2018-06-07"),
        ("اليوم", FRIDAY),
        ("فجر اليوم", FRIDAY),
        ("البارحة", "2018-06-07"),
        ("أوّل من أمس", "2018-06-06"),
        ("قبل يومين", "2018-06-06"),
        ("قبل ٣ أيام", "2018-06-05"),
        ("٧ حزيران/يونيو ٢٠١٨", "2018-06-07"),
        ("في 7 يونيو", "2018-06-07"),
        ("20 كانون الأول", "2017-12-20"),  # no year: the last such day before the report
        ("3 تشرين الأول 2017", "2017-10-03"),
        ("2018-06-07", "2018-06-07"),
        ("7/6/2018", "2018-06-07"),
    ],
)
def test_expressions_of_arabic_reports_resolve_to_a_day(words: str, day: str) -> None:
    assert resolve_date(words, FRIDAY) == day
    default_codebook().event_type("ATTACK").check_attributes({"date": day})  # what the attribute takes


@pytest.mark.parametrize("words", ["في الشهر الماضي", "السابع من حزيران", "31 شباط 2018", "مؤخرا"])
def test_words_that_fix_no_day_give_none(words: str) -> None:
    assert resolve_date(words, FRIDAY) is None


def test_relative_words_need_the_documents_date_and_full_dates_do_not() -> None:
    assert resolve_date("أمس الخميس", "") is None
    assert resolve_date("الخميس", "not a date") is None
    assert resolve_date("7 حزيران 2018") == "2018-06-07"
    assert resolve_date("أمس", "2018-06-08T09:30:00+03:00") == "2018-06-07"
    assert document_day("2018-06-08T09:30:00") is not None and document_day("8 June") is None
