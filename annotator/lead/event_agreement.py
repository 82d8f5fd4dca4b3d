"""How far coders agree on events: which of their frames match, and on what.

Events are compared like spans (DESIGN.md, "Events"): a pair of coders on the documents
both marked ``done``, suggestions left out. Spans of two coders have different ids, so
slots are compared by the offsets of the spans they name.

Matching, per document and pair of coders:

- For two events of the same type, a role *agrees* when both fill it and some span of
  one overlaps some span of the other; it *conflicts* when both fill it and none
  overlap; a role only one fills is neither.
- Two events can match only when they agree on at least one *anchor* role: any role but
  ``source`` and ``date``, which the events of one report usually share (one monitor,
  one day), so they cannot tell two attacks of an article apart.
- Matching is one-to-one and greedy: the candidate pairs are taken most agreeing roles
  first, then fewest conflicting roles, then in the order the events were made, each
  event at most once. Greedy is deterministic and, with the few events of an article,
  what a lead would pair by eye.

Figures, per pair of coders ``[a, b]``, pooled over their shared documents:

- event F1 = 2·matched / (events of a + events of b); *recall* = matched / events of a
  and *precision* = matched / events of b (``a``, the first coder, taken as reference).
- per role, on matched pairs where either coder filled the role: the share whose span
  sets overlap (``overlap``), and whose spans are the same offsets and labels (``exact``);
  a role one coder left empty counts as a disagreement.
- per event attribute, on matched pairs where either coder set it: the share set alike.
- the casualty value of an event is its toll as the events dataset publishes it
  (``killed_best``, else ``injured_best``, by the counting rules of
  :mod:`annotator.export.events`: children among civilians and a figure with no group
  are not added twice, cumulative tolls stay out); Krippendorff's alpha, interval level
  (a count: 20 against 23 is a smaller disagreement than 20 against 200), is computed
  over the matched pairs where both events have a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.export.events import casualty_figures
from annotator.models import Annotation, Event
from annotator.store.project import Project

NON_ANCHOR_ROLES = frozenset({"source", "date"})
CASUALTY = "CASUALTY"


def krippendorff_alpha_interval(units: Iterable[Sequence[float | None]]) -> float | None:
    """Krippendorff's alpha for interval data; ``units[i]`` holds each rater's value, None when missing.

    With δ² = (x − y)², alpha = 1 − (n − 1)·Σ_u Σ_{i≠j in u} δ² / (m_u − 1) / Σ_{i≠j over all n} δ²,
    where only units with two values or more count and n is their number of values.
    """
    observed = 0.0
    total = total_squares = 0.0
    n = 0
    for unit in units:
        values = [float(v) for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue  # a value no other rater gave cannot be paired
        observed += sum((x - y) ** 2 for x in values for y in values) / (m - 1)
        n += m
        total += sum(values)
        total_squares += sum(v * v for v in values)
    expected = 2 * (n * total_squares - total * total)  # Σ over ordered pairs of all values of (x − y)²
    if n < 2 or expected <= 0:
        return None
    return 1 - (n - 1) * observed / expected


# --- matching ---------------------------------------------------------------------------------


def _spans(event: Event, role: str, spans: Mapping[str, Annotation]) -> list[Annotation]:
    return [spans[s] for s in event.slots.get(role, ()) if s in spans]


def _overlap(a: Sequence[Annotation], b: Sequence[Annotation]) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def _exact(a: Sequence[Annotation], b: Sequence[Annotation]) -> bool:
    return bool(a) and sorted((x.start, x.end, x.label) for x in a) == sorted((y.start, y.end, y.label) for y in b)


def compare_roles(a: Event, b: Event, spans: Mapping[str, Annotation]) -> tuple[list[str], list[str]]:
    """The roles two events agree on, and those they conflict on (the module's docstring)."""
    agree: list[str] = []
    conflict: list[str] = []
    for role in dict.fromkeys([*a.slots, *b.slots]):
        mine, theirs = _spans(a, role, spans), _spans(b, role, spans)
        if mine and theirs:
            (agree if _overlap(mine, theirs) else conflict).append(role)
    return agree, conflict


def match_events(
    events_a: Sequence[Event], events_b: Sequence[Event], spans: Mapping[str, Annotation]
) -> list[tuple[Event, Event]]:
    """One-to-one greedy matching of two coders' events of one document; ``spans`` holds
    every span their slots name, by id. Pairs come in the order of ``events_a``."""
    candidates = []
    for i, a in enumerate(events_a):
        for j, b in enumerate(events_b):
            if a.type != b.type:
                continue
            agree, conflict = compare_roles(a, b, spans)
            if any(role not in NON_ANCHOR_ROLES for role in agree):
                candidates.append((-len(agree), len(conflict), i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    taken = []
    for _, _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            taken.append((i, j))
    return [(events_a[i], events_b[j]) for i, j in sorted(taken)]


def casualty_value(event: Event, spans: Mapping[str, Annotation]) -> float | None:
    """The event's toll as the events dataset publishes it: people killed in the incident (best),
    else injured; children among civilians and cumulative tolls counted by its rules, not summed."""
    figures = casualty_figures(
        [spans[s] for s in event.slots.get("casualties", ()) if s in spans and spans[s].label == CASUALTY]
    )
    value = figures.get("killed_best")
    if value is None:
        value = figures.get("injured_best")
    return None if value is None else float(value)


# --- the figures --------------------------------------------------------------------------------


@dataclass
class RoleFigures:
    compared: int = 0
    overlap: int = 0
    exact: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "compared": self.compared,
            "overlap": self.overlap,
            "exact": self.exact,
            "overlap_agreement": self.overlap / self.compared if self.compared else None,
            "exact_agreement": self.exact / self.compared if self.compared else None,
        }


@dataclass
class EventPairFigures:
    coders: list[str]
    documents: int = 0
    events: list[int] = field(default_factory=lambda: [0, 0])
    matched: int = 0
    roles: dict[str, RoleFigures] = field(default_factory=dict)
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [compared, agreed]
    casualty_values: list[tuple[float | None, float | None]] = field(default_factory=list)

    @property
    def f1(self) -> float | None:
        total = self.events[0] + self.events[1]
        return 2 * self.matched / total if total else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.events[0] if self.events[0] else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.events[1] if self.events[1] else None

    @property
    def casualty_units(self) -> int:
        return sum(1 for x, y in self.casualty_values if x is not None and y is not None)

    @property
    def casualty_alpha(self) -> float | None:
        return krippendorff_alpha_interval(self.casualty_values)

    def to_json(self) -> dict[str, Any]:
        return {
            "coders": self.coders,
            "documents": self.documents,
            "events": self.events,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "roles": {role: figures.to_json() for role, figures in self.roles.items()},
            "attributes": {
                name: {"compared": c, "agreed": a, "agreement": a / c if c else None}
                for name, (c, a) in self.attributes.items()
            },
            "casualty_value": {"units": self.casualty_units, "krippendorff_alpha_interval": self.casualty_alpha},
        }


@dataclass
class EventFigures:
    pairwise: list[EventPairFigures]
    roles: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"pairwise": [p.to_json() for p in self.pairwise], "roles": self.roles}


def compare_pair(
    figures: EventPairFigures,
    events_a: Sequence[Event],
    events_b: Sequence[Event],
    spans: Mapping[str, Annotation],
    roles: Sequence[str],
    attributes: Sequence[str],
) -> None:
    """Add one document's events of the pair to ``figures``."""
    figures.documents += 1
    figures.events = [figures.events[0] + len(events_a), figures.events[1] + len(events_b)]
    for a, b in match_events(events_a, events_b, spans):
        figures.matched += 1
        for role in roles:
            mine, theirs = _spans(a, role, spans), _spans(b, role, spans)
            if not mine and not theirs:
                continue
            found = figures.roles.setdefault(role, RoleFigures())
            found.compared += 1
            found.overlap += _overlap(mine, theirs)
            found.exact += _exact(mine, theirs)
        for name in [*attributes, *sorted((a.attrs.keys() | b.attrs.keys()) - set(attributes))]:
            if name not in a.attrs and name not in b.attrs:
                continue
            counts = figures.attributes.setdefault(name, [0, 0])
            counts[0] += 1
            counts[1] += name in a.attrs and name in b.attrs and a.attrs[name] == b.attrs[name]
        figures.casualty_values.append((casualty_value(a, spans), casualty_value(b, spans)))


def event_agreement(project: Project, coders: Sequence[str], finished: Mapping[int, Sequence[str]]) -> EventFigures:
    """The event figures of every pair of ``coders``; ``finished`` maps documents to the coders who finished them."""
    roles = list(dict.fromkeys(r.name for t in project.codebook.event_types for r in t.roles))
    attributes = list(dict.fromkeys(a.name for t in project.codebook.event_types for a in t.attributes))
    pairs = {(a, b): EventPairFigures(coders=[a, b]) for a, b in combinations(coders, 2)}
    for doc_id, done in sorted(finished.items()):
        if len(done) < 2:
            continue
        events: dict[str, list[Event]] = {c: [] for c in done}
        for event in project.events(doc_id, include_suggestions=False):
            if event.coder in events:
                events[event.coder].append(event)
        spans = {a.id: a for a in project.annotations(doc_id, include_suggestions=False) if a.coder in events}
        for (a, b), figures in pairs.items():
            if a in events and b in events:
                compare_pair(figures, events[a], events[b], spans, roles, attributes)
    return EventFigures(list(pairs.values()), roles)


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def text_lines(figures: EventFigures) -> list[str]:
    """The events part of ``annotator agreement``'s summary."""
    out = ["events (matched by their slots)   docs  events     matched  F1     casualty alpha (interval)"]
    for pair in figures.pairwise:
        counts = f"{pair.events[0]} / {pair.events[1]}"
        out.append(
            f"  {' / '.join(pair.coders):<31} {pair.documents:>4}  {counts:<10} {pair.matched:>7}  "
            f"{number(pair.f1):<6} {number(pair.casualty_alpha)} ({pair.casualty_units} pair(s))"
        )
        for role, role_figures in pair.roles.items():
            role_json = role_figures.to_json()
            out.append(
                f"    role {role}: {role_figures.overlap} of {role_figures.compared} overlap "
                f"({number(role_json['overlap_agreement'])}), {role_figures.exact} exact "
                f"({number(role_json['exact_agreement'])})"
            )
        for name, (compared, agreed) in pair.attributes.items():
            out.append(f"    attribute {name}: {agreed} of {compared} agree ({number(agreed / compared)})")
    return out
