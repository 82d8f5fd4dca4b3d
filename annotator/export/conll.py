"""CoNLL-2003-style IOB2: ``token<TAB>tag`` lines, a blank line after each sentence,
``-DOCSTART-`` before each document.

With ``--layer-per-label`` the one tag column becomes one column per label, in
codebook order, so overlapping spans of different labels all survive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from annotator.export.files import write_folder, write_text
from annotator.export.options import Job
from annotator.export.readme import token_section, write_readme, write_split_list
from annotator.export.selection import SelectedDocuments
from annotator.export.tokens import CliticEvidence, TaggedDocument, TokenStats
from annotator.export.training import clitic_evidence, finish, tagged

DOCSTART = "-DOCSTART-"


def document_lines(doc: TaggedDocument, labels: list[str], per_label: bool) -> list[str]:
    """The lines of one document, ending with a blank line after its last sentence."""
    width = len(labels) if per_label else 1
    lines = ["\t".join([DOCSTART] + ["O"] * width), ""]
    for sentence in doc.sentences:
        for i in sentence:
            tags = [doc.columns[label][i] for label in labels] if per_label else [doc.tags[i]]
            lines.append("\t".join([doc.tokens[i].text, *tags]))
        lines.append("")
    return lines


def _write_part(
    handle: TextIO, job: Job, docs: SelectedDocuments, stats: TokenStats, clitics: CliticEvidence | None
) -> int:
    count = 0
    for doc in tagged(job, docs, stats, clitics):
        handle.write("\n".join(document_lines(doc, job.labels, job.options.layer_per_label)) + "\n")
        count += 1
    return count


def columns_line(job: Job) -> str:
    if job.options.layer_per_label:
        return "columns: token, then one IOB2 tag per label (" + ", ".join(job.labels) + ")"
    return "columns: token, IOB2 tag"


def write_conll(job: Job, out: str | Path) -> list[str]:
    """Write one file (or, with ``--split``, a folder of train/dev/test files); returns the files."""
    stats = TokenStats()
    clitics = clitic_evidence(job)
    if job.split is None:
        write_text(out, lambda handle: _write_part(handle, job, job.documents, stats, clitics))
        finish(job, stats, combined=not job.options.layer_per_label)
        if job.options.layer_per_label:
            job.notes.append(columns_line(job))
        return [str(out)]

    def build(folder: Path) -> list[str]:
        files = []
        for name, docs in job.parts():
            with open(folder / f"{name}.conll", "w", encoding="utf-8", newline="\n") as handle:
                _write_part(handle, job, docs, stats, clitics)
            files.append(f"`{name}.conll`: {len(docs)} document(s)")
        finish(job, stats, combined=not job.options.layer_per_label)
        listed = write_split_list(folder, job)
        write_readme(
            folder,
            job,
            title="CoNLL IOB2 export",
            files=[*files, *([listed] if listed else [])],
            sections=[
                "## Format\n\n" + CONLL_FORMAT.format(columns=columns_line(job)),
                token_section(
                    stats,
                    per_label=job.options.layer_per_label,
                    split_clitics=job.options.split_clitics,
                    combined=not job.options.layer_per_label,
                ),
            ],
        )
        return files

    write_folder(out, build)
    return [str(out)]


CONLL_FORMAT = """\
One token a line, tab-separated ({columns}); a blank line after each sentence
(sentences end after . ! ? ؟ … and at line breaks, never inside a span); a
`-DOCSTART-` line and a blank line before each document. Tags are IOB2:
`B-LABEL` on the first token of a span, `I-LABEL` on the others, `O` outside.
"""
