"""Storing a record's events once its spans are in the project, for every format that has them
(our JSONL record, brat ``E`` lines): one rule for what an import adds, updates or leaves alone."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from annotator.errors import ValidationError
from annotator.records import EventRecord
from annotator.store.project import Project
from annotator.store.rows import now

if TYPE_CHECKING:
    from annotator.importing.run import ImportReport


def store_events(project: Project, doc_id: int, events: list[EventRecord], report: ImportReport) -> None:
    """A record's events, after its spans: an event whose id the project holds is updated (or
    left alone), one without an id that matches a live event of the document is left alone, so
    importing a file twice adds nothing."""
    live = project.events(doc_id)
    by_content = {event_content(e.coder, e.type, e.attrs, e.slots) for e in live}
    for number, record in enumerate(events, start=1):
        coder, origin = record.coder or project.coder, record.origin or "imported"
        try:
            if record.id and project.event_exists(record.id):
                known = project.event(record.id, include_deleted=True)
                if known.doc_id != doc_id:
                    raise ValidationError(f"event id {record.id} already belongs to another document")
                copy = replace(known, coder=coder, type=record.type, attrs=record.attrs,
                               slots={role: tuple(ids) for role, ids in record.slots.items()}, origin=origin,
                               provenance=record.provenance, updated=now())
                if project.put_event(copy) is None:
                    report.events_unchanged += 1
                else:
                    report.events_updated += 1
                continue
            if not record.id and event_content(coder, record.type, record.attrs, record.slots) in by_content:
                report.events_unchanged += 1
                continue
            project.add_event(doc_id, record.type, slots=record.slots, attrs=record.attrs, coder=coder, origin=origin,
                              provenance=record.provenance, event_id=record.id)
            report.events_added += 1
        except ValidationError as exc:
            raise ValidationError(f"event {number} ({record.type}): {exc.problem}") from None


def event_content(coder: str, kind: str, attrs: dict[str, Any], slots: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    filled = {role: list(ids) for role, ids in slots.items() if ids}
    return coder, kind, json.dumps(attrs, sort_keys=True), json.dumps(filled, sort_keys=True)
