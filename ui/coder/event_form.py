"""The attribute form of the current event: the span form's fields, built from the event type.

An event type declares its attributes as a label does (choices, integers, text,
dates), so the span form's field kinds serve it unchanged; only the label box
has no meaning here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from annotator.codebook import Codebook
from annotator.models import Event
from ui.widgets.attribute_form import AttributeForm


class EventForm(AttributeForm):
    """``attrs_edited`` carries the event's id and its new attributes."""

    def __init__(self, codebook: Codebook, completions: Callable[[str, str], list[str]], parent: QWidget | None = None):
        super().__init__(codebook, completions, parent)
        self.label_box.hide()
        self.suggestion.hide()  # an event's suggestion is told in the event panel
        self.current: Event | None = None

    def show_annotation(self, annotation: Any) -> None:
        """Only events are shown here (the base class calls this while it is built)."""
        self.show_event(annotation)

    def refresh_letters(self) -> None:
        """The fields again, so their Alt letters leave the span form's new ones alone."""
        if getattr(self, "current", None) is not None:
            event, self.current = self.current, None
            self.show_event(event)

    def show_event(self, event: Event | None) -> None:
        current = getattr(self, "current", None)
        same_type = current is not None and event is not None and current.type == event.type
        self.current = event
        self.annotation = event  # type: ignore[assignment]  # the form reads only id and attrs
        # Without an event the form is one line, and the event tree above it gets the height.
        self.fields.setVisible(event is not None)
        self.missing.setVisible(event is not None)
        self._loading = True
        try:
            if event is None:
                self._clear_fields()
                self.title.setText(self.tr("No current event: select a span and press an event key."))
                self.missing.clear()
                return
            event_type = self.codebook.event_type(event.type)
            if not same_type or not self._readers:
                self._build(event_type)  # type: ignore[arg-type]  # an event type has a label's name and attributes
            self.title.setText(self.tr("Attributes of %s") % event_type.display_name(self.language))
            for name, write in self._writers.items():
                write(event.attrs.get(name))
            self._show_missing(event_type, event.attrs)  # type: ignore[arg-type]
        finally:
            self._loading = False
