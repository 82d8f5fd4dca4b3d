"""Search and near-duplicate detection, both on normalised text.

SQLite's FTS5 does not match قُتِلَ to قتل or بغـــداد to بغداد, and not دير to
بدير, so the index holds a normalised copy of each document in which every word
that starts with a proclitic is followed by its bare forms.

Near-duplicates (the same report from two outlets) are found with a bottom-k
sketch of word 3-gram shingles: a few hashes per document in an indexed table,
so checking a new document costs one indexed query however large the project.
"""

from __future__ import annotations

import heapq
import re
import sqlite3
import zlib
from collections import Counter
from functools import lru_cache

from annotator.text import normalize, proclitic_candidates

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
_HAS_WORD_CHARACTER = re.compile(r"[^\W_]").search  # a letter or a digit: punctuation alone is no word


def searchable(text: str) -> str:
    """The normalised form of ``text`` stored in the search index."""
    return _searchable_words(normalize(text).split())


def _searchable_words(words: list[str]) -> str:
    return " ".join(map(_forms, words))


@lru_cache(maxsize=1 << 16)
def _forms(word: str) -> str:
    """A word and its bare forms without proclitics; news vocabulary repeats, so cached."""
    return " ".join([word, *(word[length:] for length in proclitic_candidates(word))])


def match_query(query: str) -> str | None:
    """An FTS5 query for the words of ``query``, near each other, normalised like the index."""
    words = [w.replace('"', "") for w in normalize(query).split()]
    words = [w for w in words if w]
    if not words:
        return None
    quoted = " ".join(f'"{w}"' for w in words)
    return quoted if len(words) == 1 else f"NEAR({quoted}, {len(words) + 2})"


def index_document(conn: sqlite3.Connection, doc_id: int, title: str, text: str) -> list[tuple[int, float]]:
    """Index a new document for search and record which earlier documents it nearly repeats.

    The text is normalised once for both. Returns ``(other_id, similarity)`` pairs,
    most similar first.
    """
    words = normalize(text).split()
    conn.execute(
        "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)", (doc_id, searchable(title), _searchable_words(words))
    )
    return find_and_record_duplicates(conn, doc_id, _shingles_of(words))


def shingles(text: str) -> set[int]:
    return _shingles_of(normalize(text).split())


def _shingles_of(all_words: list[str]) -> set[int]:
    words = [w for w in all_words if _HAS_WORD_CHARACTER(w)]
    if len(words) < _SHINGLE:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i : i + _SHINGLE]).encode()) for i in range(len(words) - _SHINGLE + 1)}


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


def find_and_record_duplicates(conn: sqlite3.Connection, doc_id: int, own: set[int]) -> list[tuple[int, float]]:
    """Store the sketch of a new document's shingles and record the earlier documents it nearly repeats."""
    hashes = sketch(own)
    found: list[tuple[int, float]] = []
    if hashes:
        # Per hash, only the latest documents that share it: a story reprinted thousands of
        # times must not make each new copy read every earlier one (a GROUP BY over all of
        # them grew with the square of the archive).
        shared: Counter[int] = Counter()
        for value in hashes:
            shared.update(
                row[0]
                for row in conn.execute(
                    "SELECT doc_id FROM sketches WHERE hash = ? ORDER BY doc_id DESC LIMIT ?", (value, PER_HASH)
                )
            )
        needed = min(CANDIDATE_SHARED, len(hashes))
        candidates = sorted((other for other, n in shared.items() if n >= needed and other != doc_id),
                            key=lambda other: (-shared[other], other))[:MAX_CANDIDATES]
        for other_id in candidates:
            theirs = {row[0] for row in conn.execute("SELECT hash FROM sketches WHERE doc_id = ?", (other_id,))}
            if estimated_jaccard(hashes, theirs) < ESTIMATE_FLOOR:
                continue  # the sketches alone say they are far apart: skip reading the other text
            other_text = conn.execute("SELECT text FROM documents WHERE id = ?", (other_id,)).fetchone()[0]
            similarity = jaccard(own, shingles(other_text))
            if similarity >= DUPLICATE_SIMILARITY:
                found.append((other_id, round(similarity, 4)))
        conn.executemany("INSERT INTO sketches(hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in hashes])
    conn.executemany(
        "INSERT OR IGNORE INTO duplicates(doc_id, other_id, similarity) VALUES (?, ?, ?)",
        [(doc_id, other, sim) for other, sim in found],
    )
    return sorted(found, key=lambda pair: -pair[1])
