"""Events of a project: frames over spans of one document (DESIGN.md, "Events").

An event has a type of the codebook, typed attributes, and slots: each role of its type
names spans, in order. The rules (each refusal a :class:`ValidationError` saying which):

- the type is the codebook's, each role is one of the type's, the attributes fit their types;
- a role that takes one span holds at most one, and no span twice;
- a slot's span is a live, confirmed (not suggested) span of the event's own document and
  of the event's own layer: a coder's event links that coder's spans, a gold event gold
  spans, so merging and adjudicating a layer carries its events whole.

A live event's spans stay live and keep a label their role takes: deleting a span that
fills a slot is refused unless the caller detaches it (``detach_events=True``, or
:meth:`EventStore.delete_annotation_detaching`, which returns what it took out so an undo
puts it back with :meth:`EventStore.restore_annotation`). An event is soft-deleted like a
span and keeps its slot rows, so restoring it brings them back; every change writes full
before/after snapshots to ``event_history``, so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from annotator.errors import ValidationError
from annotator.ids import time_ordered_id
from annotator.models import ORIGINS, Event, EventHistoryEntry, SlotFill
from annotator.store.history import HistoryStore
from annotator.store.rows import check_coder_name, json_or_none, json_text, now, where_equal

_EVENT_COLUMNS = "id, doc_id, coder, type, attrs, origin, created, updated, provenance"


class EventStore(HistoryStore):
    """The ``events``, ``event_slots`` and ``event_history`` tables, and the guard they put on
    deleting and changing the spans that fill slots."""

    # --- reads -------------------------------------------------------------------------

    @property
    def has_event_tables(self) -> bool:
        """False for a file of schema 2 or older read as it is (read-only): it has no events."""
        return bool(self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone())

    def events(
        self, doc_id: int | None = None, *, coder: str | None = None, include_suggestions: bool = True
    ) -> list[Event]:
        """Live events of one document (or all), every layer unless ``coder`` is given, in the order made."""
        clauses: list[str] = ["e.deleted = 0"]
        params: list[Any] = []
        if doc_id is not None:
            clauses.append("e.doc_id = ?")
            params.append(doc_id)
        if coder is not None:
            clauses.append("e.coder = ?")
            params.append(coder)
        if not include_suggestions:
            clauses.append("e.origin != 'suggested'")
        return self._read_events(" AND ".join(clauses), params)

    def event(self, event_id: str, *, include_deleted: bool = False) -> Event:
        found = self._read_events("e.id = ?" if include_deleted else "e.id = ? AND e.deleted = 0", [event_id])
        if not found:
            raise ValidationError(f"no event with id {event_id}")
        return found[0]

    def event_exists(self, event_id: str) -> bool:
        """Whether a row has this id, deleted or not: ids are never reused."""
        return self.has_event_tables and bool(
            self.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone()
        )

    def slots_filled_by(self, annotation_id: str) -> list[SlotFill]:
        """Where the span fills slots of live events, in event order."""
        if not self.has_event_tables:
            return []
        rows = self.conn.execute(
            "SELECT s.event_id, s.role, s.position FROM event_slots s JOIN events e ON e.id = s.event_id "
            "WHERE s.annotation_id = ? AND e.deleted = 0 ORDER BY s.event_id, s.role, s.position",
            (annotation_id,),
        ).fetchall()
        return [SlotFill(event_id, role, position, annotation_id) for event_id, role, position in rows]

    def event_history(self, *, event_id: str | None = None, doc_id: int | None = None) -> list[EventHistoryEntry]:
        if not self.has_event_tables:
            return []
        where, params = where_equal(("event_id", event_id), ("doc_id", doc_id))
        rows = self.conn.execute(
            f"SELECT id, event_id, doc_id, action, before, after, at FROM event_history {where} ORDER BY id", params
        ).fetchall()
        return [
            EventHistoryEntry(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else None,
                              json.loads(r[5]) if r[5] else None, r[6])
            for r in rows
        ]

    def _read_events(self, where: str, params: Sequence[Any]) -> list[Event]:
        if not self.has_event_tables:
            return []
        rows = self.conn.execute(
            f"SELECT {', '.join('e.' + c for c in _EVENT_COLUMNS.split(', '))} FROM events e WHERE {where} "
            "ORDER BY e.doc_id, e.id",
            params,
        ).fetchall()
        slots: dict[str, dict[str, list[str]]] = {}
        for event_id, role, annotation_id in self.conn.execute(
            f"SELECT s.event_id, s.role, s.annotation_id FROM event_slots s JOIN events e ON e.id = s.event_id "
            f"WHERE {where} ORDER BY s.event_id, s.role, s.position",
            params,
        ):
            slots.setdefault(event_id, {}).setdefault(role, []).append(annotation_id)
        return [
            Event(
                id=row[0], doc_id=row[1], coder=row[2], type=row[3], attrs=json.loads(row[4]),
                slots=self._in_role_order(row[3], slots.get(row[0], {})), origin=row[5], created=row[6],
                updated=row[7], provenance=json.loads(row[8]) if row[8] else None,
            )
            for row in rows
        ]

    def _given_slots(self, type_name: str, slots: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
        """Slots a caller gave, every role named checked (an empty one too), in role order."""
        event_type = self.codebook.event_type(type_name)
        for role in slots:
            event_type.role(role)
        return self._in_role_order(type_name, slots)

    def _in_role_order(self, type_name: str, slots: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
        """Filled roles only, in the order the codebook lists them (roles it does not know last)."""
        known = next((t.role_names for t in self.codebook.event_types if t.name == type_name), [])
        order = {name: number for number, name in enumerate(known)}
        return {
            role: tuple(spans)
            for role, spans in sorted(slots.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
            if spans
        }

    # --- the rules -----------------------------------------------------------------------

    def validate_event(self, event: Event) -> None:
        """The rules every stored event obeys (the module's docstring lists them)."""
        event_type = self.codebook.event_type(event.type)
        event_type.check_attributes(event.attrs)
        if event.origin not in ORIGINS:
            raise ValidationError(f"unknown origin '{event.origin}' (use {', '.join(ORIGINS)})")
        check_coder_name(event.coder, allow_gold=True)
        self.document(event.doc_id)
        ids = [span for spans in event.slots.values() for span in spans]
        spans: dict[str, tuple[Any, ...]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for row in self.conn.execute(
                f"SELECT id, doc_id, coder, label, text, origin, deleted FROM annotations "
                f"WHERE id IN ({','.join('?' * len(part))})",
                part,
            ):
                spans[row[0]] = row
        for role_name, role_spans in event.slots.items():
            role = event_type.role(role_name)
            if len(role_spans) > 1 and not role.many:
                raise ValidationError(
                    f"role {role.name} of {event_type.name} takes one span, not {len(role_spans)}"
                )
            if len(set(role_spans)) != len(role_spans):
                raise ValidationError(f"role {role.name} of {event_type.name} names one span twice")
            for span_id in role_spans:
                self._check_slot_span(event, event_type.name, role.name, role.labels, spans.get(span_id), span_id)

    def _check_slot_span(
        self, event: Event, type_name: str, role: str, labels: tuple[str, ...], row: tuple[Any, ...] | None, span_id: str
    ) -> None:
        if row is None:
            raise ValidationError(f"role {role} of {type_name} names span {span_id}, which the project does not hold")
        _, doc_id, coder, label, text, origin, deleted = row
        what = f"span «{text}» ({label}, {span_id})"
        if deleted:
            raise ValidationError(f"{what} is deleted: it cannot fill role {role} of {type_name}")
        if doc_id != event.doc_id:
            raise ValidationError(
                f"{what} is in document {doc_id}, not in the event's document {event.doc_id}: "
                "an event links spans of its own document"
            )
        if coder != event.coder:
            raise ValidationError(
                f"{what} is in the layer of {coder}, the event in that of {event.coder}: "
                "an event links spans of its own layer"
            )
        if origin == "suggested":
            raise ValidationError(f"{what} is a suggestion: accept it before it fills role {role} of {type_name}")
        if label not in labels:
            raise ValidationError(
                f"role {role} of {type_name} takes {' or '.join(labels)} spans, not {what}"
            )

    # --- writes --------------------------------------------------------------------------

    def add_event(
        self,
        doc_id: int,
        type: str,  # noqa: A002 - the field's name in the record and the file
        *,
        slots: Mapping[str, Sequence[str]] | None = None,
        attrs: dict[str, Any] | None = None,
        coder: str | None = None,
        origin: str = "manual",
        provenance: dict[str, Any] | None = None,
        event_id: str | None = None,
    ) -> Event:
        """Store a new event and commit; ``event_id`` keeps an id that came with the input."""
        stamp = now()
        event = Event(
            id=event_id or time_ordered_id(), doc_id=doc_id, coder=coder or self.coder, type=type,
            attrs=dict(attrs or {}), slots=self._given_slots(type, slots or {}), origin=origin, created=stamp,
            updated=stamp, provenance=provenance,
        )
        self.validate_event(event)
        with self.transaction():
            if event_id is not None and self.event_exists(event_id):
                raise ValidationError(f"an event with id {event_id} already exists")
            self._insert(event)
            self._record_event(event, "create", None, event)
        return event

    def update_event(
        self,
        event_id: str,
        *,
        attrs: dict[str, Any] | None = None,
        slots: Mapping[str, Sequence[str]] | None = None,
        origin: str | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> Event:
        """Replace the given parts whole (``slots={}`` empties every role); commits."""
        before = self.event(event_id)
        after = replace(
            before,
            attrs=dict(attrs) if attrs is not None else before.attrs,
            slots=self._given_slots(before.type, slots) if slots is not None else before.slots,
            origin=origin if origin is not None else before.origin,
            provenance=provenance if provenance is not None else before.provenance,
            updated=now(),
        )
        return self._change(before, after, "update")

    def fill_slot(self, event_id: str, role: str, annotation_id: str) -> Event:
        """Add a span at the end of a role; a role that takes one span must be empty first."""
        before = self.event(event_id)
        current = before.slots.get(role, ())
        if annotation_id in current:
            return before
        taken = self.codebook.event_type(before.type).role(role)
        if current and not taken.many:
            text = self.annotation(current[0], include_deleted=True).text
            raise ValidationError(
                f"role {role} of {before.type} takes one span and holds «{text}» already: clear it first"
            )
        slots = {**before.slots, role: (*current, annotation_id)}
        return self._change(before, replace(before, slots=self._in_role_order(before.type, slots), updated=now()),
                            "update")

    def clear_slot(self, event_id: str, role: str, annotation_id: str | None = None) -> Event:
        """Take one span out of a role, or every span of it when ``annotation_id`` is None."""
        before = self.event(event_id)
        self.codebook.event_type(before.type).role(role)
        kept = () if annotation_id is None else tuple(s for s in before.slots.get(role, ()) if s != annotation_id)
        slots = {**before.slots, role: kept}
        return self._change(before, replace(before, slots=self._in_role_order(before.type, slots), updated=now()),
                            "update")

    def delete_event(self, event_id: str) -> Event:
        """Soft delete: the row and its slots stay, and the history keeps it restorable."""
        before = self.event(event_id)
        with self.transaction():
            self.conn.execute("UPDATE events SET deleted = 1, updated = ? WHERE id = ?", (now(), event_id))
            self._record_event(before, "delete", before, None)
        return before

    def restore_event(self, event_id: str) -> Event:
        """Bring back a deleted event with its slots; refused while one of its spans is deleted
        (restore the span first, as an undo in order does)."""
        event = self.event(event_id, include_deleted=True)
        if not self.conn.execute("SELECT deleted FROM events WHERE id = ?", (event_id,)).fetchone()[0]:
            return event
        self.validate_event(event)
        event = replace(event, updated=now())
        with self.transaction():
            self.conn.execute("UPDATE events SET deleted = 0, updated = ? WHERE id = ?", (event.updated, event_id))
            self._record_event(event, "restore", None, event)
        return event

    def put_event(self, event: Event) -> str | None:
        """Store ``event`` exactly as given (id, coder, timestamps): a copy from a file or another
        project. Creates the row, or updates (and undeletes) the row with that id. Returns
        ``"create"``, ``"update"``, ``"restore"`` or None when the stored event was the same."""
        event = replace(event, slots=self._given_slots(event.type, event.slots))
        self.validate_event(event)
        with self.transaction():
            row = self.conn.execute("SELECT deleted FROM events WHERE id = ?", (event.id,)).fetchone()
            if row is None:
                self._insert(event)
                self._record_event(event, "create", None, event)
                return "create"
            before = self.event(event.id, include_deleted=True)
            if not row[0] and _same_content(before, event) and before.doc_id == event.doc_id:
                return None
            self.conn.execute(
                "UPDATE events SET doc_id = ?, coder = ?, type = ?, attrs = ?, origin = ?, created = ?, updated = ?, "
                "provenance = ?, deleted = 0 WHERE id = ?",
                (event.doc_id, event.coder, event.type, json_text(event.attrs), event.origin, event.created,
                 event.updated, json_or_none(event.provenance), event.id),
            )
            self._write_slots(event)
            action = "restore" if row[0] else "update"
            self._record_event(event, action, None if row[0] else before, event)
            return action

    def revert_event(self, history_id: int) -> Event:
        """Put an event back as it was before the change ``history_id`` (its attributes, slots,
        origin and provenance; undeleted if need be); reverting its creation deletes it. The
        revert is itself a change in the history."""
        row = self.conn.execute("SELECT event_id, before FROM event_history WHERE id = ?", (history_id,)).fetchone()
        if row is None:
            raise ValidationError(f"no event history entry {history_id}")
        if row[1] is None:
            return self.delete_event(row[0])
        before = json.loads(row[1])
        current = self.event(row[0], include_deleted=True)
        restored = replace(
            current, attrs=before["attrs"], slots={role: tuple(ids) for role, ids in before["slots"].items()},
            origin=before["origin"], provenance=before["provenance"], updated=now(),
        )
        self.put_event(restored)
        return self.event(row[0])

    def _change(self, before: Event, after: Event, action: str) -> Event:
        self.validate_event(after)
        if _same_content(before, after):
            return before
        with self.transaction():
            self.conn.execute(
                "UPDATE events SET attrs = ?, origin = ?, provenance = ?, updated = ? WHERE id = ?",
                (json_text(after.attrs), after.origin, json_or_none(after.provenance), after.updated, after.id),
            )
            self._write_slots(after)
            self._record_event(after, action, before, after)
        return after

    def _insert(self, event: Event) -> None:
        self.conn.execute(
            f"INSERT INTO events({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.doc_id, event.coder, event.type, json_text(event.attrs), event.origin, event.created,
             event.updated, json_or_none(event.provenance)),
        )
        self._write_slots(event)

    def _write_slots(self, event: Event) -> None:
        """The event's slot rows, rewritten whole: positions stay 0, 1, 2… in each role."""
        self.conn.execute("DELETE FROM event_slots WHERE event_id = ?", (event.id,))
        self.conn.executemany(
            "INSERT INTO event_slots(event_id, role, position, annotation_id) VALUES (?, ?, ?, ?)",
            [(event.id, role, position, span) for role, spans in event.slots.items() for position, span in enumerate(spans)],
        )

    def _record_event(self, event: Event, action: str, before: Event | None, after: Event | None) -> None:
        self.conn.execute(
            "INSERT INTO event_history(event_id, doc_id, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
            (event.id, event.doc_id, action, json_or_none(event_snapshot(before) if before else None),
             json_or_none(event_snapshot(after) if after else None), now()),
        )


def event_snapshot(event: Event) -> dict[str, Any]:
    """The event as plain data, for the history."""
    return {
        "id": event.id, "doc_id": event.doc_id, "coder": event.coder, "type": event.type, "attrs": event.attrs,
        "slots": {role: list(spans) for role, spans in event.slots.items()}, "origin": event.origin,
        "created": event.created, "updated": event.updated, "provenance": event.provenance,
    }


def _same_content(a: Event, b: Event) -> bool:
    keys = ("coder", "type", "attrs", "slots", "origin", "provenance")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def describe_fills(fills: Sequence[SlotFill], types: Mapping[str, str]) -> str:
    """"role perpetrator of ATTACK event 0193…" for each event the span is in."""
    by_event: dict[str, list[str]] = {}
    for fill in fills:
        by_event.setdefault(fill.event_id, []).append(fill.role)
    return "; ".join(
        f"role {', '.join(roles)} of {types[event_id]} event {event_id}" for event_id, roles in by_event.items()
    )

