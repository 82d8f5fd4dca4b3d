"""Vague amounts (عشرات، مئات الآلاف، بضعة): the ranges a codebook reads them as.

Which vague word means which range is the lead's call, so it lives in the
codebook (``[[vague_amounts]]``); :data:`DEFAULT_VAGUE_AMOUNTS` apply to a
codebook that says nothing about it. The number reader
(:mod:`annotator.numbers`) reads the words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annotator.text import normalize


@dataclass(frozen=True)
class VagueAmount:
    """A vague quantity word (عشرات) read as the range ``[min, max]`` with ``value`` the best estimate.

    ``value`` is the conservative figure a coder stores (UCDP's "best", kept
    low); ``words`` are matched after normalisation, with or without ال.
    """

    words: tuple[str, ...]
    min: int
    max: int
    value: int

    def to_dict(self) -> dict[str, Any]:
        return {"words": list(self.words), "min": self.min, "max": self.max, "value": self.value}


DEFAULT_VAGUE_AMOUNTS: tuple[VagueAmount, ...] = (
    VagueAmount(("بضعة", "بضع"), 3, 9, 3),
    VagueAmount(("عدة",), 3, 9, 3),
    VagueAmount(("عشرات",), 20, 99, 20),
    VagueAmount(("مئات",), 200, 999, 200),
    VagueAmount(("آلاف", "ألوف"), 2000, 9999, 2000),
    VagueAmount(("ملايين",), 2_000_000, 9_999_999, 2_000_000),
)


def vague_amounts_from(items: Any, fail: Callable[..., Exception]) -> tuple[VagueAmount, ...]:
    """Check a codebook's ``vague_amounts`` list; ``fail(message, *needles)`` builds the error."""
    if not isinstance(items, list):
        raise fail("vague_amounts must be a list ([[vague_amounts]] in TOML)", "vague_amounts")
    out: list[VagueAmount] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise fail(f"vague amount {number} is not a table", "vague_amounts")
        words = item.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise fail(f"vague amount {number} needs a non-empty list of words", "words")
        unknown = set(item) - {"words", "min", "max", "value"}
        if unknown:
            raise fail(f"vague amount {number} has unknown field(s) {', '.join(sorted(unknown))}", *unknown)
        bounds = [item.get(k) for k in ("min", "max", "value")]
        if any(isinstance(b, bool) or not isinstance(b, int) or b < 0 for b in bounds):
            raise fail(f"vague amount {words[0]}: min, max and value must be whole numbers >= 0", words[0])
        low, high, best = (b for b in bounds if isinstance(b, int))
        if not low <= best <= high:
            raise fail(f"vague amount {words[0]}: need min <= value <= max (got {low}, {best}, {high})", words[0])
        for word in words:
            key = vague_key(word)
            if key in seen:
                raise fail(f"vague amount word {word} is listed twice", word)
            seen.add(key)
        out.append(VagueAmount(tuple(w.strip() for w in words), low, high, best))
    return tuple(out)


def vague_key(word: str) -> str:
    """The form a vague word is looked up in: normalised, without ال (العشرات → عشرات)."""
    key = normalize(word.strip())
    return key[2:] if key.startswith("ال") and len(key) > 4 else key
