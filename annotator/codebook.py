"""The codebook: labels, their colours and keys, and their typed attributes; event types
with their roles (which labels fill each) and attributes (:mod:`annotator.event_types`).

A codebook is written by a lead in TOML or JSON and stored inside every project
(as the ``labels`` table, with the event types in ``meta``), so a coder's file carries
the rules it was made with and merges can refuse files made with different rules.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from annotator.errors import InputError, ValidationError
from annotator.event_types import EventType as EventType  # re-exported: the codebook is where callers look
from annotator.event_types import Role as Role
from annotator.event_types import display_of, event_type_to_dict
from annotator.numbers import DEFAULT_VAGUE_AMOUNTS, VagueAmount, vague_amounts_from
from annotator.resources_path import resource_path

ATTRIBUTE_TYPES = ("choice", "integer", "text", "date")
RESERVED_ATTRIBUTES = ("id", "coder", "origin")  # brat notes carry these beside the attributes
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Attribute:
    """A typed field of a label or an event type. ``choices`` only for ``choice``; bounds only
    for ``integer``; a ``date`` is ISO text (YYYY-MM-DD), a real day of the calendar."""

    name: str
    type: str
    choices: tuple[str, ...] = ()
    required: bool = False
    description: str = ""
    minimum: int | None = None
    maximum: int | None = None
    # Names shown per interface language; not compared (two files differing only in them merge).
    display: dict[str, str] = field(default_factory=dict, compare=False)
    choice_display: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)

    def display_name(self, language: str) -> str:
        return display_of(self.display, self.name, language)

    def choice_name(self, choice: str, language: str) -> str:
        """A choice as the window shows it; the stored value stays ``choice``."""
        return display_of(self.choice_display.get(choice, {}), choice, language)

    def check(self, value: Any, label: str) -> None:
        """Raise :class:`ValidationError` unless ``value`` fits this attribute."""
        where = f"attribute '{self.name}' of {label}"
        if self.type == "choice":
            if value not in self.choices:
                raise ValidationError(f"{where} must be one of {', '.join(self.choices)}, not {value!r}")
        elif self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"{where} must be a whole number, not {value!r}")
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(f"{where} must be at least {self.minimum}, not {value}")
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(f"{where} must be at most {self.maximum}, not {value}")
        elif self.type == "date":
            if not isinstance(value, str) or not _is_iso_date(value):
                raise ValidationError(f"{where} must be a date written YYYY-MM-DD, not {value!r}")
        elif not isinstance(value, str):
            raise ValidationError(f"{where} must be text, not {value!r}")


def _is_iso_date(value: str) -> bool:
    if not _DATE_RE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Label:
    """A span label such as ACTOR, with the key that applies it in the window."""

    name: str
    color: str
    key: str = ""
    description: str = ""
    attributes: tuple[Attribute, ...] = ()
    strip_proclitics: bool = False
    display: dict[str, str] = field(default_factory=dict, compare=False)

    def display_name(self, language: str) -> str:
        return display_of(self.display, self.name, language)

    def attribute(self, name: str) -> Attribute | None:
        return self._attributes_by_name.get(name)

    @cached_property
    def _attributes_by_name(self) -> dict[str, Attribute]:
        """An import looks up two attributes of every span it checks: by name, not by scan."""
        return {a.name: a for a in self.attributes}

    def check_attributes(self, attrs: dict[str, Any]) -> None:
        """Every attribute known and of its type. Missing required ones are allowed
        while a coder works (the window shows them); ``missing_required`` tells."""
        for key, value in attrs.items():
            attribute = self.attribute(key)
            if attribute is None:
                known = ", ".join(a.name for a in self.attributes) or "none"
                raise ValidationError(f"{self.name} has no attribute '{key}' (known: {known})")
            attribute.check(value, self.name)

    def carried_attributes(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """What a span relabelled to this label keeps of its attributes: those this label also
        defines; none at all when one of them has another type here (a half-kept set would mislead)."""
        kept = {k: v for k, v in attrs.items() if self.attribute(k) is not None}
        try:
            self.check_attributes(kept)
        except ValidationError:
            return {}
        return kept

    def missing_required(self, attrs: dict[str, Any]) -> list[str]:
        return [a.name for a in self.attributes if a.required and a.name not in attrs]


@dataclass(frozen=True)
class Codebook:
    """An ordered set of labels; the order is the order of keys and legends."""

    name: str
    labels: tuple[Label, ...] = field(default_factory=tuple)
    # How vague amounts (عشرات، مئات) are read into CASUALTY min/max/value; a
    # codebook without a [[vague_amounts]] list gets the built-in rule.
    vague_amounts: tuple[VagueAmount, ...] = DEFAULT_VAGUE_AMOUNTS
    # Frames over spans (DESIGN.md, "Events"); a codebook made before events declares none.
    event_types: tuple[EventType, ...] = ()

    def event_type(self, name: str) -> EventType:
        for event_type in self.event_types:
            if event_type.name == name:
                return event_type
        known = ", ".join(t.name for t in self.event_types)
        has = f"the codebook has {known}" if known else "the project's codebook declares no event types"
        raise ValidationError(f"unknown event type '{name}' ({has})")

    @property
    def event_type_names(self) -> list[str]:
        return [t.name for t in self.event_types]

    def label(self, name: str) -> Label:
        found = self._labels_by_name.get(name)
        if found is not None:
            return found
        known = ", ".join(label.name for label in self.labels)
        raise ValidationError(f"unknown label '{name}' (the codebook has {known})")

    def display(self, kind: str, name: str, language: str) -> str:
        """The shown name of a ``label`` or ``event`` type called ``name`` (the name itself when unknown)."""
        if kind == "label" and self.has_label(name):
            return self.label(name).display_name(language)
        if kind == "event" and name in self.event_type_names:
            return self.event_type(name).display_name(language)
        return name

    def has_label(self, name: str) -> bool:
        return name in self._labels_by_name

    @cached_property
    def _labels_by_name(self) -> dict[str, Label]:
        return {label.name: label for label in self.labels}

    def key_owners(self) -> dict[str, str]:
        """The codebook's own keys (lower case) and what each starts: a label or an event type.
        The window's commands may not take them."""
        owners = {label.key.lower(): label.name for label in self.labels if label.key}
        owners |= {kind.key.lower(): kind.name for kind in self.event_types if kind.key}
        return owners

    @property
    def label_names(self) -> list[str]:
        return [label.name for label in self.labels]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, the same shape the TOML/JSON file has ("events" only when there are some,
        so a codebook without events reads as it did before events existed)."""
        data: dict[str, Any] = {
            "name": self.name,
            "labels": [_label_to_dict(label) for label in self.labels],
            "vague_amounts": [amount.to_dict() for amount in self.vague_amounts],
        }
        if self.event_types:
            data["events"] = self.events_to_list()
        return data

    def events_to_list(self) -> list[dict[str, Any]]:
        """The event types as plain data (the ``[[events]]`` of the file)."""
        return [event_type_to_dict(t) for t in self.event_types]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    def differences(self, other: Codebook) -> list[str]:
        """Human-readable differences, for refusing a merge with a clear message."""
        mine, theirs = {lb.name: lb for lb in self.labels}, {lb.name: lb for lb in other.labels}
        out = [f"label {n} only in the first" for n in mine if n not in theirs]
        out += [f"label {n} only in the second" for n in theirs if n not in mine]
        for name in mine.keys() & theirs.keys():
            a, b = mine[name].attributes, theirs[name].attributes
            if a != b:
                names_a, names_b = {x.name: x for x in a}, {x.name: x for x in b}
                for attr in sorted(names_a.keys() | names_b.keys()):
                    if names_a.get(attr) != names_b.get(attr):
                        out.append(f"attribute {name}.{attr} differs")
        mine_events = {t.name: t for t in self.event_types}
        theirs_events = {t.name: t for t in other.event_types}
        out += [f"event type {n} only in the first" for n in mine_events if n not in theirs_events]
        out += [f"event type {n} only in the second" for n in theirs_events if n not in mine_events]
        for name in mine_events.keys() & theirs_events.keys():
            a_type, b_type = mine_events[name], theirs_events[name]
            roles_a, roles_b = {r.name: r for r in a_type.roles}, {r.name: r for r in b_type.roles}
            for role in sorted(roles_a.keys() | roles_b.keys()):
                if _role_rule(roles_a.get(role)) != _role_rule(roles_b.get(role)):
                    out.append(f"role {name}.{role} differs")
            attrs_a, attrs_b = {x.name: x for x in a_type.attributes}, {x.name: x for x in b_type.attributes}
            for attr in sorted(attrs_a.keys() | attrs_b.keys()):
                if attrs_a.get(attr) != attrs_b.get(attr):
                    out.append(f"attribute {name}.{attr} differs")
        return sorted(out)


def _role_rule(role: Role | None) -> tuple[frozenset[str], bool] | None:
    """What a role accepts: its key and description may differ between two files, its rule not."""
    return None if role is None else (frozenset(role.labels), role.many)


def _label_to_dict(label: Label) -> dict[str, Any]:
    data = asdict(label)
    data["attributes"] = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(a).items() if not _is_unset(v)}
        for a in label.attributes
    ]
    return {k: v for k, v in data.items() if not _is_unset(v) or k in ("name", "color", "attributes")}


def _is_unset(value: Any) -> bool:
    """Defaults left out of the stored form (``0`` is a real bound, so no truthiness test)."""
    return value is None or value is False or value == "" or value == () or value == {}


# --- reading -----------------------------------------------------------------------


@cache
def default_codebook() -> Codebook:
    """The built-in conflict-news codebook shipped in ``resources/codebook.toml``; read once, as
    every project opened compares its stored codebook with it (a Codebook is immutable)."""
    path = resource_path("codebook.toml")
    return parse_codebook(path.read_text(encoding="utf-8"), "codebook.toml", "toml")


def fit_attributes(owner: Label | EventType, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes ``owner`` (a label or an event type) defines and accepts: what a suggester
    proposes is kept only where a lead's own codebook, which may have fewer or other choices, takes it."""
    out: dict[str, Any] = {}
    for name, value in attrs.items():
        attribute = owner.attribute(name)
        if attribute is None:
            continue
        try:
            attribute.check(value, owner.name)
        except ValidationError:
            continue
        out[name] = value
    return out


def brought_forward(codebook: Codebook) -> Codebook:
    """A built-in codebook stored before events, with what the built-in one gained since (the
    labels it lacks, at the end, and the event types): how schema 3 brings such a file forward,
    and how a lead reads one that is still older. A lead's own codebook is left as it is."""
    built_in = default_codebook()
    if codebook.name != built_in.name or codebook.event_types:
        return codebook
    known = set(codebook.label_names)
    labels = codebook.labels + tuple(label for label in built_in.labels if label.name not in known)
    return replace(codebook, labels=labels, event_types=built_in.event_types)


def with_built_in_display(codebook: Codebook) -> Codebook:
    """A built-in codebook stored before display names existed, with the built-in display names
    wherever it has none (so an older project shows Arabic names in an Arabic window too).
    A lead's own codebook, or one that has display names, is left as it is."""
    built_in = default_codebook()
    if codebook.name != built_in.name or _has_display(codebook):
        return codebook

    def attributes(mine: tuple[Attribute, ...], theirs: tuple[Attribute, ...]) -> tuple[Attribute, ...]:
        known = {a.name: a for a in theirs}
        out = []
        for attribute in mine:
            source = known.get(attribute.name)
            if source is None:
                out.append(attribute)
                continue
            choices = {c: n for c, n in source.choice_display.items() if c in attribute.choices}
            out.append(replace(attribute, display=dict(source.display), choice_display=choices))
        return tuple(out)

    labels = tuple(
        replace(label, display=dict(built_in.label(label.name).display),
                attributes=attributes(label.attributes, built_in.label(label.name).attributes))
        if built_in.has_label(label.name) else label
        for label in codebook.labels
    )
    known_events = {t.name: t for t in built_in.event_types}
    events = []
    for event_type in codebook.event_types:
        source = known_events.get(event_type.name)
        if source is None:
            events.append(event_type)
            continue
        roles = {r.name: r for r in source.roles}
        events.append(replace(
            event_type, display=dict(source.display),
            roles=tuple(replace(r, display=dict(roles[r.name].display)) if r.name in roles else r
                        for r in event_type.roles),
            attributes=attributes(event_type.attributes, source.attributes),
        ))
    return replace(codebook, labels=labels, event_types=tuple(events))


def _has_display(codebook: Codebook) -> bool:
    attributes = [a for label in codebook.labels for a in label.attributes]
    attributes += [a for t in codebook.event_types for a in t.attributes]
    return (any(label.display for label in codebook.labels) or any(a.display or a.choice_display for a in attributes)
            or any(t.display or any(r.display for r in t.roles) for t in codebook.event_types))


def load_codebook(path: str | Path) -> Codebook:
    """Read a TOML or JSON codebook; any problem names the file and, where known, the line."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such codebook file", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the codebook ({exc})", path=path) from None
    kind = "json" if path.suffix.lower() == ".json" else "toml"
    return parse_codebook(raw, path, kind)


def parse_codebook(raw: str, path: str | Path, kind: str) -> Codebook:
    if kind == "json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    else:
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            line = _toml_error_line(str(exc))
            raise InputError(f"not valid TOML: {str(exc).split(' (at')[0]}", path=path, line=line) from None
    return codebook_from_dict(data, path, raw)


def codebook_from_dict(data: Any, path: str | Path = "<codebook>", raw: str = "") -> Codebook:
    """Build and check a codebook from plain data (a parsed file, or a project's stored copy)."""

    def fail(message: str, *needles: str) -> InputError:
        return InputError(message, path=path, line=_find_line(raw, needles))

    def fail_in_events(message: str, *needles: str) -> InputError:
        """As ``fail``, looking only below the events section: its role and label names are
        also the labels' own, higher up."""
        start = _find_line(raw, ("[[events]]", '"events"')) or 1
        return InputError(message, path=path, line=_find_line(raw, needles, start))

    if not isinstance(data, dict) or not isinstance(data.get("labels"), list) or not data["labels"]:
        raise fail("a codebook needs a non-empty list of labels ([[labels]] in TOML)")
    labels: list[Label] = []
    seen_names: set[str] = set()
    seen_keys: set[str] = set()
    for number, item in enumerate(data["labels"], start=1):
        if not isinstance(item, dict):
            raise fail(f"label {number} is not a table")
        name = item.get("name")
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise fail(f"label {number} needs a name of letters, digits, _ or - (got {name!r})", "name")
        if name in seen_names:
            raise fail(f"label {name} is defined twice", name)
        seen_names.add(name)
        color = item.get("color", "#999999")
        if not isinstance(color, str) or not _COLOUR_RE.match(color):
            raise fail(f"label {name}: color must look like #RRGGBB (got {color!r})", str(color))
        key = item.get("key", "")
        if not isinstance(key, str) or len(key) > 1:
            raise fail(f"label {name}: key must be one character (got {key!r})", name)
        if key and key.lower() in seen_keys:
            raise fail(f"label {name}: key {key!r} is already used by another label", name)
        if key:
            seen_keys.add(key.lower())
        unknown = set(item) - {"name", "color", "key", "description", "attributes", "strip_proclitics", "display"}
        if unknown:
            raise fail(f"label {name}: unknown field(s) {', '.join(sorted(unknown))}", *sorted(unknown))
        attributes = _attributes_from(item.get("attributes", []), name, fail)
        labels.append(
            Label(
                name=name,
                color=color.upper(),
                key=key,
                description=str(item.get("description", "")),
                attributes=attributes,
                strip_proclitics=bool(item.get("strip_proclitics", False)),
                display=_display_from(item.get("display", {}), f"label {name}", fail, name),
            )
        )
    vague = DEFAULT_VAGUE_AMOUNTS if "vague_amounts" not in data else vague_amounts_from(data["vague_amounts"], fail)
    events = _event_types_from(data.get("events", []), labels, seen_keys, fail_in_events)
    return Codebook(name=str(data.get("name", "codebook")), labels=tuple(labels), vague_amounts=vague, event_types=events)


def _event_types_from(items: Any, labels: list[Label], label_keys: set[str], fail: Any) -> tuple[EventType, ...]:
    """Event types, each checked against the labels: a role names labels of this codebook,
    and an event type's key is not a label's (the window reads both keys in one article)."""
    if not isinstance(items, list):
        raise fail("events must be a list of event types ([[events]] in TOML)", "events")
    label_names = [label.name for label in labels]
    out: list[EventType] = []
    seen_names: set[str] = set()
    seen_keys = set(label_keys)
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise fail(f"event type {number} is not a table", "[[events]]")
        name = item.get("name")
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise fail(f"event type {number} needs a name of letters, digits, _ or - (got {name!r})", "[[events]]")
        if name in seen_names:
            raise fail(f"event type {name} is defined twice", name)
        if name in label_names:  # brat's annotation.conf and the exports name both in one namespace
            raise fail(f"event type {name} has the name of a label; give it another", name)
        seen_names.add(name)
        unknown = set(item) - {"name", "key", "description", "roles", "attributes", "display"}
        if unknown:
            raise fail(f"event type {name}: unknown field(s) {', '.join(sorted(unknown))}", *sorted(unknown))
        key = item.get("key", "")
        if not isinstance(key, str) or len(key) > 1:
            raise fail(f"event type {name}: key must be one character (got {key!r})", name)
        if key and key.lower() in seen_keys:
            raise fail(f"event type {name}: key {key!r} is already used by a label or another event type", name)
        if key:
            seen_keys.add(key.lower())
        roles = _roles_from(item.get("roles"), name, label_names, fail)
        attributes = _attributes_from(item.get("attributes", []), name, fail, owner=f"event type {name}", thing="event")
        out.append(EventType(name=name, key=key, description=str(item.get("description", "")), roles=roles,
                             attributes=attributes,
                             display=_display_from(item.get("display", {}), f"event type {name}", fail, name)))
    return tuple(out)


def _roles_from(items: Any, event: str, label_names: list[str], fail: Any) -> tuple[Role, ...]:
    if not isinstance(items, list) or not items:
        raise fail(f"event type {event} needs a non-empty list of roles ([[events.roles]] in TOML)", event)
    out: list[Role] = []
    seen_names: set[str] = set()
    seen_keys: set[str] = set()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not _NAME_RE.match(item["name"]):
            raise fail(f"event type {event}: role {number} needs a name of letters, digits, _ or -", event)
        name = item["name"]
        if name in seen_names:
            raise fail(f"event type {event}: role {name} is defined twice", name)
        seen_names.add(name)
        unknown = set(item) - {"name", "labels", "many", "key", "description", "display"}
        if unknown:
            raise fail(f"event type {event}: role {name} has unknown field(s) {', '.join(sorted(unknown))}",
                       *sorted(unknown))
        labels = item.get("labels")
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
            raise fail(f"event type {event}: role {name} needs a non-empty list of labels it takes", name)
        strangers = [x for x in labels if x not in label_names]
        if strangers:
            raise fail(
                f"event type {event}: role {name} takes unknown label(s) {', '.join(strangers)} "
                f"(the codebook has {', '.join(label_names)})",
                f'"{strangers[0]}"',
            )
        many = item.get("many", False)
        if not isinstance(many, bool):
            raise fail(f"event type {event}: role {name}: many must be true or false (got {many!r})", name)
        key = item.get("key", "")
        if not isinstance(key, str) or len(key) > 1:
            raise fail(f"event type {event}: role {name}: key must be one character (got {key!r})", name)
        if key and key.lower() in seen_keys:
            raise fail(f"event type {event}: role {name}: key {key!r} is already used by another role", name)
        if key:
            seen_keys.add(key.lower())
        out.append(Role(name=name, labels=tuple(dict.fromkeys(labels)), many=many, key=key,
                        description=str(item.get("description", "")),
                        display=_display_from(item.get("display", {}), f"event type {event}: role {name}", fail, name)))
    return tuple(out)


def _attributes_from(items: Any, label: str, fail: Any, *, owner: str = "", thing: str = "span") -> tuple[Attribute, ...]:
    """The attributes of a label (or, with ``owner`` "event type X" and ``thing`` "event", of an event type)."""
    owner = owner or f"label {label}"
    table = "labels" if thing == "span" else "events"
    if not isinstance(items, list):
        raise fail(f"{owner}: attributes must be a list ([[{table}.attributes]] in TOML)", label)
    out: list[Attribute] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not _NAME_RE.match(item["name"]):
            raise fail(f"{owner}: every attribute needs a name of letters, digits, _ or -", label)
        name = item["name"]
        if name in RESERVED_ATTRIBUTES:
            raise fail(
                f"{owner}: {name!r} cannot name an attribute: exports use it for the {thing}'s own {name}", name
            )
        if name in seen:
            raise fail(f"{owner}: attribute {name} is defined twice", name)
        seen.add(name)
        kind = item.get("type")
        if kind not in ATTRIBUTE_TYPES:
            raise fail(
                f"{owner}: attribute {name} has type {kind!r}; use one of {', '.join(ATTRIBUTE_TYPES)}",
                str(kind),
                name,
            )
        choices = item.get("choices", [])
        if kind == "choice" and (
            not isinstance(choices, list) or not choices or not all(isinstance(c, str) and c for c in choices)
        ):
            raise fail(f"{owner}: choice attribute {name} needs a non-empty list of text choices", name)
        if kind != "choice" and choices:
            raise fail(f"{owner}: attribute {name} is {kind}, choices are only for choice attributes", name)
        bounds = {k: item.get(k) for k in ("minimum", "maximum")}
        for bound_name, bound in bounds.items():
            if bound is not None and (kind != "integer" or isinstance(bound, bool) or not isinstance(bound, int)):
                raise fail(f"{owner}: {bound_name} of {name} must be a whole number on an integer attribute", name)
        unknown = set(item) - {"name", "type", "choices", "required", "description", "minimum", "maximum", "display",
                               "choice_display"}
        if unknown:
            raise fail(f"{owner}: attribute {name} has unknown field(s) {', '.join(sorted(unknown))}", *unknown)
        out.append(
            Attribute(
                name=name,
                type=kind,
                choices=tuple(choices),
                required=bool(item.get("required", False)),
                description=str(item.get("description", "")),
                minimum=bounds["minimum"],
                maximum=bounds["maximum"],
                display=_display_from(item.get("display", {}), f"{owner}: attribute {name}", fail, name),
                choice_display=_choice_display_from(item.get("choice_display", {}), tuple(choices) if kind == "choice"
                                                    else (), f"{owner}: attribute {name}", fail, name),
            )
        )
    return tuple(out)


def _display_from(value: Any, owner: str, fail: Any, name: str) -> dict[str, str]:
    """A ``display`` table: language code to the name shown in that interface language."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and _LANGUAGE_RE.match(k) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise fail(f"{owner}: display must map language codes to names, as display = {{ en = \"…\", ar = \"…\" }}",
                   "display", name)
    return {k: v.strip() for k, v in value.items()}


def _choice_display_from(value: Any, choices: tuple[str, ...], owner: str, fail: Any, name: str) -> dict[str, dict[str, str]]:
    """A ``choice_display`` table: for choices of this attribute, their display names."""
    if not isinstance(value, dict):
        raise fail(f"{owner}: choice_display must map choices to display tables", "choice_display", name)
    if value and not choices:
        raise fail(f"{owner}: choice_display is only for choice attributes", "choice_display", name)
    out: dict[str, dict[str, str]] = {}
    for choice, names in value.items():
        if choice not in choices:
            raise fail(f"{owner}: choice_display names {choice!r}, which is not one of its choices "
                       f"({', '.join(choices)})", f"{choice} =", f'"{choice}"', "choice_display")
        out[choice] = _display_from(names, f"{owner}: choice {choice}", fail, f"{choice} =")
    return out


def _toml_error_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def _find_line(raw: str, needles: tuple[str, ...], start: int = 1) -> int | None:
    """The first line of the source, from line ``start`` on, holding one of ``needles``: semantic
    errors found after parsing still point the lead at a line."""
    for needle in needles:
        if not needle:
            continue
        for number, line in enumerate(raw.splitlines(), start=1):
            if number >= start and needle in line:
                return number
    return None
