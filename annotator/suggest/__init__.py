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
"""

from annotator.suggest.casualty import casualty_attributes, find_casualty_figures
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
    suggest_documents,
)
from annotator.suggest.suggestion import Suggestion

__all__ = [
    "Gazetteer",
    "SuggestReport",
    "Suggesters",
    "Suggestion",
    "accept_all",
    "accept_suggestion",
    "casualty_attributes",
    "find_casualty_figures",
    "load_gazetteer",
    "pending_suggestions",
    "project_memory",
    "revert_acceptance",
    "suggest_document",
    "suggest_documents",
    "tag_all_occurrences",
]
