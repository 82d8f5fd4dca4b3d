"""``annotator status``: read or set documents' status (new, in progress, done, skipped) from a script.

Marking a document done here says the same as Ctrl+Enter in the window: it is never
refused, and the loose ends the window asks about (:func:`annotator.done_checks.done_problems`:
pending suggestions, a figure whose value differs from its words, a required attribute
left empty) are printed as warnings on stderr, so a pipeline's log shows what a coder
would have been asked.
"""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.documents import named_documents
from annotator.done_checks import DoneProblem, Problem, done_problems, summarised
from annotator.models import STATUSES, Status
from annotator.store.project import Project


def _status_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``in-progress`` is accepted for ``in_progress``: the stored name is awkward to type."""
    if value is None:
        return None
    name = value.strip().lower().replace("-", "_")
    if name not in STATUSES:
        raise click.BadParameter(f"{value!r} is not one of {', '.join(STATUSES)}", ctx=ctx, param=param)
    return name


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("doc_keys", nargs=-1, metavar="[DOC]...")
@click.option("--all", "all_docs", is_flag=True, help="Every document of the project.")
@click.option(
    "--where",
    metavar="STATUS",
    callback=_status_value,
    help=f"Only documents whose status is now STATUS ({', '.join(STATUSES)}).",
)
@click.option(
    "--set",
    "new_status",
    metavar="STATUS",
    callback=_status_value,
    help=f"Give the documents this status ({', '.join(STATUSES)}; in-progress works too).",
)
def status(
    project: Path, doc_keys: tuple[str, ...], all_docs: bool, where: str | None, new_status: str | None
) -> None:
    """Print the status of PROJECT's documents (by id, default all), or set it with --set.

    The status is the project's coder's. Setting it needs the documents named:
    their ids, --all, or --where; every id is checked before anything changes, and
    all documents change together. Marking done warns about what the window would
    ask about (pending suggestions, a value that differs from its words, a
    required attribute left empty) and marks the document done anyway.

    \b
    Example:
      annotator status amal.db
      annotator status amal.db 01_tal_alzaytoun 04_jisr_alnakheel --set done
      annotator status amal.db --where in_progress --set done
    """
    if all_docs and doc_keys:
        raise click.UsageError("give document ids or --all, not both")
    if new_status is not None and not (all_docs or doc_keys or where):
        raise click.UsageError("--set needs the documents: their ids, --all or --where STATUS")
    with Project.open(project, readonly=new_status is None) as opened:
        chosen = _chosen(opened, project, doc_keys)
        current = {doc_id: opened.status(doc_id).status for doc_id, _ in chosen}
        if where is not None:
            chosen = [(doc_id, key) for doc_id, key in chosen if current[doc_id] == where]
        if new_status is None:
            for doc_id, key in chosen:
                click.echo(f"{key}\t{current[doc_id]}")
            if not chosen and where is not None:
                click.echo(f"no document is {where}", err=True)  # as docs says of a search with no hit
            return
        changed = [(doc_id, key) for doc_id, key in chosen if current[doc_id] != new_status]
        with opened.transaction():
            for doc_id, _ in changed:
                opened.set_status(doc_id, new_status)
        for doc_id, key in changed:
            click.echo(f"{key}\t{current[doc_id]} -> {new_status}")
            if new_status == Status.DONE:
                for line in _loose_ends(opened, doc_id):
                    click.echo(f"warning: {key}: {line}; marked done anyway", err=True)
        same = len(chosen) - len(changed)
        already = f" ({same} already {new_status})" if same else ""
        click.echo(f"{len(changed)} document(s) set to {new_status}{already}")


def _chosen(project: Project, path: Path, doc_keys: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(id, key)`` of the named documents in the order given, or of all in import order."""
    return named_documents(project, path, doc_keys) if doc_keys else project.document_keys()


def _loose_ends(project: Project, doc_id: int) -> list[str]:
    """The window's done warning (ui/coder/done_warning.py), in words for a log."""
    document = project.document(doc_id)
    problems = done_problems(
        document.text,
        project.annotations(doc_id, coder=project.coder),
        project.codebook,
        project.events(doc_id, coder=project.coder),
    )
    return problem_lines(problems)


def problem_lines(problems: list[DoneProblem]) -> list[str]:
    """The window's done warning in words for a log (ui/coder/done_warning.py writes the same)."""
    summary = summarised(problems)
    lines: list[str] = []
    if summary.pending:
        lines.append(f"{summary.pending} suggestion(s) not yet accepted or rejected")
    if summary.events:
        lines.append(f"{summary.events} suggested event(s) not yet accepted or rejected")
    for problem in summary.listed:
        assert problem.span is not None
        if problem.kind == Problem.VALUE_DIFFERS:
            lines.append(f"«{problem.span.text}»: value {problem.span.attrs.get('value')}, but the text reads {problem.detail[0]}")
        else:
            lines.append(f"«{problem.span.text}»: required attributes missing: {', '.join(problem.detail)}")
    if summary.more:
        lines.append(f"and {summary.more} more")
    return lines
