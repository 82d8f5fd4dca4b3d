"""The Arabic number reader: a table of expressions (with the traps), laws, and what pyarabic misses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyarabic.number import number2text, text2number

from annotator.numbers import DEFAULT_VAGUE_AMOUNTS, VagueAmount, find_numbers, read_number

# (phrase, expected readings as (text of the span, value, min, max)); a trap expects no reading
# or a different one than a naive reader would give.
TABLE: list[tuple[str, list[tuple[str, int, int, int]]]] = [
    # digits: Western, Arabic-Indic, Persian, astral, separators
    ("قتل 54 شخصا", [("54", 54, 54, 54)]),
    ("سقوط ٢٣ ضحية", [("٢٣", 23, 23, 23)]),
    ("مقتل ۱۲ مدنيا", [("۱۲", 12, 12, 12)]),
    ("مقتل ١٠٠ شخص", [("١٠٠", 100, 100, 100)]),
    ("قتل 𝟓 أشخاص", [("𝟓", 5, 5, 5)]),
    ("أكثر من 350,000 شخص", [("350,000", 350000, 350000, 350000)]),
    ("نحو ٣٥٠٬٠٠٠ قتيل", [("٣٥٠٬٠٠٠", 350000, 350000, 350000)]),
    ("1,100 مدني", [("1,100", 1100, 1100, 1100)]),
    # proclitics on a number stay outside the span
    ("و28 مدنيا", [("28", 28, 28, 28)]),
    ("بمقتل 25 عنصرا و1100 مدني", [("25", 25, 25, 25), ("1100", 1100, 1100, 1100)]),
    ("ارتفعت الحصيلة بـ54 قتيلا", [("54", 54, 54, 54)]),
    ("و٢٣ جريحا", [("٢٣", 23, 23, 23)]),
    ("و5 أطفال", [("5", 5, 5, 5)]),
    # number words with their forms
    ("قتل ثمانية مدنيين", [("ثمانية", 8, 8, 8)]),
    ("قُتِلَ ثَمَانِيَةُ أشخاص", [("ثَمَانِيَةُ", 8, 8, 8)]),
    ("ثمانيـــة أطفال", [("ثمانيـــة", 8, 8, 8)]),
    ("نحو ثلاثين مدنيا", [("ثلاثين", 30, 30, 30)]),
    ("مئتان وخمسون شخصا", [("مئتان وخمسون", 250, 250, 250)]),
    ("مائتان وخمسون", [("مائتان وخمسون", 250, 250, 250)]),
    ("نحو ألفي عنصر", [("ألفي", 2000, 2000, 2000)]),
    ("مئتي قتيل", [("مئتي", 200, 200, 200)]),
    ("ألفين وخمسمائة لاجئ", [("ألفين وخمسمائة", 2500, 2500, 2500)]),
    ("ثلاثة وعشرون قتيلا", [("ثلاثة وعشرون", 23, 23, 23)]),
    ("خمسة عشر جريحا", [("خمسة عشر", 15, 15, 15)]),
    ("أحد عشر مدنيا", [("أحد عشر", 11, 11, 11)]),
    ("اثنا عشر طفلا", [("اثنا عشر", 12, 12, 12)]),
    ("إحدى عشرة امرأة", [("إحدى عشرة", 11, 11, 11)]),
    ("اثنتين من النساء", [("اثنتين", 2, 2, 2)]),
    ("مئة وعشرة أشخاص", [("مئة وعشرة", 110, 110, 110)]),
    ("ثلاث مئة قتيل", [("ثلاث مئة", 300, 300, 300)]),
    ("ثلاثمائة وخمسين ألف شخص", [("ثلاثمائة وخمسين ألف", 350000, 350000, 350000)]),
    ("ثلاثة آلاف لاجئ", [("ثلاثة آلاف", 3000, 3000, 3000)]),
    ("عشرة آلاف نازح", [("عشرة آلاف", 10000, 10000, 10000)]),
    ("مليون شخص", [("مليون", 1000000, 1000000, 1000000)]),
    ("ألف ومئتان", [("ألف ومئتان", 1200, 1200, 1200)]),
    ("مئتان و خمسون", [("مئتان و خمسون", 250, 250, 250)]),
    ("الأطفال الثلاثة", [("الثلاثة", 3, 3, 3)]),
    ("وثلاثة جرحى", [("ثلاثة", 3, 3, 3)]),
    ("الفين وخمسمائة", [("الفين وخمسمائة", 2500, 2500, 2500)]),
    # mixed digits and scale words
    ("أكثر من 350 ألف شخص", [("350 ألف", 350000, 350000, 350000)]),
    ("1.5 مليون نازح", [("1.5 مليون", 1500000, 1500000, 1500000)]),
    ("١٫٥ مليون لاجئ", [("١٫٥ مليون", 1500000, 1500000, 1500000)]),
    ("3 آلاف قتيل", [("3 آلاف", 3000, 3000, 3000)]),
    ("2,5 مليون", [("2,5 مليون", 2500000, 2500000, 2500000)]),
    # vague amounts: ranges with a conservative best value
    ("قتل العشرات", [("العشرات", 20, 20, 99)]),
    ("عشرات المدنيين", [("عشرات", 20, 20, 99)]),
    ("لعشرات المدنيين", [("عشرات", 20, 20, 99)]),
    ("مئات الجرحى", [("مئات", 200, 200, 999)]),
    ("بضعة أشخاص", [("بضعة", 3, 3, 9)]),
    ("بضع جثث", [("بضع", 3, 3, 9)]),
    ("عشرات الآلاف", [("عشرات الآلاف", 20000, 20000, 99999)]),
    ("مئات الآلاف من السوريين", [("مئات الآلاف", 200000, 200000, 999999)]),
    ("بضعة آلاف", [("بضعة آلاف", 3000, 3000, 9999)]),
    ("آلاف المدنيين", [("آلاف", 2000, 2000, 9999)]),
    ("والعشرات", [("العشرات", 20, 20, 99)]),
    # traps: not numbers at all, or not what a naive reader sees
    ("يوم الأحد", []),
    ("يوم الاثنين الفائت", []),
    ("الثلاثاء والأربعاء", []),
    ("على أحد آخر جيوب التنظيم", []),
    ("تقتصر على 3 بالمئة من الأراضي", [("3", 3, 3, 3)]),
    ("10 في المئة", [("10", 10, 10, 10)]),
    ("طائرات F-16", []),
    ("في 10/9/2018", []),
    ("الساعة 10:30", []),
    ("2.5 كيلومتر", []),
    ("الخلافة في العام 2014", [("2014", 2014, 2014, 2014)]),
    ("عشر 10 ضربات", [("عشر", 10, 10, 10), ("10", 10, 10, 10)]),
    ("قتل 5 و3 جرحى", [("5", 5, 5, 5), ("3", 3, 3, 3)]),
    ("54 شخصا، و28 مدنيا", [("54", 54, 54, 54), ("28", 28, 28, 28)]),
    ("بين 20 و30 قتيلا", [("20", 20, 20, 20), ("30", 30, 30, 30)]),
    ("2014م", []),
    ("الرصد الأول من مايو", []),
    ("نصف السكان", []),
    ("غارة 😀 قتلت 7", [("7", 7, 7, 7)]),
    ("ISIS 2", [("2", 2, 2, 2)]),
    ("قتيلان", []),
]


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 60


@pytest.mark.parametrize(("phrase", "expected"), TABLE, ids=[p for p, _ in TABLE])
def test_number_table(phrase: str, expected: list[tuple[str, int, int, int]]) -> None:
    readings = find_numbers(phrase)
    got = [(phrase[r.start : r.end], r.value, r.min, r.max) for r in readings]
    assert got == expected


def test_kinds() -> None:
    kinds = {phrase: [r.kind for r in find_numbers(phrase)] for phrase in ("54", "ثمانية", "350 ألف", "عشرات")}
    assert kinds == {"54": ["digits"], "ثمانية": ["words"], "350 ألف": ["mixed"], "عشرات": ["vague"]}


def test_what_pyarabic_misses_and_we_read() -> None:
    """pyarabic.number.text2number gives 0 (or a wrong value) here; the reader gets them right."""
    cases = {"25": 25, "٢٣": 23, "ألفي": 2000, "مئتي": 200, "الثمانية": 8, "350 ألف": 350000, "ثمانيـة": 8}
    for phrase, value in cases.items():
        assert text2number(phrase) != value, phrase  # if pyarabic learns one, this test says so
        reading = read_number(phrase)
        assert reading is not None and reading.value == value, phrase


def test_read_number_takes_one_expression_only() -> None:
    assert read_number("54") is not None
    reading = read_number("و1100")
    assert reading is not None and (reading.start, reading.end, reading.value) == (1, 5, 1100)
    assert read_number("نحو 30") is None  # the qualifier is not part of a number
    assert read_number("54 شخصا") is None
    assert read_number("54 و28") is None
    assert read_number("شخص") is None


def test_vague_amounts_follow_the_given_rule() -> None:
    rule = (VagueAmount(("عشرات",), 10, 90, 12),)
    (reading,) = find_numbers("قتل عشرات المدنيين", rule)
    assert (reading.value, reading.min, reading.max) == (12, 10, 90)
    assert find_numbers("قتل بضعة أشخاص", rule) == []  # not in this codebook's rule
    assert find_numbers("قتل بضعة أشخاص", ()) == []


@given(st.integers(min_value=0, max_value=10**9))
def test_pyarabic_number_words_read_back(number: int) -> None:
    """Whatever pyarabic writes in words, the reader reads back as one expression of that value."""
    text = number2text(number)
    readings = find_numbers(text)
    assert [(r.start, r.end, r.value) for r in readings] == [(0, len(text), number)]


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "و", "ب", "بـ", "وَ"]), st.booleans())
def test_digits_with_a_proclitic(number: int, clitic: str, indic: bool) -> None:
    digits = str(number).translate(_ARABIC_INDIC) if indic else str(number)
    text = f"قتل {clitic}{digits} شخصا"
    (reading,) = find_numbers(text)
    assert text[reading.start : reading.end] == digits
    assert reading.value == number


_PIECES = ["قتل", "54", "و28", "ثمانية", "مئتان", "وخمسون", "ألف", "عشرات", "😀", "،", ".", "العام", "ـ", "\u064e", "x"]


@given(st.lists(st.sampled_from(_PIECES), max_size=15), st.lists(st.sampled_from([" ", "", "\n"]), min_size=15))
def test_readings_are_ordered_disjoint_and_inside_the_text(pieces: list[str], gaps: list[str]) -> None:
    text = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    readings = find_numbers(text)
    previous_end = 0
    for r in readings:
        assert previous_end <= r.start < r.end <= len(text)
        assert not text[r.start].isspace() and not text[r.end - 1].isspace()
        assert r.min <= r.value <= r.max
        previous_end = r.end


def test_default_rule_matches_the_shipped_codebook() -> None:
    from annotator.codebook_reading import default_codebook

    assert default_codebook().vague_amounts == DEFAULT_VAGUE_AMOUNTS
