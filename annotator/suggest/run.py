"""Running the suggesters on documents, storing their output, and accepting it.

Suggestions are ordinary annotations of the project's coder with origin
``suggested`` (DESIGN.md), so they survive a crash, travel in exports with
``--include-suggestions`` and show in the window as dashed spans. Running the
suggesters again adds only what is new: nothing that overlaps a confirmed span
or a pending suggestion of the same label, and nothing the coder rejected
(:meth:`Project.reject_suggestion`; :meth:`Project.unreject_suggestion` undoes it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.codebook import fit_attributes
from annotator.dates import find_dates
from annotator.errors import ValidationError
from annotator.models import Annotation, Event, Origin
from annotator.store.project import Project
from annotator.suggest import casualty
from annotator.suggest.adjectives import without_adjective_places
from annotator.suggest.casualty import find_casualty_figures
from annotator.suggest.events import suggest_events
from annotator.suggest.gazetteer import Gazetteer, load_gazetteer
from annotator.suggest.memory import MEMORY_LABELS, project_memory
from annotator.suggest.names import NameMatcher, Word, words_of
from annotator.suggest.recommender import Recommender, gazetteer_hits, load_recommender
from annotator.suggest.suggestion import Suggestion

NAME_LABELS = frozenset(MEMORY_LABELS)
DATE_LABEL = "DATE"


@dataclass
class Suggesters:
    """What one run uses: the gazetteer (read and checked once), the project's memory and
    the recommender the project has learned, if any."""

    gazetteer: Gazetteer | None
    gazetteer_matcher: NameMatcher | None
    memory: NameMatcher
    recommender: Recommender | None = None

    @classmethod
    def for_project(
        cls,
        project: Project,
        gazetteer: Gazetteer | None = None,
        *,
        use_gazetteer: bool = True,
        use_recommender: bool = True,
    ) -> Suggesters:
        """Read the default gazetteer unless one is given; refuse one that does not fit the codebook.
        The project's learned model joins unless ``use_recommender`` is False."""
        if use_gazetteer and gazetteer is None:
            gazetteer = load_gazetteer()
        if gazetteer is not None:
            gazetteer.check(project.codebook)
        recommender = load_recommender(project) if use_recommender else None
        return cls(gazetteer, gazetteer.matcher() if gazetteer else None, project_memory(project), recommender)

    def propose(self, project: Project, text: str, words: list[Word] | None = None) -> list[Suggestion]:
        """Everything the suggesters see in ``text`` (whose :func:`words_of` may be given):
        memory, gazetteer, the learned recommender, casualty figures, then dates. A name comes
        from the first that finds it (:func:`_blocked` drops a later overlapping one)."""
        labels = set(project.codebook.label_names)
        if words is None:
            words = words_of(text)
        out = without_adjective_places(text, [s for s in self.memory.find(text, words) if s.label in labels])
        known = gazetteer_hits(self.gazetteer, text, words, self.gazetteer_matcher, labels)
        out += known
        if self.recommender is not None:
            out += without_adjective_places(text, self.recommender.suggest(text, words, known, labels & NAME_LABELS))
        if casualty.LABEL in labels:
            out += find_casualty_figures(text, project.codebook.vague_amounts)
        if DATE_LABEL in labels:
            out += [Suggestion(DATE_LABEL, m.start, m.end, source="dates") for m in find_dates(text)]
        return out


@dataclass
class SuggestReport:
    """New suggestions per document key, for the command line's summary."""

    added: dict[str, list[Annotation]] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(spans) for spans in self.added.values())

    @property
    def total_events(self) -> int:
        return sum(len(events) for events in self.events.values())

    def lines(self) -> list[str]:
        out = []
        for key, spans in self.added.items():
            events = self.events.get(key, [])
            if spans or events:
                counts = Counter(a.label for a in spans)
                parts = ", ".join(f"{label} {counts[label]}" for label in sorted(counts))
                line = f"{key}: {len(spans)} new suggestion(s)" + (f" ({parts})" if parts else "")
                if events:
                    line += f", {len(events)} new event suggestion(s)"
                out.append(line)
        total = f"{self.total} new suggestion(s)"
        if self.total_events:
            total += f" and {self.total_events} new event suggestion(s)"
        out.append(f"{total} in {len(self.added)} document(s)")
        return out


def suggest_document(project: Project, doc_id: int, suggesters: Suggesters | None = None) -> list[Annotation]:
    """Store new suggestions for one document and return the spans among them (one transaction).

    Each span is an annotation of the project's coder with origin ``suggested``, its
    attributes filled (only those the codebook's label defines and accepts) and
    ``provenance = {"suggester": name}``; event suggestions follow the spans
    (:func:`suggest_document_events` returns both). Builds the suggesters when not given;
    pass one :class:`Suggesters` when running over many documents.
    """
    return suggest_document_events(project, doc_id, suggesters)[0]


def suggest_document_events(
    project: Project, doc_id: int, suggesters: Suggesters | None = None
) -> tuple[list[Annotation], list[Event]]:
    """As :func:`suggest_document`, returning the new spans and the new events
    (:mod:`annotator.suggest.events`), which may use the new spans."""
    suggesters = suggesters or Suggesters.for_project(project)
    doc = project.document(doc_id)
    coder = project.coder
    live = project.annotations(doc_id, coder=coder)
    kept: list[Suggestion] = []
    words = words_of(doc.text)
    for suggestion in suggesters.propose(project, doc.text, words):
        if _blocked(project, doc_id, suggestion, live, kept):
            continue
        kept.append(suggestion)
    stored: list[Annotation] = []
    with project.transaction():
        for suggestion in kept:
            label = project.codebook.label(suggestion.label)
            stored.append(
                project.add_annotation(
                    doc_id,
                    suggestion.label,
                    suggestion.start,
                    suggestion.end,
                    attrs=fit_attributes(label, suggestion.attrs),
                    coder=coder,
                    origin=Origin.SUGGESTED,
                    provenance={"suggester": suggestion.source},
                    text=doc.text,
                )
            )
        events = suggest_events(project, doc_id, live + stored, words)
    return sorted(stored, key=lambda a: (a.start, a.end, a.label)), events


def _blocked(
    project: Project, doc_id: int, suggestion: Suggestion, live: list[Annotation], kept: list[Suggestion]
) -> bool:
    """Whether a suggestion must not be stored: rejected before, or in the way of a span."""
    if project.is_rejected(doc_id, project.coder, suggestion.label, suggestion.start, suggestion.end):
        return True
    is_name = suggestion.label in NAME_LABELS
    for ann in live:
        if not (ann.start < suggestion.end and suggestion.start < ann.end):
            continue
        if ann.label == suggestion.label:
            return True  # a confirmed span of the label, or a pending suggestion already there
        if is_name and ann.label in NAME_LABELS and ann.origin != Origin.SUGGESTED:
            return True  # سوريا inside a confirmed ACTOR قوات سوريا الديمقراطية
    for other in kept:
        overlaps = other.start < suggestion.end and suggestion.start < other.end
        if overlaps and (other.label == suggestion.label or (is_name and other.label in NAME_LABELS)):
            return True
    return False


def suggest_documents(
    project: Project,
    doc_ids: Iterable[int] | None = None,
    suggesters: Suggesters | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> SuggestReport:
    """Run :func:`suggest_document` over documents (default: all), all in one transaction.

    ``progress(done, total)`` is called before each document and once at the end; it may
    raise :class:`~annotator.errors.Cancelled` to stop, and then no suggestion is stored.
    """
    suggesters = suggesters or Suggesters.for_project(project)
    report = SuggestReport()
    ids = list(doc_ids) if doc_ids is not None else project.document_ids()
    with project.transaction():
        for done, doc_id in enumerate(ids):
            if progress is not None:
                progress(done, len(ids))
            key = project.document(doc_id).key
            report.added[key], report.events[key] = suggest_document_events(project, doc_id, suggesters)
        if progress is not None:
            progress(len(ids), len(ids))
    return report


def pending_suggestions(project: Project, doc_id: int) -> list[Annotation]:
    """The coder's suggestions in a document that are neither accepted nor rejected yet."""
    return [a for a in project.annotations(doc_id, coder=project.coder) if a.origin == Origin.SUGGESTED]


def covered_suggestions(span: Annotation, spans: Iterable[Annotation]) -> list[Annotation]:
    """The pending suggestions of ``span``'s label that the confirmed ``span`` covers.

    Once the coder has confirmed «28 مدنيا» as a CASUALTY, the «28» suggested under it
    is settled, not a second thing to decide; a suggested ``span`` settles nothing.
    """
    if span.origin == Origin.SUGGESTED:
        return []
    return [
        a for a in spans
        if a.origin == Origin.SUGGESTED and a.id != span.id and a.label == span.label
        and span.start <= a.start and a.end <= span.end
    ]


def resolve_covered(project: Project, annotation_id: str) -> list[Annotation]:
    """Reject the suggestions a confirmed span covers (:func:`covered_suggestions`), so they are not
    suggested again; returns them as they were (:meth:`Project.unreject_suggestion` brings each back)."""
    span = project.annotation(annotation_id)
    covered = covered_suggestions(span, project.annotations(span.doc_id, coder=span.coder))
    with project.transaction():
        return [project.reject_suggestion(a.id) for a in covered]


def accept_suggestion(project: Project, annotation_id: str, attrs: dict[str, Any] | None = None) -> Annotation:
    """Make a suggestion the coder's own span (origin ``manual``), with ``attrs`` if the coder edited them.

    Keep the returned annotation's predecessor to undo: :func:`revert_acceptance`.
    """
    ann = project.annotation(annotation_id)
    if ann.origin != Origin.SUGGESTED:
        raise ValidationError(f"annotation {annotation_id} is not a pending suggestion")
    return project.update_annotation(annotation_id, origin=Origin.MANUAL, attrs=ann.attrs if attrs is None else attrs)


def revert_acceptance(project: Project, before: Annotation) -> Annotation:
    """Undo :func:`accept_suggestion`: the span becomes the pending suggestion ``before`` was."""
    return project.update_annotation(
        before.id, origin=before.origin, attrs=before.attrs, label=before.label, start=before.start, end=before.end
    )


def accept_all(project: Project, doc_id: int) -> list[Annotation]:
    """Accept every pending suggestion of a document in one transaction (the window confirms first)."""
    with project.transaction():
        return [accept_suggestion(project, a.id) for a in pending_suggestions(project, doc_id)]
