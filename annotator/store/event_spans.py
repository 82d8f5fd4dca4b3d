"""The guard events put on the spans that fill their slots (the rules: :mod:`annotator.store.events`).

A live event's spans stay live and keep a label their role takes, in the event's layer.
Deleting a span that fills a slot is refused, naming the events, unless the caller asks to
detach it: then the span leaves those slots in the same transaction, and what it left is
returned so that an undo puts it back exactly (:meth:`EventSpans.restore_annotation`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from annotator.errors import ValidationError
from annotator.models import Annotation, Event, SlotFill
from annotator.store.events import EventStore, describe_fills
from annotator.store.rows import now


class EventSpans(EventStore):
    """Span deletes, restores and changes, as events allow them."""

    def delete_annotation(self, annotation_id: str, *, detach_events: bool = False) -> Annotation:
        """Soft-delete a span. One that fills slots of live events is refused, naming them,
        unless ``detach_events``: then it leaves those slots in the same transaction."""
        if detach_events:
            return self.delete_annotation_detaching(annotation_id)[0]
        fills = self.slots_filled_by(annotation_id)
        if fills:
            ann = self.annotation(annotation_id)
            types = {fill.event_id: self.event(fill.event_id).type for fill in fills}
            raise ValidationError(
                f"span «{ann.text}» ({ann.label}) fills {describe_fills(fills, types)}: take it out of the event first, "
                "or delete the span together with its slots"
            )
        return super().delete_annotation(annotation_id)

    def delete_annotation_detaching(self, annotation_id: str) -> tuple[Annotation, list[SlotFill]]:
        """Delete a span and take it out of every slot it fills; returns the span and the slots
        it left, which :meth:`restore_annotation` (``reattach=``) puts back where they were."""
        with self.transaction():
            fills = self.slots_filled_by(annotation_id)
            for event_id in dict.fromkeys(fill.event_id for fill in fills):
                before = self.event(event_id)
                slots = {role: tuple(s for s in spans if s != annotation_id) for role, spans in before.slots.items()}
                self._change(before, replace(before, slots=self._in_role_order(before.type, slots), updated=now()),
                             "detach")
            ann = super().delete_annotation(annotation_id)
        return ann, fills

    def restore_annotation(self, annotation_id: str, *, reattach: Sequence[SlotFill] = ()) -> Annotation:
        """Bring back a deleted span, and put it back in the slots ``reattach`` names (those
        :meth:`delete_annotation_detaching` returned), at their positions, in one transaction."""
        with self.transaction():
            ann = super().restore_annotation(annotation_id)
            self.reattach(reattach)
        return ann

    def reattach(self, fills: Sequence[SlotFill]) -> list[Event]:
        """Put spans back in slots at the positions they had (the undo of a detach); returns the
        events changed. Each event is checked again, so a span that no longer fits is refused."""
        changed: list[Event] = []
        with self.transaction():
            for fill in sorted(fills, key=lambda f: (f.event_id, f.role, f.position)):
                before = self.event(fill.event_id)
                spans = list(before.slots.get(fill.role, ()))
                if fill.annotation_id in spans:
                    continue
                spans.insert(min(fill.position, len(spans)), fill.annotation_id)
                slots = {**before.slots, fill.role: tuple(spans)}
                after = replace(before, slots=self._in_role_order(before.type, slots), updated=now())
                changed.append(self._change(before, after, "reattach"))
        return changed

    def update_annotation(self, annotation_id: str, **changes: Any) -> Annotation:
        """As :meth:`AnnotationStore.update_annotation`, refused when the span fills a slot its new
        label, layer or origin would break (a role takes given labels, of the event's layer)."""
        fills = self.slots_filled_by(annotation_id) if {"label", "coder", "origin"} & set(changes) else []
        if fills:
            before = self.annotation(annotation_id)
            for fill in fills:
                event = self.event(fill.event_id)
                role = self.codebook.event_type(event.type).role(fill.role)
                label, coder = changes.get("label", before.label), changes.get("coder", before.coder)
                if label not in role.labels:
                    raise ValidationError(
                        f"span «{before.text}» fills role {role.name} of {event.type}, which takes "
                        f"{' or '.join(role.labels)} spans: it cannot become {label}"
                    )
                if coder != event.coder:
                    raise ValidationError(
                        f"span «{before.text}» fills a slot of an event of {event.coder}: it cannot move to {coder}"
                    )
                if changes.get("origin") == "suggested":
                    raise ValidationError(f"span «{before.text}» fills a slot of an event: it cannot be a suggestion")
        return super().update_annotation(annotation_id, **changes)
