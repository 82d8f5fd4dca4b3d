"""What the training formats (CoNLL, Hugging Face, spaCy) share: tagged documents and their notes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.export.options import Job
from annotator.export.selection import ExportDocument
from annotator.export.tokens import CliticEvidence, TaggedDocument, TokenStats, notes_for, tag_document


def clitic_evidence(job: Job) -> CliticEvidence | None:
    """Names and words of the exported documents, when ``--split-clitics`` asks for them."""
    if not job.options.split_clitics:
        return None
    return CliticEvidence.collect(
        (item.document.text for item in job.documents),
        (span.text for item in job.documents for span in item.spans),
    )


def tagged(
    job: Job, documents: Iterable[ExportDocument], stats: TokenStats, clitics: CliticEvidence | None
) -> Iterator[TaggedDocument]:
    for item in documents:
        yield tag_document(
            item.document.key,
            item.document.text,
            item.spans,
            labels=job.labels,
            per_label=job.options.layer_per_label,
            clitics=clitics,
            stats=stats,
        )


def finish(
    job: Job, stats: TokenStats, *, combined: bool = True, target: str = "the IOB tags", hint: str | None = None
) -> None:
    """Add the tokenisation notes to the job's notes (they go to the README and the terminal)."""
    per_label = job.options.layer_per_label
    job.notes.extend(notes_for(stats, per_label=per_label, combined=combined, target=target, hint=hint))
