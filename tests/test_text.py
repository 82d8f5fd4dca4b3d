"""Decoding, the canonical text, normalisation and tokens."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.text import (
    canonical_text,
    decode_bytes,
    normalize,
    normalize_with_map,
    proclitic_candidates,
    proclitic_length,
    snap_to_words,
    text_sha256,
    tokenize,
)

ARABIC = "قُتِلَ 54 شخصاً في بغـــداد\r\nو٢٣ مدنياً 😀"


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be"],
)
def test_decoding_gives_the_canonical_text(data: bytes) -> None:
    assert decode_bytes(data) == ARABIC.replace("\r\n", "\n")


def test_windows_1256_is_the_fallback_for_legacy_arabic() -> None:
    text = "مقتل 23 مدنيا في دير الزور"
    assert decode_bytes(text.encode("cp1256")) == text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL"),
        (b"abc\x01\x02def", "control character U+0001 at line 1"),
    ],
)
def test_bad_bytes_are_refused_with_the_file_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "article.txt")
    assert str(caught.value).startswith("article.txt: ")
    assert problem in str(caught.value)


def test_canonical_text_changes_only_bom_and_newlines() -> None:
    raw = "\ufeffسطر\r\nسطر\rسطر\nـــ ً"
    assert canonical_text(raw) == "سطر\nسطر\nسطر\nـــ ً"


def test_sha256_identifies_the_text() -> None:
    assert text_sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_normalisation_strips_marks_and_unifies_letters() -> None:
    assert normalize("قُتِلَ") == "قتل"
    assert normalize("بغـــداد") == "بغداد"
    assert normalize("أإآ ة ى ٢٣ ۴") == "ااا ه ي 23 4"


@given(st.text(alphabet=st.sampled_from(list("قُتِلَـأإآةى بغداد٢٣😀a\n")), max_size=60))
def test_normalisation_map_points_back_into_the_text(text: str) -> None:
    norm, index = normalize_with_map(text)
    assert norm == normalize(text)
    assert len(index) == len(norm) + 1
    for i, ch in enumerate(norm):
        assert normalize(text[index[i]]) == ch


def test_tokens_keep_punctuation_numbers_and_astral_characters() -> None:
    text = "قُتِلَ 54 شخصاً، و28 (1.5 مليون) 350,000 😀"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قُتِلَ", "54", "شخصاً", "،", "و28", "(", "1.5", "مليون", ")", "350,000", "😀"]
    for token in tokens:
        assert text[token.start : token.end] == token.text


@given(st.text(max_size=80))
def test_every_non_space_character_belongs_to_one_token(text: str) -> None:
    covered = set()
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        span = set(range(token.start, token.end))
        assert not covered & span
        covered |= span
    assert covered >= {i for i, ch in enumerate(text) if not ch.isspace()}


def test_snapping_grows_to_whole_words_and_drops_edge_punctuation() -> None:
    text = "غارة على الباغوز فوقاني، أمس"
    start = text.index("اغوز")
    assert snap_to_words(text, start, start + 2) == (text.index("الباغوز"), text.index("الباغوز") + 7)
    end = text.index("،") + 1
    assert snap_to_words(text, text.index("الباغوز"), end) == (text.index("الباغوز"), text.index("،"))


def test_proclitics_are_offered_but_never_forced() -> None:
    assert proclitic_candidates("والباغوز") == [1]
    assert proclitic_candidates("وبغداد") == [1, 2]  # و|بغداد or وب|غداد: the coder decides
    assert proclitic_candidates("للنظام") == []
    known = {normalize("بغداد"), normalize("الباغوز"), normalize("لبنان")}
    assert proclitic_length("وبغداد", known) == 1
    assert proclitic_length("والباغوز", known) == 1
    assert proclitic_length("لبنان", known) == 0  # a known name is never cut
    assert proclitic_length("بغداد", known) == 0
    assert proclitic_length("وحلب", known) == 0  # the rest is not known
