"""Our JSONL record, one document a line (DESIGN.md): the lossless export."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from annotator.export.selection import ExportDocument
from annotator.records import document_to_json, dumps


def write_jsonl(documents: Iterable[ExportDocument], out: TextIO) -> int:
    count = 0
    for item in documents:
        out.write(dumps(document_to_json(item.document, item.status, item.spans)) + "\n")
        count += 1
    return count
