"""What a suggester proposes, before it is checked against the project and stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    """A proposed span ``[start, end)`` in code points of the document's stored text.

    ``source`` names the suggester (casualty, gazetteer, memory) and goes into
    the stored annotation's provenance, so a lead can tell them apart.
    """

    label: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str = ""
