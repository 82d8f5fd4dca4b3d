"""The gazetteer: Syrian places and conflict actors a lead can extend, as a suggester.

``resources/gazetteer.toml`` ships with the app; a lead's own copy in the user
config folder, or a file given with ``--gazetteer``, replaces it. Entries link
to the codebook: ``[[places]]`` suggest PLACE and ``[[actors]]`` ACTOR, with
``kind`` checked against the label's choices (:meth:`Gazetteer.check`), so a
typo in the file is reported with its line instead of producing spans the
project would refuse.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from annotator.codebook import Codebook
from annotator.errors import InputError
from annotator.resources_path import resource_path
from annotator.suggest.names import NameMatcher, Word, words_of
from annotator.suggest.suggestion import Suggestion
from annotator.suggest.words import WordList

APP_NAME = "arabic-event-annotator"  # the user folders the window uses too
SECTIONS = {"places": "PLACE", "actors": "ACTOR"}
# A word right before a place name that says which kind of place it is.
_KIND_CUES = {
    "governorate": WordList.of("محافظة", "محافظتي"),
    "town": WordList.of("مدينة", "مدينتي", "بلدة", "بلدتي", "قرية", "قريتي", "بلدات", "قرى"),
}


@dataclass(frozen=True)
class GazetteerEntry:
    """A name, its other spellings and kinds (first is the default); ``line`` points into the file."""

    label: str
    name: str
    kinds: tuple[str, ...]
    variants: tuple[str, ...]
    line: int | None = None


@dataclass
class Gazetteer:
    path: Path
    entries: tuple[GazetteerEntry, ...]

    def check(self, codebook: Codebook) -> None:
        """Refuse entries whose kind is not a choice of the project's label (the file is at fault)."""
        for entry in self.entries:
            if not codebook.has_label(entry.label):
                continue
            attribute = codebook.label(entry.label).attribute("kind")
            if attribute is None or attribute.type != "choice":
                continue
            for kind in entry.kinds:
                if kind not in attribute.choices:
                    raise InputError(
                        f"{entry.name}: kind {kind!r} is not a {entry.label} kind of the project's codebook "
                        f"({', '.join(attribute.choices)})",
                        path=self.path,
                        line=entry.line,
                    )

    def matcher(self) -> NameMatcher:
        matcher = NameMatcher("gazetteer")
        for entry in self.entries:
            for spelling in (entry.name, *entry.variants):
                matcher.add(
                    spelling, entry.label, {"canonical": entry.name, "kind": entry.kinds[0], "_kinds": entry.kinds}
                )
        return matcher

    def suggest(
        self,
        text: str,
        labels: set[str] | None = None,
        matcher: NameMatcher | None = None,
        words: list[Word] | None = None,
    ) -> list[Suggestion]:
        """PLACE and ACTOR suggestions for ``text``; a cue word before a place picks its kind.

        ``matcher`` (:meth:`matcher`) and ``words`` (``words_of(text)``) save work over many texts.
        """
        words = words_of(text) if words is None else words
        by_end = {w.end: w for w in words}
        out: list[Suggestion] = []
        for found in (matcher or self.matcher()).find(text, words):
            if labels is not None and found.label not in labels:
                continue
            attrs = dict(found.attrs)
            kinds = attrs.pop("_kinds")
            previous = _word_before(text, found.start, by_end)
            if previous is not None:
                for kind, cue in _KIND_CUES.items():
                    if kind in kinds and cue.matches(previous):
                        attrs["kind"] = kind
            out.append(Suggestion(found.label, found.start, found.end, attrs, found.source))
        return out


def _word_before(text: str, start: int, by_end: dict[int, Word]) -> str | None:
    """The word ending just before ``start`` across spaces only (بلدة هجين); None after a
    proclitic (بحلب) or punctuation."""
    position = start
    while position > 0 and text[position - 1].isspace():
        position -= 1
    word = by_end.get(position)
    return None if word is None or position == start else word.text


def default_gazetteer_path() -> Path:
    """The lead's copy in the user config folder if there is one, else the shipped file."""
    own = Path(platformdirs.user_config_dir(APP_NAME)) / "gazetteer.toml"
    return own if own.is_file() else resource_path("gazetteer.toml")


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Read a gazetteer file (default: :func:`default_gazetteer_path`); errors name the file and line."""
    path = Path(path) if path is not None else default_gazetteer_path()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such gazetteer file", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the gazetteer ({exc})", path=path) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {str(exc).split(' (at')[0]}", path=path) from None
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise InputError(f"unknown section(s) {', '.join(sorted(unknown))}; use [[places]] and [[actors]]", path=path)
    entries: list[GazetteerEntry] = []
    for section, label in SECTIONS.items():
        items = data.get(section, [])
        if not isinstance(items, list):
            raise InputError(f"{section} must be a list of tables ([[{section}]])", path=path)
        for number, item in enumerate(items, start=1):
            entries.append(_entry(item, label, f"{section} entry {number}", path, raw))
    return Gazetteer(path, tuple(entries))


def _entry(item: Any, label: str, where: str, path: Path, raw: str) -> GazetteerEntry:
    if not isinstance(item, dict):
        raise InputError(f"{where} is not a table", path=path)
    name = item.get("name")
    line = _line_of(raw, f'"{name}"') if isinstance(name, str) else None
    if not isinstance(name, str) or not words_of(name):
        raise InputError(f"{where} needs a name", path=path)
    unknown = set(item) - {"name", "kind", "variants"}
    if unknown:
        raise InputError(f"{name}: unknown field(s) {', '.join(sorted(unknown))}", path=path, line=line)
    kinds = item.get("kind")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) and k for k in kinds):
        raise InputError(f"{name}: kind must be a choice name or a list of them", path=path, line=line)
    variants = item.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and words_of(v) for v in variants):
        raise InputError(f"{name}: variants must be a list of names", path=path, line=line)
    return GazetteerEntry(label, name, tuple(kinds), tuple(variants), line)


def _line_of(raw: str, needle: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), start=1):
        if needle in line:
            return number
    return None
