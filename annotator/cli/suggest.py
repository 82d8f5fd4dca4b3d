"""``annotator suggest``: store pending suggestions, optionally print them as JSONL records;
with ``--accept`` or ``--reject``, settle the pending ones by document and label instead.
``annotator train``: teach the project's recommender from its finished documents."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.documents import named_documents
from annotator.errors import ValidationError
from annotator.records import document_to_json, dumps
from annotator.store.project import Project
from annotator.suggest import Suggesters, load_gazetteer, pending_suggestions, suggest_documents
from annotator.suggest.events import pending_event_suggestions, suggestion_to_json
from annotator.suggest.recommender import train_project
from annotator.suggest.settle import Settled, settle_suggestions


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--doc", "doc_keys", multiple=True, help="Only this document id (repeat for more; default: all).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSONL record per document, its pending suggestions in spans and its event suggestions in events.",
)
@click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A gazetteer TOML file (default: your config folder's gazetteer.toml, else the built-in one).",
)
@click.option("--no-gazetteer", is_flag=True, help="Suggest from casualty figures and the project's memory only.")
@click.option(
    "--accept", is_flag=True, help="Suggest nothing new: make the pending suggestions your own spans (and events)."
)
@click.option("--reject", is_flag=True, help="Suggest nothing new: reject the pending suggestions, for good.")
@click.option(
    "--label",
    "names",
    multiple=True,
    help="With --accept or --reject: only this label's suggestions, or this event type's (repeat for more).",
)
@click.option("--train", "train_first", is_flag=True, help="Train the recommender first (as annotator train does).")
@click.option("--no-model", is_flag=True, help="Leave the project's learned recommender out.")
def suggest(
    project: Path,
    doc_keys: tuple[str, ...],
    as_json: bool,
    gazetteer_path: Path | None,
    no_gazetteer: bool,
    accept: bool,
    reject: bool,
    names: tuple[str, ...],
    train_first: bool,
    no_model: bool,
) -> None:
    """Store suggestions (casualty figures, gazetteer names, names you tagged before) in PROJECT.

    Suggestions are pending spans of the project's coder (origin 'suggested'),
    and pending ATTACK events over them where a sentence holds a strike word, a
    casualty figure and a place or an actor; running again adds only new ones,
    never one you rejected. With --json, an event's slots name the spans it
    proposes: the suggestions in spans and spans you confirmed. Once the
    project has a trained recommender (annotator train, or the window after a
    document marked done), it suggests ACTOR and PLACE names too (suggester
    'learned' in the span's provenance).

    --accept and --reject settle what is pending as the window's Enter and X do:
    an accepted span also settles the suggestions of its label it covers, an
    accepted event takes its suggested spans with it, and a rejected suggestion
    never comes back.

    \b
    Example:
      annotator suggest amal.db
      annotator suggest amal.db --doc d17 --json
      annotator suggest amal.db --doc d17 --accept --label CASUALTY
      annotator suggest amal.db --reject --label ACTOR
    """
    if accept and reject:
        raise click.UsageError("--accept and --reject exclude each other")
    if names and not (accept or reject):
        raise click.UsageError("--label goes with --accept or --reject")
    if (accept or reject) and (as_json or gazetteer_path or no_gazetteer):
        raise click.UsageError("--accept and --reject settle pending suggestions; they suggest nothing new")
    with Project.open(project) as opened:
        doc_ids = [doc_id for doc_id, _ in named_documents(opened, project, doc_keys)] if doc_keys else None
        if accept or reject:
            _settle(opened, doc_ids, accept=accept, names=names)
            return
        gazetteer = None if no_gazetteer else load_gazetteer(gazetteer_path)
        if train_first and not no_model:
            try:
                click.echo(train_project(opened, gazetteer).line(), err=as_json)
            except ValidationError as exc:  # too little to learn from yet: suggest without it
                click.echo(f"note: not trained: {exc}", err=True)
        suggesters = Suggesters.for_project(
            opened, gazetteer, use_gazetteer=not no_gazetteer, use_recommender=not no_model
        )
        report = suggest_documents(opened, doc_ids, suggesters)
        if as_json:
            for doc_id in doc_ids if doc_ids is not None else opened.document_ids():
                doc = opened.document(doc_id)
                status = opened.status(doc_id).status
                record = document_to_json(doc, status, pending_suggestions(opened, doc_id))
                record["events"] = [suggestion_to_json(e) for e in pending_event_suggestions(opened, doc_id)]
                click.echo(dumps(record))
    for line in report.lines():
        click.echo(line, err=as_json)


def _settle(project: Project, doc_ids: list[int] | None, *, accept: bool, names: tuple[str, ...]) -> None:
    known = [*project.codebook.label_names, *project.codebook.event_type_names]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValidationError(
            f"{project.path}: no label or event type {', '.join(map(repr, unknown))} (the codebook has {', '.join(known)})"
        )
    total = Settled()
    documents = 0
    with project.transaction():
        for doc_id in doc_ids if doc_ids is not None else project.document_ids():
            settled = settle_suggestions(project, doc_id, accept=accept, names=names)
            documents += settled != Settled()
            total.add(settled)
    if accept:
        covered = f"; {total.covered} suggestion(s) they covered settled with them" if total.covered else ""
        click.echo(
            f"accepted {total.accepted} suggestion(s) and {total.events_accepted} suggested event(s) "
            f"in {documents} document(s){covered}"
        )
    else:
        click.echo(
            f"rejected {total.rejected} suggestion(s) and {total.events_rejected} suggested event(s) "
            f"in {documents} document(s); they will not be suggested again"
        )


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The gazetteer whose matches the model reads (default: the one annotator suggest uses).",
)
@click.option("--force", is_flag=True, help="Train even if the stored model knows these documents already.")
def train(project: Path, gazetteer_path: Path | None, force: bool) -> None:
    """Train PROJECT's recommender on the documents marked done, and keep it in the project.

    It learns ACTOR and PLACE from your confirmed spans (in a lead's file, from
    the gold spans of the documents settled), and annotator suggest then
    proposes names like them in the documents still to do. The window trains by
    itself after each document marked done; this is the same, headless.

    \b
    Example:
      annotator train amal.db
      annotator suggest amal.db --doc d17
    """
    with Project.open(project) as opened:
        report = train_project(opened, load_gazetteer(gazetteer_path), force=force)
    click.echo(report.line())
