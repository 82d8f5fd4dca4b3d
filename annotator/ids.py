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
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, random.getrandbits(_COUNTER_BITS - 1)
        else:
            _counter += 1
            if _counter >= 1 << _COUNTER_BITS:  # more than 2**41 ids in one millisecond: borrow the next
                _last_ms, _counter = _last_ms + 1, random.getrandbits(_COUNTER_BITS - 1)
        ms, counter = _last_ms, _counter
    value = (
        (ms & (1 << 48) - 1) << 80
        | 0x7 << 76
        | (counter >> 30) << 64
        | 0b10 << 62
        | (counter & (1 << 30) - 1) << 32
        | random.getrandbits(32)
    )
    digits = f"{value:032x}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"
