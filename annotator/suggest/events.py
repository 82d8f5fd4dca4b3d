"""Event suggestions: pending ATTACK events of the project's coder, accepted or rejected like spans.

The rules that read an attack out of a sentence are in :mod:`annotator.suggest.event_rules`.
A suggested event is an event of the coder with origin ``suggested``. Its spans are
often suggestions themselves, which the store keeps out of slots (a slot names confirmed
spans only), so the event holds what it proposes in two places:

- ``slots``: the confirmed spans among them, so the store's rules hold and the spans show
  as linked;
- ``provenance["slots"]``: every span it proposes, role by role, suggested or not
  (:func:`proposed_slots` reads them).

Accepting (:func:`accept_event_suggestion`) accepts the proposed spans still pending,
fills every role with the live ones, and makes the event the coder's own (origin
``manual``). Rejecting (:func:`reject_event_suggestion`) deletes the event; the deleted
row keeps its proposal, and an attack over any of the same casualty spans is never
suggested again (nor one over casualty spans a live event of the type already uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from annotator.codebook import EventType, fit_attributes
from annotator.errors import ValidationError
from annotator.models import Annotation, Event, Origin
from annotator.store.project import Project
from annotator.suggest.event_rules import EventProposal, propose_events
from annotator.suggest.names import Word

SUGGESTER = "events"
CASUALTIES = "casualties"


def proposed_slots(event: Event) -> dict[str, tuple[str, ...]]:
    """Every span the event names by role: its slots, and for a suggestion the spans it proposes."""
    out = {role: list(spans) for role, spans in event.slots.items()}
    proposal = (event.provenance or {}).get("slots")
    if isinstance(proposal, dict):
        for role, spans in proposal.items():
            if isinstance(spans, list):
                kept = out.setdefault(str(role), [])
                kept += [str(s) for s in spans if s not in kept]
    return {role: tuple(spans) for role, spans in out.items() if spans}


def shown_slots(event: Event) -> dict[str, tuple[str, ...]]:
    """What a view shows in an event's roles: for a pending suggestion, the spans it proposes
    (which are still suggestions themselves, so not yet in its slots); else its slots."""
    return proposed_slots(event) if event.origin == Origin.SUGGESTED else event.slots


def suggestion_to_json(event: Event) -> dict[str, Any]:
    """An event suggestion as in our JSONL record (DESIGN.md, "Events"), its slots the spans it proposes."""
    out: dict[str, Any] = {
        "id": event.id, "type": event.type, "coder": event.coder, "attrs": event.attrs,
        "slots": {role: list(spans) for role, spans in proposed_slots(event).items()}, "origin": event.origin,
    }
    if event.provenance:
        out["provenance"] = event.provenance
    return out


def pending_event_suggestions(project: Project, doc_id: int) -> list[Event]:
    """The coder's suggested events of a document, neither accepted nor rejected yet."""
    return [e for e in project.events(doc_id, coder=project.coder) if e.origin == Origin.SUGGESTED]


def event_suggestion_spans(project: Project, event: Event) -> list[Annotation]:
    """The pending span suggestions an event suggestion proposes: accepting it accepts these."""
    out: list[Annotation] = []
    for span_id in dict.fromkeys(s for spans in proposed_slots(event).values() for s in spans):
        ann = _live(project, span_id)
        if ann is not None and ann.origin == Origin.SUGGESTED:
            out.append(ann)
    return out


def suggest_events(
    project: Project, doc_id: int, spans: Sequence[Annotation] | None = None, words: list[Word] | None = None
) -> list[Event]:
    """Store new ATTACK suggestions for one document over the coder's live spans and return them.

    Nothing is stored when the codebook has no ``ATTACK`` type; roles and attributes it does
    not define, or spans of labels a role does not take, are left out.
    """
    event_type = next((t for t in project.codebook.event_types if t.name == "ATTACK"), None)
    if event_type is None or not project.has_event_tables:
        return []
    doc = project.document(doc_id)
    coder = project.coder
    if spans is None:
        spans = project.annotations(doc_id, coder=coder)
    by_id = {s.id: s for s in spans}
    taken = _casualties_of(project.events(doc_id, coder=coder), event_type.name)
    taken |= _casualties_of(project.rejected_event_suggestions(doc_id, coder), event_type.name)
    stored: list[Event] = []
    with project.transaction():
        for proposal in propose_events(doc.text, spans, doc.date or None, words):
            slots = _fit_slots(event_type, proposal.slots, by_id)
            casualties = set(slots.get(CASUALTIES, ()))
            if not casualties or casualties & taken:
                continue
            taken |= casualties
            stored.append(
                project.add_event(
                    doc_id,
                    event_type.name,
                    slots={r: [s for s in ids if by_id[s].origin != Origin.SUGGESTED] for r, ids in slots.items()},
                    attrs=fit_attributes(event_type, proposal.attrs),
                    coder=coder,
                    origin=Origin.SUGGESTED,
                    provenance=_provenance(proposal, slots),
                )
            )
    return stored


def accept_event_suggestion(project: Project, event_id: str) -> Event:
    """Make a suggested event the coder's own (origin ``manual``), in one transaction.

    The spans it proposes that are still pending suggestions are accepted with it
    (:func:`event_suggestion_spans` lists them beforehand, for an undo); spans deleted
    since, or whose label its role no longer takes, are left out.
    """
    event = project.event(event_id)
    if event.origin != Origin.SUGGESTED:
        raise ValidationError(f"event {event_id} is not a pending suggestion")
    event_type = project.codebook.event_type(event.type)
    with project.transaction():
        slots: dict[str, list[str]] = {}
        for role, span_ids in proposed_slots(event).items():
            labels = event_type.role(role).labels if role in event_type.role_names else ()
            for span_id in span_ids:
                ann = _live(project, span_id)
                if ann is None or ann.coder != event.coder or ann.label not in labels:
                    continue
                if ann.origin == Origin.SUGGESTED:
                    project.update_annotation(span_id, origin=Origin.MANUAL)
                slots.setdefault(role, []).append(span_id)
        return project.update_event(event_id, slots=_one_where_one(event_type, slots), origin=Origin.MANUAL)


def revert_event_acceptance(project: Project, before: Event, accepted: Iterable[Annotation]) -> Event:
    """Undo :func:`accept_event_suggestion`: the event is the suggestion ``before`` was, and the
    spans ``accepted`` (as :func:`event_suggestion_spans` listed them) pending suggestions again."""
    with project.transaction():
        event = project.update_event(
            before.id, slots=before.slots, attrs=before.attrs, origin=before.origin,
            provenance=before.provenance or {},
        )
        for ann in accepted:
            project.update_annotation(ann.id, origin=ann.origin, attrs=ann.attrs)
    return event


def reject_event_suggestion(project: Project, event_id: str) -> Event:
    """Delete a suggested event, so that it is not suggested again; :meth:`Project.restore_event` undoes it."""
    event = project.event(event_id)
    if event.origin != Origin.SUGGESTED:
        raise ValidationError(f"event {event_id} is not a pending suggestion")
    return project.delete_event(event_id)


def _live(project: Project, span_id: str) -> Annotation | None:
    try:
        return project.annotation(span_id)
    except ValidationError:
        return None


def _casualties_of(events: Iterable[Event], type_name: str) -> set[str]:
    return {s for e in events if e.type == type_name for s in proposed_slots(e).get(CASUALTIES, ())}


def _fit_slots(
    event_type: EventType, slots: Mapping[str, Sequence[str]], by_id: Mapping[str, Annotation]
) -> dict[str, tuple[str, ...]]:
    """The roles the type defines, each with the spans of labels it takes (one if it takes one)."""
    out: dict[str, tuple[str, ...]] = {}
    for role in event_type.roles:
        spans = [s for s in slots.get(role.name, ()) if s in by_id and by_id[s].label in role.labels]
        if spans:
            out[role.name] = tuple(spans if role.many else spans[:1])
    return out


def _one_where_one(event_type: EventType, slots: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {role: spans if event_type.role(role).many else spans[:1] for role, spans in slots.items()}


def _provenance(proposal: EventProposal, slots: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    return {
        "suggester": SUGGESTER,
        "trigger": proposal.trigger,
        "sentence": list(proposal.sentence),
        "slots": {role: list(spans) for role, spans in slots.items()},
    }
