"""Tasks for Label Studio with our spans as predictions, so a team can review them there and
come back (https://labelstud.io/guide/predictions: a task's ``data`` and its ``predictions``).

Each document is a task: ``data.text`` is its text, ``data.doc_id`` its key (the importer
gives it back as the key), with its title, source, url and date. Each coder layer is one
prediction whose ``model_version`` names the coder; each span is a ``labels`` result, and
each of its attributes a per-region result sharing the span's ``id`` (``choices`` for a
choice, ``number`` for a whole number, ``textarea`` for text and dates), named by the
attribute. Offsets count code points, as Label Studio 1.6 and later do; every result
carries its ``text``, so our importer (and any reader) can check them.

Beside ``NAME.json`` goes ``NAME.label-config.xml``: the labeling config whose control names
the results use, with the codebook's labels, colours and attributes, to paste into the
Label Studio project's settings before importing the tasks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from annotator.codebook import Attribute, Codebook
from annotator.export.files import write_text
from annotator.export.options import Job
from annotator.export.selection import ExportDocument
from annotator.models import Annotation

LABELS = "label"  # the Labels control's name
TEXT = "text"  # the Text object's name and its data field
_RESULT_TYPES = {"choice": "choices", "integer": "number"}


def choice_attributes(codebook: Codebook) -> dict[str, set[str]]:
    """Per label, the names of its choice attributes (their values go out as ``choices``)."""
    return {label.name: {a.name for a in label.attributes if a.type == "choice"} for label in codebook.labels}


def task(item: ExportDocument, choices: dict[str, set[str]]) -> dict[str, Any]:
    """One document as a Label Studio task with one prediction per coder layer."""
    document = item.document
    data: dict[str, Any] = {TEXT: document.text, "doc_id": document.key}
    for name in ("title", "source", "url", "date"):
        value = getattr(document, name)
        if value:
            data[name] = value
    layers: dict[str, list[Annotation]] = {}
    for span in item.spans:
        layers.setdefault(span.coder, []).append(span)
    return {
        "data": data,
        "predictions": [
            {"model_version": coder, "result": [r for span in spans for r in span_results(span, choices)]}
            for coder, spans in layers.items()
        ],
    }


def span_results(span: Annotation, choices: dict[str, set[str]]) -> list[dict[str, Any]]:
    """The span's ``labels`` result and one per-region result per attribute."""
    where = {"start": span.start, "end": span.end, "text": span.text}
    results: list[dict[str, Any]] = [
        {
            "id": span.id, "from_name": LABELS, "to_name": TEXT, "type": "labels",
            "value": {**where, "labels": [span.label]},
        }
    ]
    for name, value in span.attrs.items():
        if isinstance(value, bool):
            value = str(value).lower()
        kind = "number" if isinstance(value, int) else "choices" if name in choices.get(span.label, ()) else "textarea"
        payload: dict[str, Any] = (
            {"number": value} if kind == "number" else {"choices": [value]} if kind == "choices" else {"text": [str(value)]}
        )
        results.append(
            {"id": span.id, "from_name": name, "to_name": TEXT, "type": kind, "value": {**where, **payload}}
        )
    return results


def tasks(job: Job) -> Iterator[dict[str, Any]]:
    choices = choice_attributes(job.project.codebook)
    for item in job.documents:
        yield task(item, choices)


def write_tasks(job: Job, handle: TextIO) -> int:
    """A JSON array, one task a line, written as the documents are read."""
    count = 0
    handle.write("[")
    for item in tasks(job):
        handle.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        count += 1
    handle.write("\n]\n")
    return count


def write_label_studio(job: Job, out: str | Path) -> list[str]:
    codebook = job.project.codebook
    write_text(out, lambda handle: write_tasks(job, handle))
    files = [str(out)]
    if str(out) != "-":
        config = Path(out).with_suffix(".label-config.xml")
        write_text(config, lambda handle: handle.write(label_config(codebook)))
        files.append(str(config))
        job.notes.append(
            f"in Label Studio: paste {config.name} into the project's Settings > Labeling Interface > Code, "
            f"then import {Path(out).name}; each coder layer is a prediction named after the coder"
        )
    return files


def label_config(codebook: Codebook) -> str:
    """The labeling config the tasks' results name: one Labels control, one per-region control per attribute."""
    lines = ['<View style="direction: rtl">', f'  <Labels name="{LABELS}" toName="{TEXT}">']
    for label in codebook.labels:
        lines.append(f"    <Label value={quoteattr(label.name)} background={quoteattr(label.color)}/>")
    lines += ["  </Labels>", f'  <Text name="{TEXT}" value="${TEXT}" granularity="symbol"/>']
    attributes: dict[str, list[Attribute]] = {}
    for label in codebook.labels:
        for attribute in label.attributes:
            attributes.setdefault(attribute.name, []).append(attribute)
    for name, same in attributes.items():
        shown = quoteattr(name)
        if all(a.type == "choice" for a in same):
            choices = list(dict.fromkeys(choice for a in same for choice in a.choices))
            lines.append(f'  <Choices name={shown} toName="{TEXT}" perRegion="true" choice="single" showInline="true">')
            lines += [f"    <Choice value={quoteattr(choice)}/>" for choice in choices]
            lines.append("  </Choices>")
        elif all(a.type == "integer" for a in same):
            lines.append(f'  <Number name={shown} toName="{TEXT}" perRegion="true"/>')
        else:
            lines.append(f'  <TextArea name={shown} toName="{TEXT}" perRegion="true" editable="true" maxSubmissions="1"/>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"
