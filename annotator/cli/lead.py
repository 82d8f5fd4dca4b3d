"""The lead's commands: ``merge``, ``agreement``, ``adjudicate``. They parse and call the core.

Registered on the main group at the end of :mod:`annotator.cli.main`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.errors import ValidationError
from annotator.export.run import write_text
from annotator.lead import adjudication, event_adjudication
from annotator.lead.agreement import agreement as measure_agreement
from annotator.lead.agreement import render_html, text_lines
from annotator.lead.merge import MERGED_CODER, merge_projects
from annotator.lead.places import queue_counts
from annotator.store.project import Project


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--codebook-from",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this project's (or TOML/JSON file's) codebook when the sources' codebooks differ.",
)
@click.option(
    "--coder",
    default=MERGED_CODER,
    show_default=True,
    help="The merged project's own coder (the lead), when OUT is new.",
)
def merge(out: Path, sources: tuple[Path, ...], codebook_from: Path | None, coder: str) -> None:
    """Merge coders' project files SOURCES into OUT (created if missing), all or nothing.

    Documents are matched by their text; every span keeps its id and coder. Merging
    a coder's newer file again updates that coder's layer. Sources are never written.

    \b
    Example:
      annotator merge merged.db amal.db omar.db
    """
    report = merge_projects(out, list(sources), codebook_from=codebook_from, coder=coder)
    for line in report.lines():
        click.echo(line)


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write an HTML report.")
@click.option("--label", help="Only this label's spans.")
def agreement(project: Path, as_json: bool, html_path: Path | None, label: str | None) -> None:
    """Inter-coder agreement on the documents the coders marked done.

    Pairwise span F1 (exact and overlap) and token kappa, Fleiss' kappa and
    Krippendorff's alpha over all coders, attribute agreement, per label, where
    the spans came from (typed by hand or accepted from which suggester), and
    the documents with the most disagreement first.

    \b
    Example:
      annotator agreement merged.db --html agreement.html
      annotator agreement merged.db --json --label CASUALTY
    """
    with Project.open(project, readonly=True) as opened:
        report = measure_agreement(opened, label=label)
    if html_path is not None:
        write_text(html_path, lambda handle: handle.write(render_html(report)))
        click.echo(f"wrote {html_path}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in text_lines(report):
            click.echo(line)


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--auto", is_flag=True, help="Put the spans the coders agree on into the gold layer.")
@click.option(
    "--strategy",
    type=click.Choice(adjudication.STRATEGIES),
    default="unanimous",
    show_default=True,
    help="unanimous: every coder who finished the document; majority: more than half of them.",
)
@click.option(
    "--min-coders",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Only documents finished by at least this many coders.",
)
@click.option("--by", help="Who decides (default: the project's own coder).")
@click.option(
    "--accept", "accept_ids", multiple=True, metavar="SPAN_ID", help="Put this coder span into gold as it is."
)
@click.option("--reject", "reject_ids", multiple=True, metavar="SPAN_ID", help="Keep this coder span out of gold.")
@click.option(
    "--accept-event",
    "accept_event_ids",
    multiple=True,
    metavar="EVENT_ID",
    help="Put this coder event into gold as it is, with its spans.",
)
def adjudicate(
    project: Path,
    auto: bool,
    strategy: str,
    min_coders: int,
    by: str | None,
    accept_ids: tuple[str, ...],
    reject_ids: tuple[str, ...],
    accept_event_ids: tuple[str, ...],
) -> None:
    """Settle the coders' spans into the gold layer; coder layers are never changed.

    With --auto, agreed spans go to gold with their provenance, then the
    events whose spans are all in gold. --accept and --reject decide single
    spans; --accept-event puts a coder's event into gold with its spans. With none of them, lists the places still
    open, documents with the most first, with the span ids to decide on.

    \b
    Example:
      annotator adjudicate merged.db --auto
      annotator adjudicate merged.db
      annotator adjudicate merged.db --accept 9b1c... --reject 4e2a...
    """
    with Project.open(project) as opened:
        who = by or opened.coder
        if auto:
            report = event_adjudication.auto_adjudicate(opened, strategy=strategy, by=who, min_coders=min_coders)
            for line in report.lines():
                click.echo(line)
        for span_id in accept_ids:
            gold = adjudication.accept(opened, [span_id], by=who)
            adjudication.mark_settled(opened, gold.doc_id)
            click.echo(f"accepted {span_id} as gold {gold.id}: {gold.label} [{gold.start}, {gold.end}) {gold.text}")
        for span_id in reject_ids:
            rejection = adjudication.reject(opened, [span_id], by=who)
            adjudication.mark_settled(opened, rejection.doc_id)
            click.echo(f"rejected {span_id}")
        for event_id in accept_event_ids:
            accepted = event_adjudication.accept_event(opened, event_id, by=who)
            adjudication.mark_settled(opened, accepted.event.doc_id)
            click.echo(
                f"accepted event {event_id} as gold event {accepted.event.id} "
                f"({accepted.event.type}; {len(accepted.spans)} span(s) put into gold with it)"
            )
        if not (auto or accept_ids or reject_ids or accept_event_ids):
            _list_open(opened, min_coders)


def _list_open(project: Project, min_coders: int) -> None:
    coders = adjudication.compared_coders(project)
    if not coders:
        raise ValidationError("no coder has marked a document done; nothing to adjudicate", path=project.path)
    entries = adjudication.queue(project, coders, min_coders=min_coders)
    counts = queue_counts(entries)
    click.echo(f"{counts.open_places} open place(s) in {counts.open_documents} of {counts.documents} document(s)")
    for entry in entries:
        events = [v for v in event_adjudication.event_versions(project, entry.doc_id, entry.coders) if v.state == "open"]
        if not entry.open and not events:
            continue
        click.echo(f"{entry.key} ({', '.join(entry.coders)}): {entry.open} open of {entry.items}  {entry.title}")
        for version in events:
            attrs = json.dumps(version.attrs, ensure_ascii=False, sort_keys=True)
            roles = "; ".join(f"{role} «{'، '.join(s.text for s in spans)}»" for role, spans in version.slots.items())
            click.echo(
                f"  event {version.type} {attrs} by {', '.join(version.coders)} (open) id {version.event_ids[0]}: {roles}"
            )
        for item in adjudication.items(project, entry.doc_id, coders):
            if not item.open:
                continue
            click.echo(f"  place [{item.start}, {item.end}):")
            for v in item.versions:
                attrs = json.dumps(v.attrs, ensure_ascii=False, sort_keys=True)
                click.echo(
                    f"    [{v.start}, {v.end}) {v.label} {v.text} {attrs} by {', '.join(v.coders)} "
                    f"({v.state}) id {v.annotation_ids[0]}"
                )
