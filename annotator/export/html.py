"""The HTML review report: each article right to left with its spans coloured, numbered
and listed with their attributes, per-document status, a legend; printable.

A lead reads it to review a coder's work, or sends it to someone without the
app. Document text, titles and attribute values are untrusted input, so the
template (``resources/templates/report.html.j2``) is rendered with jinja2's
autoescaping on, links are kept only for http(s) URLs, and colours come only
from the checked codebook. The text is cut into segments at every span edge in
Python; the template only nests a ``<mark>`` per covering span, so overlapping
spans and spans of several coders all show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from annotator.codebook import Codebook
from annotator.export.files import write_text
from annotator.export.options import Job
from annotator.export.selection import ExportDocument
from annotator.models import GOLD, Annotation
from annotator.resources_path import resource_path

TEMPLATE = "report.html.j2"


@dataclass
class Mark:
    number: int
    label: str
    color: str

    @property
    def background(self) -> str:
        """The label colour, light: CSS rgba rather than color-mix(), which print engines may lack."""
        red, green, blue = (int(self.color[i : i + 2], 16) for i in (1, 3, 5))
        return f"rgba({red}, {green}, {blue}, 0.2)"


@dataclass
class Segment:
    text: str
    marks: list[Mark]
    ends: list[Mark] = field(default_factory=list)


@dataclass
class SpanRow:
    number: int
    label: str
    color: str
    text: str
    attrs: list[tuple[str, str]]
    missing: list[str]
    coder: str
    origin: str


@dataclass
class LayerView:
    coder: str
    segments: list[Segment]
    rows: list[SpanRow]


def segments(text: str, spans: list[Annotation], codebook: Codebook) -> tuple[list[Segment], list[SpanRow]]:
    """Cut ``text`` at every span edge; each segment lists the spans covering it, outermost first."""
    numbered = list(enumerate(spans, start=1))
    edges = sorted({0, len(text)} | {e for s in spans for e in (s.start, s.end)})
    colour = {label.name: label.color for label in codebook.labels}
    out: list[Segment] = []
    for a, b in zip(edges, edges[1:], strict=False):
        covering = sorted(
            ((n, s) for n, s in numbered if s.start <= a and s.end >= b), key=lambda p: (p[1].start - p[1].end, p[0])
        )
        marks = [Mark(n, s.label, colour.get(s.label, "#999999")) for n, s in covering]
        ends = [Mark(n, s.label, colour.get(s.label, "#999999")) for n, s in numbered if s.end == b]
        out.append(Segment(text[a:b], marks, ends))
    rows = []
    for number, span in numbered:
        label = codebook.label(span.label) if codebook.has_label(span.label) else None
        rows.append(
            SpanRow(
                number=number,
                label=span.label,
                color=colour.get(span.label, "#999999"),
                text=span.text,
                attrs=[(name, str(value)) for name, value in span.attrs.items()],
                missing=label.missing_required(span.attrs) if label else [],
                coder=span.coder,
                origin=span.origin,
            )
        )
    return out, rows


def safe_url(url: str) -> str | None:
    """Only http(s) links: a ``javascript:`` URL from an imported CSV must not become a link."""
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def document_view(job: Job, item: ExportDocument) -> dict[str, Any]:
    doc = item.document
    coders = [job.layer] if job.layer else sorted({s.coder for s in item.spans}, key=lambda c: (c == GOLD, c))
    layers = []
    for coder in coders or [""]:  # "": a document without spans is shown once, plain
        spans = [s for s in item.spans if not coder or s.coder == coder]
        segs, rows = segments(doc.text, spans, job.project.codebook)
        layers.append(LayerView(coder, segs, rows))
    statuses = []
    for coder in dict.fromkeys([job.project.coder, *(c for c in coders if c)]):
        status = job.project.status(doc.id, coder)
        if coder != job.project.coder and not status.updated:
            continue  # a layer with no status of its own (gold, an imported coder): no badge to show
        statuses.append({"coder": coder, "status": status.status, "flagged": status.flagged, "comment": status.comment})
    return {
        "key": doc.key,
        "title": doc.title,
        "source": doc.source,
        "date": doc.date,
        "url": doc.url,
        "link": safe_url(doc.url),
        "meta": sorted((k, str(v)) for k, v in doc.meta.items()),
        "statuses": statuses,
        "layers": layers,
        "characters": len(doc.text),
    }


def environment() -> Any:
    """Autoescaping always on: the text of a document is never markup.

    jinja2 is imported here, not at the top: every command loads the export
    package, only the report needs jinja2.
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(job: Job) -> str:
    codebook = job.project.codebook
    documents = [document_view(job, item) for item in job.documents]
    counts: dict[str, int] = {}
    for item in job.documents:
        for span in item.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
    context = {
        "project": job.project.path.name,
        "codebook": codebook.name,
        "layer": job.layer,
        "status": job.status,
        "labels": [
            {
                "name": label.name,
                "color": label.color,
                "description": label.description,
                "count": counts.get(label.name, 0),
            }
            for label in codebook.labels
        ],
        "documents": documents,
        "spans": sum(counts.values()),
        "notes": job.notes,
    }
    rendered: str = environment().get_template(TEMPLATE).render(**context)
    return rendered


def write_html(job: Job, out: str | Path) -> list[str]:
    html = render_report(job)
    write_text(out, lambda handle: handle.write(html))
    return [str(out)]
