"""Span-aware tokens, clitic cuts, sentences and IOB tags (annotator.export.tokens)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities

from annotator.export.tokens import (
    CliticEvidence,
    TokenStats,
    iob_tags,
    outermost,
    segment,
    sentences,
    tag_names,
)
from annotator.models import Annotation
from annotator.text import normalize, proclitic_cuts


def span(start: int, end: int, label: str = "PLACE", ident: str = "") -> Annotation:
    return Annotation(
        id=ident or f"{label}-{start}-{end}", doc_id=1, coder="amal", label=label, start=start, end=end, text=""
    )


def pieces(text: str, spans: list[Annotation], **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.text for t in segment(text, spans, **kwargs)]


def test_a_span_after_a_proclitic_cuts_the_token_and_is_counted():
    text = "سقوط ضحايا في والباغوز."
    start = text.index("الباغوز")
    stats = TokenStats()
    tokens = segment(text, [span(start, start + 7)], stats=stats)
    assert [t.text for t in tokens] == ["سقوط", "ضحايا", "في", "و", "الباغوز", "."]
    assert stats.cut_at_span_edges == 1
    assert stats.examples == ["و|الباغوز"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_a_number_after_waw_and_a_span_inside_tashkeel():
    text = "قُتِلَ و28 مدنياً"
    start = text.index("28")
    assert pieces(text, [span(start, start + 2, "CASUALTY")]) == ["قُتِلَ", "و", "28", "مدنياً"]
    # the span ends after the fatha: the mark stays with its letter
    assert pieces(text, [span(0, 4, "CASUALTY")]) == ["قُتِ", "لَ", "و28", "مدنياً"]


def test_untagged_words_stay_whole_without_split_clitics():
    assert pieces("وقال المرصد بدير الزور", []) == ["وقال", "المرصد", "بدير", "الزور"]


def test_split_clitics_needs_evidence_never_the_letter_alone():
    vocabulary = {normalize(w) for w in ("الباغوز", "القرب", "دير", "بالغة", "قال")}
    known = {normalize("دير")}
    cuts = {
        word: proclitic_cuts(word, known, vocabulary)
        for word in (
            "والباغوز",
            "وَالباغوز",
            "بدير",
            "بـدير",
            "و28",
            "وبالقرب",
            "لبنان",
            "بغداد",
            "كفرنبل",
            "بالغة",
            "وقال",
            "للمرصد",
        )
    }
    assert cuts == {
        "والباغوز": [1],  # article, and الباغوز is a word of its own
        "وَالباغوز": [2],  # the fatha stays with و
        "بدير": [1],  # دير is a known name
        "بـدير": [2],  # the tatweel stays with ب
        "و28": [1],  # a number
        "وبالقرب": [1, 2],  # و|ب|القرب
        "لبنان": [],
        "بغداد": [],
        "كفرنبل": [],
        "بالغة": [],  # "severe": الغة is no word
        "وقال": [],  # قال is neither a name nor after the article
        "للمرصد": [],  # li + article: the article's alef is gone, not a proclitic reading
    }


def test_a_known_name_that_itself_starts_with_a_clitic_letter_is_kept():
    # بدير itself tagged somewhere: the word is a known name, so nothing is cut
    assert proclitic_cuts("بدير", {normalize("بدير"), normalize("دير")}, set()) == []


def test_split_clitics_in_segment_counts_words():
    text = "في والباغوز و28 قتيلاً ولبنان"
    evidence = CliticEvidence.collect([text, "الباغوز"], [])
    stats = TokenStats()
    tokens = segment(text, [], clitics=evidence, stats=stats)
    assert [t.text for t in tokens] == ["في", "و", "الباغوز", "و", "28", "قتيلاً", "ولبنان"]
    assert stats.cut_clitics == 2 and stats.cut_at_span_edges == 0


def test_sentences_end_at_stops_and_lines_but_never_inside_a_span():
    text = "قتل 5. أصيب 3؟ نعم\nسطر ثان"
    tokens = segment(text, [])
    words = [[tokens[i].text for i in s] for s in sentences(text, tokens, [])]
    assert words == [["قتل", "5", "."], ["أصيب", "3", "؟"], ["نعم"], ["سطر", "ثان"]]
    across = span(text.index("3"), text.index("نعم") + 3)
    joined = [[tokens[i].text for i in s] for s in sentences(text, tokens, [across])]
    assert joined == [["قتل", "5", "."], ["أصيب", "3", "؟", "نعم"], ["سطر", "ثان"]]


def test_outermost_keeps_the_widest_and_reports_the_rest():
    outer, inner, cross, same = span(0, 10), span(2, 5), span(8, 14, "ACTOR"), span(0, 10, ident="copy")
    kept, dropped, duplicates = outermost([inner, cross, outer, same])
    assert kept == [outer] and sorted(d.id for d in dropped) == sorted([inner.id, cross.id]) and duplicates == 1
    kept, dropped, _ = outermost([span(0, 3), span(3, 6)])
    assert len(kept) == 2 and not dropped  # touching is not overlapping


def test_iob_tags_and_tag_names():
    text = "الباغوز فوقاني في دير الزور"
    tokens = segment(text, [])
    tags = iob_tags(tokens, [span(0, 14), span(text.index("دير"), len(text), "ACTOR")])
    assert tags == ["B-PLACE", "I-PLACE", "O", "B-ACTOR", "I-ACTOR"]
    assert tag_names(["ACTOR", "PLACE"]) == ["O", "B-ACTOR", "I-ACTOR", "B-PLACE", "I-PLACE"]


ALPHABET = st.sampled_from(list("وبلكفالباغوزدير قتل") + ["ُ", "َ", "ـ", "٢", "3", "،", ".", "😀", "\n", "  ", "A", "-"])


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Annotation]]:
    text = "".join(draw(st.lists(ALPHABET, min_size=1, max_size=40)))
    if not text.strip():
        text += "ب"
    bounds = st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda p: p[0] < p[1])
    pairs = draw(st.lists(bounds, max_size=6))
    labels = draw(st.lists(st.sampled_from(["ACTOR", "PLACE"]), min_size=len(pairs), max_size=len(pairs)))
    return text, [span(s, e, label, ident=f"s{i}") for i, ((s, e), label) in enumerate(zip(pairs, labels, strict=True))]


@settings(max_examples=300, deadline=None)
@given(text_and_spans(), st.booleans())
def test_tokens_cover_the_text_and_no_span_edge_falls_inside_a_token(case, split_clitics):
    text, spans = case
    evidence = CliticEvidence.collect([text], [text]) if split_clitics else None
    tokens = segment(text, spans, clitics=evidence)
    assert all(text[t.start : t.end] == t.text and t.text for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}
    for s in spans:
        assert not any(t.start < s.start < t.end or t.start < s.end < t.end for t in tokens)
    # the IOB tags read back (seqeval) as exactly the kept spans' tokens
    kept, dropped, duplicates = outermost(spans)
    assert len(kept) + len(dropped) + duplicates == len(spans)
    tags = iob_tags(tokens, kept)
    found = {(label, tokens[a].start, tokens[b].end) for label, a, b in get_entities(tags)}
    expected = set()
    for s in kept:
        inside = [t for t in tokens if s.start <= t.start and t.end <= s.end]
        if inside:
            expected.add((s.label, inside[0].start, inside[-1].end))
    assert found == expected
