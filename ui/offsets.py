"""The window's one boundary between Qt positions and the core's offsets.

Qt counts UTF-16 code units, the core counts code points (DESIGN.md, "Offsets:
the one rule"): an emoji or 𝟓 is 2 in a ``QTextCursor`` and 1 in Python. Every
position that crosses between the view and the core goes through
:class:`OffsetMap`, built once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts between code-point offsets and UTF-16 positions of one text."""

    def __init__(self, text: str):
        # Code-point indices of the characters outside the Basic Multilingual Plane
        # (found by a regular expression: a Python loop over 20,000 characters costs 5 ms).
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # Their UTF-16 positions (each earlier astral character shifts one more unit).
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of a code-point offset."""
        return offset + bisect_right(self._astral, offset - 1)

    def from_qt(self, position: int) -> int:
        """Code-point offset of a UTF-16 position; a position inside a surrogate pair
        rounds down to the start of its character."""
        before = bisect_right(self._astral_qt, position - 1)
        if before and position == self._astral_qt[before - 1] + 1:
            return self._astral[before - 1]  # between the two halves of a pair
        return position - before
