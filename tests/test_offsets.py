"""The one boundary between Qt's UTF-16 positions and the core's code points."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.offsets import OffsetMap

# Characters, plus a flag (two astral code points in a row) kept whole.
TEXTS = st.lists(st.sampled_from(list("قتل بغداد٢٣ a😀𝟓\n") + ["\U0001f1f8\U0001f1fe"]), max_size=40).map("".join)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS)
def test_to_qt_counts_utf16_units_of_the_prefix(text: str) -> None:
    offsets = OffsetMap(text)
    for offset in range(len(text) + 1):
        assert offsets.to_qt(offset) == utf16_length(text[:offset])


@given(TEXTS)
def test_from_qt_inverts_to_qt(text: str) -> None:
    offsets = OffsetMap(text)
    for offset in range(len(text) + 1):
        assert offsets.from_qt(offsets.to_qt(offset)) == offset


@given(TEXTS)
def test_a_position_inside_a_surrogate_pair_rounds_down(text: str) -> None:
    offsets = OffsetMap(text)
    for offset, char in enumerate(text):
        if ord(char) > 0xFFFF:
            assert offsets.from_qt(offsets.to_qt(offset) + 1) == offset


def test_emoji_example() -> None:
    offsets = OffsetMap("a😀b")
    assert [offsets.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [offsets.from_qt(i) for i in range(5)] == [0, 1, 1, 2, 3]
