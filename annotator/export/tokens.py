"""Tokens for the token-level exports (CoNLL, Hugging Face, spaCy), cut so no span is lost.

Tokens come from :func:`annotator.text.tokenize` (punctuation kept, code-point
offsets), so every token maps back to the stored text. A span may begin or end
inside such a token: a coder who left the conjunction out of و|الباغوز or
و|28 tagged only part of a word. One IOB tag per token cannot say that, so the
token is cut at every span edge that falls inside it. ``--split-clitics`` also
cuts proclitics where :func:`annotator.text.proclitic_cuts` finds evidence,
so that the same word is cut the same way whether or not it was tagged.

One IOB column holds no overlapping spans: :func:`outermost` keeps the widest
and the caller counts what it left out.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.models import Annotation
from annotator.text import Token, normalize, proclitic_cuts, tokenize

SENTENCE_ENDS = frozenset({".", "!", "?", "؟", "…", "۔"})
EXAMPLES_KEPT = 8


@dataclass(frozen=True)
class CliticEvidence:
    """What :func:`annotator.text.proclitic_cuts` may rely on: names and words seen in the export."""

    known: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()
    _memo: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def cuts(self, word: str) -> list[int]:
        """:func:`annotator.text.proclitic_cuts` of ``word``, remembered: a corpus repeats its words."""
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = proclitic_cuts(word, self.known, self.vocabulary)
        return found

    @classmethod
    def collect(cls, texts: Iterable[str], span_texts: Iterable[str]) -> CliticEvidence:
        """Normalised words of every exported text (vocabulary) and of every span (names)."""
        vocabulary = {normalize(t.text) for text in texts for t in tokenize(text) if t.is_word}
        known = {normalize(word) for span_text in span_texts for word in span_text.split()}
        return cls(frozenset(known), frozenset(vocabulary))


@dataclass
class TokenStats:
    """What tokenisation did across an export, for the README and the command line's notes."""

    tokens: int = 0
    cut_at_span_edges: int = 0
    cut_clitics: int = 0
    examples: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    dropped_in_label_columns: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    no_token: int = 0

    def example(self, pieces: Sequence[str]) -> None:
        shown = "|".join(pieces)
        if len(self.examples) < EXAMPLES_KEPT and shown not in self.examples:
            self.examples.append(shown)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())


def segment(
    text: str,
    spans: Iterable[Annotation],
    *,
    clitics: CliticEvidence | None = None,
    stats: TokenStats | None = None,
) -> list[Token]:
    """Tokens of ``text`` with a cut at every span edge inside a token (and at proclitics if asked).

    Every returned token satisfies ``text[t.start:t.end] == t.text``, and no span
    edge falls strictly inside a token.
    """
    stats = stats if stats is not None else TokenStats()
    edges = sorted({edge for span in spans for edge in (span.start, span.end)})
    out: list[Token] = []
    for token in tokenize(text):
        low = bisect.bisect_right(edges, token.start)
        high = bisect.bisect_left(edges, token.end)
        span_cuts = set(edges[low:high])
        clitic_cuts: set[int] = set()
        if clitics is not None and token.is_word:
            clitic_cuts = {token.start + cut for cut in clitics.cuts(token.text)}
        cuts = sorted(span_cuts | clitic_cuts)
        if not cuts:
            out.append(token)
            continue
        if span_cuts - clitic_cuts:
            stats.cut_at_span_edges += 1
        if clitic_cuts:
            stats.cut_clitics += 1
        bounds = [token.start, *cuts, token.end]
        pieces = [Token(text[a:b], a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
        if span_cuts - clitic_cuts:
            stats.example([p.text for p in pieces])
        out.extend(pieces)
    stats.tokens += len(out)
    return out


def token_range(tokens: Sequence[Token], starts: Sequence[int], start: int, end: int) -> range:
    """Indices of the tokens inside ``[start, end)``; ``starts`` is ``[t.start for t in tokens]``."""
    first = bisect.bisect_left(starts, start)
    last = first
    while last < len(tokens) and tokens[last].end <= end:
        last += 1
    return range(first, last)


def sentences(text: str, tokens: Sequence[Token], spans: Iterable[Annotation]) -> list[range]:
    """Token index ranges of sentences: after . ! ? ؟ … and at line breaks, never inside a span."""
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    joined = [False] * len(tokens)  # joined[i]: tokens i and i + 1 must stay in one sentence
    for span in spans:
        inside = token_range(tokens, starts, span.start, span.end)
        for i in inside[:-1]:
            joined[i] = True
    out: list[range] = []
    begin = 0
    for i in range(len(tokens) - 1):
        if joined[i]:
            continue
        ends_here = tokens[i].text in SENTENCE_ENDS and tokens[i + 1].text not in SENTENCE_ENDS
        if ends_here or "\n" in text[tokens[i].end : tokens[i + 1].start]:
            out.append(range(begin, i + 1))
            begin = i + 1
    out.append(range(begin, len(tokens)))
    return out


def outermost(spans: Iterable[Annotation]) -> tuple[list[Annotation], list[Annotation], int]:
    """Split spans into ones that fit one IOB column and ones that do not.

    Wider spans win (so a nested span gives way to the one around it; of two
    crossing spans the wider, then the earlier, stays). Returns ``(kept,
    dropped, duplicates)``: an exact repeat (same label and offsets) is neither
    kept nor counted as dropped, it is the same information.
    """
    order = sorted(spans, key=lambda a: (a.start - a.end, a.start, a.label, a.coder, a.id))
    kept_starts: list[int] = []
    kept: list[Annotation] = []
    dropped: list[Annotation] = []
    seen: set[tuple[str, int, int]] = set()
    duplicates = 0
    for span in order:
        signature = (span.label, span.start, span.end)
        if signature in seen:
            duplicates += 1
            continue
        position = bisect.bisect_right(kept_starts, span.start)
        before = kept[position - 1] if position else None
        after = kept[position] if position < len(kept) else None
        seen.add(signature)
        if (before is not None and before.end > span.start) or (after is not None and after.start < span.end):
            dropped.append(span)
            continue
        kept_starts.insert(position, span.start)
        kept.insert(position, span)
    return kept, dropped, duplicates


def iob_tags(tokens: Sequence[Token], spans: Iterable[Annotation], stats: TokenStats | None = None) -> list[str]:
    """IOB2 tags of ``tokens`` for non-overlapping ``spans`` (see :func:`outermost`)."""
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for span in spans:
        inside = token_range(tokens, starts, span.start, span.end)
        if not inside:
            if stats is not None:
                stats.no_token += 1  # a span of spaces only: no token to tag
            continue
        tags[inside[0]] = f"B-{span.label}"
        for i in inside[1:]:
            tags[i] = f"I-{span.label}"
    return tags


def tag_names(labels: Sequence[str]) -> list[str]:
    """The tag list, ``O`` first then ``B-``/``I-`` per label in codebook order: ids stay stable."""
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


@dataclass
class TaggedDocument:
    """A document ready for a token-level format."""

    key: str
    text: str
    tokens: list[Token]
    tags: list[str]
    columns: dict[str, list[str]]
    sentences: list[range]
    spans: list[Annotation]
    entities: list[Annotation]


def tag_document(
    key: str,
    text: str,
    spans: list[Annotation],
    *,
    labels: Sequence[str],
    per_label: bool,
    clitics: CliticEvidence | None,
    stats: TokenStats,
) -> TaggedDocument:
    """Cut, tag and sentence-split one document, counting in ``stats`` what one column left out."""
    tokens = segment(text, spans, clitics=clitics, stats=stats)
    kept, dropped, duplicates = outermost(spans)
    stats.duplicates += duplicates
    for span in dropped:
        stats.dropped[span.label] = stats.dropped.get(span.label, 0) + 1
    tags = iob_tags(tokens, kept, stats)
    columns: dict[str, list[str]] = {}
    if per_label:
        for label in labels:
            own, inner, _ = outermost(s for s in spans if s.label == label)
            if inner:
                stats.dropped_in_label_columns[label] = stats.dropped_in_label_columns.get(label, 0) + len(inner)
            columns[label] = iob_tags(tokens, own)
    return TaggedDocument(key, text, tokens, tags, columns, sentences(text, tokens, spans), spans, kept)


def notes_for(
    stats: TokenStats,
    *,
    per_label: bool,
    combined: bool = True,
    target: str = "the IOB tags",
    hint: str | None = None,
) -> list[str]:
    """One line per thing a user of a token-level export must know.

    ``combined``: the one-column tags were written (all but ``conll --layer-per-label``);
    ``per_label``: the per-label columns were written.
    """
    notes: list[str] = []
    if stats.cut_at_span_edges:
        shown = ", ".join(stats.examples[:3])
        notes.append(f"{stats.cut_at_span_edges} token(s) were cut where a span edge falls inside them (e.g. {shown})")
    if stats.cut_clitics:
        notes.append(f"{stats.cut_clitics} word(s) had their proclitics cut off as tokens (--split-clitics)")
    if combined and stats.dropped_total:
        parts = ", ".join(f"{label} {count}" for label, count in sorted(stats.dropped.items()))
        if hint is None:
            hint = "" if per_label else "; --layer-per-label writes one column per label"
        notes.append(
            f"{stats.dropped_total} overlapping inner span(s) left out of {target} ({parts}): "
            f"one span per token, the outermost wins{hint}"
        )
    within = sum(stats.dropped_in_label_columns.values())
    if per_label and within:
        parts = ", ".join(f"{label} {count}" for label, count in sorted(stats.dropped_in_label_columns.items()))
        notes.append(
            f"{within} span(s) nested in or crossing a span of the same label left out of that label's column ({parts})"
        )
    if stats.duplicates:
        notes.append(f"{stats.duplicates} exact duplicate span(s) (same label and offsets) tagged once")
    if stats.no_token:
        notes.append(f"{stats.no_token} span(s) cover only spaces and have no token to tag")
    return notes
