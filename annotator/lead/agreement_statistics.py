"""The statistics of agreement, as small pure functions: Cohen's and Fleiss' kappa,
Krippendorff's alpha (nominal), span matches exact and overlapping, F1, and the token
labels kappa is counted on.

:mod:`annotator.lead.agreement` says what is compared with them; the tests check them
against scikit-learn, statsmodels and the ``krippendorff`` package.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence

from annotator.models import Annotation
from annotator.text import Token

OUTSIDE = "O"


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
