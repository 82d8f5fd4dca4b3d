"""The gazetteer: places and conflict actors of the region a lead can extend, as a suggester.

The built-in gazetteer is several files read in order, the first spelling of a
name winning: ``resources/gazetteer.toml`` (Syria, written by hand),
``resources/gazetteer/region.toml`` (the other countries' governorates and
cities), ``resources/gazetteer/actors.toml`` (each country's forces, groups,
ministries and monitors) and ``resources/gazetteer/geonames.toml`` (generated
from GeoNames by ``tools/build_gazetteer.py``). A lead's own ``gazetteer.toml``
in the user config folder, or a file given with ``--gazetteer``, replaces them
all. A name around which a text adds a qualifier (ريف حلب الغربي، شمال غزة) is
suggested with it (:mod:`annotator.suggest.qualifiers`). Entries link
to the codebook: ``[[places]]`` suggest PLACE and ``[[actors]]`` ACTOR, with
``kind`` checked against the label's choices (:meth:`Gazetteer.check`), so a
typo in the file is reported with its line instead of producing spans the
project would refuse.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from annotator.codebook import Codebook
from annotator.errors import InputError
from annotator.plain_files import read_text
from annotator.resources_path import resource_path
from annotator.suggest.actor_phrases import grow_actors
from annotator.suggest.bodies import with_bodies
from annotator.suggest.cue_names import names_after_cues
from annotator.suggest.names import NameMatcher, Word, name_key, words_of
from annotator.suggest.people import find_people
from annotator.suggest.qualifiers import (
    KIND_CUES,
    after_a_number,
    common_name_is_place,
    cue_before,
    with_qualifiers,
    without_kind_cue,
)
from annotator.suggest.references import references
from annotator.suggest.repeats import repeated_names
from annotator.suggest.sites import with_sites
from annotator.suggest.suggestion import Suggestion

APP_NAME = "arabic-event-annotator"  # the user folders the window uses too
SECTIONS = {"places": "PLACE", "actors": "ACTOR"}
FIELDS = {"name", "kind", "variants", "country", "coordinates", "geonameid", "cue"}
BUILT_IN_FILES = ("region.toml", "actors.toml", "geonames.toml")  # under resources/gazetteer/, after gazetteer.toml


@dataclass(frozen=True)
class GazetteerEntry:
    """A name, its other spellings and kinds (first is the default); ``line`` points into the file."""

    label: str
    name: str
    kinds: tuple[str, ...]
    variants: tuple[str, ...]
    line: int | None = None
    path: Path | None = None  # the file it was read from, for messages
    country: str = ""
    coordinates: tuple[float, float] | None = None
    cue: bool = False  # also a common word: suggested only after a cue word (مدينة الباب)


@dataclass
class Gazetteer:
    path: Path
    entries: tuple[GazetteerEntry, ...]
    _matcher: NameMatcher | None = field(default=None, repr=False, compare=False)

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
                        path=entry.path or self.path,
                        line=entry.line,
                    )

    def matcher(self) -> NameMatcher:
        """The names to look for; built once per gazetteer (the built-in one is shared)."""
        if self._matcher is None:
            self._matcher = self._build_matcher()
        return self._matcher

    def _build_matcher(self) -> NameMatcher:
        matcher = NameMatcher("gazetteer")
        for entry in self.entries:
            for spelling in (entry.name, *entry.variants):
                name, after_cue = spelling, False
                if entry.label == "PLACE":
                    name, after_cue = without_kind_cue(spelling, entry.kinds)
                matcher.add(
                    name,
                    entry.label,
                    # a longer spelling (الحجر الأسود) is no common word, whatever its one-word form is;
                    # a name listed with its kind word (مخيم الشاطئ) is found only after one
                    {
                        "canonical": entry.name,
                        "kind": entry.kinds[0],
                        "_kinds": entry.kinds,
                        "_cue": after_cue or (entry.cue and len(name_key(name)) == 1),
                    },
                )
        return matcher

    def suggest(
        self,
        text: str,
        labels: set[str] | None = None,
        matcher: NameMatcher | None = None,
        words: list[Word] | None = None,
    ) -> list[Suggestion]:
        """PLACE and ACTOR suggestions for ``text``; a cue word before a place picks its kind,
        a qualifier around it (ريف، الغربي) joins the span, a name that is also a common word
        is suggested only after a cue word, actors written around a known name are found
        (:mod:`annotator.suggest.actor_phrases`) and so are unlisted names after a cue word
        (:mod:`annotator.suggest.cue_names`).

        ``matcher`` (:meth:`matcher`) and ``words`` (``words_of(text)``) save work over many texts.
        """
        words = words_of(text) if words is None else words
        by_end = {w.end: w for w in words}
        index = {w.start: i for i, w in enumerate(words)}
        out: list[Suggestion] = []
        for found in (matcher or self.matcher()).find(text, words):
            attrs = dict(found.attrs)
            kinds = attrs.pop("_kinds")
            cue = cue_before(text, found.start, by_end)
            if attrs.pop("_cue", False) and cue is None and not common_name_is_place(text, found.start, found.end, by_end):
                continue
            if found.label == "PLACE" and (after_a_number(text, found.start) or _adverb(text, found.end)):
                continue
            if cue is not None:
                for kind, words_of_kind in KIND_CUES.items():
                    # a camp is a site even where a town has its name (مخيم جنين)
                    if (kind in kinds or kind == "site") and words_of_kind.matches(cue):
                        attrs["kind"] = kind
            if found.label == "PLACE":
                found = with_qualifiers(text, words, index, Suggestion(found.label, found.start, found.end, attrs, found.source))
                attrs = found.attrs
            out.append(Suggestion(found.label, found.start, found.end, attrs, found.source))
        out = with_bodies(text, words, grow_actors(text, words, out))
        out += names_after_cues(words, [(s.start, s.end) for s in out])
        out = with_sites(words, out)
        out += find_people(words, out)
        out += repeated_names(text, words, out)
        out += references(text, words, out)
        return sorted((s for s in out if labels is None or s.label in labels), key=lambda s: s.start)


def _adverb(text: str, end: int) -> bool:
    """A name ending in the accusative's tanween is an adverb of it (المدعومة «تركياً»: by Turkey),
    never the place: a place is not put in the accusative without an article."""
    return text[end : end + 1] == "\u064b" or text[end - 1 : end] == "\u064b"


def default_gazetteer_path() -> Path:
    """The lead's copy in the user config folder if there is one, else the shipped Syrian file."""
    own = Path(platformdirs.user_config_dir(APP_NAME)) / "gazetteer.toml"
    return own if own.is_file() else resource_path("gazetteer.toml")


def default_gazetteer_paths() -> list[Path]:
    """The lead's copy alone if there is one, else every built-in file (:func:`built_in_paths`)."""
    first = default_gazetteer_path()
    return [first] if first != resource_path("gazetteer.toml") else built_in_paths()


def built_in_paths(resources: Path | None = None) -> list[Path]:
    """The shipped files in the order they are read, hand-written ones first; under ``resources``
    if given (a source checkout's folder), else where the app's resources are."""
    root = resources if resources is not None else resource_path()
    return [root / "gazetteer.toml", *(root / "gazetteer" / name for name in BUILT_IN_FILES)]


def load_gazetteer(path: str | Path | Sequence[Path] | None = None) -> Gazetteer:
    """Read a gazetteer file, or several in order (default: :func:`default_gazetteer_paths`);
    errors name the file and line. A list of files is parsed once per process while they
    are unchanged."""
    if isinstance(path, str | Path):
        return _read(Path(path))
    paths = list(path) if path is not None else default_gazetteer_paths()
    stamp = tuple((str(p), *_stat(p)) for p in paths)
    cached = _CACHE.get(stamp)
    if cached is None:
        entries: list[GazetteerEntry] = []
        for each in paths:
            entries += _read(each).entries
        cached = _CACHE[stamp] = Gazetteer(paths[0], tuple(entries))
    return cached


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


_CACHE: dict[tuple[tuple[str, int, int], ...], Gazetteer] = {}


def _read(path: Path) -> Gazetteer:
    return load_gazetteer_text(read_text(path, "gazetteer"), path)


def load_gazetteer_text(raw: str, path: Path) -> Gazetteer:
    """A gazetteer from the TOML text of ``path`` (messages name it)."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {str(exc).split(' (at')[0]}", path=path) from None
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise InputError(f"unknown section(s) {', '.join(sorted(unknown))}; use [[places]] and [[actors]]", path=path)
    entries: list[GazetteerEntry] = []
    lines = _name_lines(raw)
    for section, label in SECTIONS.items():
        items = data.get(section, [])
        if not isinstance(items, list):
            raise InputError(f"{section} must be a list of tables ([[{section}]])", path=path)
        for number, item in enumerate(items, start=1):
            entries.append(_entry(item, label, f"{section} entry {number}", path, raw, lines))
    return Gazetteer(path, tuple(entries))


def _name_lines(raw: str) -> dict[str, int]:
    """The line of each ``name = "..."`` in the file, the first where a name repeats (one pass,
    so a big generated file is read as fast as tomllib parses it)."""
    out: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.startswith("name = "):
            out.setdefault(line[len("name = ") :].strip(), number)
    return out


def _entry(item: Any, label: str, where: str, path: Path, raw: str, lines: dict[str, int]) -> GazetteerEntry:
    if not isinstance(item, dict):
        raise InputError(f"{where} is not a table", path=path)
    name = item.get("name")
    line = (lines.get(f'"{name}"') or _line_of(raw, f'"{name}"')) if isinstance(name, str) else None
    if not isinstance(name, str) or not words_of(name):
        raise InputError(f"{where} needs a name", path=path)
    unknown = set(item) - FIELDS
    if unknown:
        raise InputError(f"{name}: unknown field(s) {', '.join(sorted(unknown))}", path=path, line=line)
    kinds = item.get("kind")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) and k for k in kinds):
        raise InputError(f"{name}: kind must be a choice name or a list of them", path=path, line=line)
    variants = item.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and words_of(v) for v in variants):
        raise InputError(f"{name}: variants must be a list of names", path=path, line=line)
    country = item.get("country", "")
    coordinates = item.get("coordinates")
    cue = item.get("cue", False)
    if not isinstance(country, str) or not isinstance(cue, bool):
        raise InputError(f"{name}: country must be a name and cue true or false", path=path, line=line)
    if coordinates is not None and not (
        isinstance(coordinates, list) and len(coordinates) == 2 and all(isinstance(c, int | float) for c in coordinates)
    ):
        raise InputError(f"{name}: coordinates must be [latitude, longitude]", path=path, line=line)
    point = (float(coordinates[0]), float(coordinates[1])) if coordinates is not None else None
    return GazetteerEntry(label, name, tuple(kinds), tuple(variants), line, path, country, point, cue)


def _line_of(raw: str, needle: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), start=1):
        if needle in line:
            return number
    return None
