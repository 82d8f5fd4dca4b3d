"""Merging coders' project files into one project, for agreement and adjudication.

The rules (DESIGN.md, "Merge, agreement, adjudication"):

- Documents are matched by the sha256 of their stored text; a document new to
  the merged project is added with its metadata.
- Every span keeps its id, coder, timestamps, origin and attributes. A coder
  *layer* (the spans and statuses of one coder name) belongs to exactly one
  source file, told apart by the file's ``project_id``; the table
  ``merge_sources`` remembers which. Merging that file again replaces the
  layer with the file's current content: new spans are added, changed spans
  updated (the ids tell), spans deleted in the file are deleted here too
  (softly: the history keeps them). So merging the same file twice changes
  nothing, and a coder's newer file updates that coder's layer. An *older*
  copy of a file already merged is refused, since it would undo later work.
- Sources are opened read-only and never written. Only the merged project is
  written, in one transaction (all sources or none). A new merged project is
  built in a hidden folder beside it and moved into place when complete, so
  an interrupted merge leaves no half-made file under the name the lead gave.
- The merged project's own coder (``lead`` unless chosen) is the person who
  adjudicates; it is not one of the compared coders.
- Events travel with their layer, like spans: each keeps its id, coder, slots
  and history fields; a slot names the merged ids of its spans, so a renamed
  span id is followed. Merging again updates, adds and (softly) deletes them as
  it does spans, events before spans, since a span that fills a slot cannot go
  first. A source of schema 2 has no events and merges as before.
- A source's ``gold`` layer is not merged (gold is made by adjudication in the
  merged project); the report says so, with the count, rather than dropping it
  silently.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from annotator.codebook import Codebook
from annotator.errors import AnnotatorError, InputError, ProjectError, ValidationError
from annotator.lead.merge_checks import check_codebooks, load_chosen_codebook, refuse_out_as_source
from annotator.models import GOLD, Document, Event
from annotator.store.lead_tables import MergeSource
from annotator.store.project import Project
from annotator.store.rows import now
from annotator.tempnames import clear_stale, owned_prefix
from annotator.text import canonical_text

MERGED_CODER = "lead"
# Span ids are UUIDs, unique across files, except when two coders imported the
# same pre-annotated file: such a span gets a new id derived from its coder,
# document and old id, so merging again finds it again.
_ID_NAMESPACE = uuid.UUID("6f1c3a52-9d4e-4b7a-8e2f-5a0c1d9b7e31")

Progress = Callable[[int, int, Path], None]


@dataclass
class SourceReport:
    """What merging one source file did."""

    path: str
    coder: str
    layers: list[str] = field(default_factory=list)
    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_updated: int = 0
    spans_removed: int = 0
    spans_unchanged: int = 0
    statuses_changed: int = 0
    ids_renamed: int = 0
    gold_skipped: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_removed: int = 0
    events_unchanged: int = 0

    def lines(self, out_name: str) -> list[str]:
        layers = ", ".join(self.layers) or "none"
        events = ""
        if self.events_added or self.events_updated or self.events_removed or self.events_unchanged:
            events = (
                f"; events: {self.events_added} added, {self.events_updated} updated, {self.events_removed} removed, "
                f"{self.events_unchanged} unchanged"
            )
        out = [
            f"{self.path} (coder {self.coder}; layers {layers}): {self.documents_added} document(s) added, "
            f"{self.documents_existing} already in {out_name}; spans: {self.spans_added} added, "
            f"{self.spans_updated} updated, {self.spans_removed} removed, {self.spans_unchanged} unchanged; "
            f"{self.statuses_changed} status(es) changed{events}"
        ]
        if self.ids_renamed:
            out.append(
                f"{self.path}: {self.ids_renamed} span id(s) were already used by another coder "
                "(a shared pre-annotated import) and were given new ids"
            )
        if self.gold_skipped:
            out.append(
                f"{self.path}: its gold layer ({self.gold_skipped} span(s)) was not merged: gold is made by "
                "adjudication in the merged project (export it with --layer gold and import it to keep it)"
            )
        return out


@dataclass
class MergeReport:
    out: str
    created: bool
    sources: list[SourceReport] = field(default_factory=list)
    documents: int = 0
    layers: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        name = Path(self.out).name
        out = [line for source in self.sources for line in source.lines(name)]
        verb = "created" if self.created else "updated"
        out.append(f"{verb} {self.out}: {self.documents} document(s); coder layers {', '.join(self.layers)}")
        return out


def merge_projects(
    out: str | Path,
    sources: Sequence[str | Path],
    *,
    codebook_from: str | Path | None = None,
    coder: str = MERGED_CODER,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge the project files ``sources`` into ``out`` (created when missing).

    ``codebook_from`` (a project or codebook file) names the codebook to use when
    the sources' codebooks differ: every span must then fit it. Without it, every
    source's codebook must match the merged project's (or the first source's).
    ``coder`` is the merged project's own coder, used only when ``out`` is created.
    ``progress(done, total, source)`` is called after each document; it may raise
    :class:`~annotator.errors.Cancelled` to stop, leaving ``out`` as it was (or absent).
    """
    out = Path(out)
    if not sources:
        raise InputError("give at least one project file to merge")
    refuse_out_as_source(out, sources)
    with ExitStack() as stack:
        opened: list[Project] = []
        for source in sources:
            opened.append(stack.enter_context(Project.open(source, readonly=True)))
            opened[-1].check_integrity()  # a damaged coder file would merge what is left of it
            # One snapshot per source: every read sees the same state even if the coder's
            # app writes to the file meanwhile.
            stack.enter_context(opened[-1].snapshot())
        chosen = load_chosen_codebook(Path(codebook_from)) if codebook_from is not None else None
        if out.exists():
            with Project.open(out) as target:
                check_codebooks(target.codebook, target.path, opened, chosen, codebook_from)
                return _merge_all(target, opened, progress, created=False)
        codebook = chosen or opened[0].codebook
        check_codebooks(codebook, Path(opened[0].path), opened, chosen, codebook_from)
        return _merge_into_new(out, codebook, coder, opened, progress)


def merged_layers(project: Project) -> list[str]:
    """The coder layers that came from merged files, in name order (empty if none)."""
    return project.merged_layers()


def merge_sources(project: Project) -> list[dict[str, str]]:
    """Where each merged layer came from: coder, project_id, path, source_modified, merged_at."""
    return [asdict(source) for source in project.merge_sources()]


# --- writing ----------------------------------------------------------------------------------


def _merge_into_new(
    out: Path, codebook: Codebook, coder: str, sources: list[Project], progress: Progress | None
) -> MergeReport:
    """Build the new project in a hidden folder beside ``out``, then move it into place.

    A kill at any point leaves ``out`` absent (at worst a hidden ``.NAME.merging-*``
    folder remains), never a half-merged file under the lead's name.
    """
    if not out.parent.exists():
        raise ProjectError("the folder does not exist", path=out)
    clear_stale(out, "merging-")  # what a killed merge into the same file left behind
    workdir = Path(tempfile.mkdtemp(prefix=owned_prefix(out, "merging-"), dir=out.parent))
    try:
        building = workdir / out.name
        with Project.create(building, coder=coder, codebook=codebook) as target:
            report = _merge_all(target, sources, progress, created=True)
        report.out = str(out)
        if out.exists():
            raise ProjectError("the file appeared while the merge ran; nothing was written to it", path=out)
        os.replace(building, out)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return report


def _merge_all(target: Project, sources: list[Project], progress: Progress | None, *, created: bool) -> MergeReport:
    report = MergeReport(out=str(target.path), created=created)
    total = sum(len(source.document_ids()) for source in sources)
    done = [0]

    def step(path: Path) -> None:
        done[0] += 1
        if progress:
            progress(done[0], total, path)

    with target.transaction():
        for source in sources:
            report.sources.append(_merge_source(target, source, step))
    report.documents = len(target.document_ids())
    report.layers = merged_layers(target)
    return report


def _source_layers(source: Project) -> tuple[list[str], int]:
    """The coder layers a source brings (gold excepted), and its count of live gold spans."""
    names = set(source.coders(include_deleted=True))
    return sorted(names - {GOLD}), source.live_span_count(GOLD)


def _claim_layers(target: Project, source: Project, layers: list[str]) -> None:
    """Each layer belongs to one source file; refuse a name another file (or the project) already uses."""
    modified = source.meta().get("modified", "")
    for layer in layers:
        earlier = target.merge_source(layer)
        if earlier is None:
            if layer == target.coder or target.has_layer(layer):
                raise ValidationError(
                    f"coder {layer} is the merged project's own layer in {target.path.name}, not a merged file's; "
                    "each coder needs a name of their own",
                    path=source.path,
                )
            continue
        if earlier.project_id != source.project_id:
            raise ValidationError(
                f"coder {layer} already came from another project file ({earlier.path}, project {earlier.project_id}); "
                "two different files use the same coder name, so their spans cannot be told apart",
                path=source.path,
            )
        if modified < earlier.source_modified:
            raise ValidationError(
                f"this copy is older (modified {modified}) than the copy of coder {layer}'s file already merged "
                f"(modified {earlier.source_modified}, from {earlier.path}); merging it would undo later work",
                path=source.path,
            )


def _merge_source(target: Project, source: Project, step: Callable[[Path], None]) -> SourceReport:
    layers, gold = _source_layers(source)
    report = SourceReport(path=str(source.path), coder=source.coder, layers=layers, gold_skipped=gold)
    _claim_layers(target, source, layers)
    kept: dict[str, set[str]] = {layer: set() for layer in layers}
    kept_events: dict[str, set[str]] = {layer: set() for layer in layers}
    for source_doc_id in source.document_ids():
        _merge_document(target, source, source_doc_id, layers, (kept, kept_events), report)
        step(source.path)
    for layer in layers:
        for event in target.events(coder=layer):
            if event.id not in kept_events[layer]:
                target.delete_event(event.id)
                report.events_removed += 1
        for annotation_id in target.live_annotation_ids(layer):
            if annotation_id not in kept[layer]:
                target.delete_annotation(annotation_id)
                report.spans_removed += 1
        target.record_merge_source(
            MergeSource(layer, source.project_id, str(source.path.resolve()), source.meta().get("modified", ""), now())
        )
    return report


def _merge_document(
    target: Project,
    source: Project,
    source_doc_id: int,
    layers: list[str],
    kept_ids: tuple[dict[str, set[str]], dict[str, set[str]]],
    report: SourceReport,
) -> None:
    kept, kept_events = kept_ids
    doc = source.document(source_doc_id)
    try:
        if canonical_text(doc.text, source.path) != doc.text:
            raise InputError("the stored text is not in canonical form", path=source.path)
    except AnnotatorError as exc:
        raise InputError(f"document {doc.key}: {exc.problem}", path=source.path) from None
    merged, added, _ = target.add_document(
        doc.text, key=doc.key, title=doc.title, source=doc.source, url=doc.url, date=doc.date, meta=doc.meta
    )
    if added:
        report.documents_added += 1
    else:
        report.documents_existing += 1
    for layer in layers:
        merged_ids: dict[str, str] = {}
        for ann in source.annotations(source_doc_id, coder=layer):
            copy = replace(
                ann, id=_target_id(target, ann.id, layer, merged.id, merged.sha256), doc_id=merged.id,
                text=merged.text[ann.start : ann.end],
            )
            try:
                target.validate_annotation(copy, merged.text)
            except ValidationError as exc:
                raise InputError(
                    f"document {doc.key}, span {ann.id} ({ann.label} [{ann.start}, {ann.end})): {exc.problem}",
                    path=source.path,
                ) from None
            if copy.id != ann.id:
                report.ids_renamed += 1
            action = target.put_annotation(copy)
            if action == "create":
                report.spans_added += 1
            elif action is None:
                report.spans_unchanged += 1
            else:
                report.spans_updated += 1
            kept[layer].add(copy.id)
            merged_ids[ann.id] = copy.id
        for event in source.events(source_doc_id, coder=layer):
            kept_events[layer].add(_merge_event(target, source.path, event, merged, merged_ids, doc.key, report))
        theirs = source.status(source_doc_id, layer)
        ours = target.status(merged.id, layer)
        if source.has_status(source_doc_id, layer) and (ours.status, ours.flagged, ours.comment) != (theirs.status, theirs.flagged, theirs.comment):
            target.set_status(merged.id, theirs.status, flagged=theirs.flagged, comment=theirs.comment, coder=layer)
            report.statuses_changed += 1


def _merge_event(
    target: Project,
    path: Path,
    event: Event,
    merged: Document,
    merged_ids: dict[str, str],
    key: str,
    report: SourceReport,
) -> str:
    """Copy one event with its slots pointing at the merged spans; returns its id here."""
    doc_id, sha = merged.id, merged.sha256
    owner = target.event_owner(event.id)
    event_id = event.id
    if owner is not None and owner != (event.coder, doc_id):
        event_id = str(uuid.uuid5(_ID_NAMESPACE, f"event\n{event.coder}\n{sha}\n{event.id}"))
    try:
        slots = {role: tuple(merged_ids[span] for span in spans) for role, spans in event.slots.items()}
        action = target.put_event(replace(event, id=event_id, doc_id=doc_id, slots=slots))
    except KeyError as exc:
        raise InputError(
            f"document {key}, event {event.id}: its slot names span {exc.args[0]}, which the file does not hold live",
            path=path,
        ) from None
    except ValidationError as exc:
        raise InputError(f"document {key}, event {event.id} ({event.type}): {exc.problem}", path=path) from None
    if action == "create":
        report.events_added += 1
    elif action is None:
        report.events_unchanged += 1
    else:
        report.events_updated += 1
    return event_id


def _target_id(target: Project, annotation_id: str, layer: str, doc_id: int, sha: str) -> str:
    """The span's id in the merged project: its own, unless another layer or document holds it."""
    owner = target.annotation_owner(annotation_id)
    if owner is None or owner == (layer, doc_id):
        return annotation_id
    return str(uuid.uuid5(_ID_NAMESPACE, f"{layer}\n{sha}\n{annotation_id}"))
