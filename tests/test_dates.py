"""Arabic date expressions: hand-checked readings against a document's date, offsets, odd text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.dates import (
    EXPLICIT,
    MONTHS_DISAGREE,
    NO_SUCH_DAY,
    NUMERIC,
    RELATIVE,
    WEEKDAY,
    WEEKDAY_DISAGREES,
    find_dates,
    parse_iso,
    resolve_date,
)

FRIDAY = "2018-06-08"  # a Friday: أمس is Thursday 7 June

# (text, document date, the words matched, the day, the note) - each worked out by hand
CASES = [
    ("اليوم", FRIDAY, "اليوم", "2018-06-08", ""),
    ("ذلك اليوم ... اليوم", FRIDAY, "اليوم", "2018-06-08", ""),
    ("أمس", FRIDAY, "أمس", "2018-06-07", ""),
    ("وأمس", FRIDAY, "أمس", "2018-06-07", ""),
    ("بالأمس", FRIDAY, "الأمس", "2018-06-07", ""),
    ("البارحة", FRIDAY, "البارحة", "2018-06-07", ""),
    ("يوم أمس", FRIDAY, "يوم أمس", "2018-06-07", ""),
    ("أول أمس", FRIDAY, "أول أمس", "2018-06-06", ""),
    ("أمس الأول", FRIDAY, "أمس الأول", "2018-06-06", ""),
    ("فجر أمس", FRIDAY, "فجر أمس", "2018-06-07", ""),
    ("صباح اليوم", FRIDAY, "صباح اليوم", "2018-06-08", ""),
    ("مساء أمس", FRIDAY, "مساء أمس", "2018-06-07", ""),
    ("ليل أمس", FRIDAY, "ليل أمس", "2018-06-07", ""),
    ("منتصف ليل أمس", FRIDAY, "منتصف ليل أمس", "2018-06-07", ""),
    ("أمْسِ الخَميس", FRIDAY, "أمْسِ الخَميس", "2018-06-07", ""),
    ("أمـــس الخميس", FRIDAY, "أمـــس الخميس", "2018-06-07", ""),
    ("أمس الأربعاء", FRIDAY, "أمس الأربعاء", "2018-06-07", WEEKDAY_DISAGREES),
    ("اليوم الجمعة", FRIDAY, "اليوم الجمعة", "2018-06-08", ""),
    ("الخميس", FRIDAY, "الخميس", "2018-06-07", ""),
    ("يوم الجمعة", FRIDAY, "يوم الجمعة", "2018-06-08", ""),
    ("الجمعة الماضية", FRIDAY, "الجمعة الماضية", "2018-06-01", ""),
    ("الخميس الماضي", FRIDAY, "الخميس الماضي", "2018-06-07", ""),
    ("السبت", FRIDAY, "السبت", "2018-06-02", ""),
    ("مساء الإثنين", FRIDAY, "مساء الإثنين", "2018-06-04", ""),
    ("الأحد", "2018-06-10", "الأحد", "2018-06-10", ""),
    ("7 حزيران/يونيو 2018", FRIDAY, "7 حزيران/يونيو 2018", "2018-06-07", ""),
    ("٧ يونيو", FRIDAY, "٧ يونيو", "2018-06-07", ""),
    ("9 يونيو", FRIDAY, "9 يونيو", "2017-06-09", ""),  # no year: the last 9 June on or before the 8th
    ("في السابع من حزيران", FRIDAY, "السابع من حزيران", "2018-06-07", ""),
    ("السابع من كانون الثاني 2019", FRIDAY, "السابع من كانون الثاني 2019", "2019-01-07", ""),
    ("الحادي عشر من أيار/مايو 2017", FRIDAY, "الحادي عشر من أيار/مايو 2017", "2017-05-11", ""),
    ("الحادي والعشرين من آذار", FRIDAY, "الحادي والعشرين من آذار", "2018-03-21", ""),
    ("منذ 10 سبتمبر(أيلول)", FRIDAY, "10 سبتمبر(أيلول)", "2017-09-10", ""),
    ("2 تشرين الأول 2016", FRIDAY, "2 تشرين الأول 2016", "2016-10-02", ""),
    ("25 كانون الأول عام 2017", FRIDAY, "25 كانون الأول عام 2017", "2017-12-25", ""),
    ("الخميس 7 حزيران 2018", FRIDAY, "الخميس 7 حزيران 2018", "2018-06-07", ""),
    ("الجمعة 7 حزيران 2018", FRIDAY, "الجمعة 7 حزيران 2018", "2018-06-07", WEEKDAY_DISAGREES),
    ("7 حزيران/يوليو 2018", FRIDAY, "7 حزيران/يوليو 2018", "2018-06-07", MONTHS_DISAGREE),
    ("2018-06-07", None, "2018-06-07", "2018-06-07", ""),
    ("7/6/2018", None, "7/6/2018", "2018-06-07", ""),
    ("٧/٦/٢٠١٨", None, "٧/٦/٢٠١٨", "2018-06-07", ""),
    ("7 حزيران 2018", None, "7 حزيران 2018", "2018-06-07", ""),
    ("31 شباط 2018", FRIDAY, "31 شباط 2018", None, NO_SUCH_DAY),
    ("31/2/2018", FRIDAY, "31/2/2018", None, NO_SUCH_DAY),
    ("أمس الخميس", None, "أمس الخميس", None, ""),  # relative, and no document date
    ("الخميس", "", "الخميس", None, ""),
]


@pytest.mark.parametrize(("text", "today", "matched", "iso", "note"), CASES)
def test_hand_checked_readings(text: str, today: str | None, matched: str, iso: str | None, note: str) -> None:
    found, match = resolve_date(text, today)
    assert match is not None
    assert (match.text, found, match.note) == (matched, iso, note)
    assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    "text",
    [
        "مقتل 54 بغارة",
        "في اليوم التالي",  # a day of the story, not the document's
        "ذلك اليوم",
        "صلاة الجمعة",  # the prayer, not the day
        "الثاني",  # "the second" of anything, no month
        "في آذار/مارس 2011",  # a month, no day
        "3.5 بالمئة",
        "1.2.3",
        "20/13/2018",
        "",
    ],
)
def test_not_a_date(text: str) -> None:
    found, match = resolve_date(text, FRIDAY)
    assert found is None
    assert match is None or match.note == NO_SUCH_DAY


def test_kinds_and_offsets_in_a_sentence() -> None:
    text = "وقُتل 12 مدنياً أمس الخميس في قصف على كفرنبل، بعد هجوم في 2018-06-01 وآخر في السابع من أيار."
    found = find_dates(text, FRIDAY)
    assert [(m.text, m.iso, m.kind) for m in found] == [
        ("أمس الخميس", "2018-06-07", RELATIVE),
        ("2018-06-01", "2018-06-01", NUMERIC),
        ("السابع من أيار", "2018-05-07", EXPLICIT),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert find_dates("الجمعة", FRIDAY)[0].kind == WEEKDAY


def test_outside_the_calendar_is_no_day() -> None:
    assert resolve_date("أمس", "0001-01-01")[0] is None
    assert resolve_date("أمس", "not a date")[0] is None
    assert parse_iso("2018-06-08T10:00:00") == dt.date(2018, 6, 8)
    assert parse_iso(20180608) is None


ARABIC_BITS = st.sampled_from(
    [
        "أمس", "اليوم", "الخميس", "يوم", "الماضي", "أول", "الأول", "فجر", "منتصف", "ليل", "حزيران", "يونيو",
        "كانون", "الثاني", "من", "السابع", "الحادي", "عشر", "والعشرين", "عام", "2018", "٧", "31", "/", "(", ")",
        "-", "،", ".", "و", "ب", "ـ", "\u064e", "\n", " ", "0", "99999", "9999-12-31", "0/0/0000",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(ARABIC_BITS, st.text(max_size=4)), max_size=12).map(" ".join),
    st.one_of(st.none(), st.dates().map(dt.date.isoformat), st.text(max_size=12)),
)
def test_law_never_raises_and_every_day_is_real(text: str, today: str | None) -> None:
    for match in find_dates(text, today):
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        if match.iso is not None:
            assert dt.date.fromisoformat(match.iso).isoformat() == match.iso
    found, match = resolve_date(text, today)
    assert found is None or dt.date.fromisoformat(found)
