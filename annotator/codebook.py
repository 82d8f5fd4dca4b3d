"""The codebook: labels, their colours and keys, and their typed attributes; event types
with their roles (which labels fill each) and attributes (:mod:`annotator.event_types`).

A codebook is written by a lead in TOML or JSON and stored inside every project
(as the ``labels`` table, with the event types in ``meta``), so a coder's file carries
the rules it was made with and merges can refuse files made with different rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from annotator.errors import ValidationError
from annotator.event_types import EventType as EventType  # re-exported: the codebook is where callers look
from annotator.event_types import Role as Role
from annotator.event_types import display_of, event_type_to_dict
from annotator.numbers import DEFAULT_VAGUE_AMOUNTS, VagueAmount

ATTRIBUTE_TYPES = ("choice", "integer", "text", "date")
RESERVED_ATTRIBUTES = ("id", "coder", "origin")  # brat notes carry these beside the attributes
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


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
        if self.type == "choice":
            if value not in self.choices:
                raise self._unfit(label, f"must be one of {', '.join(self.choices)}, not {value!r}")
        elif self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise self._unfit(label, f"must be a whole number, not {value!r}")
            if self.minimum is not None and value < self.minimum:
                raise self._unfit(label, f"must be at least {self.minimum}, not {value}")
            if self.maximum is not None and value > self.maximum:
                raise self._unfit(label, f"must be at most {self.maximum}, not {value}")
        elif self.type == "date":
            if not isinstance(value, str) or not _is_iso_date(value):
                raise self._unfit(label, f"must be a date written YYYY-MM-DD, not {value!r}")
        elif not isinstance(value, str):
            raise self._unfit(label, f"must be text, not {value!r}")

    def _unfit(self, label: str, problem: str) -> ValidationError:
        # Made only when a value does not fit: an import checks every attribute of every span.
        return ValidationError(f"attribute '{self.name}' of {label} {problem}")


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
