"""Adjudicating events into gold, beside the spans (:mod:`annotator.lead.adjudication`).

A gold event links gold spans (an event links spans of its own layer), so an event goes
to gold after its spans: a coder's slot span is *in gold* when a live gold span has its
label and offsets.

An :class:`EventVersion` is one reading of an event in a document: the same type, the
same attributes and the same slots, a slot's spans compared by label and offsets (spans
of different coders have different ids), made by ``coders``. A version is ``gold`` when
a live gold event lists one of its events among its sources, or has the same reading
(an imported gold set); else ``open``.

- :func:`auto_adjudicate` runs the span auto-adjudication, then puts the event versions
  that all (``unanimous``) or most (``majority``) of a document's finished coders made
  into gold, when every slot span is in gold by then; the others wait for the lead.
  It is idempotent like the spans' (a gold event's id derives from its sources).
- :func:`accept_event` copies one coder's event into gold (decision ``picked``),
  accepting its slot spans that are not in gold yet; :func:`withdraw_accepted` undoes it.
  A span it accepts does not replace an overlapping gold span of another extent (the
  window's rule for single span decisions): an event names exactly its coder's spans,
  and the lead withdraws whichever gold span is not wanted.

A gold event's provenance has the gold span's shape: ``{"sources": [event ids],
"agreed": [coders who made this reading], "decision", "by", "at"}`` (auto adds ``strategy``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import ValidationError
from annotator.lead import adjudication
from annotator.lead.adjudication import AutoReport
from annotator.models import GOLD, Annotation, Event, Origin
from annotator.store.project import Project
from annotator.store.rows import now

_EVENT_NAMESPACE = uuid.UUID("5d0f7c2e-8a41-4b6d-93e7-1c2b4a6f8e90")

SpanPlace = tuple[str, int, int]
EventKey = tuple[str, str, tuple[tuple[str, tuple[SpanPlace, ...]], ...]]


def event_key(event: Event, spans: Mapping[str, Annotation]) -> EventKey:
    """What makes two events the same reading: type, attributes, and each role's spans by label and offsets."""
    slots = tuple(
        (role, tuple(sorted((spans[s].label, spans[s].start, spans[s].end) for s in ids if s in spans)))
        for role, ids in sorted(event.slots.items())
    )
    return event.type, json.dumps(event.attrs, sort_keys=True, ensure_ascii=False), slots


@dataclass(frozen=True)
class EventVersion:
    """One reading of an event, made identically by ``coders`` (their events in ``event_ids``);
    ``slots`` holds the spans of the first coder's event, role by role, for showing."""

    type: str
    attrs: dict[str, Any]
    slots: dict[str, tuple[Annotation, ...]]
    coders: tuple[str, ...]
    event_ids: tuple[str, ...]
    state: str = "open"
    gold: tuple[Event, ...] = field(default=())


def event_versions(project: Project, doc_id: int, finished: Sequence[str]) -> list[EventVersion]:
    """The distinct event readings of the coders in ``finished`` in one document, most coders first."""
    spans = {a.id: a for a in project.annotations(doc_id, include_suggestions=False)}
    gold_events = project.events(doc_id, coder=GOLD, include_suggestions=False)
    gold_keys = {event_key(g, spans): g for g in gold_events}
    by_source = {source: g for g in gold_events for source in (g.provenance or {}).get("sources", [])}
    groups: dict[EventKey, list[Event]] = {}
    for event in project.events(doc_id, include_suggestions=False):
        if event.coder in finished:
            groups.setdefault(event_key(event, spans), []).append(event)
    out = []
    for key, members in groups.items():
        first = members[0]
        found = [gold_keys.get(key), *(by_source.get(e.id) for e in members)]
        gold = list({g.id: g for g in found if g is not None}.values())
        out.append(
            EventVersion(
                type=first.type,
                attrs=dict(first.attrs),
                slots={role: tuple(spans[s] for s in ids if s in spans) for role, ids in first.slots.items()},
                coders=tuple(c for c in finished if any(e.coder == c for e in members)),
                event_ids=tuple(e.id for e in members),
                state="gold" if gold else "open",
                gold=tuple(gold),
            )
        )
    order = {coder: i for i, coder in enumerate(finished)}
    return sorted(out, key=lambda v: (-len(v.coders), min(order[c] for c in v.coders), v.event_ids))


def gold_slots(project: Project, doc_id: int, slots: Mapping[str, Sequence[Annotation]]) -> dict[str, list[str]] | None:
    """The event's slots on the gold spans with the same labels and offsets; None if one is not in gold."""
    gold = {(g.label, g.start, g.end): g.id for g in project.annotations(doc_id, coder=GOLD, include_suggestions=False)}
    out: dict[str, list[str]] = {}
    for role, spans in slots.items():
        ids = [gold.get((s.label, s.start, s.end)) for s in spans]
        if None in ids:
            return None
        out[role] = [i for i in ids if i is not None]
    return out


def _wins(version: EventVersion, finished: Sequence[str], strategy: str) -> bool:
    if strategy == "unanimous":
        return set(version.coders) == set(finished)
    return len(version.coders) * 2 > len(finished)


def _write(
    project: Project,
    doc_id: int,
    version: EventVersion,
    slots: Mapping[str, Sequence[str]],
    provenance: dict[str, Any],
    event_id: str | None = None,
) -> Event:
    return project.add_event(
        doc_id, version.type, slots=slots, attrs=version.attrs, coder=GOLD, origin=Origin.ADJUDICATED,
        provenance=provenance, event_id=event_id,
    )


def _provenance(sources: Sequence[str], agreed: Sequence[str], decision: str, by: str) -> dict[str, Any]:
    return {"sources": sorted(sources), "agreed": sorted(set(agreed)), "decision": decision, "by": by, "at": now()}


def auto_adjudicate(
    project: Project,
    *,
    strategy: str = "unanimous",
    by: str | None = None,
    min_coders: int = 2,
    coders: Sequence[str] | None = None,
) -> AutoReport:
    """:func:`adjudication.auto_adjudicate`, then the events whose readings win by ``strategy``
    and whose spans are all in gold, in one transaction."""
    by = by or project.coder
    with project.transaction():
        report = adjudication.auto_adjudicate(project, strategy=strategy, by=by, min_coders=min_coders, coders=coders)
        compared = list(coders) if coders is not None else adjudication.compared_coders(project)
        for doc_id, finished in adjudication.finished_by(project, compared).items():
            if len(finished) < min_coders:
                continue
            for version in event_versions(project, doc_id, finished):
                if not _wins(version, finished, strategy):
                    continue
                gold_id = str(uuid.uuid5(_EVENT_NAMESPACE, "\n".join(sorted(version.event_ids))))
                if version.state == "gold" or project.event_exists(gold_id):
                    report.events_already += 1
                    continue
                slots = gold_slots(project, doc_id, version.slots)
                if slots is None:
                    report.events_waiting += 1
                    continue
                provenance = _provenance(version.event_ids, version.coders, "auto", by)
                provenance["strategy"] = strategy
                _write(project, doc_id, version, slots, provenance, gold_id)
                report.events_added += 1
    return report


@dataclass(frozen=True)
class AcceptedEvent:
    """What :func:`accept_event` wrote: the gold event, and the gold spans it accepted for its slots."""

    event: Event
    spans: tuple[Annotation, ...]


def accept_event(project: Project, event_id: str, *, by: str, coders: Sequence[str] | None = None) -> AcceptedEvent:
    """Copy one coder's event into gold as it is (decision ``picked``), accepting first each of
    its slot spans that is not in gold. Undo with :func:`withdraw_accepted`."""
    event = project.event(event_id)
    if event.coder == GOLD:
        raise ValidationError("this is a gold event already; accept a coder's event")
    compared = list(coders) if coders is not None else adjudication.compared_coders(project)
    finished = adjudication.finished_in(project, event.doc_id, compared)
    with project.transaction():
        (version,) = [v for v in event_versions(project, event.doc_id, list(dict.fromkeys([*finished, event.coder]))) if event_id in v.event_ids]
        if version.gold:
            raise ValidationError(f"this event is in gold already (gold event {version.gold[0].id})")
        gold = {(g.label, g.start, g.end) for g in project.annotations(event.doc_id, coder=GOLD)}
        # this coder's own spans (a version's other members may differ in span attributes)
        own = {role: [project.annotation(s) for s in ids] for role, ids in event.slots.items()}
        accepted = []
        for span in {s.id: s for spans in own.values() for s in spans}.values():
            if (span.label, span.start, span.end) not in gold:
                accepted.append(adjudication.accept(project, [span.id], by=by))
                gold.add((span.label, span.start, span.end))
        slots = gold_slots(project, event.doc_id, own)
        assert slots is not None, "every slot span was just put in gold"
        agreed = [c for c in version.coders if c in finished]
        made = _write(project, event.doc_id, version, slots, _provenance([event_id], agreed, "picked", by))
    return AcceptedEvent(made, tuple(accepted))


def withdraw_accepted(project: Project, accepted: AcceptedEvent) -> None:
    """Undo :func:`accept_event`: delete the gold event, then withdraw the spans it accepted."""
    with project.transaction():
        project.delete_event(accepted.event.id)
        for span in accepted.spans:
            adjudication.withdraw(project, span.id)


def restore_accepted(project: Project, accepted: AcceptedEvent) -> None:
    """Redo :func:`accept_event` after :func:`withdraw_accepted`: the same spans and event come back."""
    with project.transaction():
        for span in accepted.spans:
            project.restore_annotation(span.id)
        project.restore_event(accepted.event.id)
