"""Search and near-duplicate detection, both on normalised text.

SQLite's FTS5 does not match قُتِلَ to قتل or بغـــداد to بغداد, and not دير to
بدير, so the index holds terms worked out here: each word of the normalised text,
case-folded and without accents, followed by its bare forms when it starts with a proclitic. FTS5's
``ascii`` tokenizer then only splits them at spaces, rather than its ``unicode61`` tokenizer
finding the words a second time.

Near-duplicates (the same report from two outlets) are found by MinHash with LSH banding
(:mod:`annotator.store.near_duplicates`): each document's signature is cut into bands, and a
document is compared only with the latest few that share a band with it, from their stored
signatures and shingle sets. Its cost is the same however large the project, and however
much boilerplate its documents share.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zlib
from dataclasses import dataclass
from operator import itemgetter

from annotator.store.near_duplicates import (
    SCHEME,
    RecentBands,
    band_keys,
    find_and_record_duplicates,
    packed,
    signature,
    store_signature,
)
from annotator.text import PROCLITICS, normalize, proclitic_candidates, text_sha256

_SHINGLE = 3
# A word is a whitespace-separated run holding a letter or a digit (punctuation alone is no word);
# the search index holds its runs of letters and digits (its tokens).
_TOKEN = re.compile(r"[^\W_]+")
_CLITIC_LETTERS = frozenset(clitic[0] for clitic in PROCLITICS)
_TERMS_PER_WORD = 1 + len({len(clitic) for clitic in PROCLITICS})  # a word and its bare forms, at most
# Pieces remembered by the cache below before it starts afresh: some 80 MB in each worker.
_CACHE_LIMIT = 1 << 18

# Shingles hash three word hashes as a tuple of ints: hashing ints is the same in every run
# (only str hashes are salted), and it stays in C. The scheme's name carries a sample hash, so
# a Python whose tuple hash differs is noticed and the stored signatures are rebuilt.
SKETCH_SCHEME = SCHEME
# How the search index's terms are made (:func:`searchable`); a file with another is re-indexed.
SEARCH_SCHEME = "terms-ascii-automerge16"


class _WordCache(dict[str, tuple[int | None, str]]):
    """What the index needs of each whitespace-separated piece of normalised text, remembered
    (news vocabulary repeats) up to a bound: its CRC for shingles (None when it is no word)
    and its search terms (:func:`_search_terms`).

    One lookup per piece serves both the sketch and the search index: a document is split
    once, and most of its pieces are found here without any Python of ours running.
    """

    def __missing__(self, piece: str) -> tuple[int | None, str]:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        folded = _fold(piece)
        # Most pieces are one token (letters and digits only): no regex for them.
        tokens = [folded] if folded.isalnum() else _TOKEN.findall(folded)
        crc = zlib.crc32(piece.encode()) if piece.isalnum() or _TOKEN.search(piece) else None
        value = self[piece] = (crc, " ".join(_search_terms(tokens)))
        return value


_WORDS = _WordCache()
_CRC, _TERMS = itemgetter(0), itemgetter(1)


def _pieces(text: str) -> list[tuple[int | None, str]]:
    """What the cache holds for each whitespace-separated piece of the normalised text."""
    return list(map(_WORDS.__getitem__, normalize(text).split()))


def _search_terms(tokens: list[str]) -> list[str]:
    """Each token, then its bare forms when it may start with a proclitic."""
    terms = []
    for token in tokens:
        terms.append(token)
        if token[0] in _CLITIC_LETTERS:
            terms += [token[length:] for length in proclitic_candidates(token)]
    return terms


def _fold(text: str) -> str:
    """Case folded, compatibility forms split, combining marks dropped, in every script.

    What FTS5's unicode61 tokenizer did with ``remove_diacritics`` when it read the text
    itself, done here: Ḥamāh finds hamah, İstanbul istanbul, Müller typed with a separate
    umlaut (NFD) the Müller stored with one (NFC), and ﻻ finds لا.
    """
    folded = text.casefold()
    if not folded.isascii():
        if not unicodedata.is_normalized("NFKD", folded):
            folded = unicodedata.normalize("NFKD", folded)
        if not folded.isalnum():  # punctuation, or marks: drop the marks
            folded = "".join(c for c in folded if not unicodedata.combining(c))
    return text if folded == text else folded  # one copy of an Arabic word in the cache, not two


def searchable(text: str) -> str:
    """The normalised terms of ``text`` stored in the search index, separated by spaces."""
    return " ".join(map(_TERMS, _pieces(text)))


def match_query(query: str) -> str | None:
    """An FTS5 query for the words of ``query``, near each other, normalised like the index.

    A query word that may carry a proclitic is looked up by its barest form, which the
    index holds for every spelling: بدير الزور then finds دير الزور and والباغوز finds
    الباغوز, as the index already let دير find بدير.
    """
    return _near([_barest(token) for token in _TOKEN.findall(_fold(normalize(query)))])


def match_query_unicode61(query: str) -> str | None:
    """The query for a search index built by FTS5's unicode61 tokenizer (search scheme 1),
    which a file keeps until it is first opened for writing, since a lead reads coders'
    files read-only: that index holds each whitespace-separated piece as unicode61 found
    its words, and the bare forms only of a piece that starts with a proclitic."""
    return _near([_barest(piece.replace('"', "")) for piece in normalize(query).split()])


def _near(words: list[str]) -> str | None:
    """The words near each other. In the index a word of the text may stand with two bare
    forms after it (وبدار بدار دار), so consecutive words of the text are up to three terms
    apart; two more words may come between (NEAR counts every term between the first and
    the last). A phrase copied from an article is then always found."""
    words = [word for word in words if word]
    if not words:
        return None
    quoted = " ".join(f'"{w}"' for w in words)
    return quoted if len(words) == 1 else f"NEAR({quoted}, {_TERMS_PER_WORD * (len(words) - 1) + 2})"


def _barest(word: str) -> str:
    lengths = proclitic_candidates(word)
    return word[lengths[-1]:] if lengths else word


@dataclass(frozen=True)
class DocumentDigest:
    """What a document's text gives the project's indexes, worked out without the project.

    An import works these out in worker processes while the writer writes
    (:mod:`annotator.importing.workers`), so they carry nothing that needs the file.
    """

    sha256: str
    search_title: str
    search_body: str
    minhash: bytes  # the signature (annotator.store.near_duplicates), packed
    bands: list[int]  # its band keys
    shingles: bytes  # the shingle set, packed: candidates are checked on it, never on the text


def digest(title: str, text: str) -> DocumentDigest:
    """Hash, search forms and near-duplicate signature of a document; the text is normalised once."""
    pieces = _pieces(text)
    shingle_set = _shingles_of(pieces)
    values = signature(shingle_set)
    return DocumentDigest(
        sha256=text_sha256(text),
        search_title=searchable(title),
        search_body=" ".join(map(_TERMS, pieces)),
        minhash=packed(values),
        bands=band_keys(values),
        shingles=packed(shingle_set),
    )


def index_document(
    conn: sqlite3.Connection, doc_id: int, digested: DocumentDigest, recent: RecentBands | None = None
) -> list[tuple[int, float]]:
    """Index a new document for search and record which earlier documents it nearly repeats
    (found in ``recent`` when given: it holds every document of the project).

    Returns ``(other_id, similarity)`` pairs, most similar first.
    """
    conn.execute(
        "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)",
        (doc_id, digested.search_title, digested.search_body),
    )
    return find_and_record_duplicates(conn, doc_id, digested.minhash, digested.bands, digested.shingles, recent)


def shingles(text: str) -> set[int]:
    return _shingles_of(_pieces(text))


def _shingles_of(pieces: list[tuple[int | None, str]]) -> set[int]:
    hashes = [crc for crc in map(_CRC, pieces) if crc is not None]
    if len(hashes) < _SHINGLE:
        return {hash(tuple(hashes))}
    return set(map(hash, zip(hashes, hashes[1:], hashes[2:], strict=False)))


def rebuild_search(conn: sqlite3.Connection, search_table: tuple[str, ...]) -> None:
    """Index every document again under :data:`SEARCH_SCHEME`, in a table made by the
    ``search_table`` statements (a file from an older version, whose index found words itself)."""
    conn.execute("DROP TABLE search")
    for statement in search_table:
        conn.execute(statement)
    for doc_id, title, text in conn.execute("SELECT id, title, text FROM documents ORDER BY id"):
        conn.execute(
            "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)", (doc_id, searchable(title), searchable(text))
        )
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('search_scheme', ?)", (SEARCH_SCHEME,))


def rebuild_sketches(conn: sqlite3.Connection) -> None:
    """Make every document's near-duplicate signature and bands again under :data:`SKETCH_SCHEME`
    (a file from an older version or another Python). Derived data: nothing a coder made is touched,
    and the pairs already found stay."""
    conn.execute("DELETE FROM signatures")
    conn.execute("DELETE FROM bands")
    for doc_id, text in conn.execute("SELECT id, text FROM documents ORDER BY id"):
        shingle_set = shingles(text)
        values = signature(shingle_set)
        store_signature(conn, doc_id, packed(values), band_keys(values), packed(shingle_set))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sketch_scheme', ?)", (SKETCH_SCHEME,))
