"""The search index's text and the near-duplicate shingles, for any text (hypothesis)."""

from __future__ import annotations

import re
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.index import digest, match_query, searchable, shingles
from annotator.text import normalize, proclitic_candidates

# Arabic letters (proclitic ones among them), tashkeel, tatweel, digits of both kinds, Latin,
# punctuation, every kind of space a pasted article brings, and a character outside the BMP.
PIECES = list("وبلكفسالباغوزديرهجينقتل") + ["ـ", "َ", "ّ", "ٌ", "٣", "4", "a", "_", ".", "،", "(", "😀"]
SPACES = [" ", "\n", "\t", "\u00a0", "\u2028", "\x1c"]
texts = st.lists(st.sampled_from(PIECES + SPACES), max_size=60).map("".join)


def _fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE search USING fts5(body, content='', tokenize='ascii')")
    return conn


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_word_of_a_text_is_found_as_written(text: str) -> None:
    conn = _fts()
    conn.execute("INSERT INTO search(rowid, body) VALUES (1, ?)", (searchable(text),))
    for word in text.split():
        query = match_query(word)
        if query is None or not re.search(r"[^\W_]", normalize(word)):
            continue  # punctuation alone is no word: nothing to find
        assert conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (query,)).fetchall() == [(1,)], word


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_stored_search_text_is_each_token_followed_by_its_bare_forms(text: str) -> None:
    """The index's tokenizer only splits at spaces: every term is worked out here."""
    expected = []
    for token in re.findall(r"[^\W_]+", normalize(text).lower()):
        expected += [token, *(token[length:] for length in proclitic_candidates(token))]
    assert searchable(text).split() == expected
    assert digest(text, text).search_body == searchable(text)


def test_latin_words_are_found_whatever_their_case_and_accents() -> None:
    conn = _fts()
    conn.execute("INSERT INTO search(rowid, body) VALUES (1, ?)", (searchable("قال مراسل Le Monde في Café Ñandú"),))
    for query in ("le monde", "LE MONDE", "cafe", "CAFÉ", "nandu"):
        assert conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (match_query(query),)).fetchall() == [(1,)]


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(SPACES))
def test_shingles_see_only_the_words_in_order(text: str, space: str) -> None:
    """Line breaks, kinds of space and pieces without a letter or digit do not change a sketch."""
    words = [piece for piece in normalize(text).split() if re.search(r"[^\W_]", piece)]
    assert shingles(text) == shingles(space.join(words))
    assert digest("", text).sketch == sorted(shingles(text))[:16]
