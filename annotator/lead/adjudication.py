"""Adjudication: settling coders' spans into the ``gold`` layer, with provenance.

The unit the lead decides on is an :class:`Item`: a place in a document where
the spans of the coders who finished it overlap. Each item holds the distinct
:class:`Version`\\ s the coders made there (same label, offsets and attributes
= one version, with every coder who made it). A version is ``open`` until the
lead (or ``--auto``) decides:

- ``gold``: a live gold span lists one of its span ids among its sources, or an
  identical gold span exists (an imported gold set);
- ``rejected``: the lead rejected it (table ``rejections``);
- ``superseded``: a gold span the lead decided by hand (picked, edited, added)
  overlaps it: the lead has settled that place.

Every gold span carries provenance ``{"sources": [span ids], "agreed":
[coders whose span is exactly the gold span], "decision": "auto" | "picked" |
"edited" | "added", "by": who decided, "at": when}`` (auto adds ``strategy``).
A rejection has the same shape with decision ``rejected``. Coder layers are
never changed.

For the window (one undo command per call): :func:`accept` / :func:`edit` /
:func:`add` return the new gold :class:`Annotation`, undone by
:func:`withdraw` (a soft delete; ``Project.restore_annotation`` redoes it);
:func:`reject` returns a :class:`Rejection`, undone by :func:`unreject` and
redone by :func:`reject` with the same ``rejection_id``. :func:`queue` orders
documents by open items, :func:`items` gives one document's items.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.errors import ValidationError
from annotator.lead.merge import merged_layers
from annotator.models import GOLD, Annotation, Origin, Status
from annotator.store.lead_tables import Rejection as Rejection  # the record reject() returns, named here for callers
from annotator.store.project import Project
from annotator.store.rows import now

STRATEGIES = ("unanimous", "majority")
MANUAL_DECISIONS = ("picked", "edited", "added")
_AUTO_NAMESPACE = uuid.UUID("0b8e6a4c-2f1d-4c9e-9a57-3d2e8f6b1c04")


@dataclass(frozen=True)
class Version:
    """One reading of a span, made identically by ``coders`` (their span ids in ``annotation_ids``)."""

    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    coders: tuple[str, ...]
    annotation_ids: tuple[str, ...]
    state: str = "open"

    @property
    def key(self) -> tuple[str, int, int, str]:
        return _key(self.label, self.start, self.end, self.attrs)


@dataclass(frozen=True)
class Item:
    """A place in a document where finished coders' spans overlap; ``[start, end)`` spans them all."""

    doc_id: int
    start: int
    end: int
    coders: tuple[str, ...]
    versions: tuple[Version, ...]
    gold: tuple[Annotation, ...] = ()

    @property
    def unanimous(self) -> bool:
        """Every coder who finished the document made every version here."""
        return all(set(v.coders) == set(self.coders) for v in self.versions)

    @property
    def open(self) -> bool:
        return any(v.state == "open" for v in self.versions)

    def missing(self, version: Version) -> tuple[str, ...]:
        """Coders who finished the document but did not make ``version``."""
        return tuple(c for c in self.coders if c not in version.coders)


@dataclass(frozen=True)
class QueueEntry:
    doc_id: int
    key: str
    title: str
    coders: tuple[str, ...]
    items: int
    open: int
    unanimous: int


@dataclass(frozen=True)
class Counts:
    """A document's places the coders made, how many are still open, how many every coder agreed on."""

    places: int
    open: int
    unanimous: int

    @property
    def settled(self) -> bool:
        return not self.open


def count(found: Iterable[Item]) -> Counts:
    """The one count of places: the queue, the window and the command line all show these figures.
    A gold span no coder made (an item without versions) is no place to settle."""
    made = [i for i in found if i.versions]
    return Counts(len(made), sum(1 for i in made if i.open), sum(1 for i in made if i.unanimous))


@dataclass
class AutoReport:
    strategy: str
    documents: int = 0
    added: int = 0
    already: int = 0
    open: int = 0
    too_few_coders: int = 0
    settled: int = 0
    by: str = ""
    notes: list[str] = field(default_factory=list)
    events_added: int = 0
    events_already: int = 0
    events_waiting: int = 0  # won, but a slot span is not in gold

    def lines(self) -> list[str]:
        out = [
            f"{self.strategy}: {self.documents} document(s) finished by enough coders; {self.added} span(s) "
            f"added to gold, {self.already} already there; {self.open} item(s) left open for the lead",
            f"{self.settled} document(s) fully settled (marked done for {self.by})",
        ]
        if self.too_few_coders:
            out.append(f"{self.too_few_coders} document(s) finished by too few coders were left alone")
        if self.events_added or self.events_already or self.events_waiting:
            out.append(
                f"events: {self.events_added} added to gold, {self.events_already} already there, "
                f"{self.events_waiting} left for the lead (a slot span is not in gold)"
            )
        return out + self.notes


# --- who compares what -----------------------------------------------------------------------


def compared_coders(project: Project) -> list[str]:
    """The coders whose work is compared: merged layers (or, in an unmerged project, every layer
    but gold) that marked at least one document done. The merged project's own coder is the lead."""
    layers = coder_layers(project)
    finished = project.coders_with_status(Status.DONE)
    return [c for c in layers if c in finished]


def coder_layers(project: Project) -> list[str]:
    """Every layer that could be compared: the merged ones, else all but gold."""
    return merged_layers(project) or [c for c in project.coders() if c != GOLD]


def finished_by(project: Project, coders: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """For each document, the given coders who marked it done (documents with none are left out)."""
    out: dict[int, list[str]] = {}
    wanted = set(coders)
    for doc_id, coder in project.with_status(Status.DONE):
        if coder in wanted:
            out.setdefault(doc_id, []).append(coder)
    return {doc_id: tuple(sorted(names, key=list(coders).index)) for doc_id, names in out.items()}


def finished_in(project: Project, doc_id: int, coders: Sequence[str]) -> tuple[str, ...]:
    """The given coders who marked one document done, in the order given."""
    done = project.coders_with_status(Status.DONE, doc_id=doc_id)
    return tuple(c for c in coders if c in done)


# --- items -------------------------------------------------------------------------------------


def items(project: Project, doc_id: int, coders: Sequence[str] | None = None) -> list[Item]:
    """The places of one document where finished coders made spans, in text order, with their state."""
    coders = list(coders) if coders is not None else compared_coders(project)
    finished = finished_in(project, doc_id, coders)
    spans = [a for a in project.annotations(doc_id, include_suggestions=False) if a.coder in finished]
    gold = project.annotations(doc_id, coder=GOLD, include_suggestions=False)
    covered = {source for g in gold for source in (g.provenance or {}).get("sources", [])}
    rejected = {source for r in rejections(project, doc_id) for source in r.sources}
    gold_keys = {_key(g.label, g.start, g.end, g.attrs) for g in gold}
    manual = [g for g in gold if (g.provenance or {}).get("decision") in MANUAL_DECISIONS]

    def state_of(key: tuple[str, int, int, str], members: list[Annotation]) -> str:
        ids = {a.id for a in members}
        if covered & ids or key in gold_keys:
            return "gold"
        if rejected & ids:
            return "rejected"
        if any(g.start < members[0].end and members[0].start < g.end for g in manual):
            return "superseded"
        return "open"

    return [
        replace(item, gold=tuple(g for g in gold if g.start < item.end and item.start < g.end))
        for item in build_items(doc_id, finished, spans, state_of)
    ]


def build_items(
    doc_id: int,
    finished: Sequence[str],
    spans: Sequence[Annotation],
    state_of: Callable[[tuple[str, int, int, str], list[Annotation]], str] | None = None,
) -> list[Item]:
    """Group the spans of the coders in ``finished`` into items: runs of overlapping spans in
    text order, each holding the distinct versions made there. Pure: no project needed."""
    out = []
    for cluster in _clusters([a for a in spans if a.coder in finished]):
        versions = []
        for key, members in _group(cluster).items():
            first = members[0]
            versions.append(
                Version(
                    label=first.label,
                    start=first.start,
                    end=first.end,
                    text=first.text,
                    attrs=dict(first.attrs),
                    coders=tuple(c for c in finished if any(a.coder == c for a in members)),
                    annotation_ids=tuple(a.id for a in members),
                    state=state_of(key, members) if state_of else "open",
                )
            )
        start, end = min(a.start for a in cluster), max(a.end for a in cluster)
        out.append(Item(doc_id=doc_id, start=start, end=end, coders=tuple(finished), versions=tuple(versions)))
    return out


def queue(project: Project, coders: Sequence[str] | None = None, *, min_coders: int = 2) -> list[QueueEntry]:
    """Documents finished by at least ``min_coders`` compared coders, most open items first."""
    coders = list(coders) if coders is not None else compared_coders(project)
    entries = []
    for doc_id, finished in finished_by(project, coders).items():
        if len(finished) < min_coders:
            continue
        counts = count(items(project, doc_id, coders))
        doc = project.document(doc_id)
        entries.append(
            QueueEntry(
                doc_id=doc_id,
                key=doc.key,
                title=doc.title,
                coders=finished,
                items=counts.places,
                open=counts.open,
                unanimous=counts.unanimous,
            )
        )
    return sorted(entries, key=lambda e: (-e.open, e.doc_id))


def rejections(project: Project, doc_id: int | None = None) -> list[Rejection]:
    return project.rejections(doc_id)


# --- automatic adjudication ------------------------------------------------------------------


def auto_adjudicate(
    project: Project,
    *,
    strategy: str = "unanimous",
    by: str | None = None,
    min_coders: int = 2,
    coders: Sequence[str] | None = None,
) -> AutoReport:
    """Put the versions that all (``unanimous``) or most (``majority``: more than half) of the
    coders who finished a document made into gold, in one transaction.

    Idempotent: a version whose spans are already a gold span's sources, or that the lead
    rejected, or that an earlier run added (even if the lead deleted it since), is skipped.
    Documents left with no open item are marked done for the project's own coder.
    """
    if strategy not in STRATEGIES:
        raise ValidationError(f"unknown strategy {strategy!r} (use {', '.join(STRATEGIES)})")
    if min_coders < 1:
        raise ValidationError("--min-coders must be at least 1")
    by = by or project.coder
    coders = list(coders) if coders is not None else compared_coders(project)
    if not coders:
        raise ValidationError(
            "no coder has marked a document done; adjudication works on finished documents", path=project.path
        )
    report = AutoReport(strategy=strategy, by=project.coder)
    with project.transaction():
        for doc_id, finished in finished_by(project, coders).items():
            if len(finished) < min_coders:
                report.too_few_coders += 1
                continue
            report.documents += 1
            text = project.document(doc_id).text
            found = items(project, doc_id, coders)
            added_here = 0
            for item in found:
                for version in item.versions:
                    if not _wins(version, finished, strategy):
                        continue
                    if version.state == "gold":
                        report.already += 1
                        continue
                    if version.state != "open":
                        continue  # the lead rejected it or settled the place
                    gold_id = str(uuid.uuid5(_AUTO_NAMESPACE, "\n".join(sorted(version.annotation_ids))))
                    if project.annotation_exists(gold_id):
                        report.already += 1
                        continue
                    provenance = _provenance(version.annotation_ids, version.coders, "auto", by)
                    provenance["strategy"] = strategy
                    project.add_annotation(
                        doc_id,
                        version.label,
                        version.start,
                        version.end,
                        attrs=version.attrs,
                        coder=GOLD,
                        origin=Origin.ADJUDICATED,
                        annotation_id=gold_id,
                        provenance=provenance,
                        text=text,
                    )
                    report.added += 1
                    added_here += 1
            remaining = count(items(project, doc_id, coders) if added_here else found).open
            report.open += remaining
            if mark_settled(project, doc_id, open_count=remaining) == Status.DONE:
                report.settled += 1
    return report


def _wins(version: Version, finished: tuple[str, ...], strategy: str) -> bool:
    if strategy == "unanimous":
        return set(version.coders) == set(finished)
    return len(version.coders) * 2 > len(finished)


def mark_settled(
    project: Project, doc_id: int, coders: Sequence[str] | None = None, *, open_count: int | None = None
) -> str:
    """Set the project coder's status of a document from its items: ``done`` when none is open,
    else ``in_progress``; a ``skipped`` status is left alone. Returns the status now.
    ``open_count`` saves recounting when the caller has just counted the open items."""
    current = project.status(doc_id).status
    if current == Status.SKIPPED:
        return current
    if open_count is None:
        open_count = count(items(project, doc_id, coders)).open
    wanted = Status.IN_PROGRESS if open_count else Status.DONE
    if wanted != current:
        project.set_status(doc_id, wanted)
    return wanted


# --- the lead's decisions (one undoable call each) -------------------------------------------


def accept(project: Project, annotation_ids: Sequence[str], *, by: str) -> Annotation:
    """Put a coder version into gold as it is (decision ``picked``); ``annotation_ids`` are the
    version's span ids (one coder's span is enough). Undo with :func:`withdraw`."""
    sources = _sources(project, annotation_ids)
    first = sources[0]
    if len({_key(a.label, a.start, a.end, a.attrs) for a in sources}) > 1:
        raise ValidationError("the spans to accept differ; accept one version, or edit it")
    return _write_gold(project, first.doc_id, first.label, first.start, first.end, first.attrs, sources, "picked", by)


def edit(
    project: Project,
    annotation_ids: Sequence[str],
    *,
    by: str,
    label: str | None = None,
    start: int | None = None,
    end: int | None = None,
    attrs: dict[str, Any] | None = None,
) -> Annotation:
    """Put a changed copy of a coder version into gold (decision ``edited``). Undo with :func:`withdraw`."""
    sources = _sources(project, annotation_ids)
    base = sources[0]
    return _write_gold(
        project,
        base.doc_id,
        label if label is not None else base.label,
        base.start if start is None else start,
        base.end if end is None else end,
        base.attrs if attrs is None else attrs,
        sources,
        "edited",
        by,
    )


def add(
    project: Project, doc_id: int, label: str, start: int, end: int, *, by: str, attrs: dict[str, Any] | None = None
) -> Annotation:
    """Add a gold span no coder made (decision ``added``). Undo with :func:`withdraw`."""
    return _write_gold(project, doc_id, label, start, end, attrs or {}, [], "added", by)


def withdraw(project: Project, gold_id: str) -> Annotation:
    """Undo a gold decision: soft-delete the gold span (``Project.restore_annotation`` redoes it)."""
    ann = project.annotation(gold_id)
    if ann.coder != GOLD:
        raise ValidationError(f"annotation {gold_id} is {ann.coder}'s, not gold; coder layers are never changed")
    return project.delete_annotation(gold_id)


def reject(
    project: Project, annotation_ids: Sequence[str], *, by: str, rejection_id: str | None = None, at: str | None = None
) -> Rejection:
    """Keep coder spans out of gold (decision ``rejected``). Undo with :func:`unreject`; redo by
    calling again with the returned ``rejection_id`` and ``at``."""
    sources = _sources(project, annotation_ids)
    ids = {a.id for a in sources}
    for earlier in project.rejections(sources[0].doc_id):
        if ids & set(earlier.sources):
            raise ValidationError("this version is rejected already")
    keys = {_key(a.label, a.start, a.end, a.attrs) for a in sources}
    for gold in project.annotations(sources[0].doc_id, coder=GOLD):
        if _key(gold.label, gold.start, gold.end, gold.attrs) in keys or ids & set((gold.provenance or {}).get("sources", [])):
            raise ValidationError(f"this version is in gold (gold span {gold.id}); withdraw it first to reject it")
    rejection = Rejection(
        id=rejection_id or str(uuid.uuid4()),
        doc_id=sources[0].doc_id,
        sources=tuple(a.id for a in sources),
        by=by,
        at=at or now(),
    )
    project.add_rejection(rejection)
    return rejection


def unreject(project: Project, rejection_id: str) -> None:
    if not project.delete_rejection(rejection_id):
        raise ValidationError(f"no rejection with id {rejection_id}")


def _sources(project: Project, annotation_ids: Sequence[str]) -> list[Annotation]:
    if not annotation_ids:
        raise ValidationError("name at least one coder span")
    sources = [project.annotation(i) for i in dict.fromkeys(annotation_ids)]
    if any(a.coder == GOLD for a in sources):
        raise ValidationError("these are gold spans already; decide on coder spans")
    if len({a.doc_id for a in sources}) > 1:
        raise ValidationError("the spans belong to different documents")
    return sources


def _write_gold(
    project: Project,
    doc_id: int,
    label: str,
    start: int,
    end: int,
    attrs: dict[str, Any],
    sources: list[Annotation],
    decision: str,
    by: str,
) -> Annotation:
    key = _key(label, start, end, attrs)
    for gold in project.annotations(doc_id, coder=GOLD):
        if _key(gold.label, gold.start, gold.end, gold.attrs) == key:
            raise ValidationError(f"this span is in gold already (gold span {gold.id})")
    finished = set(finished_in(project, doc_id, compared_coders(project)))
    agreed = [
        a.coder
        for a in project.annotations(doc_id, include_suggestions=False)
        if a.coder in finished and _key(a.label, a.start, a.end, a.attrs) == key
    ]
    provenance = _provenance([a.id for a in sources], agreed, decision, by)
    return project.add_annotation(
        doc_id, label, start, end, attrs=attrs, coder=GOLD, origin=Origin.ADJUDICATED, provenance=provenance
    )


def _provenance(sources: Sequence[str], agreed: Sequence[str], decision: str, by: str) -> dict[str, Any]:
    return {
        "sources": sorted(sources),
        "agreed": sorted(set(agreed)),
        "decision": decision,
        "by": by,
        "at": now(),
    }


# --- grouping -----------------------------------------------------------------------------------


def _key(label: str, start: int, end: int, attrs: dict[str, Any]) -> tuple[str, int, int, str]:
    return (label, start, end, json.dumps(attrs, sort_keys=True, ensure_ascii=False))


def _clusters(spans: list[Annotation]) -> list[list[Annotation]]:
    """Connected runs of overlapping spans, in text order (spans sorted by start)."""
    out: list[list[Annotation]] = []
    reach = -1
    for span in sorted(spans, key=lambda a: (a.start, -a.end, a.label, a.coder, a.id)):
        if out and span.start < reach:
            out[-1].append(span)
            reach = max(reach, span.end)
        else:
            out.append([span])
            reach = span.end
    return out


def _group(cluster: list[Annotation]) -> dict[tuple[str, int, int, str], list[Annotation]]:
    groups: dict[tuple[str, int, int, str], list[Annotation]] = {}
    for span in cluster:
        groups.setdefault(_key(span.label, span.start, span.end, span.attrs), []).append(span)
    return groups
