"""Arabic text: decoding, the canonical stored form, normalisation and tokens.

The stored text of a document never changes after import (DESIGN.md, "Offsets:
the one rule"): every offset in the project is a code-point index into it.
Normalised forms exist only for search and matching, and every function here
that normalises also returns a map back to the stored text, because stripping
tashkeel or tatweel changes the length.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError

# Combining marks that belong to the word they sit on: Arabic harakat, Quranic
# marks, superscript alef, and the generic Latin combining block.
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
)
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_WORD_CHARS = rf"\w{_MARKS}"
# A word run, with decimal and thousands separators kept inside numbers
# (350,000 and 1.5 and ١٫٥ are one token each), or any other single
# non-space character (punctuation, symbols, emoji) as a token of its own.
TOKEN_RE = re.compile(
    rf"[{_WORD_CHARS}]*[{_DIGITS}](?:[.,\u066b\u066c][{_DIGITS}]+)+"
    rf"|[{_WORD_CHARS}]+"
    rf"|[^\s{_WORD_CHARS}][{_MARKS}]*"
)
_WORD_RE = re.compile(rf"[{_WORD_CHARS}]")

TASHKEEL = frozenset("\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a") | frozenset(
    chr(c) for c in range(0x064B, 0x0660)
) | frozenset("\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed")
TATWEEL = "\u0640"
_UNIFY = {
    "\u0622": "\u0627",  # alef madda -> alef
    "\u0623": "\u0627",  # alef hamza above -> alef
    "\u0625": "\u0627",  # alef hamza below -> alef
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0624": "\u0648",  # waw hamza -> waw
    "\u0626": "\u064a",  # yeh hamza -> yeh
    "\u0649": "\u064a",  # alef maqsura -> yeh
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u06cc": "\u064a",  # Persian yeh -> yeh
    "\u06a9": "\u0643",  # keheh -> kaf
}
for _i, _d in enumerate("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"):
    _UNIFY[_d] = str(_i)
for _i, _d in enumerate("\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"):
    _UNIFY[_d] = str(_i)

# Leading proclitics, longest first. The definite article is not one of them:
# it stays inside a span (DESIGN.md, "Arabic text").
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


# --- decoding and the canonical text -------------------------------------------------


def decode_bytes(data: bytes, path: str | Path = "<input>") -> str:
    """Decode a file's bytes as DESIGN.md says: BOM-marked UTF-8/16, UTF-8, else Windows-1256.

    Empty and binary input is refused here, once, for every importer.
    """
    return canonical_text(decode_raw(data, path), path)


def decode_raw(data: bytes, path: str | Path = "<input>") -> str:
    """The decoded text before it is made canonical: standoff offsets (brat) count its ``\r``."""
    if not data.strip():
        raise InputError("the file is empty", path=path)
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif b"\x00" in data:
            raise InputError("the file holds NUL bytes: it looks binary, not text", path=path)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file cannot be decoded ({exc.reason} at byte {exc.start})", path=path) from None
    return text


def detect_encoding(path: Path) -> str:
    """The encoding :func:`decode_bytes` would choose, found by streaming the file once.

    For inputs too large to hold whole (a CSV of 100,000 articles): the reader
    then decodes the file as it goes.
    """
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        encoding, empty = "utf-8", True
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            if b"\x00" in chunk:
                raise InputError("the file holds NUL bytes: it looks binary, not text", path=path)
            empty = empty and not chunk.strip()
            if encoding == "utf-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "cp1256"
        if encoding == "utf-8":
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "cp1256"
    if empty:
        raise InputError("the file is empty", path=path)
    return encoding


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def canonical_text(text: str, path: str | Path = "<input>") -> str:
    """The form a document is stored in: no BOM, ``\\n`` newlines, nothing else changed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            f"control character U+{ord(bad.group()):04X} at line {line}: the file looks binary, not text",
            path=path,
        )
    if not text.strip():
        raise InputError("the text is empty", path=path)
    return text


def canonical_offsets(raw: str) -> Callable[[int], int]:
    """Map an offset in ``raw`` to the same place in ``canonical_text(raw)``.

    Offsets made on a text before it was stored (a JSONL record with ``\r\n``,
    a brat file saved on Windows) still point at the same characters: the BOM and
    the ``\r`` of each ``\r\n`` are gone, so every later offset moves back by one.
    """
    removed = ([0] if raw.startswith("\ufeff") else []) + [m.start() for m in re.finditer("\r\n", raw)]
    if not removed:
        return lambda offset: offset
    return lambda offset: offset - bisect_left(removed, offset)


def text_sha256(text: str) -> str:
    """The identity of a document across coder files: sha256 of its canonical UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- normalisation (search and matching only) ----------------------------------------


_NORMALIZE_TABLE = str.maketrans({**_UNIFY, **{ch: None for ch in TASHKEEL}, TATWEEL: None})


# No replacement is itself replaced, so the pairs may run in any order.
_NORMALIZE_PAIRS = tuple((chr(code), value or "") for code, value in _NORMALIZE_TABLE.items())
assert not any(value and ord(value) in _NORMALIZE_TABLE for value in _NORMALIZE_TABLE.values())
_SHORT = 64


def normalize(text: str) -> str:
    """Strip tashkeel and tatweel, unify alef/hamza/teh marbuta/alef maqsura, fold digits.

    ``str.translate`` with a dict looks each character up in Python's slow path; on a
    whole article some eighty ``str.replace`` scans in C are ten times faster. On a
    single word the scans lose, so words still go through ``translate``.
    """
    if len(text) < _SHORT:
        return text.translate(_NORMALIZE_TABLE)
    for old, new in _NORMALIZE_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and return, for each normalised character, its index in ``text``.

    The map has one extra entry, ``len(text)``, so a normalised span
    ``[s, e)`` maps back to ``[index[s], index[e - 1] + 1)``.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in TASHKEEL or ch == TATWEEL:
            continue
        out.append(_UNIFY.get(ch, ch))
        index.append(i)
    index.append(len(text))
    return "".join(out), index


# --- tokens ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the stored text: ``text[start:end] == token.text``."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return bool(_WORD_RE.match(self.text))


def tokenize(text: str) -> list[Token]:
    """Words, numbers and single punctuation marks, each with code-point offsets.

    Unlike ``pyarabic.araby.tokenize_with_location`` punctuation is kept, so every
    non-space character of the text belongs to exactly one token.
    """
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words and trim space and punctuation at its edges.

    Arabic NER corpora tag whole tokens; a half-selected word is almost always a
    slip of the mouse. Returns the selection unchanged when it holds no word.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    tokens = [t for t in tokenize(text) if t.end > start and t.start < end]
    words = [t for t in tokens if t.is_word]
    if not words:
        return start, end
    return words[0].start, words[-1].end


def proclitic_candidates(word: str) -> list[int]:
    """Lengths of the leading letters of ``word`` that could be a proclitic, shortest first.

    و|بغداد and وب|القرب both start with وب: only the coder or the project's
    known names can tell them apart, so every reading is offered. The length
    counts code points of ``word`` as written, so tashkeel and tatweel on the
    clitic (وَالباغوز، بـ54) stay with it and the rest starts on a letter or digit.
    The rest must be a word of two letters or more, or a number (و5، و1100).
    """
    lengths: list[int] = []
    if not word or word[0] not in _CLITIC_LETTERS:
        return lengths
    # No mark among the first letters (the normalised words of the search index, most text):
    # a clitic is then a plain prefix, and the word's first letters are looked up as they are.
    if _MARK_CHARS.isdisjoint(word[: _LONGEST_CLITIC + 1]):
        found = [(word[:n], n) for n in range(1, min(len(word), _LONGEST_CLITIC) + 1) if word[:n] in _PROCLITIC_SET]
    else:
        found = [(c, n) for c in _PROCLITICS_SHORTEST_FIRST if (n := _clitic_length(word, c)) is not None]
    for clitic, length in found:
        rest = word[length:]
        # Only the rest's first letter and length are looked at, which unifying letters keeps:
        # normalising is needed only when marks or tatweel would fall out.
        bare = rest if _MARK_CHARS.isdisjoint(rest) else normalize(rest)
        if clitic.endswith("ل") and bare.startswith("ل"):
            continue  # لل = li + al: the article's alef is gone, the rest is not a word
        if len(bare) < 2 and not (bare and bare[0].isdecimal()):
            continue
        lengths.append(length)
    return lengths


_PROCLITICS_SHORTEST_FIRST = sorted(PROCLITICS, key=len)
_PROCLITIC_SET = frozenset(PROCLITICS)
_LONGEST_CLITIC = max(map(len, PROCLITICS))
_MARK_CHARS = frozenset(TASHKEEL | {TATWEEL})
_CLITIC_LETTERS = frozenset(clitic[0] for clitic in PROCLITICS)


def _clitic_length(word: str, clitic: str) -> int | None:
    """Code points of ``word`` taken by ``clitic`` and the marks or tatweel on it, or None."""
    position = 0
    for letter in clitic:
        if position >= len(word) or word[position] != letter:
            return None
        position += 1
        while position < len(word) and (word[position] in TASHKEEL or word[position] == TATWEEL):
            position += 1
    return position


def proclitic_length(word: str, known: frozenset[str] | set[str]) -> int:
    """How many leading letters of ``word`` to leave out because the rest is a known name.

    ``known`` holds normalised names the project already has. Never by letter
    alone: لبنان and بغداد begin with proclitic letters, so a word that is itself
    known, or whose rest is unknown, keeps all its letters.
    """
    if normalize(word) in known:
        return 0
    for length in proclitic_candidates(word):
        if normalize(word[length:]) in known:
            return length
    return 0


def line_of(text: str, offset: int) -> int:
    """1-based line number of a code-point offset, for error messages."""
    return text.count("\n", 0, offset) + 1


def resize_span(text: str, start: int, end: int, edge: str, unit: str, direction: int) -> tuple[int, int]:
    """Move one edge of ``[start, end)`` by a word or a character; +1 grows, -1 shrinks.

    ``edge`` is "start" or "end" (logical: in Arabic the start is the right-hand
    edge). A move that would empty the span or leave the text is not made.
    """
    original = (start, end)
    if unit == "char":
        if edge == "start":
            start -= direction
        else:
            end += direction
    else:
        words = [t for t in tokenize(text) if t.is_word]
        if edge == "end" and direction > 0:
            end = next((t.end for t in words if t.start >= end), end)
        elif edge == "end":
            end = max((t.end for t in words if start < t.end < end), default=end)
        elif direction > 0:
            start = max((t.start for t in words if t.end <= start), default=start)
        else:
            start = next((t.start for t in words if start < t.start < end), start)
    return (start, end) if 0 <= start < end <= len(text) else original


# --- proclitics as tokens of their own (token-level exports, ``--split-clitics``) ---------


def proclitic_cuts(word: str, known: frozenset[str] | set[str], vocabulary: frozenset[str] | set[str]) -> list[int]:
    """Offsets inside ``word`` at which to cut its leading proclitics off as tokens, shortest first.

    Built on :func:`proclitic_candidates`, and like :func:`proclitic_length` never
    by letter alone (لبنان، بغداد، وزارة keep all their letters): the longest
    candidate is cut off only when the rest is a number (و|28), a name the project
    knows (ب|دير when دير is in ``known`` and بدير is not), or starts with the
    article (ال or لل) and is a word of its own in ``vocabulary`` (و|الباغوز;
    not ب|الغة, "severe", whose rest is no word). Every shorter candidate is cut
    too, so وبالقرب gives و|ب|القرب. ``known`` and ``vocabulary`` hold
    normalised words. Tashkeel and tatweel after a clitic letter stay with it, so
    the offsets index ``word`` itself, not a normalised copy.
    """
    bare, index = normalize_with_map(word)
    plain = "".join(word[i] for i in index[:-1])  # without marks, letters not unified
    candidates = proclitic_candidates(plain)
    chosen = 0
    for length in reversed(candidates):
        rest = bare[length:]
        if (
            rest[0].isdigit()
            or (rest in known and bare not in known)
            or (plain[length:].startswith(("ال", "لل")) and rest in vocabulary)
        ):
            chosen = length
            break
    return [index[length] for length in candidates if length <= chosen]
