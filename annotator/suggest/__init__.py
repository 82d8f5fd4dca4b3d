"""Suggestions: the suggesters (casualty figures, gazetteer, project memory) and the API over them.

The window builds on these functions; the command line is ``annotator suggest``.

- :func:`suggest_document` (``project, doc_id``) stores and returns new
  suggestions (origin ``suggested``, coder = the project's coder).
- :func:`accept_suggestion` (``project, ann_id, attrs=None``) turns one into the
  coder's own span; :func:`revert_acceptance` undoes it. :func:`accept_all`
  accepts a document's pending suggestions at once.
- Rejecting is :meth:`Project.reject_suggestion`, undone by
  :meth:`Project.unreject_suggestion`; a rejected suggestion never comes back.
- :func:`tag_all_occurrences` (``project, ann_id``) tags the other occurrences of
  a span's name in its document.
- :func:`casualty_attributes` (``text, start, end``) prefills a new CASUALTY span.
- Event suggestions (:mod:`annotator.suggest.events`) come with the spans: pending ATTACK
  events, listed by :func:`pending_event_suggestions`, accepted with
  :func:`accept_event_suggestion` (undone by :func:`revert_event_acceptance`) and
  rejected with :func:`reject_event_suggestion` (undone by :meth:`Project.restore_event`);
  :func:`proposed_slots` gives every span one proposes, suggestions included.
- Dates (DATE spans, and the day an event's ``date`` attribute holds): :mod:`annotator.dates`.
"""

from annotator.suggest.casualty import casualty_attributes, find_casualty_figures
from annotator.suggest.events import (
    accept_event_suggestion,
    event_suggestion_spans,
    pending_event_suggestions,
    proposed_slots,
    reject_event_suggestion,
    revert_event_acceptance,
)
from annotator.suggest.gazetteer import Gazetteer, load_gazetteer
from annotator.suggest.memory import project_memory, tag_all_occurrences
from annotator.suggest.run import (
    Suggesters,
    SuggestReport,
    accept_all,
    accept_suggestion,
    pending_suggestions,
    revert_acceptance,
    suggest_document,
    suggest_document_events,
    suggest_documents,
)
from annotator.suggest.suggestion import Suggestion

__all__ = [
    "Gazetteer",
    "SuggestReport",
    "Suggesters",
    "Suggestion",
    "accept_all",
    "accept_event_suggestion",
    "accept_suggestion",
    "casualty_attributes",
    "event_suggestion_spans",
    "find_casualty_figures",
    "load_gazetteer",
    "pending_event_suggestions",
    "pending_suggestions",
    "project_memory",
    "proposed_slots",
    "reject_event_suggestion",
    "revert_acceptance",
    "revert_event_acceptance",
    "suggest_document",
    "suggest_document_events",
    "suggest_documents",
    "tag_all_occurrences",
]
