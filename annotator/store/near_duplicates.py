"""Near-duplicate detection: MinHash signatures, LSH bands, and the check of the candidates.

A document's shingles (word 3-grams, :mod:`annotator.store.index`) give it a signature of
:data:`BINS` values by one-permutation MinHash: the shingle hashes are split by their top
bits into bins and each bin keeps its least hash, an empty bin taking a neighbour's
(densification, so every bin holds a value). Two documents hold the same value in a bin
with a probability equal to the Jaccard similarity of their shingle sets, as with k
independent hash functions, but a document is hashed once instead of k times, in C
(``sorted``, ``dict``), which keeps numpy out of the application.

The signature's first values are cut into bands of :data:`ROWS` (:func:`band_layout`); a
band's key is stored in the ``bands`` table, indexed, and two documents become candidates
when they share one. A candidate is then estimated from the signatures both have stored, and the
most similar few are compared exactly on their stored shingle sets: no text is read again.

Boilerplate (a monitor's name, a bulletin's template) puts many documents in one band's
bucket; only the latest :data:`PER_BAND` of each bucket are looked at, SQLite counts the
bands each of those shares with the new document, the signatures of the
:data:`MAX_ESTIMATED` sharing most are read, and at most :data:`MAX_COMPARED` are compared
exactly. A new document then costs the same in an archive of a hundred thousand look-alike
bulletins as in a small project. An import into a project that had no document finds the
same candidates in memory (:class:`RecentBands`), for less than the statement costs.
"""

from __future__ import annotations

import math
import sqlite3
import sys
from array import array
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

DUPLICATE_SIMILARITY = 0.5  # Jaccard of shingle sets from which two documents are near-duplicates
RECALL = 0.99  # least probability that a pair at DUPLICATE_SIMILARITY shares a band
_BIN_BITS = 7
BINS = 1 << _BIN_BITS  # values in a signature
_SHIFT = 64 - _BIN_BITS  # a hash's bin is its top bits
_MASK32 = (1 << 32) - 1


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that two documents of this Jaccard similarity share at least one band
    (the S-curve of LSH banding): each band matches with ``similarity ** rows``."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def band_layout(threshold: float, recall: float, rows: int = 2, bins: int = BINS) -> tuple[int, int]:
    """``(bands, rows)``: the fewest bands of ``rows`` values that a pair at ``threshold`` shares
    one of with probability ``recall`` or more.

    Every band costs each new document a row written and a bucket read, most of what finding
    near-duplicates costs an import, so the fewest that reach the recall are taken. Two rows a
    band rather than more: more rows make the S-curve steeper (pairs well below the threshold
    share a band less often) but need more bands, and a candidate too many costs only a
    comparison of signatures; one row would make a band one shingle's bucket, which
    boilerplate fills.
    """
    if rows < 1:
        raise ValueError("a band holds one value or more")
    band_misses = 1.0 - threshold**rows
    bands = 1 if band_misses == 0 else max(1, math.ceil(math.log(1.0 - recall) / math.log(band_misses)))
    if bands * rows > bins:
        raise ValueError(f"{bins} values cannot reach recall {recall} at similarity {threshold} in bands of {rows}")
    return bands, rows


BANDS, ROWS = band_layout(DUPLICATE_SIMILARITY, RECALL)
PER_BAND = 4  # latest documents looked at in each band's bucket
MAX_ESTIMATED = 16  # candidates whose signatures are read: those sharing the most bands
MAX_COMPARED = 5  # candidates compared exactly, those the signatures say are most alike
_SHARED_THEN_LATEST = itemgetter(1, 0)  # of (doc_id, bands shared) pairs
RECENT_DOCUMENTS = 20_000  # documents an import keeps in memory (RecentBands): some 2 kB each
# Below this estimate from the signatures a candidate is not compared exactly: the estimate's
# standard error at 0.5 is sqrt(0.25 / BINS), and the floor lies four of them below.
ESTIMATE_FLOOR = DUPLICATE_SIMILARITY - 4 * math.sqrt(DUPLICATE_SIMILARITY * (1 - DUPLICATE_SIMILARITY) / BINS)


def _donors(bin_: int) -> list[int]:
    """Where an empty bin takes its value from, tried in turn: the same order for every
    document, so two documents with the same empty bins fill them alike."""
    tried = [hash((bin_, attempt)) % BINS for attempt in range(8)]
    return [b for b in tried if b != bin_] + [(bin_ + step) % BINS for step in range(1, BINS)]


_BIN_NUMBERS = range(-BINS // 2, BINS // 2)  # the bins in signature order
# Donors by position in the signature, named by bin number.
_DONORS = [[_BIN_NUMBERS[d] for d in _donors(b)] for b in range(BINS)]
# The scheme names the layout and carries a sample of the tuple hash the shingles and band keys
# use, so a file made another way (or by a Python hashing tuples differently) is rebuilt.
SCHEME = f"oph{BINS}-signed-b{BANDS}r{ROWS}-words3-tuple:{hash((1, 2, 3))}"


def signature(shingles: set[int]) -> list[int]:
    """The MinHash signature of a shingle set: :data:`BINS` values.

    A bin is the top bits of a signed 64-bit hash (``hash >> 57``, from -64 to 63), so the
    hashes are sorted as they are, with no pass to make them unsigned.
    """
    # Later hashes overwrite earlier ones: each bin ends up with its least hash.
    least = {value >> _SHIFT: value for value in sorted(shingles, reverse=True)}
    values = list(map(least.get, _BIN_NUMBERS))
    if len(least) < BINS:
        get = least.get
        for position, value in enumerate(values):
            if value is None:
                for donor in _DONORS[position]:
                    value = get(donor)
                    if value is not None:
                        values[position] = value
                        break
    return values  # type: ignore[return-value]  # every bin filled above


def band_keys(values: list[int]) -> list[int]:
    """One key per band: a hash of the band's number and values (a signed 64-bit integer)."""
    return list(map(hash, zip(range(BANDS), *(values[row::ROWS][:BANDS] for row in range(ROWS)), strict=True)))


def packed(values: list[int] | set[int]) -> bytes:
    """Values as little-endian 32-bit words (their low bits): a signature in order, or a shingle
    set, each value once; a file moves between machines of either byte order."""
    words = array("I", {value & _MASK32 for value in values} if isinstance(values, set) else [
        value & _MASK32 for value in values
    ])
    if sys.byteorder == "big":
        words.byteswap()
    return words.tobytes()


def unpacked(blob: bytes) -> array[int]:
    words = array("I", blob)
    if sys.byteorder == "big":
        words.byteswap()
    return words


# Every 32-bit lane of a packed signature read as one integer: its low 31 bits, its top bit.
_LOW = int.from_bytes(b"\xff\xff\xff\x7f" * BINS, "little")
_HIGH = int.from_bytes(b"\x00\x00\x00\x80" * BINS, "little")


def estimated_similarity(own: bytes, theirs: bytes) -> float:
    """The share of bins two packed signatures agree on: an unbiased estimate of their Jaccard.

    Counted on the signatures read as two integers, a few operations on whole numbers in C
    rather than one Python step per bin: a lane of their XOR is zero where the bins agree, and
    adding 0x7fffffff to its low bits sets its top bit unless it is zero.
    """
    return _agreement(_number(own), _number(theirs))


def _number(signature: bytes) -> int:
    """A packed signature read as one integer (:func:`estimated_similarity`)."""
    return int.from_bytes(signature, "little")


def _agreement(own: int, theirs: int) -> float:
    differ = own ^ theirs
    return (BINS - ((((differ & _LOW) + _LOW) | differ) & _HIGH).bit_count()) / BINS


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def store_signature(conn: sqlite3.Connection, doc_id: int, minhash: bytes, bands: list[int], shingles: bytes) -> None:
    """Store a document's signature and bands; it has none yet (a new document, or every
    signature deleted before a rebuild). A plain ``INSERT``: ``OR REPLACE`` made this row
    several times dearer than the document's own in an import (benchmarks/README.md)."""
    conn.execute("INSERT INTO signatures(doc_id, minhash, shingles) VALUES (?, ?, ?)", (doc_id, minhash, shingles))
    conn.executemany("INSERT OR IGNORE INTO bands(key, doc_id) VALUES (?, ?)", zip(bands, repeat(doc_id)))


def find_and_record_duplicates(
    conn: sqlite3.Connection,
    doc_id: int,
    minhash: bytes,
    bands: list[int],
    shingles: bytes,
    recent: RecentBands | None = None,
) -> list[tuple[int, float]]:
    """Store a new document's signature and bands, and record the earlier documents it nearly
    repeats; returns ``(other_id, similarity)`` pairs, most similar first.

    The candidates' signatures come in one query, bounded by :data:`PER_BAND` per band and
    :data:`MAX_ESTIMATED` in all (or from ``recent``, which holds every document the file
    has); only the :data:`MAX_COMPARED` most alike are compared on their shingle sets.
    """
    own = _number(minhash)
    if recent is not None:
        candidates = recent.candidates(bands)
    else:
        candidates = [(other, _number(theirs)) for other, theirs in conn.execute(_candidates(len(bands)), bands)]
    estimates = [(_agreement(own, theirs), other) for other, theirs in candidates if other != doc_id]
    likely = sorted((pair for pair in estimates if pair[0] >= ESTIMATE_FLOOR), reverse=True)[:MAX_COMPARED]
    found: list[tuple[int, float]] = []
    if likely:
        mine = set(unpacked(shingles))
        ids = [other for _, other in likely]
        rows = conn.execute(f"SELECT doc_id, shingles FROM signatures WHERE doc_id IN ({', '.join('?' * len(ids))})", ids)
        for other, theirs in rows:
            their_words = unpacked(theirs)  # each value once, as packed from a set
            shared = len(mine.intersection(their_words))
            similarity = shared / (len(mine) + len(their_words) - shared)
            if similarity >= DUPLICATE_SIMILARITY:
                found.append((other, round(similarity, 4)))
    store_signature(conn, doc_id, minhash, bands, shingles)
    if recent is not None:
        recent.add(doc_id, own, bands)
    if found:
        conn.executemany(
            "INSERT OR IGNORE INTO duplicates(doc_id, other_id, similarity) VALUES (?, ?, ?)",
            [(doc_id, other, sim) for other, sim in found],
        )
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


@lru_cache(maxsize=4)
def _candidates(count: int) -> str:
    """One statement for the signatures of the documents sharing most of ``count`` bands, among
    the latest of each band's bucket."""
    one = f"SELECT doc_id FROM (SELECT doc_id FROM bands WHERE key = ? ORDER BY doc_id DESC LIMIT {PER_BAND})"
    return (
        "SELECT s.doc_id, s.minhash FROM ("
        f"SELECT doc_id, count(*) AS shared FROM ({' UNION ALL '.join([one] * count)}) "
        f"GROUP BY doc_id ORDER BY shared DESC, doc_id DESC LIMIT {MAX_ESTIMATED}"
        ") AS c JOIN signatures AS s ON s.doc_id = c.doc_id"
    )


class RecentBands:
    """The band buckets and signatures of the documents added to a project that had none, kept
    in memory as well as in the file, for an import.

    Finding a new document's candidates in the file is one statement of :data:`BANDS` indexed
    look-ups, a grouping and a join: the largest single part of writing a document. When every
    document of the project is one this import added, the same candidates, in the same order,
    come from two dictionaries. The rows are written to the file all the same, so the file
    keeps answering once this is let go (past :data:`RECENT_DOCUMENTS` documents, or after a
    rollback, which this cannot follow).
    """

    def __init__(self, limit: int) -> None:
        # A band's key: its document, or its latest PER_BAND documents, oldest first. Numbers and
        # tuples of numbers, not lists: the collector of reference cycles skips them, where some
        # twenty lists a document made it walk ever more objects as the import went on.
        self._buckets: dict[int, int | tuple[int, ...]] = {}
        self._signatures: dict[int, int] = {}  # read as numbers (_number), as they are compared
        self._limit = limit
        self.last = 0  # the latest document added

    @property
    def full(self) -> bool:
        return len(self._signatures) >= self._limit

    def candidates(self, bands: list[int]) -> list[tuple[int, int]]:
        """``(doc_id, signature as a number)`` of the documents the statement of :func:`_candidates` finds:
        those sharing most of ``bands`` among the latest :data:`PER_BAND` of each band's bucket,
        the later first among equals, :data:`MAX_ESTIMATED` at most."""
        shared: dict[int, int] = {}
        buckets = self._buckets
        for key in bands:
            bucket = buckets.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                shared[bucket] = shared.get(bucket, 0) + 1
            else:
                for other in bucket:
                    shared[other] = shared.get(other, 0) + 1
        best = sorted(shared.items(), key=_SHARED_THEN_LATEST, reverse=True)[:MAX_ESTIMATED]
        return [(other, self._signatures[other]) for other, _ in best]

    def add(self, doc_id: int, signature: int, bands: list[int]) -> None:
        self._signatures[doc_id] = signature
        self.last = doc_id
        buckets = self._buckets
        for key in bands:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = doc_id
            # (a key twice in one document is one row: INSERT OR IGNORE)
            elif isinstance(bucket, int):
                if bucket != doc_id:
                    buckets[key] = (bucket, doc_id)
            elif bucket[-1] != doc_id:
                buckets[key] = (*bucket[1 - PER_BAND :], doc_id) if len(bucket) >= PER_BAND else (*bucket, doc_id)
