"""The export entry point shared by the command line and the window."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from annotator.errors import AnnotatorError, ValidationError
from annotator.export.jsonl import write_jsonl
from annotator.export.selection import resolve_layer, select_documents
from annotator.project import Project

FORMATS = ("jsonl",)


@dataclass
class ExportOptions:
    format: str = "jsonl"
    layer: str | None = None
    status: str | None = None
    include_suggestions: bool = False


@dataclass
class ExportResult:
    documents: int = 0
    notes: list[str] = field(default_factory=list)


def export(project: Project, options: ExportOptions, out: str | Path) -> ExportResult:
    """Write ``project`` in ``options.format`` to ``out`` (a path, or ``-`` for standard output)."""
    if options.format not in FORMATS:
        raise ValidationError(f"unknown export format {options.format!r} (use {', '.join(FORMATS)})")
    layer = resolve_layer(project, options.layer, single=False)
    documents = select_documents(
        project, layer=layer, status=options.status, include_suggestions=options.include_suggestions
    )
    result = ExportResult()
    result.documents = write_text(out, lambda handle: write_jsonl(documents, handle))
    return result


def write_text(out: str | Path, writer: Callable[[TextIO], int]) -> int:
    """Run ``writer`` on standard output or on a temporary file that replaces ``out`` when complete."""
    if str(out) == "-":
        return writer(sys.stdout)
    target = Path(out)
    if not target.parent.exists():
        raise AnnotatorError("the folder does not exist", path=target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            count = writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
