"""What the event suggester needs from the store beyond :mod:`annotator.store.events`.

A rejected event suggestion is the suggested event deleted: its row, slots and
provenance stay (events are soft-deleted), which is all the suggester needs to
remember it and never propose the same attack again.
"""

from __future__ import annotations

from annotator.models import Event
from annotator.store.events import EventStore


class EventSuggestStore(EventStore):
    """Reads of deleted event suggestions."""

    def rejected_event_suggestions(self, doc_id: int, coder: str) -> list[Event]:
        """The coder's suggested events of a document that were deleted (rejected), oldest first."""
        return self._read_events(
            "e.deleted = 1 AND e.origin = 'suggested' AND e.doc_id = ? AND e.coder = ?", [doc_id, coder]
        )
