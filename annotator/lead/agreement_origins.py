"""Where the compared spans came from: typed by hand, or accepted from which suggester.

A lead reading agreement figures needs to know whether two coders agree because
they read the text alike or because both pressed Enter on the same suggestion
(automation bias). Accepting a suggestion makes it the coder's own span (origin
``manual``) and keeps the suggester's name in its provenance
(``{"suggester": "gazetteer"}``), and a merge copies provenance with the span, so
the merged project can tell them apart:

- *accepted from X*: the span's provenance names suggester X (it may have been
  edited after it was accepted: it stays the suggester's proposal);
- *imported*: origin ``imported`` without a suggester (a pre-annotated file);
- *by hand*: every other confirmed span, spans the coder tagged with "tag all
  like this" included (the coder chose each of them).

Counted on the spans the agreement figures use: confirmed spans of the coders on
the documents at least two of them marked done. For each coder, the *matched*
share is how many of their spans of each origin another coder tagged exactly alike
(same start, end and label), pooled over the coder's pairs: a coder whose accepted
spans are matched far more often than their hand-typed ones is leaning on the
suggesters. For each pair, the exact matches where both spans are the same suggester's
proposal, accepted by both, say how much of the pair's agreement the suggesters made.
Rejected suggestions are not counted: the project does not record
which suggester made a rejected one, and a merge does not copy rejections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, permutations
from typing import Any

from annotator.models import Annotation, Origin

SUGGESTERS: tuple[str, ...] = ("gazetteer", "memory", "learned", "casualty", "dates")
HAND = "hand"
IMPORTED = "imported"
REJECTIONS_NOTE = (
    "rejected suggestions are not counted: the project does not record which suggester made them, "
    "and a merge does not copy them"
)


def span_source(ann: Annotation) -> str:
    """``hand``, ``imported`` or the name of the suggester whose proposal the coder accepted."""
    suggester = (ann.provenance or {}).get("suggester")
    if isinstance(suggester, str) and suggester:
        return suggester
    return IMPORTED if ann.origin == Origin.IMPORTED else HAND


def is_suggester(source: str) -> bool:
    return source not in (HAND, IMPORTED)


@dataclass
class SourceCounts:
    """How many spans came from each source (``hand``, ``imported``, a suggester's name)."""

    by_source: Counter[str] = field(default_factory=Counter)

    @property
    def spans(self) -> int:
        return sum(self.by_source.values())

    @property
    def accepted(self) -> int:
        return sum(n for source, n in self.by_source.items() if is_suggester(source))

    @property
    def accepted_share(self) -> float | None:
        return self.accepted / self.spans if self.spans else None

    def to_json(self) -> dict[str, Any]:
        return {
            "spans": self.spans,
            HAND: self.by_source[HAND],
            IMPORTED: self.by_source[IMPORTED],
            "accepted": {s: n for s, n in sorted(self.by_source.items()) if is_suggester(s)},
            "accepted_share": self.accepted_share,
        }


@dataclass
class Matched:
    """Of ``spans`` spans of one origin (counted once per other coder), ``matched`` were tagged alike."""

    spans: int = 0
    matched: int = 0

    @property
    def share(self) -> float | None:
        return self.matched / self.spans if self.spans else None


@dataclass
class CoderOrigins:
    coder: str
    total: SourceCounts = field(default_factory=SourceCounts)
    per_label: dict[str, SourceCounts] = field(default_factory=dict)
    matched: dict[str, Matched] = field(default_factory=dict)

    def matched_by_kind(self) -> dict[str, Matched]:
        """The matched shares of hand-typed and of accepted spans (all suggesters pooled)."""
        out = {HAND: Matched(), "accepted": Matched()}
        for source, m in self.matched.items():
            kind = "accepted" if is_suggester(source) else HAND if source == HAND else None
            if kind is not None:
                out[kind].spans += m.spans
                out[kind].matched += m.matched
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            **self.total.to_json(),
            "per_label": {label: counts.to_json() for label, counts in self.per_label.items()},
            "matched": {
                **{kind: _matched_json(m) for kind, m in self.matched_by_kind().items()},
                "by_source": {source: _matched_json(m) for source, m in sorted(self.matched.items())},
            },
        }


def _matched_json(m: Matched) -> dict[str, Any]:
    return {"spans": m.spans, "matched": m.matched, "share": m.share}


@dataclass
class PairOrigins:
    """Of a pair's ``exact_matches``, ``same_suggestion`` were one suggester's proposal accepted by both."""

    coders: list[str]
    exact_matches: int = 0
    same_suggestion: int = 0

    @property
    def share(self) -> float | None:
        return self.same_suggestion / self.exact_matches if self.exact_matches else None


@dataclass
class SpanOrigins:
    coders: list[CoderOrigins] = field(default_factory=list)
    pairs: list[PairOrigins] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """The suggesters to show: the known ones, then any other name met, and ``imported`` if any."""
        seen = {s for c in self.coders for s in c.total.by_source}
        others = sorted(s for s in seen if is_suggester(s) and s not in SUGGESTERS)
        return [*SUGGESTERS, *others, *([IMPORTED] if IMPORTED in seen else [])]

    def to_json(self) -> dict[str, Any]:
        return {
            "suggesters": [s for s in self.sources if s != IMPORTED],
            "coders": {c.coder: c.to_json() for c in self.coders},
            "pairs": [
                {"coders": p.coders, "exact_matches": p.exact_matches, "same_suggestion": p.same_suggestion,
                 "share": p.share}
                for p in self.pairs
            ],
            "rejections": REJECTIONS_NOTE,
        }


def span_origins(docs: Sequence[Mapping[str, Sequence[Annotation]]], coders: Sequence[str]) -> SpanOrigins:
    """Count each coder's spans by origin; ``docs`` holds, per compared document, the spans of
    each coder who finished it (only those coders are keys)."""
    out = {coder: CoderOrigins(coder) for coder in coders}
    pairs = {(a, b): PairOrigins([a, b]) for a, b in combinations(coders, 2)}
    for spans in docs:
        for coder, anns in spans.items():
            if coder not in out:
                continue
            for ann in anns:
                source = span_source(ann)
                out[coder].total.by_source[source] += 1
                out[coder].per_label.setdefault(ann.label, SourceCounts()).by_source[source] += 1
        for coder, other in permutations([c for c in spans if c in out], 2):
            theirs = Counter((a.start, a.end, a.label) for a in spans[other])
            for ann in sorted(spans[coder], key=lambda a: (a.start, a.end, a.label, a.id)):
                m = out[coder].matched.setdefault(span_source(ann), Matched())
                m.spans += 1
                key = (ann.start, ann.end, ann.label)
                if theirs[key] > 0:
                    theirs[key] -= 1
                    m.matched += 1
        for (a, b), pair in pairs.items():
            if a in spans and b in spans:
                _count_pair(spans[a], spans[b], pair)
    for origins in out.values():
        origins.per_label = dict(sorted(origins.per_label.items()))
    return SpanOrigins([out[c] for c in coders], list(pairs.values()))


def _count_pair(mine: Sequence[Annotation], theirs: Sequence[Annotation], pair: PairOrigins) -> None:
    """Exact matches of one document, paired so that as many as can be are the same suggester's."""
    at: dict[tuple[int, int, str], tuple[Counter[str], Counter[str]]] = {}
    for which, anns in enumerate((mine, theirs)):
        for ann in anns:
            at.setdefault((ann.start, ann.end, ann.label), (Counter(), Counter()))[which][span_source(ann)] += 1
    for a, b in at.values():
        pair.exact_matches += min(a.total(), b.total())
        pair.same_suggestion += sum(min(n, b[s]) for s, n in a.items() if is_suggester(s))


def text_lines(origins: SpanOrigins, labels: Sequence[str]) -> list[str]:
    """The section of ``annotator agreement``'s text output."""

    def share(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0%}"

    sources = origins.sources
    out = ["where the spans came from (accepted: a suggestion the coder accepted, by suggester):"]
    out.append(
        f"{'coder':<12} {'label':<10} {'spans':>5} {'hand':>5} {'accepted':>8}  "
        + " ".join(f"{s:>9}" for s in sources)
        + "  share accepted"
    )
    for coder in origins.coders:
        rows = [(name, coder.per_label[name]) for name in labels if name in coder.per_label]
        for name, counts in [*rows, ("all", coder.total)]:
            out.append(
                f"{coder.coder:<12} {name:<10} {counts.spans:>5} {counts.by_source[HAND]:>5} {counts.accepted:>8}  "
                + " ".join(f"{counts.by_source[s]:>9}" for s in sources)
                + f"  {share(counts.accepted_share):>14}"
            )
    out.append("tagged exactly alike by another coder (pooled over pairs):")
    for coder in origins.coders:
        kinds = coder.matched_by_kind()
        hand, accepted = kinds[HAND], kinds["accepted"]
        out.append(
            f"  {coder.coder}: by hand {hand.matched} of {hand.spans} ({share(hand.share)}), "
            f"accepted {accepted.matched} of {accepted.spans} ({share(accepted.share)})"
        )
    for pair in origins.pairs:
        out.append(
            f"  {' / '.join(pair.coders)}: {pair.same_suggestion} of {pair.exact_matches} exact matches are the "
            f"same suggestion accepted by both ({share(pair.share)})"
        )
    out.append(REJECTIONS_NOTE)
    return out
