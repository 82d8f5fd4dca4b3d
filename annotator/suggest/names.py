"""Finding known names (places, actors) in a text, however it spells them.

Both the gazetteer and the project's memory look for multi-word names such as
دير الزور in articles that write بدير الزور، دِير الزّور، ديـر الزور or
#دير_الزور. Words are compared normalised (:func:`annotator.text.normalize`);
a proclitic on the first word is left out of the span only when the rest is
the known name (:func:`annotator.text.proclitic_candidates`, the one clitic
rule), so لبنان stays لبنان while ولبنان gives لبنان.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates, tokenize

_END = ""  # trie key marking that a name ends here


@dataclass(frozen=True)
class Word:
    """A word of the text with its offsets; hashtag words are split at ``_``."""

    text: str
    start: int
    end: int
    follows_space: bool  # only whitespace between this word and the one before


def words_of(text: str) -> list[Word]:
    """The words of ``text``, each flagged when only whitespace separates it from the previous one."""
    out: list[Word] = []
    previous_end: int | None = None
    for token in tokenize(text):
        if not token.is_word:
            previous_end = None
            continue
        parts = (
            [(0, token.text)]
            if "_" not in token.text
            else [(m.start(), m.group()) for m in re.finditer(r"[^_]+", token.text)]
        )
        for offset, part in parts:
            start = token.start + offset
            joined = previous_end is not None and (
                start == previous_end + 1 and text[previous_end] == "_" or (not text[previous_end:start].strip())
            )
            out.append(Word(part, start, start + len(part), joined))
            previous_end = start + len(part)
    return out


def name_key(name: str) -> tuple[str, ...]:
    """The normalised words of a name, the form names are compared in."""
    return tuple(normalize(w.text) for w in words_of(name))


@dataclass
class NameMatcher:
    """Known names, each with the label and attributes a match is suggested with."""

    source: str
    _trie: dict[str, Any] = field(default_factory=dict)
    size: int = 0

    def add(self, name: str, label: str, attrs: dict[str, Any]) -> None:
        """Register ``name``; a name added again keeps its first label and attributes."""
        key = name_key(name)
        if not key:
            return
        node = self._trie
        for word in key:
            node = node.setdefault(word, {})
        if _END not in node:
            node[_END] = (label, dict(attrs))
            self.size += 1

    def find(self, text: str, words: list[Word] | None = None) -> list[Suggestion]:
        """Every known name in ``text``, longest first, left to right, never overlapping.

        ``words`` (``words_of(text)``) saves splitting the text again.
        """
        words = words_of(text) if words is None else words
        if not self._trie:
            return []
        out: list[Suggestion] = []
        i = 0
        while i < len(words):
            best: tuple[int, int, int, tuple[str, dict[str, Any]]] | None = None  # (-words, offset, end, payload)
            for offset in (0, *proclitic_candidates(words[i].text)):
                node = self._trie.get(normalize(words[i].text[offset:]))
                j = i
                while node is not None:
                    if _END in node:
                        candidate = (-(j - i + 1), offset, j, node[_END])
                        if best is None or candidate[:2] < best[:2]:
                            best = candidate
                    j += 1
                    if j >= len(words) or not words[j].follows_space:
                        break
                    following = normalize(words[j].text)
                    # a lone tatweel normalises to nothing, the key that marks a name's end
                    node = node.get(following) if following else None
            if best is None:
                i += 1
                continue
            _, offset, last, (label, attrs) = best
            out.append(Suggestion(label, words[i].start + offset, words[last].end, dict(attrs), self.source))
            i = last + 1
        return out
