"""Search and near-duplicate detection, both on normalised text.

SQLite's FTS5 does not match قُتِلَ to قتل or بغـــداد to بغداد, and not دير to
بدير, so the index holds terms worked out here: each word of the normalised text,
case-folded and without accents, followed by its bare forms when it starts with a proclitic. FTS5's
``ascii`` tokenizer then only splits them at spaces, rather than its ``unicode61`` tokenizer
finding the words a second time.

Near-duplicates (the same report from two outlets) are found with a bottom-k
sketch of word 3-gram shingles: a few hashes per document in an indexed table,
so checking a new document costs one indexed query however large the project.
"""

from __future__ import annotations

import heapq
import re
import sqlite3
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from annotator.text import PROCLITICS, normalize, proclitic_candidates, text_sha256

SKETCH_SIZE = 16
CANDIDATE_SHARED = 3  # sketch hashes two documents must share to be compared in full
# Compared in full at most: the candidates sharing most of the sketch. Bounds the cost of a
# document in a corpus of look-alike texts (templated bulletins) instead of growing with it.
MAX_CANDIDATES = 5
PER_HASH = 64  # earlier documents looked at per sketch hash, newest first
# Below this estimate from the sketches, a candidate is not compared in full: at 16 hashes the
# estimate's error is about 0.12, so a true near-duplicate (0.5 and up) is almost never missed.
ESTIMATE_FLOOR = 0.25
DUPLICATE_SIMILARITY = 0.5  # Jaccard of shingle sets above which two documents are near-duplicates
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
# a Python whose tuple hash differs is noticed and the stored sketches are rebuilt.
SKETCH_SCHEME = f"words3-crc32-tuple:{hash((1, 2, 3))}"
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
    sketch: list[int]


def digest(title: str, text: str) -> DocumentDigest:
    """Hash, search forms and sketch of a document; the text is normalised once for all three."""
    pieces = _pieces(text)
    return DocumentDigest(
        sha256=text_sha256(text),
        search_title=searchable(title),
        search_body=" ".join(map(_TERMS, pieces)),
        sketch=sketch(_shingles_of(pieces)),
    )


def index_document(conn: sqlite3.Connection, doc_id: int, text: str, digested: DocumentDigest) -> list[tuple[int, float]]:
    """Index a new document for search and record which earlier documents it nearly repeats.

    Returns ``(other_id, similarity)`` pairs, most similar first.
    """
    conn.execute(
        "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)",
        (doc_id, digested.search_title, digested.search_body),
    )
    return find_and_record_duplicates(conn, doc_id, text, digested.sketch)


def shingles(text: str) -> set[int]:
    return _shingles_of(_pieces(text))


def _shingles_of(pieces: list[tuple[int | None, str]]) -> set[int]:
    hashes = [crc for crc in map(_CRC, pieces) if crc is not None]
    if len(hashes) < _SHINGLE:
        return {hash(tuple(hashes))}
    return set(map(hash, zip(hashes, hashes[1:], hashes[2:], strict=False)))


def sketch(shingle_set: set[int]) -> list[int]:
    return heapq.nsmallest(SKETCH_SIZE, shingle_set)


def estimated_jaccard(own: list[int], theirs: set[int]) -> float:
    """Jaccard similarity estimated from two bottom-k sketches: of the k smallest hashes of the
    union, the share both documents hold."""
    union = heapq.nsmallest(SKETCH_SIZE, set(own) | theirs)
    mine = set(own)
    return sum(1 for h in union if h in mine and h in theirs) / len(union) if union else 0.0


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def find_and_record_duplicates(
    conn: sqlite3.Connection, doc_id: int, text: str, hashes: list[int]
) -> list[tuple[int, float]]:
    """Store a new document's sketch and record the earlier documents it nearly repeats.

    The full shingle sets are built only for a candidate the sketches bring up, so the
    many documents that repeat nothing never build theirs here.
    """
    found: list[tuple[int, float]] = []
    if hashes:
        # Per hash, only the latest documents that share it: a story reprinted thousands of
        # times must not make each new copy read every earlier one (a GROUP BY over all of
        # them grew with the square of the archive).
        shared = Counter(row[0] for row in conn.execute(_latest_sharing(len(hashes)), hashes))
        needed = min(CANDIDATE_SHARED, len(hashes))
        candidates = sorted((other for other, n in shared.items() if n >= needed and other != doc_id),
                            key=lambda other: (-shared[other], other))[:MAX_CANDIDATES]
        own: set[int] | None = None
        for other_id in candidates:
            theirs = {row[0] for row in conn.execute("SELECT hash FROM sketches WHERE doc_id = ?", (other_id,))}
            if estimated_jaccard(hashes, theirs) < ESTIMATE_FLOOR:
                continue  # the sketches alone say they are far apart: skip reading the other text
            other_text = conn.execute("SELECT text FROM documents WHERE id = ?", (other_id,)).fetchone()[0]
            own = own if own is not None else shingles(text)
            similarity = jaccard(own, shingles(other_text))
            if similarity >= DUPLICATE_SIMILARITY:
                found.append((other_id, round(similarity, 4)))
        conn.executemany("INSERT INTO sketches(hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in hashes])
    if found:
        conn.executemany(
            "INSERT OR IGNORE INTO duplicates(doc_id, other_id, similarity) VALUES (?, ?, ?)",
            [(doc_id, other, sim) for other, sim in found],
        )
    return sorted(found, key=lambda pair: -pair[1])


@lru_cache(maxsize=SKETCH_SIZE + 1)
def _latest_sharing(count: int) -> str:
    """One statement for the newest documents sharing each of ``count`` hashes: one round trip, not 16."""
    one = f"SELECT doc_id FROM (SELECT doc_id FROM sketches WHERE hash = ? ORDER BY doc_id DESC LIMIT {PER_HASH})"
    return " UNION ALL ".join([one] * count)


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
    """Sketch every document again under :data:`SKETCH_SCHEME` (a file from an older version or
    another Python). Sketches are derived data: nothing a coder made is touched."""
    conn.execute("DELETE FROM sketches")
    rows = conn.execute("SELECT id, text FROM documents ORDER BY id")
    for doc_id, text in rows:
        conn.executemany(
            "INSERT INTO sketches(hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in sketch(shingles(text))]
        )
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sketch_scheme', ?)", (SKETCH_SCHEME,))
