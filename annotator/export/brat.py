"""brat standoff: ``name.txt`` + ``name.ann`` per document, ``annotation.conf`` and ``visual.conf``.

brat's ``A`` lines take only values that ``annotation.conf`` lists, so choice
attributes are ``A`` lines and numbers and free text are ``#`` notes
(``#N<TAB>AnnotatorNotes Tk<TAB>name=value``), one per attribute; the span's
id, coder and origin are notes of the same form. :func:`annotator.importing.run.read_brat`
reads all of these back, so brat out and in again gives the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.codebook import Codebook
from annotator.export.brat_events import event_choice_attributes, event_lines, events_conf
from annotator.export.files import text_file, write_folder
from annotator.export.options import Job
from annotator.export.readme import write_readme
from annotator.models import Annotation

_SAFE_VALUE = re.compile(r"^[\w.\-]+$")
_BREAKS = re.compile(r"[\n\t]+")
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
RESERVED = {"annotation", "visual", "tools", "kb_shortcuts", "README", "split"}


def is_choice_line(codebook: Codebook, label: str, name: str, value: Any) -> bool:
    """An ``A`` line only for a choice value brat can hold (no spaces, no | or ,)."""
    attribute = codebook.label(label).attribute(name) if codebook.has_label(label) else None
    return (
        attribute is not None
        and attribute.type == "choice"
        and isinstance(value, str)
        and bool(_SAFE_VALUE.match(value))
    )


def annotation_conf(codebook: Codebook) -> str:
    """Entity types from the labels, event types with their roles, choice attributes with every
    value; overlaps allowed."""
    attributes: dict[str, tuple[list[str], list[str]]] = {}
    for label in codebook.labels:
        for attribute in label.attributes:
            if attribute.type != "choice":
                continue
            labels, values = attributes.setdefault(attribute.name, ([], []))
            labels.append(label.name)
            values += [v for v in attribute.choices if _SAFE_VALUE.match(v) and v not in values]
    for name, (types, choices) in event_choice_attributes(codebook).items():
        labels, values = attributes.setdefault(name, ([], []))
        labels += types
        values += [v for v in choices if v not in values]
    lines = ["# Written by `annotator export` from the codebook " + codebook.name, "[entities]"]
    lines += [label.name for label in codebook.labels]
    lines += [
        "[relations]",
        "# spans of several coders, and nested spans, may overlap",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    ]
    if codebook.event_types:
        lines.append("# an event's trigger lies over its first slot span (the export's README says why)")
        lines.append("<OVERLAP>\tArg1:<EVENT>, Arg2:<ANY>, <OVL-TYPE>:<ANY>")
    lines += ["[events]", *events_conf(codebook), "[attributes]"]
    for name, (labels, values) in attributes.items():
        if values:
            lines.append(f"{name}\tArg:{'|'.join(labels)}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def visual_conf(codebook: Codebook) -> str:
    lines = ["[labels]"] + [f"{label.name} | {label.name}" for label in codebook.labels]
    lines += ["[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken"]
    lines += ["ATTRIBUTE_DEFAULT\tglyph:*"]
    lines += [f"{label.name}\tbgColor:{label.color.lower()}, borderColor:darken" for label in codebook.labels]
    return "\n".join(lines) + "\n"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` without its tabs and line breaks: a .ann line cannot hold them.

    brat writes a span across a line break as discontinuous fragments, and so do we.
    """
    out: list[tuple[int, int]] = []
    position = start
    for match in _BREAKS.finditer(text, start, end):
        if match.start() > position:
            out.append((position, match.start()))
        position = match.end()
    if position < end:
        out.append((position, end))
    return out


def _note_value(value: Any) -> str:
    return _BREAKS.sub(" ", str(value))


def ann_lines(
    text: str,
    spans: Iterable[Annotation],
    codebook: Codebook,
    counts: dict[str, int],
    written: dict[str, tuple[str, str, str]] | None = None,
) -> list[str]:
    """The lines of one .ann file; ``counts`` collects what the format made us change, and
    ``written`` (when given) each span's T id, offsets and text, for the events' lines."""
    lines: list[str] = []
    t = a = n = 0
    for span in spans:
        parts = fragments(text, span.start, span.end)
        if not parts:
            counts["blank"] = counts.get("blank", 0) + 1
            continue
        if len(parts) > 1:
            counts["fragments"] = counts.get("fragments", 0) + 1
        t += 1
        offsets = ";".join(f"{s} {e}" for s, e in parts)
        words = " ".join(text[s:e] for s, e in parts)
        lines.append(f"T{t}\t{span.label} {offsets}\t{words}")
        if written is not None:
            written[span.id] = (f"T{t}", offsets, words)
        notes: list[tuple[str, Any]] = []
        for name, value in sorted(span.attrs.items()):
            if is_choice_line(codebook, span.label, name, value):
                a += 1
                lines.append(f"A{a}\t{name} T{t} {value}")
            else:
                notes.append((name, value))
        notes += [("id", span.id), ("coder", span.coder), ("origin", span.origin)]
        for name, value in notes:
            shown = _note_value(value)
            if shown != str(value):
                counts["flattened"] = counts.get("flattened", 0) + 1
            n += 1
            lines.append(f"#{n}\tAnnotatorNotes T{t}\t{name}={shown}")
    return lines


def file_stem(key: str, taken: set[str]) -> str:
    """A file name for a document key: letters, digits, . _ - only; unique in the folder."""
    stem = _UNSAFE_NAME.sub("_", key).strip("._")[:100] or "document"
    if stem in RESERVED:
        stem += "_doc"
    candidate, number = stem, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}~{number}"
    taken.add(candidate.lower())
    return candidate


def write_brat(job: Job, out: str | Path) -> list[str]:
    codebook = job.project.codebook
    counts: dict[str, int] = {}

    def build(folder: Path) -> list[str]:
        files: list[str] = []
        renamed = 0
        for name, docs in job.parts():
            where = folder if job.split is None else folder / name
            taken: set[str] = set()
            for item in docs:
                stem = file_stem(item.document.key, taken)
                renamed += stem != item.document.key
                text_file(where, f"{stem}.txt", item.document.text)
                written: dict[str, tuple[str, str, str]] = {}
                lines = ann_lines(item.document.text, item.spans, codebook, counts, written)
                events = job.project.events(
                    item.document.id, coder=job.layer, include_suggestions=job.options.include_suggestions
                )
                lines += event_lines(item.document.text, events, written, codebook, lines, counts)
                counts["events"] = counts.get("events", 0) + len(events)
                text_file(where, f"{stem}.ann", "\n".join(lines) + ("\n" if lines else ""))
            if job.split is not None:
                files.append(f"`{name}/`: {len(docs)} document(s)")
        if job.split is None:
            files.append(f"`NAME.txt` and `NAME.ann`: {len(job.documents)} document(s)")
        if renamed:
            job.notes.append(f"{renamed} document id(s) changed to make file names (letters, digits, . _ - only)")
        if counts.get("fragments"):
            job.notes.append(
                f"{counts['fragments']} span(s) cross a line break or tab and are written as brat fragments "
                "(start end;start end)"
            )
        if counts.get("blank"):
            job.notes.append(f"{counts['blank']} span(s) holding only line breaks or tabs cannot be written in brat")
        if counts.get("flattened"):
            job.notes.append(f"{counts['flattened']} attribute value(s) had tabs or line breaks turned into spaces")
        if counts.get("events"):
            job.notes.append(f"{counts['events']} event(s) written as E lines, each with a trigger over its first slot span")
        if counts.get("lost_slots"):
            job.notes.append(f"{counts['lost_slots']} event slot(s) name a span brat cannot hold and are left out")
        if counts.get("lost_events"):
            job.notes.append(f"{counts['lost_events']} event(s) in a document with no character to hold a trigger are left out")
        text_file(folder, "annotation.conf", annotation_conf(codebook))
        text_file(folder, "visual.conf", visual_conf(codebook))
        files += ["`annotation.conf`: entity types and attributes from the codebook", "`visual.conf`: label colours"]
        # no split.json here: `annotator import FOLDER` would take a .json file for JSONL; the parts are folders
        write_readme(folder, job, title="brat standoff export", files=files, sections=[BRAT_FORMAT])
        return files

    write_folder(out, build)
    return [str(out)]


BRAT_FORMAT = """\
## Format

Standard brat standoff (https://brat.nlplab.org/standoff.html): offsets are
Unicode code points of the `.txt` file, end exclusive. Each span is a `T` line;
choice attributes are `A` lines (their values are listed in `annotation.conf`);
numbers and free text are notes, one per attribute, in the form
`#N<TAB>AnnotatorNotes Tk<TAB>name=value`, as are the span's `id`, `coder` and
`origin`. `annotator import PROJECT FOLDER` reads all of them back. Document
status and metadata are not part of brat: export `jsonl` to keep them.

Events are `E` lines: `E1<TAB>ATTACK:T9 perpetrator:T1 place:T2 casualties:T4
casualties2:T5`, a role that holds several spans numbered from its second, as
brat does (`Theme`, `Theme2`). brat needs a trigger span for every event and ours
have none: each event's trigger (`T9`, typed with the event type) is written over
the offsets of its first slot span (the document's first character for an event
with no slot); `annotator import` drops the trigger again. Choice attributes of
an event (attribution, weapon) are `A` lines on its `E` id; its date and its id,
coder and origin are `#` notes on it. `annotation.conf` lists each event type
with its roles (`*`: any number of spans, `?`: one at most).
"""
