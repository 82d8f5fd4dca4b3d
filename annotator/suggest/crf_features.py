"""The features the learned recommender reads each word by, and its word-level tags.

A name the project has never listed still looks like one: it follows a cue
(بلدة، قرية، مدينة، قوات، ميليشيا، حركة), it carries the article after a
proclitic (بالخرطوم), it stands next to a word the gazetteer knows, its
neighbours are the verbs and prepositions names sit between (في، قرب، شنت). The
features say all that for a conditional random field (python-crfsuite): the
word, its bare form after proclitics and ال, prefixes and suffixes, the words
around it, gazetteer hits, digits, and whether punctuation or a bracket stands
before it.

Tags are per word: ``O``, ``I-LABEL`` inside a span, and ``B-LABEL`` at its start, or
``Bn-LABEL`` when the span starts ``n`` letters into the word, after a proclitic
the coder left out (ب|الخرطوم is ``B1-PLACE``): the tagger learns where spans
start inside a word from the coders' own choices.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates

OUTSIDE = "O"
MAX_CLITIC = 3  # letters a span may start into its first word


@lru_cache(maxsize=65536)
def bare(word: str) -> str:
    """The normalised word without its longest proclitic and article: وبالخرطوم → خرطوم."""
    form = normalize(word)
    for length in reversed(proclitic_candidates(word)):
        rest = normalize(word[length:])
        if len(rest) >= 2:
            form = rest
            break
    if form.startswith("ال") and len(form) > 3:
        form = form[2:]
    return form


@lru_cache(maxsize=65536)
def _normal(word: str) -> str:
    return normalize(word)


def gazetteer_tags(words: list[Word], found: Iterable[Suggestion]) -> list[str]:
    """Per word, ``B-LABEL``/``I-LABEL`` where a gazetteer (or memory) match covers it, else ``O``."""
    tags = [OUTSIDE] * len(words)
    ends = [w.end for w in words]
    for suggestion in found:
        i = bisect_right(ends, suggestion.start)  # the first word ending after the span's start
        first = True
        while i < len(words) and words[i].start < suggestion.end:
            tags[i] = ("B-" if first else "I-") + suggestion.label
            first = False
            i += 1
    return tags


def word_features(text: str, words: list[Word], gazetteer: list[str]) -> list[list[str]]:
    """The features of each word of ``text`` (``gazetteer`` from :func:`gazetteer_tags`)."""
    normal = [_normal(w.text) for w in words]
    bares = [bare(w.text) for w in words]
    out: list[list[str]] = []
    for i, word in enumerate(words):
        form, root = normal[i], bares[i]
        before = text[words[i - 1].end : word.start] if i else "\n"
        features = [
            "bias",
            f"w={form}",
            f"b={root}",
            f"p2={root[:2]}",
            f"p3={root[:3]}",
            f"s2={root[-2:]}",
            f"s3={root[-3:]}",
            f"al={form.startswith('ال') or root != form}",
            f"clitic={len(form) - len(root)}",
            f"gaz={gazetteer[i]}",
            f"space={word.follows_space}",
        ]
        if any(c.isdigit() for c in word.text):
            features.append("digit")
        if "(" in before or "«" in before or '"' in before:
            features.append("opens")
        if any(c in ".،,:؛!?؟\n" for c in before):
            features.append("after_punct")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                features.append(f"{offset}:b={bares[j]}")
                features.append(f"{offset}:gaz={gazetteer[j]}")
            else:
                features.append(f"{offset}:edge")
        if i:
            features.append(f"-1:b|b={bares[i - 1]}|{root}")
        out.append(features)
    return out


def span_tags(words: list[Word], spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """The training tags of ``words`` for the coder's ``(label, start, end)`` spans."""
    tags = [OUTSIDE] * len(words)
    for label, start, end in spans:
        first = True
        for i, word in enumerate(words):
            if word.end <= start or word.start >= end:
                continue
            if first:
                offset = max(0, start - word.start)
                tags[i] = (f"B{offset}-" if 0 < offset <= MAX_CLITIC else "B-") + label
                first = False
            else:
                tags[i] = "I-" + label
    return tags


def spans_from_tags(words: list[Word], tags: list[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` of the spans a tag sequence marks; an ``I`` tag joins the span of the
    word right before it only when that word is in a span of its label and only spaces come between."""
    out: list[tuple[str, int, int]] = []
    open_label = ""  # the label of the span the previous word ends, if any
    for word, tag in zip(words, tags, strict=True):
        if tag == OUTSIDE:
            open_label = ""
            continue
        head, _, label = tag.partition("-")
        if head == "I" and open_label == label and word.follows_space:
            out[-1] = (label, out[-1][1], word.end)
            continue
        offset = int(head[1:]) if head[1:].isdigit() else 0
        out.append((label, word.start + (offset if offset < len(word.text) else 0), word.end))
        open_label = label
    return out
