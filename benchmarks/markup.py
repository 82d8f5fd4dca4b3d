"""Annotated text written by hand: ``[P:...]`` marks a PLACE, ``[A:...]`` an ACTOR.

The development corpus (benchmarks/corpora/dev_places_actors.txt) and the
learning-curve corpus are written this way, which is quicker and surer to write
than offsets; :func:`parse` gives the plain text and the spans in code points.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS = {"P": "PLACE", "A": "ACTOR", "C": "CASUALTY"}
_MARK = re.compile(r"\[([PAC]):([^\[\]]+)\]")


@dataclass
class Report:
    key: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end)
    meta: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The report as a JSONL record ``annotator import`` reads (spans as the coder's own)."""
        return {
            "id": self.key,
            "text": self.text,
            "meta": self.meta,
            "spans": [
                {"label": label, "start": start, "end": end, "text": self.text[start:end]}
                for label, start, end in self.spans
            ],
        }


def parse(marked: str, key: str = "", meta: dict[str, Any] | None = None) -> Report:
    """The plain text of ``marked`` and its spans."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    position = at = 0
    for match in _MARK.finditer(marked):
        out.append(marked[position : match.start()])
        at += match.start() - position
        name = match.group(2)
        spans.append((LABELS[match.group(1)], at, at + len(name)))
        out.append(name)
        at += len(name)
        position = match.end()
    out.append(marked[position:])
    return Report(key, "".join(out), spans, dict(meta or {}))


def read_reports(path: Path) -> list[Report]:
    """The reports of a markup file: ``---`` between them, a first line ``id country``, ``#`` comments."""
    reports = []
    for block in path.read_text(encoding="utf-8").split("\n---\n")[1:]:
        lines = [line for line in block.strip().splitlines() if not line.startswith("#")]
        key, _, country = lines[0].partition(" ")
        reports.append(parse("\n".join(lines[1:]), key, {"country": country}))
    return reports


def write_jsonl(reports: list[Report], path: Path) -> None:
    path.write_text("".join(json.dumps(r.record(), ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
