"""How far coders agree: span F1, token kappa, Fleiss' kappa, Krippendorff's alpha, attributes.

What is compared (DESIGN.md, "Merge, agreement, adjudication"):

- A pair of coders is compared on the documents both marked ``done``; the
  all-coder figures (Fleiss, Krippendorff) on the documents every compared
  coder marked ``done``. Pending suggestions are not a coder's work and are left out.
- Span F1 is micro-averaged: all spans of those documents pooled. *Exact*: same
  start, end and label. *Overlap*: same label and overlapping offsets, each span
  matched at most once (a maximum matching, so one long span cannot match two).
  F1 = 2·matches / (spans of A + spans of B), which is symmetric.
- Tokens are :func:`annotator.text.tokenize` tokens. A token's label is the label
  of the span that overlaps it (the outermost when spans nest: earliest start,
  then longest), ``O`` otherwise. So و|الباغوز and والباغوز agree on tokens and
  differ in exact span F1.
- Attribute agreement is measured on exactly matched spans, per label and
  attribute, pooled over coder pairs: of the matched pairs where either coder
  set the attribute, the share where both set it to the same value.
- A figure that is undefined (no spans, or a single category everywhere) is None.
- Events are matched across coders by their slots: :mod:`annotator.lead.event_agreement`
  says how, and its figures are the report's ``events``.
- Where the compared spans came from (typed by hand or accepted from a suggester):
  :mod:`annotator.lead.agreement_origins`, the report's ``origins``.

The statistics are small pure functions (:mod:`annotator.lead.agreement_statistics`), checked
in the tests against scikit-learn, statsmodels and the ``krippendorff`` package.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

from jinja2 import Environment, FileSystemLoader

from annotator.errors import ValidationError
from annotator.lead import agreement_origins, event_agreement
from annotator.lead.adjudication import build_items, coder_layers, compared_coders, finished_by
from annotator.lead.agreement_origins import SpanOrigins, span_origins
from annotator.lead.agreement_statistics import (
    cohen_kappa,
    exact_matches,
    f1,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    overlap_matches,
    token_labels,
)
from annotator.lead.event_agreement import EventFigures
from annotator.models import Annotation
from annotator.resources_path import resource_path
from annotator.store.project import Project
from annotator.text import Token, tokenize

# --- the report ----------------------------------------------------------------------------


@dataclass
class PairFigures:
    coders: list[str]
    documents: int
    spans: list[int]
    exact_matches: int
    overlap_matches: int
    span_f1_exact: float | None
    span_f1_overlap: float | None
    tokens: int
    token_kappa: float | None


@dataclass
class AttributeFigures:
    compared: int = 0
    agreed: int = 0

    @property
    def agreement(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass
class Figures:
    pairwise: list[PairFigures]
    documents: int
    tokens: int
    fleiss_kappa: float | None
    krippendorff_alpha: float | None
    attributes: dict[str, dict[str, AttributeFigures]] = field(default_factory=dict)

    def mean(self, name: str) -> float | None:
        """The mean of a pairwise figure over the pairs where it is defined (for summary tables)."""
        values = [getattr(p, name) for p in self.pairwise if getattr(p, name) is not None]
        return sum(values) / len(values) if values else None


@dataclass
class DocumentFigures:
    """One document's disagreement, for the lead's "where to look first" list."""

    id: str
    title: str
    coders: list[str]
    items: int
    disagreements: int
    token_disagreement: float
    differing: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class AgreementReport:
    project: str
    coders: list[str]
    labels: list[str]
    overall: Figures
    per_label: dict[str, Figures]
    documents: list[DocumentFigures]
    unfinished: list[str] = field(default_factory=list)
    events: EventFigures = field(default_factory=lambda: EventFigures([], []))
    origins: SpanOrigins = field(default_factory=SpanOrigins)

    def to_json(self) -> dict[str, Any]:
        """The ``agreement --json`` object; ``pairwise``, ``fleiss_kappa``, ``krippendorff_alpha``
        and ``per_label`` are the DESIGN.md contract."""
        return {
            "project": self.project,
            "coders": self.coders,
            "labels": self.labels,
            "coders_without_finished_documents": self.unfinished,
            **_figures_json(self.overall),
            "per_label": {label: _figures_json(f, label) for label, f in self.per_label.items()},
            "per_document": [{k: v for k, v in asdict(d).items() if k != "differing"} for d in self.documents],
            "events": self.events.to_json(),
            "origins": self.origins.to_json(),
        }


def _figures_json(figures: Figures, label: str | None = None) -> dict[str, Any]:
    """Overall figures key attributes by label, then name; one label's figures by name only."""
    attributes = {
        name: {
            attribute: {"compared": a.compared, "agreed": a.agreed, "agreement": a.agreement}
            for attribute, a in attrs.items()
        }
        for name, attrs in figures.attributes.items()
    }
    return {
        "documents": figures.documents,
        "tokens": figures.tokens,
        "pairwise": [asdict(p) for p in figures.pairwise],
        "fleiss_kappa": figures.fleiss_kappa,
        "krippendorff_alpha": figures.krippendorff_alpha,
        "attributes": attributes.get(label, {}) if label is not None else attributes,
    }


@dataclass
class _Doc:
    id: int
    key: str
    title: str
    tokens: list[Token]
    finished: tuple[str, ...]
    spans: dict[str, list[Annotation]]
    ends: list[int] = field(default_factory=list)


def agreement(project: Project, *, label: str | None = None, coders: Sequence[str] | None = None) -> AgreementReport:
    """Every agreement figure of ``project`` (only ``label``'s spans when given)."""
    if label is not None:
        project.codebook.label(label)
    coders = list(coders) if coders is not None else compared_coders(project)
    if len(coders) < 2:
        found = ", ".join(coders) or "none"
        layers = coder_layers(project)
        if len(layers) >= 2:
            # The coders' work is here, but not finished: merging again would not help.
            raise ValidationError(
                f"agreement is measured on documents marked done, and of the coders {', '.join(layers)} "
                f"fewer than two marked any (found: {found}); mark them done in each coder's file "
                "(annotator status CODER.db --all --set done) and merge again",
                path=project.path,
            )
        raise ValidationError(
            f"agreement needs at least two coders who marked documents done (found: {found}); "
            "merge the coders' files first",
            path=project.path,
        )
    labels = [label] if label else project.codebook.label_names
    docs = _load(project, coders, set(labels))
    if not docs:
        raise ValidationError(
            f"no document is marked done by two or more of {', '.join(coders)}; agreement is measured "
            "on finished documents only",
            path=project.path,
        )
    overall = _figures(docs, coders, None, project)
    per_label = {name: _figures(docs, coders, name, project) for name in labels}
    for name, figures in per_label.items():
        figures.attributes = {name: overall.attributes[name]} if name in overall.attributes else {}
    documents = sorted(
        (_document_figures(doc) for doc in docs),
        key=lambda d: (-d.disagreements, -d.token_disagreement, d.id),
    )
    unfinished = [c for c in coder_layers(project) if c not in coders]
    events = event_agreement.event_agreement(project, coders, finished_by(project, coders))
    origins = span_origins([doc.spans for doc in docs], coders)
    return AgreementReport(
        str(project.path), coders, labels, overall, per_label, documents, unfinished, events, origins
    )


def _load(project: Project, coders: list[str], labels: set[str]) -> list[_Doc]:
    out = []
    for doc_id, finished in sorted(finished_by(project, coders).items()):
        if len(finished) < 2:
            continue
        doc = project.document(doc_id)
        spans: dict[str, list[Annotation]] = {c: [] for c in finished}
        for ann in project.annotations(doc_id, include_suggestions=False):
            if ann.coder in spans and ann.label in labels:
                spans[ann.coder].append(ann)
        tokens = tokenize(doc.text)
        out.append(_Doc(doc_id, doc.key, doc.title, tokens, finished, spans, [t.end for t in tokens]))
    return out


def _figures(docs: list[_Doc], coders: list[str], label: str | None, project: Project) -> Figures:
    def spans(doc: _Doc, coder: str) -> list[Annotation]:
        return [a for a in doc.spans[coder] if label is None or a.label == label]

    cache: dict[tuple[int, str], list[str]] = {}

    def labelled(doc: _Doc, coder: str) -> list[str]:
        if (doc.id, coder) not in cache:
            cache[doc.id, coder] = token_labels(doc.tokens, spans(doc, coder), doc.ends)
        return cache[doc.id, coder]

    pairwise = []
    attributes: dict[str, dict[str, AttributeFigures]] = {}
    for a, b in combinations(coders, 2):
        shared = [d for d in docs if a in d.finished and b in d.finished]
        count_a = count_b = exact = overlap = 0
        labels_a: list[str] = []
        labels_b: list[str] = []
        for doc in shared:
            spans_a, spans_b = spans(doc, a), spans(doc, b)
            count_a, count_b = count_a + len(spans_a), count_b + len(spans_b)
            exact += exact_matches(spans_a, spans_b)
            overlap += overlap_matches(spans_a, spans_b)
            labels_a += labelled(doc, a)
            labels_b += labelled(doc, b)
            if label is None:  # one label's attribute figures are the overall ones for it
                _compare_attributes(spans_a, spans_b, attributes, project)
        pairwise.append(
            PairFigures(
                coders=[a, b],
                documents=len(shared),
                spans=[count_a, count_b],
                exact_matches=exact,
                overlap_matches=overlap,
                span_f1_exact=f1(exact, count_a, count_b),
                span_f1_overlap=f1(overlap, count_a, count_b),
                tokens=len(labels_a),
                token_kappa=cohen_kappa(labels_a, labels_b),
            )
        )
    everyone = [d for d in docs if set(coders) <= set(d.finished)]
    ratings: list[tuple[str, ...]] = []
    for doc in everyone:
        ratings += zip(*(labelled(doc, c) for c in coders), strict=True)
    return Figures(
        pairwise=pairwise,
        documents=len(everyone),
        tokens=len(ratings),
        fleiss_kappa=fleiss_kappa(ratings) if ratings else None,
        krippendorff_alpha=krippendorff_alpha_nominal(ratings),
        attributes=attributes,
    )


def _compare_attributes(
    spans_a: list[Annotation],
    spans_b: list[Annotation],
    out: dict[str, dict[str, AttributeFigures]],
    project: Project,
) -> None:
    """Pair exactly matched spans (same place and label) and compare each attribute."""
    by_place: dict[tuple[int, int, str], tuple[list[Annotation], list[Annotation]]] = {}
    names_of: dict[str, list[str]] = {}
    for which, spans in enumerate((spans_a, spans_b)):
        for ann in spans:
            by_place.setdefault((ann.start, ann.end, ann.label), ([], []))[which].append(ann)
    for (_, _, label), (mine, theirs) in by_place.items():
        if not mine or not theirs:
            continue
        if len(mine) > 1 or len(theirs) > 1:  # two spans at one place: pair them by their values
            mine, theirs = sorted(mine, key=_attrs_json), sorted(theirs, key=_attrs_json)
        if label not in names_of:
            names_of[label] = _attribute_names(project, label)
        names = names_of[label]
        for x, y in zip(mine, theirs, strict=False):
            for name in names + sorted((x.attrs.keys() | y.attrs.keys()) - set(names)):
                if name not in x.attrs and name not in y.attrs:
                    continue
                figures = out.setdefault(label, {}).setdefault(name, AttributeFigures())
                figures.compared += 1
                if name in x.attrs and name in y.attrs and x.attrs[name] == y.attrs[name]:
                    figures.agreed += 1


def _attribute_names(project: Project, label: str) -> list[str]:
    return [a.name for a in project.codebook.label(label).attributes] if project.codebook.has_label(label) else []


def _attrs_json(ann: Annotation) -> str:
    return json.dumps(ann.attrs, sort_keys=True, ensure_ascii=False)


def _document_figures(doc: _Doc) -> DocumentFigures:
    spans = [a for c in doc.finished for a in doc.spans[c]]
    found = build_items(doc.id, doc.finished, spans)
    differing = [item for item in found if not item.unanimous]
    columns = list(zip(*(token_labels(doc.tokens, doc.spans[c], doc.ends) for c in doc.finished), strict=True))
    split = sum(1 for column in columns if len(set(column)) > 1)
    return DocumentFigures(
        id=doc.key,
        title=doc.title,
        coders=list(doc.finished),
        items=len(found),
        disagreements=len(differing),
        token_disagreement=split / len(columns) if columns else 0.0,
        differing=[
            {
                "start": item.start,
                "end": item.end,
                "versions": [
                    {
                        "coders": list(v.coders),
                        "label": v.label,
                        "text": v.text,
                        "start": v.start,
                        "end": v.end,
                        "attrs": v.attrs,
                        "missing": list(item.missing(v)),
                    }
                    for v in item.versions
                ],
            }
            for item in differing
        ],
    )


# --- output ----------------------------------------------------------------------------------


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def text_lines(report: AgreementReport) -> list[str]:
    """The plain-text summary ``annotator agreement`` prints."""
    overall = report.overall
    out = [
        f"{report.project}: coders {', '.join(report.coders)}; {overall.documents} document(s) finished by all, "
        f"{len(report.documents)} by at least two",
    ]
    if report.unfinished:
        out.append(f"not compared (no document marked done): {', '.join(report.unfinished)}")
    out.append("pair                     docs  spans        F1 exact  F1 overlap  token kappa")
    for pair in overall.pairwise:
        spans = f"{pair.spans[0]} / {pair.spans[1]}"
        out.append(
            f"{' / '.join(pair.coders):<24} {pair.documents:>4}  {spans:<12} {number(pair.span_f1_exact):>8}  "
            f"{number(pair.span_f1_overlap):>10}  {number(pair.token_kappa):>11}"
        )
    out.append(
        f"all coders ({overall.tokens} tokens): Fleiss' kappa {number(overall.fleiss_kappa)}, "
        f"Krippendorff's alpha {number(overall.krippendorff_alpha)}"
    )
    out.append("label        F1 exact  F1 overlap  token kappa  Fleiss  alpha   (F1 and kappa: mean over pairs)")
    for name, figures in report.per_label.items():
        out.append(
            f"{name:<12} {number(figures.mean('span_f1_exact')):>8}  {number(figures.mean('span_f1_overlap')):>10}  "
            f"{number(figures.mean('token_kappa')):>11}  {number(figures.fleiss_kappa):>6}  "
            f"{number(figures.krippendorff_alpha):>5}"
        )
    attribute_lines = [
        f"  {label}.{name}: {a.agreed} of {a.compared} agree ({number(a.agreement)})"
        for label, attrs in overall.attributes.items()
        for name, a in attrs.items()
    ]
    if attribute_lines:
        out.append("attributes on exactly matched spans:")
        out += attribute_lines
    if any(pair.events != [0, 0] for pair in report.events.pairwise):
        out += event_agreement.text_lines(report.events)
    out += agreement_origins.text_lines(report.origins, report.labels)
    out.append("documents by disagreement (places where coders differ / places):")
    for doc in report.documents:
        out.append(f"  {doc.id}\t{doc.disagreements}/{doc.items}\ttokens {doc.token_disagreement:.1%}\t{doc.title}")
    return out


def render_html(report: AgreementReport) -> str:
    """The ``--html`` report: jinja2 with autoescaping on, since titles and spans are untrusted text."""
    environment = Environment(
        loader=FileSystemLoader(str(resource_path("templates"))), autoescape=True, keep_trailing_newline=True
    )
    environment.filters["number"] = number
    environment.filters["share"] = lambda value: "n/a" if value is None else f"{value:.0%}"
    environment.filters["tojson_text"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    return environment.get_template("agreement.html.j2").render(
        report=report, rejections_note=agreement_origins.REJECTIONS_NOTE
    )
