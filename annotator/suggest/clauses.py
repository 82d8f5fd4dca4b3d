"""An article read as the casualty reader needs it: tokens, sentences, clauses, and status words.

A status word counts for a number only within the number's clause: a comma
before a clause opener (، وإن، فيما) ends one (14 راكبا، وإن بين المصابين: the
injured are another figure's). Words are matched with :mod:`annotator.suggest.words`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from annotator.suggest import words as W
from annotator.text import Token, tokenize

STATUS_WINDOW = 10  # words either side of the number in which a status word counts
_SENTENCE_ENDS = frozenset(".!?؟؛…")
_COMMAS = frozenset("،,")


@dataclass
class Context:
    """An article's tokens, their sentences, and where each word sits among the words of its sentence."""

    text: str
    tokens: list[Token]
    starts: list[int]
    sentence: list[int]

    @classmethod
    def of(cls, text: str) -> Context:
        tokens = tokenize(text)
        sentence, current = [], 0
        for i, token in enumerate(tokens):
            if i and ("\n" in text[tokens[i - 1].end : token.start] or tokens[i - 1].text in _SENTENCE_ENDS):
                current += 1
            sentence.append(current)
        return cls(text, tokens, [t.start for t in tokens], sentence)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def words_after(self, index: int, limit: int) -> list[Token]:
        out: list[Token] = []
        i = index + 1
        while i < len(self.tokens) and self.sentence[i] == self.sentence[index] and len(out) < limit:
            if self.tokens[i].is_word:
                out.append(self.tokens[i])
            i += 1
        return out

    def adjacent_words_before(self, index: int, limit: int) -> list[Token]:
        """Word tokens right before token ``index`` with no punctuation between, nearest first."""
        out: list[Token] = []
        i = index - 1
        while i >= 0 and self.tokens[i].is_word and len(out) < limit:
            out.append(self.tokens[i])
            i -= 1
        return out

    def next_token(self, index: int) -> Token | None:
        return self.tokens[index + 1] if index + 1 < len(self.tokens) else None

    def breaks_clause(self, i: int) -> bool:
        """Whether token ``i`` ends a clause: a comma before a clause opener (، وإن، فيما)."""
        following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return (
            self.tokens[i].text in _COMMAS
            and following is not None
            and W.CLAUSE_OPENERS.matches_plain(following.text)
        )

    def clause(self, index: int) -> list[Token]:
        """The words of token ``index``'s clause: its sentence, cut where a comma comes before a
        clause opener (، وإن، فيما)."""
        s = self.sentence[index]
        lo = bisect.bisect_left(self.sentence, s)
        hi = bisect.bisect_right(self.sentence, s)
        start, end = lo, hi
        for i in range(lo, hi - 1):
            if self.breaks_clause(i):
                if i < index:
                    start = i + 1
                else:
                    end = i
                    break
        return [t for t in self.tokens[start:end] if t.is_word]


def clause_words(context: Context, index: int, step: int) -> list[Token]:
    """Up to :data:`STATUS_WINDOW` words from token ``index`` (not included) in direction ``step``,
    within its sentence and clause: a comma before a clause opener (، وإن، فيما) ends it."""
    out: list[Token] = []
    tokens, sentence = context.tokens, context.sentence[index]
    i = index + step
    while 0 <= i < len(tokens) and sentence == context.sentence[i] and len(out) < STATUS_WINDOW:
        token = tokens[i]
        if context.breaks_clause(i):
            break
        if token.is_word:
            out.append(token)
        i += step
    return out


def status_of(word: str) -> str | None:
    for status, wordlist in W.STATUS_WORDS.items():
        if wordlist.matches(word):
            return status
    return None


def counts_people(noun: Token | None) -> bool:
    if noun is None:
        return False
    return any(wl.matches(noun.text) for wl in (*W.VICTIM_WORDS.values(), W.PEOPLE_WORDS, *W.STATUS_WORDS.values()))
