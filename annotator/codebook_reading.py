"""Reading a codebook: the built-in one, a lead's TOML or JSON file, and a stored one brought
forward to what the built-in codebook gained since (event types, display names).

Every error names the file and, where it can, the line, so a lead can fix a codebook by hand.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from annotator.codebook import (
    ATTRIBUTE_TYPES,
    RESERVED_ATTRIBUTES,
    Attribute,
    Codebook,
    EventType,
    Label,
    Role,
)
from annotator.errors import InputError
from annotator.numbers import DEFAULT_VAGUE_AMOUNTS, vague_amounts_from
from annotator.plain_files import read_text
from annotator.resources_path import resource_path

_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")


@cache
def default_codebook() -> Codebook:
    """The built-in conflict-news codebook shipped in ``resources/codebook.toml``; read once, as
    every project opened compares its stored codebook with it (a Codebook is immutable)."""
    path = resource_path("codebook.toml")
    return parse_codebook(path.read_text(encoding="utf-8"), "codebook.toml", "toml")


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
    raw = read_text(path, "codebook")
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
        key = _key_from(item, f"label {name}", seen_keys, "another label", fail, name)
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


def _key_from(item: dict[str, Any], owner: str, seen_keys: set[str], others: str, fail: Any, name: str) -> str:
    """The one-character key of a label or an event type, refused when ``others`` use it
    already (the window reads every key in one article); it joins ``seen_keys``."""
    key = item.get("key", "")
    if not isinstance(key, str) or len(key) > 1:
        raise fail(f"{owner}: key must be one character (got {key!r})", name)
    if key and key.lower() in seen_keys:
        raise fail(f"{owner}: key {key!r} is already used by {others}", name)
    if key:
        seen_keys.add(key.lower())
    return key


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
        key = _key_from(item, f"event type {name}", seen_keys, "a label or another event type", fail, name)
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
