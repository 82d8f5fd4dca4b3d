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

The statistics are small pure functions, checked in the tests against
scikit-learn, statsmodels and the ``krippendorff`` package.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

from jinja2 import Environment, FileSystemLoader

from annotator.errors import ValidationError
from annotator.lead import agreement_origins, event_agreement
from annotator.lead.adjudication import build_items, coder_layers, compared_coders, finished_by
from annotator.lead.agreement_origins import SpanOrigins, span_origins
from annotator.lead.event_agreement import EventFigures
from annotator.models import Annotation
from annotator.resources_path import resource_path
from annotator.store.project import Project
from annotator.text import Token, tokenize

OUTSIDE = "O"

# --- statistics ----------------------------------------------------------------------------


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters' labels for the same items."""
    if len(a) != len(b):
        raise ValueError("both raters must label the same items")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(ratings: Sequence[Sequence[str]]) -> float | None:
    """Fleiss' kappa; ``ratings[i]`` holds every rater's label of item ``i`` (the same count each)."""
    if not ratings:
        return None
    raters = len(ratings[0])
    if raters < 2 or any(len(r) != raters for r in ratings):
        raise ValueError("every item needs the same number (at least two) of ratings")
    items = len(ratings)
    totals: Counter[str] = Counter()
    agreement = 0.0
    # Most tokens are rated alike (all O): work on each distinct rating pattern once.
    for pattern, times in Counter(map(tuple, ratings)).items():
        counts = Counter(pattern)
        for category, count in counts.items():
            totals[category] += count * times
        agreement += times * (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    observed = agreement / items
    expected = sum((t / (items * raters)) ** 2 for t in totals.values())
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Iterable[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha for nominal data; ``units[i]`` holds each rater's value, None when missing."""
    disagreement = 0.0
    totals: Counter[str] = Counter()
    for unit, times in Counter(map(tuple, units)).items():
        pattern = [v for v in unit if v is not None]
        m = len(pattern)
        if m < 2:
            continue  # a value no other rater saw cannot be paired
        counts = Counter(pattern)
        for value, count in counts.items():
            totals[value] += count * times
        disagreement += times * (m * m - sum(c * c for c in counts.values())) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(c * c for c in totals.values())
    if expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected


def exact_matches(a: Sequence[Annotation], b: Sequence[Annotation]) -> int:
    """Spans with the same start, end and label (a multiset intersection)."""
    keys_a = Counter((x.start, x.end, x.label) for x in a)
    keys_b = Counter((x.start, x.end, x.label) for x in b)
    return sum((keys_a & keys_b).values())


def overlap_matches(a: Sequence[Annotation], b: Sequence[Annotation]) -> int:
    """The largest number of one-to-one pairs of same-label overlapping spans (Kuhn's matching)."""
    partner: dict[int, int] = {}
    options = _overlapping(a, b)

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in partner or augment(partner[j], seen):
                partner[j] = i
                return True
        return False

    return sum(1 for i in range(len(a)) if augment(i, set()))


def _overlapping(a: Sequence[Annotation], b: Sequence[Annotation]) -> list[list[int]]:
    """For each span of ``a``, the indexes of the same-label spans of ``b`` it overlaps.

    ``b`` is sorted by start per label, so each span looks only at the few that start
    before its end and not too long before its start, not at all of ``b``: comparing
    every pair was an eighth of a 5-coder agreement run.
    """
    by_label: dict[str, list[tuple[int, int, int]]] = {}
    for j, y in enumerate(b):
        by_label.setdefault(y.label, []).append((y.start, y.end, j))
    index = {}
    for label, spans in by_label.items():
        spans.sort()
        index[label] = (spans, [start for start, _, _ in spans], max(end - start for start, end, _ in spans))
    options: list[list[int]] = []
    for x in a:
        if x.label not in index:
            options.append([])
            continue
        spans, starts, longest = index[x.label]
        low, high = bisect.bisect_right(starts, x.start - longest), bisect.bisect_left(starts, x.end)
        options.append([j for _, end, j in spans[low:high] if end > x.start])
    return options


def f1(matches: int, count_a: int, count_b: int) -> float | None:
    return None if count_a + count_b == 0 else 2 * matches / (count_a + count_b)


def token_labels(tokens: Sequence[Token], spans: Sequence[Annotation], ends: Sequence[int] | None = None) -> list[str]:
    """Each token's label: the outermost overlapping span's (earliest start, then longest), else ``O``.

    ``ends`` (the tokens' ends, ascending) saves recomputing them for every coder of a document.
    """
    labels: list[str | None] = [None] * len(tokens)
    if ends is None:
        ends = [t.end for t in tokens]
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        i = bisect.bisect_right(ends, span.start)
        while i < len(tokens) and tokens[i].start < span.end:
            if labels[i] is None:
                labels[i] = span.label
            i += 1
    return [label or OUTSIDE for label in labels]


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
