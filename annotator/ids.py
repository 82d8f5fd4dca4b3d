"""Annotation ids that sort by creation time (the UUIDv7 layout of RFC 9562).

Every span is written to two indexes keyed by its id (the annotations' primary key and the
history's). Random uuid4 ids land all over those B-trees, so a bulk import of millions of
spans touches a different page for each one; ids that grow with time append at the right
edge. Measured: a third less time for 90,000 spans, and the gap widens with the file.
The ids still look and compare like any other UUID, so files and exports are unchanged.

The random bits come from :mod:`random` (seeded from the OS, and again in a forked child):
they keep ids of two machines apart, they guard no secret, and a system call per id showed
in the import profile.
"""

from __future__ import annotations

import random
import threading
import time

_COUNTER_BITS = 42  # rand_a (12 bits) and the top 30 bits of rand_b count up within a millisecond
_lock = threading.Lock()
_last_ms = 0
_counter = 0


def time_ordered_id() -> str:
    """A new UUIDv7: milliseconds since 1970, then a counter, then random bits.

    Ids made in this process are strictly increasing even within one millisecond
    (the counter starts at a random point in its lower half, leaving room to count).
    """
    return time_ordered_ids(1)[0]


def time_ordered_ids(count: int) -> list[str]:
    """``count`` new ids, as :func:`time_ordered_id` would make them one by one.

    An import asks for a document's spans' ids at once: one lock and one clock reading per
    document, and the text of the shared milliseconds formatted once (a third of the cost
    of an id made alone).
    """
    ids: list[str] = []
    while len(ids) < count:
        ms, first, taken = _reserve(count - len(ids))
        digits = f"{ms & (1 << 48) - 1:012x}"
        prefix = f"{digits[:8]}-{digits[8:]}-"
        bits = random.getrandbits
        # The layout of the 80 bits after the milliseconds: version 7 and the counter's top 12
        # bits; variant 0b10 and its next 14; its last 16, then 32 random bits. Only the last
        # group changes from one id to the next until the counter's low 16 bits wrap, so the
        # groups before it are formatted once per run of 65,536 counts.
        counter, end = first, first + taken
        while counter < end:
            run = counter >> 16
            stop = min(end, (run + 1) << 16)
            head = f"{prefix}{0x7000 | counter >> 30:04x}-{0x8000 | run & 0x3FFF:04x}-"
            ids += [f"{head}{low << 32 | bits(32):012x}" for low in range(counter & 0xFFFF, (stop - 1 & 0xFFFF) + 1)]
            counter = stop
    return ids


def _reserve(count: int) -> tuple[int, int, int]:
    """Take up to ``count`` counter values of one millisecond: ``(ms, first, taken)``."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, first = ms, random.getrandbits(_COUNTER_BITS - 1)
        else:
            first = _counter + 1
            if first >= 1 << _COUNTER_BITS:  # more than 2**41 ids in one millisecond: borrow the next
                _last_ms, first = _last_ms + 1, random.getrandbits(_COUNTER_BITS - 1)
        taken = min(count, (1 << _COUNTER_BITS) - first)
        _counter = first + taken - 1
        return _last_ms, first, taken
