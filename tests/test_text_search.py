"""Search matches in a stored text: offsets on the text as stored, found as the index finds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text import TASHKEEL, TATWEEL, normalize
from annotator.text_search import find_matches, query_forms

TEXT = "قُتِلَ 28 مدنيا في قصف على بلدة الباغوز فوقاني بدير الزور، ونزح أهالي والباغوز."


def found(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in find_matches(text, query)]


def test_a_proclitic_on_either_side_is_ignored() -> None:
    assert found(TEXT, "دير الزور") == ["دير", "الزور"]
    assert found(TEXT, "بدير الزور") == ["بدير", "الزور"]
    assert found("قصف في دير الزور", "بدير الزور") == ["دير", "الزور"]
    assert found(TEXT, "الباغوز") == ["الباغوز", "الباغوز"]


def test_tashkeel_and_tatweel_are_ignored_and_kept_in_the_match() -> None:
    assert found(TEXT, "قتل") == ["قُتِلَ"]
    text = "غارة على بغـــدادَ أمس"
    assert found(text, "بغداد") == ["بغـــدادَ"]
    assert found("وقع في بغداد", "بَغْدَاد") == ["بغداد"]


def test_hamza_forms_and_digits_are_unified() -> None:
    assert found("قال إن أحمد وصل", "احمد") == ["أحمد"]
    assert found("قتل ٢٨ مدنيا", "28") == ["٢٨"]


def test_whole_words_only() -> None:
    assert found(TEXT, "الزو") == []
    assert find_matches(TEXT, "  ،  ") == []


arabic_letters = st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى")
marks = st.sampled_from(sorted(TASHKEEL) + [TATWEEL])
marked_letter = st.tuples(arabic_letters, st.lists(marks, max_size=2)).map(lambda p: p[0] + "".join(p[1]))
word = st.lists(marked_letter, min_size=1, max_size=6).map("".join)
clitic = st.sampled_from(["", "و", "ب", "ل", "وب", "ف"])
text_words = st.lists(st.tuples(clitic, word).map("".join), min_size=1, max_size=12)


@given(text_words, st.sampled_from(["", "و", "ب"]), st.integers(min_value=0, max_value=11), st.sampled_from([" ", "، ", "\n"]))
def test_every_match_is_stored_text_that_reads_as_a_query_word(words, query_clitic, pick, separator) -> None:
    text = separator.join(words)
    query = query_clitic + normalize(words[pick % len(words)])
    wanted = query_forms(query)
    matches = find_matches(text, query)
    for start, end in matches:
        assert normalize(text[start:end]).casefold() in wanted
        # A match ends on a word's edge: nothing but the separator or the end follows it.
        assert end == len(text) or not (text[end].isalpha() or text[end] in TASHKEEL or text[end] == TATWEEL)
    assert matches == sorted(matches)


@given(text_words, st.integers(min_value=0, max_value=11))
def test_the_searched_word_itself_is_always_found(words, pick) -> None:
    text = " ".join(words)
    target = words[pick % len(words)]
    start = text.index(target) if pick % len(words) == 0 else len(" ".join(words[: pick % len(words)])) + 1
    matches = find_matches(text, target)
    assert (start, start + len(target)) in matches  # whole, marks and all


@given(word)
def test_marks_in_the_text_do_not_hide_a_word(plain) -> None:
    bare = normalize(plain)
    text = f"قال {plain} أمس"
    assert any(normalize(text[s:e]) in query_forms(bare) for s, e in find_matches(text, bare))
