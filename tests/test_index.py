"""The search index's text and the near-duplicate shingles, for any text (hypothesis)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.store.index import digest, match_query, searchable, shingles
from annotator.store.near_duplicates import packed
from annotator.text import normalize

# Arabic letters (proclitic ones among them), tashkeel, tatweel, digits of both kinds, Latin with
# accents composed and apart (NFC, NFD), transliteration and Turkish letters, punctuation, every
# kind of space a pasted article brings, and a character outside the BMP.
PIECES = list("وبلكفسالباغوزديرهجينقتل") + ["ـ", "َ", "ّ", "ٌ", "\u08f0", "ﻻ", "٣", "4", "a", "A", "e", "é", "É",
                                          "M", "ü", "\u0301", "\u0308", "İ", "Ḥ", "ḥ", "ß", "_", ".", "،", "(", "😀"]
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
def test_search_terms_do_not_depend_on_case_or_on_how_accents_are_encoded(text: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert searchable(nfc) == searchable(nfd) == searchable(text.upper()) == searchable(text.lower())
    assert digest(text, text).search_body == searchable(text)


def test_latin_words_are_found_whatever_their_case_and_accents() -> None:
    conn = _fts()
    stored = "قال مراسل Le Monde في Café Ñandú عن Ḥamāh و al-Ḥasakah وİstanbul وMu\u0308ller وStraße"
    conn.execute("INSERT INTO search(rowid, body) VALUES (1, ?)", (searchable(stored),))
    queries = ["le monde", "LE MONDE", "cafe", "CAFÉ", "nandu", "hamah", "Hasakah", "istanbul", "İSTANBUL",
               "müller", "Mu\u0308ller", "muller", "strasse", "STRASSE"]
    for query in queries:
        assert conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (match_query(query),)).fetchall() == [(1,)], query


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(SPACES))
def test_shingles_see_only_the_words_in_order(text: str, space: str) -> None:
    """Line breaks, kinds of space and pieces without a letter or digit do not change a sketch."""
    words = [piece for piece in normalize(text).split() if re.search(r"[^\W_]", piece)]
    assert shingles(text) == shingles(space.join(words))
    assert digest("", text).shingles == packed(shingles(text))


CLITIC_WORDS = ["وبلدة", "فبيت", "وبدار", "فبحر", "والباغوز", "بدير", "الزور", "لبنان", "قُتِلَ", "54", "٢٣", "Café", "وMüller"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CLITIC_WORDS), min_size=1, max_size=12), st.data())
def test_any_phrase_copied_from_an_article_finds_it(words: list[str], data: st.DataObject) -> None:
    conn = _fts()
    conn.execute("INSERT INTO search(rowid, body) VALUES (1, ?)", (searchable(" ".join(words)),))
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    query = match_query(" ".join(words[start:end]))
    assert conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (query,)).fetchall() == [(1,)], query
