"""The rules both windows share for a new span, headless: whole words, proclitics, prefill, relabel."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.codebook_reading import default_codebook
from annotator.spans import prefilled_attributes, selected_span, toggled_proclitic
from annotator.text import normalize, proclitic_candidates, tokenize

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأصيب ٢٣ آخرون في لبنان وبغداد."


def span_of(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_a_half_selected_word_grows_to_the_whole_word() -> None:
    start, end = span_of("الباغوز")
    assert selected_span(TEXT, start + 2, start + 4) == (start, end)
    assert TEXT[slice(*selected_span(TEXT, start + 2, start + 4))] == "الباغوز"  # type: ignore[misc]


def test_space_and_punctuation_at_the_edges_are_left_out() -> None:
    start, end = span_of(" بدير الزور، ")
    found = selected_span(TEXT, start, end)
    assert found is not None and TEXT[found[0] : found[1]] == "بدير الزور"


def test_tashkeel_stays_in_the_word() -> None:
    found = selected_span(TEXT, 1, 2)
    assert found is not None and TEXT[found[0] : found[1]] == "قُتِلَ"


def test_an_emoji_outside_the_bmp_is_one_code_point() -> None:
    emoji = TEXT.index("😀")
    assert selected_span(TEXT, emoji, emoji + 1) == (emoji, emoji + 1)  # no word: the selection as it is
    found = selected_span(TEXT, emoji, TEXT.index("الزور") + 3)
    assert found is not None and TEXT[found[0] : found[1]] == "بدير الزور"


ISSUE = "قالت المصادر إن و28 مدنيا قتلوا في الباغوز فوقاني أمس، وبغداد"


def picked(start: int, end: int, text: str = ISSUE) -> str | None:
    found = selected_span(text, start, end)
    return None if found is None else text[found[0] : found[1]]


def test_a_selection_made_exactly_after_a_proclitic_keeps_it_out() -> None:
    start, end = span_of("28 مدنيا", ISSUE)
    assert picked(start, end) == "28 مدنيا"
    assert picked(start - 1, end) == "و28 مدنيا"  # the whole word, when that is what was selected
    assert picked(start + 1, end) == "28 مدنيا"  # a start one letter after the clitic goes back to its edge


def test_a_drag_that_grazes_the_next_word_drops_it() -> None:
    start, end = span_of("الباغوز", ISSUE)
    assert picked(start, end + 2) == "الباغوز"  # the space and ف of فوقاني
    assert picked(start, end + 3) == "الباغوز"  # two letters of six: still grazing
    assert picked(start, end + 4) == "الباغوز فوقاني"  # half of it: taken (a tie goes outward)
    assert picked(start - 2, end) == "في الباغوز"  # one of في's two letters is half of it: taken
    first = ISSUE.index("قتلوا")
    assert picked(first + 4, end) == "في الباغوز"  # one letter of قتلوا


def test_a_selection_ending_a_letter_short_takes_the_whole_word() -> None:
    start, end = span_of("الباغوز فوقاني", ISSUE)
    assert picked(start, end - 1) == "الباغوز فوقاني"
    assert picked(start + 1, end - 1) == "الباغوز فوقاني"


def test_a_selection_inside_one_word_or_grazing_two_is_the_word_it_holds_most_of() -> None:
    start, end = span_of("الباغوز", ISSUE)
    assert picked(start + 3, start + 4) == "الباغوز"  # never an empty span
    assert picked(end - 1, end + 2) == "الباغوز"  # ز and ف: one letter each, the first word
    assert picked(end - 1, end + 3) == "فوقاني"  # فو outweighs ز
    waw = ISSUE.index("وبغداد")
    assert picked(waw + 2, waw + 4) == "غداد"  # after وب: the clitic edge, the coder's K key does the rest


def test_tashkeel_and_tatweel_go_with_their_letter_when_counting() -> None:
    text = "قُتِلَ المدنيّون في الـبـاغـوز"
    start, end = span_of("قُتِلَ", text)
    # One letter of المدنيّون (with its marks) grazed: dropped; its marks never split from a letter.
    assert picked(start, end + 2, text) == "قُتِلَ"
    last = text.index("الـبـاغـوز")
    assert picked(last + 1, len(text), text) == "الـبـاغـوز"
    assert picked(last + 6, len(text), text) == "الـبـاغـوز"  # ا ل ب ا before, غ و ز after: a tie, outward


def test_arabic_indic_digits_and_emoji_are_counted_as_code_points() -> None:
    text = "قتل 😀 ٢٣ مدنيا 😀"
    start, end = span_of("٢٣ مدنيا", text)
    assert picked(text.index("😀"), len(text), text) == "٢٣ مدنيا"  # the emoji and the spaces are trimmed
    assert picked(text.index("ل"), end, text) == "٢٣ مدنيا"  # one letter of قتل, then the emoji: dropped
    assert picked(start + 1, end - 1, text) == "٢٣ مدنيا"  # one digit of two: a tie, outward


def test_an_empty_selection_is_the_word_at_the_cursor_only_when_asked() -> None:
    start, end = span_of("شخصاً")
    assert selected_span(TEXT, start + 1, start + 1) is None  # the lead's window: a stray key tags nothing
    assert selected_span(TEXT, start + 1, start + 1, at_cursor=True) == (start, end)
    assert selected_span(TEXT, end, end, at_cursor=True) == (start, end)  # just after the word: that word


def test_a_selection_of_spaces_is_no_span_and_one_without_words_stays_as_it_is() -> None:
    gap = TEXT.index(" ")
    assert selected_span(TEXT, gap, gap + 1) is None
    comma = TEXT.index("،")
    assert selected_span(TEXT, comma, comma + 2) == (comma, comma + 2)


def test_a_proclitic_is_left_out_only_before_a_known_name() -> None:
    start, end = span_of("بدير الزور")
    assert selected_span(TEXT, start, end) == (start, end)  # by letter alone: never
    known = {normalize("دير الزور"), normalize("دير")}
    assert selected_span(TEXT, start, end, known_names=known) == (start + 1, end)
    waw = span_of("وبغداد")
    assert selected_span(TEXT, *waw, known_names={normalize("بغداد")}) == (waw[0] + 1, waw[1])
    lebanon = span_of("لبنان")
    assert selected_span(TEXT, *lebanon, known_names={normalize("لبنان")}) == lebanon  # the name itself is known


def test_the_proclitic_key_steps_through_the_readings_and_back() -> None:
    text = "وبغداد والباغوز"
    start, end = span_of("والباغوز", text)
    new = toggled_proclitic(text, start, end)
    assert new == start + 1 and text[new:end] == "الباغوز"
    assert toggled_proclitic(text, new, end) == start  # the only reading: back to the whole word
    start, end = span_of("وبغداد", text)
    first = toggled_proclitic(text, start, end)
    second = toggled_proclitic(text, first, end)  # type: ignore[arg-type]
    assert (text[first:end], text[second:end]) == ("بغداد", "غداد")  # type: ignore[misc]
    assert toggled_proclitic(text, second, end) == start  # type: ignore[arg-type]


def test_the_proclitic_key_keeps_tashkeel_with_the_clitic() -> None:
    text = "وَالباغوز"
    new = toggled_proclitic(text, 0, len(text))
    assert new is not None and text[new:] == "الباغوز"


def test_no_proclitic_no_move() -> None:
    text = "دير الزور"
    assert toggled_proclitic(text, 0, 3) is None
    assert toggled_proclitic("😀 x", 0, 1) is None


def test_a_casualty_figure_is_prefilled_and_other_labels_are_not() -> None:
    codebook = default_codebook()
    start, end = span_of("54")
    attrs = prefilled_attributes(codebook, "CASUALTY", TEXT, start, end)
    assert attrs["value"] == 54 and attrs["status"] == "killed"
    start, end = span_of("٢٣")
    assert prefilled_attributes(codebook, "CASUALTY", TEXT, start, end)["status"] == "injured"
    assert prefilled_attributes(codebook, "PLACE", TEXT, *span_of("الباغوز")) == {}
    assert prefilled_attributes(codebook, "CASUALTY", TEXT, *span_of("الباغوز")) == {}  # no number there


def test_relabelling_carries_the_attributes_the_new_label_has() -> None:
    codebook = default_codebook()
    place = codebook.label("PLACE")
    actor_attrs = {"role": "claimant", "canonical": "التحالف الدولي"}
    assert place.carried_attributes(actor_attrs) == {"canonical": "التحالف الدولي"}  # PLACE has no role
    # ACTOR's kind "organisation" is no kind of PLACE: a half-kept set would mislead, so none is kept.
    assert place.carried_attributes({**actor_attrs, "kind": "organisation"}) == {}
    casualty = codebook.label("CASUALTY")
    assert casualty.carried_attributes({"value": 54, "canonical": "دير الزور"}) == {"value": 54}
    assert casualty.carried_attributes({"value": "خمسون"}) == {}


# --- laws ----------------------------------------------------------------------------------------

ALPHABET = list("وبلفكالباغوزدير قتل ُ َ ِ ّـ٢٣54😀،.\n") + ["𝟓"]
texts = st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=40)


@st.composite
def selections(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts)
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, min(a, b), max(a, b)


def starts_and_ends(text: str) -> tuple[set[int], set[int]]:
    words = [t for t in tokenize(text) if t.is_word]
    starts = {t.start + n for t in words for n in (0, *proclitic_candidates(t.text))}
    return starts, {t.end for t in words}


def holds_a_word(text: str, start: int, end: int) -> bool:
    return any(t.is_word and t.start < end and start < t.end for t in tokenize(text))


@given(selections())
def test_a_span_starts_and_ends_on_boundaries_and_is_never_empty(case: tuple[str, int, int]) -> None:
    text, start, end = case
    found = selected_span(text, start, end)
    if start == end or not text[start:end].strip():
        assert found is None
    elif not holds_a_word(text, start, end):
        assert found == (start, end)  # no word in it: the selection as it is
    else:
        starts, ends = starts_and_ends(text)
        assert found is not None and found[0] < found[1]
        assert found[0] in starts and found[1] in ends
        assert found[0] < end and start < found[1]  # never a span beside the selection


@st.composite
def boundary_selections(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts.filter(lambda t: any(token.is_word for token in tokenize(t))))
    starts, ends = starts_and_ends(text)
    start = draw(st.sampled_from(sorted(starts)))
    end = draw(st.sampled_from(sorted(e for e in ends if e > start) or [start]))
    return text, start, end


@given(boundary_selections())
def test_a_selection_on_boundaries_is_kept_exactly(case: tuple[str, int, int]) -> None:
    text, start, end = case
    if start < end:
        assert selected_span(text, start, end) == (start, end)


@given(selections())
def test_a_span_holds_no_word_the_selection_only_grazed(case: tuple[str, int, int]) -> None:
    """Each word in the span has at least half of its letters (from the span's start) selected, unless
    the span is that one word; every word the selection holds whole is in the span."""
    text, start, end = case
    found = selected_span(text, start, end)
    if found is None or not holds_a_word(text, start, end):
        return
    words = [t for t in tokenize(text) if t.is_word and t.start < found[1] and found[0] < t.end]
    if len(words) > 1:
        for word in words:
            held = letters(text[max(found[0], word.start) : word.end])
            selected = letters(text[max(start, found[0], word.start) : min(end, word.end)])
            assert 2 * selected >= held, (word.text, text[start:end])
    for word in tokenize(text):
        if word.is_word and start <= word.start and word.end <= end:
            assert found[0] <= word.start and word.end <= found[1]


def letters(text: str) -> int:
    return sum(1 for ch in text if ch != "\u0640" and not unicodedata.category(ch).startswith("M"))


@given(selections(), st.booleans())
def test_tagging_a_span_again_gives_the_same_span(case: tuple[str, int, int], strip: bool) -> None:
    text, start, end = case
    known = {normalize(t.text[1:]) for t in tokenize(text) if len(t.text) > 2} if strip else set()
    found = selected_span(text, start, end, known_names=known)
    if found is not None:
        assert selected_span(text, *found, known_names=known) == found


@given(texts)
def test_pressing_the_proclitic_key_comes_back_to_the_whole_word(text: str) -> None:
    for word in (t for t in tokenize(text) if t.is_word):
        start, seen = word.start, []
        while True:
            new = toggled_proclitic(text, start, word.end)
            if new is None or new == word.start:
                break
            assert word.start < new < word.end and new not in seen
            seen.append(new)
            start = new
        assert new == word.start or not seen


@pytest.mark.parametrize("label", ["ACTOR", "PLACE", "CASUALTY"])
def test_prefill_fits_the_label(label: str) -> None:
    codebook = default_codebook()
    for word in ("54", "٢٣", "الباغوز"):
        codebook.label(label).check_attributes(prefilled_attributes(codebook, label, TEXT, *span_of(word)))
