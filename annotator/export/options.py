"""What an export is asked to do (:class:`ExportOptions`), what it did (:class:`ExportResult`),
and the prepared work every format writer receives (:class:`Job`).

Kept apart from :mod:`annotator.export.run` so the format modules can import
these without importing the dispatcher that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.export.selection import SelectedDocuments
from annotator.export.splits import Split
from annotator.store.project import Project

TRAINING_FORMATS = ("conll", "hf", "spacy")


@dataclass
class ExportOptions:
    """Everything ``annotator export`` takes; the window fills the same fields.

    ``status`` None means the format's default: ``done`` for the training formats
    (conll, hf, spacy), every document for the others; ``"all"`` means every
    document for any format.
    """

    format: str = "jsonl"
    layer: str | None = None
    status: str | None = None
    include_suggestions: bool = False
    template: str | Path | None = None
    split: str | tuple[float, ...] | None = None
    seed: int | None = None
    split_clitics: bool = False
    layer_per_label: bool = False
    rows_per_shard: int | None = None  # parquet: rows per file of each table (None: the format's default)


@dataclass
class ExportResult:
    """Counts and the notes a user must read (what was cut, left out or dropped)."""

    documents: int = 0
    spans: int = 0
    notes: list[str] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


@dataclass
class Job:
    """The documents chosen for an export, and where each goes."""

    project: Project
    options: ExportOptions
    layer: str | None
    documents: SelectedDocuments
    status: str | None
    split: Split | None = None
    notes: list[str] = field(default_factory=list)

    def parts(self) -> list[tuple[str, SelectedDocuments]]:
        """``[(part name, documents)]``: one part named ``data`` without ``--split``."""
        if self.split is None:
            return [("data", self.documents)]
        return [(name, self.documents.subset(keys)) for name, keys in self.split.parts.items()]

    @property
    def labels(self) -> list[str]:
        return self.project.codebook.label_names

    def describe(self) -> list[str]:
        """Lines saying what was exported, for READMEs and reports."""
        layer = self.layer or "every layer (each span names its coder)"
        judge = self.layer if self.layer not in (None, "gold") else self.project.coder
        status = f"documents marked {self.status} by {judge}" if self.status else "every document"
        project = self.project
        lines = [
            f"- project: `{project.path.name}` (id {project.project_id}), codebook `{project.codebook.name}`",
            f"- layer: {layer}",
            f"- documents: {len(self.documents)} ({status})",
            f"- spans: {self.documents.span_count()}",
        ]
        if self.options.include_suggestions:
            lines.append("- pending suggestions included (origin `suggested`)")
        if self.split is not None:
            shares = ",".join(f"{share:g}" for share in self.split.shares)
            lines.append(
                f"- split {shares} with seed {self.split.seed}: {self.split.summary()} document(s); "
                f"{self.split.groups_joined} group(s) of near-duplicates kept in one part each"
            )
        return lines
