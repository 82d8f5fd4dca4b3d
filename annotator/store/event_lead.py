"""Event reads the lead's work needs (merging, adjudicating) beyond the event store's own."""

from __future__ import annotations

from annotator.store.events import EventStore


class EventLead(EventStore):
    """Where an event id lives, so a merge can tell one coder's event from another's."""

    def event_owner(self, event_id: str) -> tuple[str, int] | None:
        """``(coder, doc_id)`` of the event row with this id, deleted or not; None when there is none."""
        if not self.has_event_tables:
            return None
        row = self.conn.execute("SELECT coder, doc_id FROM events WHERE id = ?", (event_id,)).fetchone()
        return None if row is None else (row[0], row[1])
