"""The Arabic number reader: finds number expressions in text and reads their value.

Casualty figures come as digits (54، ٢٣، ۱۲), number words (ثمانية، مئتان
وخمسون، ألفي), mixed forms (350 ألف، 1.5 مليون) and vague amounts (عشرات،
مئات الآلاف، بضعة). ``pyarabic.number`` reads many words but returns 0 for
digits and misses construct forms (ألفي، مئتي), the definite article
(الثمانية، العشرات) and tatweel, and gives no offsets; so the reader tokenises
with :func:`annotator.text.tokenize`, takes its word list from pyarabic's table
plus the forms it lacks, and composes values itself. Every reading carries
``[start, end)`` code-point offsets of the number expression only: a leading
proclitic (و28، بـ54) stays outside, as the codebook asks.

Which vague word means which range is the lead's call, so it lives in the
codebook (``[[vague_amounts]]``, read by :mod:`annotator.vague_amounts`);
:data:`DEFAULT_VAGUE_AMOUNTS` apply to a codebook that says nothing about it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pyarabic.number_const import NUMBER_WORDS

from annotator.text import Token, normalize, proclitic_candidates, tokenize
from annotator.vague_amounts import DEFAULT_VAGUE_AMOUNTS, VagueAmount, vague_amounts_from, vague_key

__all__ = [
    "DEFAULT_VAGUE_AMOUNTS",
    "NumberReading",
    "VagueAmount",
    "find_numbers",
    "read_number",
    "vague_amounts_from",
]


@dataclass(frozen=True)
class NumberReading:
    """A number expression ``text[start:end]`` and its value.

    Exact numbers have ``min == max == value``; vague amounts (``vague``) have a
    range. ``kind`` is ``digits``, ``words``, ``mixed`` (350 ألف) or ``vague``.
    """

    start: int
    end: int
    value: int
    min: int
    max: int
    kind: str

    @property
    def vague(self) -> bool:
        return self.kind == "vague"


# --- the word table ---------------------------------------------------------------

# fmt: off
# Forms pyarabic's table lacks: construct duals, feminine two, مائتان, old spellings.
_EXTRA_WORDS = {
    "ألفي": 2000, "مئتي": 200, "مائتي": 200, "مائتان": 200, "مائتين": 200,
    "اثنتان": 2, "اثنتين": 2, "اثنتي": 2, "اثنتا": 2, "ثلثمائة": 300, "ثمانمئة": 800,
    "مليونا": 1_000_000, "مليارا": 1_000_000_000, "عشرة": 10,
}
_WORDS: dict[str, int] = {normalize(w): v for w, v in {**NUMBER_WORDS, **_EXTRA_WORDS}.items()}
_SCALES = {normalize(w): v for w, v in {
    "ألف": 1000, "ألفا": 1000, "آلاف": 1000, "ألوف": 1000, "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
    "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9,
}.items()}
# أحد and إحدى alone mean "one of", "anyone": numbers only in أحد عشر، إحدى عشرة.
_TEEN_ONLY = {normalize(w) for w in ("أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي", "إثنا", "إثني")}
_TENS_WORD = {normalize(w) for w in ("عشر", "عشرة")}
_HUNDRED = {normalize(w) for w in ("مئة", "مائة")}
# With the article these are days or "percent", not numbers: الاثنين Monday,
# الأحد Sunday, بالمئة / في المئة percent.
_NO_ARTICLE = {normalize(w) for w in ("اثنين", "إثنين", "أحد", "مئة", "مائة")}
_GLUE = set("/:-–\\")  # 10/9، 10:30، F-16: parts of dates, times and names, not counts
# Ordinals (الخامسة، الحادي): the عشر/عشرة or و-tens that follows one is part of it
# (الخامسة عشرة fifteenth, الحادية والعشرين twenty-first), not a count.
_ORDINALS = {normalize(w + end) for w in (
    "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر",
) for end in ("", "ة")}
# fmt: on


@dataclass
class _Piece:
    """One token read as part of a number: where the number starts in it, and what it is."""

    token: Token
    offset: int  # code points of proclitic before the number
    clitic: str  # normalised proclitic, "" for none
    kind: str  # digits, word, vague
    value: Decimal = Decimal(0)
    word: str = ""
    vague: VagueAmount | None = None
    article: bool = False

    @property
    def start(self) -> int:
        return self.token.start + self.offset


def _digits_value(text: str) -> Decimal | None:
    """Read 54، ٢٣، 350,000، 1.5، ١٫٥ (any Unicode decimal digits); None if not a plain number."""
    digits: list[str] = []
    for ch in text:
        if ch.isdecimal():
            digits.append(str(unicodedata.decimal(ch)))
        elif ch in ".,\u066b\u066c":
            digits.append({"\u066b": ".", "\u066c": ","}.get(ch, ch))
        else:
            return None
    raw = "".join(digits)
    if not raw or not raw[0].isdigit():
        return None
    groups = raw.split(",")
    if len(groups) > 1 and all(len(g) == 3 and g.isdigit() for g in groups[1:]) and "." not in groups[0]:
        raw = "".join(groups)  # 350,000: thousands separators
    elif raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")  # 1,5: decimal comma
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


class _Table:
    """Lookups over the number words and a codebook's vague amounts, remembered per word."""

    def __init__(self, vague: Sequence[VagueAmount]):
        self.vague = {vague_key(w): amount for amount in vague for w in amount.words}
        self._known: dict[str, tuple[int, str, str, Decimal, str, VagueAmount | None, bool] | None] = {}

    def piece(self, text: str, token: Token) -> _Piece | None:
        if any(ch.isdecimal() for ch in token.text):
            offsets = [0, *proclitic_candidates(token.text)]
            for offset in offsets:
                rest = token.text[offset:]
                if rest[:1].isdecimal():
                    value = _digits_value(rest) if self._standalone(text, token) else None
                    clitic = normalize(token.text[:offset])
                    return None if value is None else _Piece(token, offset, clitic, "digits", value)
            return None
        if token.text not in self._known:
            self._known[token.text] = self._word(token.text)
        found = self._known[token.text]
        return None if found is None else _Piece(token, *found)

    def _word(self, written: str) -> tuple[int, str, str, Decimal, str, VagueAmount | None, bool] | None:
        for offset in (0, *proclitic_candidates(written)):
            key = normalize(written[offset:])
            for word, article in ((key, False), (key[2:], True)) if key.startswith("ال") else ((key, False),):
                if article and (word in _NO_ARTICLE or len(word) < 3):
                    continue
                if word in self.vague or word in _WORDS:
                    kind = "vague" if word in self.vague else "word"
                    clitic = normalize(written[:offset])
                    return offset, clitic, kind, Decimal(_WORDS.get(word, 0)), word, self.vague.get(word), article
        return None

    @staticmethod
    def _standalone(text: str, token: Token) -> bool:
        before = text[token.start - 1] if token.start else " "
        after = text[token.end] if token.end < len(text) else " "
        if before in _GLUE or after in _GLUE:
            return False
        return not (before.isalpha() and before.isascii())


@dataclass
class _Group:
    """A number expression being read, piece by piece, left to right."""

    pieces: list[_Piece]
    total: Decimal = Decimal(0)
    hundreds: Decimal = Decimal(0)
    tens: Decimal = Decimal(0)
    units: Decimal = Decimal(0)
    scale: int = 0  # the last scale word's size (ألف 1000, مليون 10**6), 0 before any
    vague: VagueAmount | None = None
    factor: int = 1

    @property
    def partial(self) -> Decimal:
        return self.hundreds + self.tens + self.units

    @classmethod
    def start(cls, piece: _Piece) -> _Group:
        group = cls([piece])
        if piece.kind == "vague":
            group.vague = piece.vague
        elif piece.kind == "digits":
            group.units = piece.value
        else:
            group._add(piece.value, piece.word)
        return group

    def _add(self, value: Decimal, word: str) -> None:
        if word in _SCALES or value >= 1000:
            self.total += _SCALES.get(word, value)
            self.scale = _magnitude(_SCALES.get(word, value))
        elif value >= 100:
            self.hundreds = value
        elif value >= 10:
            self.tens = value
        else:
            self.units = value

    def extend(self, piece: _Piece) -> bool:
        """Take ``piece`` into this expression if Arabic number grammar allows it."""
        last = self.pieces[-1]
        word, value = piece.word, piece.value
        if piece.clitic not in ("", "و") or piece.kind == "digits":
            return False
        joined = piece.clitic == "و"
        if self.vague is not None:
            if joined or word not in _SCALES or self.factor != 1 or last.kind != "vague":
                return False
            self.factor = _SCALES[word]
        elif last.kind == "digits":
            if joined or word not in _SCALES or self.scale:
                return False
            self.total, self.units, self.scale = self.units * _SCALES[word], Decimal(0), _SCALES[word]
        elif piece.kind != "word" and word not in _SCALES:
            return False
        elif not joined:
            if word in _SCALES and last.word not in _SCALES and (not self.scale or _SCALES[word] < self.scale):
                self.total += max(self.partial, Decimal(1)) * _SCALES[word]
                self.hundreds = self.tens = self.units = Decimal(0)
                self.scale = _SCALES[word]
            elif word in _TENS_WORD and 1 <= self.units <= 9 and not self.tens and last.word not in _SCALES:
                self.tens = Decimal(10)
            elif word in _HUNDRED and 3 <= self.units <= 9 and not self.hundreds and not self.tens:
                self.hundreds, self.units = self.units * 100, Decimal(0)  # ثلاث مئة
            else:
                return False
        elif word in _SCALES or value >= 1000:
            # مليون و ألفان: a smaller thousand-word after a bigger scale
            size = _SCALES.get(word, value)
            if self.partial or not self.scale or _magnitude(size) >= self.scale:
                return False
            self.total += size
            self.scale = _magnitude(size)
        elif 1 <= value <= 9:
            if self.units or self.tens or not (self.hundreds or self.total):
                return False
            self.units = value
        elif value == 10:
            if self.units or self.tens or not (self.hundreds or self.total):
                return False
            self.tens = value
        elif 20 <= value <= 90:
            if self.tens or not (self.units or self.hundreds or self.total):
                return False
            self.tens = value
        elif 100 <= value <= 900:
            if self.partial or not self.total:
                return False
            self.hundreds = value
        else:
            return False
        self.pieces.append(piece)
        return True

    def reading(self) -> NumberReading | None:
        first, last = self.pieces[0], self.pieces[-1]
        if len(self.pieces) == 1 and first.kind == "word" and first.word in _TEEN_ONLY:
            return None
        start, end = first.start, last.token.end
        if self.vague is not None:
            v = self.vague
            # عشرات الآلاف: 20,000 to 99,999, the top filled out to the last thousand
            high = v.max * self.factor + self.factor - 1
            return NumberReading(start, end, v.value * self.factor, v.min * self.factor, high, "vague")
        value = self.total + self.partial
        if value != value.to_integral_value():
            return None  # 2.5 alone is a measure, not a count of people
        digits = [p.kind == "digits" for p in self.pieces]
        kind = ("digits" if all(digits) else "mixed") if any(digits) else "words"
        number = int(value)
        return NumberReading(start, end, number, number, number, kind)


@lru_cache(maxsize=8)
def _table(vague: tuple[VagueAmount, ...]) -> _Table:
    return _Table(vague)


def _magnitude(value: Decimal | int) -> int:
    """The scale word a value is counted in: 1000 for ألفان, 10**6 for مليونين."""
    size = 1
    while size * 1000 <= value:
        size *= 1000
    return size


def find_numbers(
    text: str, vague: Sequence[VagueAmount] = DEFAULT_VAGUE_AMOUNTS, tokens: Sequence[Token] | None = None
) -> list[NumberReading]:
    """Every number expression of ``text`` with its value, left to right, never overlapping.

    Offsets are code points of ``text``. Punctuation ends an expression; و joins
    number words (مئتان وخمسون) but never two digit numbers (54 و28 are two).
    ``tokens`` (``tokenize(text)``) saves tokenising again when the caller has them.
    """
    table = _table(tuple(vague))
    readings: list[NumberReading] = []
    group: _Group | None = None
    waw = False  # a lone و between number words: "مئتان و خمسون" as some sources write it
    ordinal = False  # the last word was an ordinal: its عشر or و-tens is not a number
    for token in tokenize(text) if tokens is None else tokens:
        if ordinal and token.text == "و":
            continue
        if ordinal and _ordinal_part(token.text):
            ordinal = False
            continue
        ordinal = _is_ordinal(token.text)
        if group is not None and not waw and token.text == "و":
            waw = True
            continue
        piece = table.piece(text, token) if token.is_word else None
        if piece is not None and waw and not piece.clitic:
            piece = replace(piece, clitic="و")
        waw = False
        if group is not None and piece is not None and group.extend(piece):
            continue
        if group is not None and (reading := group.reading()) is not None:
            readings.append(reading)
        group = _Group.start(replace(piece, clitic="")) if piece is not None else None
    if group is not None and (reading := group.reading()) is not None:
        readings.append(reading)
    return readings


@lru_cache(maxsize=16384)
def _is_ordinal(word: str) -> bool:
    key = normalize(word)
    for form in (key, *(key[n:] for n in proclitic_candidates(key))):
        bare = form[2:] if form.startswith("ال") else form
        if bare in _ORDINALS:
            return True
    return False


@lru_cache(maxsize=16384)
def _ordinal_part(word: str) -> bool:
    """عشر، عشرة، والعشرين: what follows an ordinal to make 11th to 99th."""
    key = normalize(word)
    key = key[1:] if key.startswith("و") and len(key) > 3 else key
    key = key[2:] if key.startswith("ال") else key
    return key in _TENS_WORD or (key in _WORDS and 20 <= _WORDS[key] <= 90)


def read_number(expression: str, vague: Sequence[VagueAmount] = DEFAULT_VAGUE_AMOUNTS) -> NumberReading | None:
    """The reading of ``expression`` if it is one number expression and nothing else, else None.

    A proclitic glued to the number (و28) and punctuation around it are allowed.
    """
    readings = find_numbers(expression, vague)
    if len(readings) != 1:
        return None
    reading = readings[0]
    before, after = expression[: reading.start], expression[reading.end :]
    glued = before.lstrip()
    if any(ch.isalnum() for ch in after) or (
        any(ch.isalnum() for ch in before) and not (glued and reading.start in _clitic_ends(glued, reading.start))
    ):
        return None
    return reading


def _clitic_ends(glued: str, start: int) -> set[int]:
    """Offsets where a number may start after the proclitic ``glued`` that ends at ``start``."""
    return {start - len(glued) + n for n in proclitic_candidates(glued + "00") if n == len(glued)}
