"""Event types of a codebook (DESIGN.md, "Events"): frames whose roles are filled with spans.

An event type names its roles (which labels fill each, one span or many) and its typed
attributes, which are :class:`~annotator.codebook.Attribute` as a label's are. Read and
checked with the rest of the codebook (:func:`annotator.codebook_reading.codebook_from_dict`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.errors import ValidationError

if TYPE_CHECKING:
    from annotator.codebook import Attribute


def check_attribute_values(owner: str, attributes: tuple[Attribute, ...], attrs: dict[str, Any]) -> None:
    """Every value of ``attrs`` names an attribute of ``owner`` (a label or an event type) and fits its type."""
    by_name = {a.name: a for a in attributes}
    for key, value in attrs.items():
        attribute = by_name.get(key)
        if attribute is None:
            known = ", ".join(a.name for a in attributes) or "none"
            raise ValidationError(f"{owner} has no attribute '{key}' (known: {known})")
        attribute.check(value, owner)


def display_of(display: dict[str, str], identifier: str, language: str) -> str:
    """The name shown for ``identifier`` in ``language``: the codebook's display name, else the identifier
    (stored data always keeps the identifier; only the window shows display names)."""
    return display.get(language) or identifier


@dataclass(frozen=True)
class Role:
    """A slot of an event type: the spans of ``labels`` that may fill it, one or ``many``."""

    name: str
    labels: tuple[str, ...]
    many: bool = False
    key: str = ""
    description: str = ""
    # Names shown per interface language ({"ar": "منفذ"}); not compared: they change no rule.
    display: dict[str, str] = field(default_factory=dict, compare=False)

    def display_name(self, language: str) -> str:
        return display_of(self.display, self.name, language)


@dataclass(frozen=True)
class EventType:
    """A kind of event such as ATTACK: a frame whose roles are filled with spans of one document."""

    name: str
    key: str = ""
    description: str = ""
    roles: tuple[Role, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    display: dict[str, str] = field(default_factory=dict, compare=False)

    def display_name(self, language: str) -> str:
        return display_of(self.display, self.name, language)

    def role(self, name: str) -> Role:
        for role in self.roles:
            if role.name == name:
                return role
        known = ", ".join(r.name for r in self.roles) or "none"
        raise ValidationError(f"event type {self.name} has no role '{name}' (its roles: {known})")

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    @property
    def role_names(self) -> list[str]:
        return [role.name for role in self.roles]

    def check_attributes(self, attrs: dict[str, Any]) -> None:
        check_attribute_values(self.name, self.attributes, attrs)

    def missing_required(self, attrs: dict[str, Any]) -> list[str]:
        return [a.name for a in self.attributes if a.required and a.name not in attrs]


def event_type_to_dict(event_type: EventType) -> dict[str, Any]:
    data: dict[str, Any] = {"name": event_type.name}
    if event_type.key:
        data["key"] = event_type.key
    if event_type.description:
        data["description"] = event_type.description
    if event_type.display:
        data["display"] = dict(event_type.display)
    data["roles"] = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(role).items() if not _is_unset(v) or k == "labels"}
        for role in event_type.roles
    ]
    data["attributes"] = [_plain(a) for a in event_type.attributes]
    return data


def _plain(attribute: Attribute) -> dict[str, Any]:
    """An attribute as the file writes it: defaults left out, tuples as lists."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(attribute).items() if not _is_unset(v)}


def _is_unset(value: Any) -> bool:
    return value is None or value is False or value == "" or value == () or value == {}
