"""Accepting or rejecting many pending suggestions at once, as a coder would one by one in the window.

A pipeline that pre-annotates (``annotator suggest``) settles the suggestions by
document and label with the same core calls the window's Enter and X make:
:func:`accept_suggestion` then :func:`resolve_covered` (a confirmed «28 مدنيا» settles
the «28» suggested under it), and :meth:`Project.reject_suggestion` (never suggested
again). Suggested events go with :func:`accept_event_suggestion` and
:func:`reject_event_suggestion`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from annotator.store.project import Project
from annotator.suggest.events import accept_event_suggestion, pending_event_suggestions, reject_event_suggestion
from annotator.suggest.run import accept_suggestion, pending_suggestions, resolve_covered


@dataclass
class Settled:
    """What one call settled: spans accepted or rejected, pending ones an accepted span covered
    (settled with it), and events either way."""

    accepted: int = 0
    rejected: int = 0
    covered: int = 0
    events_accepted: int = 0
    events_rejected: int = 0

    def add(self, other: Settled) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def settle_suggestions(project: Project, doc_id: int, *, accept: bool, names: Collection[str] = ()) -> Settled:
    """Accept (or reject) the document's pending suggestions, in one transaction.

    ``names`` picks span labels and event types (empty: every suggestion). Spans are
    taken in text order, a longer one before the shorter ones it covers, so an accepted
    span settles the suggestions of its label under it as the window's accept does.
    Accepting an event accepts the suggested spans it proposes with it (its labels are
    the roles' own, whatever ``names`` says); rejecting one leaves its spans pending.
    """
    done = Settled()

    def wanted(name: str) -> bool:
        return not names or name in names

    with project.transaction():
        if accept:
            spans = sorted(pending_suggestions(project, doc_id), key=lambda a: (a.start, -a.end, a.id))
            resolved: set[str] = set()  # covered by a span accepted before them
            for span in spans:
                if not wanted(span.label) or span.id in resolved:
                    continue
                accept_suggestion(project, span.id)
                done.accepted += 1
                covered = resolve_covered(project, span.id)
                resolved.update(a.id for a in covered)
                done.covered += len(covered)
            for event in pending_event_suggestions(project, doc_id):
                if wanted(event.type):
                    accept_event_suggestion(project, event.id)
                    done.events_accepted += 1
        else:
            for event in pending_event_suggestions(project, doc_id):
                if wanted(event.type):
                    reject_event_suggestion(project, event.id)
                    done.events_rejected += 1
            for span in pending_suggestions(project, doc_id):
                if wanted(span.label):
                    project.reject_suggestion(span.id)
                    done.rejected += 1
    return done
