"""The agreement statistics, on hand-worked vectors and against independent implementations."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from annotator.lead.agreement_statistics import (
    cohen_kappa,
    exact_matches,
    f1,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    overlap_matches,
    token_labels,
)
from annotator.models import Annotation
from annotator.text import tokenize

LABELS = ["O", "ACTOR", "PLACE", "CASUALTY"]


def span(start: int, end: int, label: str, coder: str = "amal") -> Annotation:
    return Annotation(
        id=f"{coder}-{start}-{end}-{label}", doc_id=1, coder=coder, label=label, start=start, end=end, text=""
    )


def test_cohen_kappa_hand_worked_vector_from_the_issue() -> None:
    a = ["ACTOR", "ACTOR", "O", "O", "PLACE", "O", "CASUALTY", "O", "O", "O"]
    b = ["ACTOR", "O", "O", "O", "PLACE", "O", "CASUALTY", "CASUALTY", "O", "O"]
    # po = 8/10; pe = (2*1 + 6*6 + 1*1 + 1*2) / 100 = 0.41; kappa = 0.39 / 0.59
    assert cohen_kappa(a, b) == pytest.approx(0.39 / 0.59)
    assert round(cohen_kappa(a, b), 4) == 0.6610
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_cohen_kappa_edge_cases() -> None:
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["O", "O"], ["O", "O"]) is None  # a single category: undefined
    assert cohen_kappa(["A", "O"], ["A", "O"]) == 1.0
    assert cohen_kappa(["A", "O"], ["O", "A"]) == -1.0
    with pytest.raises(ValueError):
        cohen_kappa(["A"], ["A", "O"])


def test_fleiss_kappa_hand_worked() -> None:
    # Three raters, four items; counts per item: (3,0), (2,1), (0,3), (1,2).
    ratings = [["A", "A", "A"], ["A", "A", "O"], ["O", "O", "O"], ["A", "O", "O"]]
    # P_i = 1, 1/3, 1, 1/3 -> mean 2/3; p_A = p_O = 1/2 -> Pe = 1/2; kappa = (2/3 - 1/2) / (1/2) = 1/3
    assert fleiss_kappa(ratings) == pytest.approx(1 / 3)
    assert fleiss_kappa([]) is None
    assert fleiss_kappa([["O", "O"], ["O", "O"]]) is None
    with pytest.raises(ValueError):
        fleiss_kappa([["A", "A"], ["A"]])


def test_krippendorff_alpha_hand_worked() -> None:
    # Two raters, the issue's vectors: alpha corrects kappa for the sample: 1 - (n-1) * Do / De.
    a = ["ACTOR", "ACTOR", "O", "O", "PLACE", "O", "CASUALTY", "O", "O", "O"]
    b = ["ACTOR", "O", "O", "O", "PLACE", "O", "CASUALTY", "CASUALTY", "O", "O"]
    # n = 20 values: O 12, ACTOR 3, PLACE 2, CASUALTY 3; disagreeing pairs 2 units * 2 = 4.
    expected = 1 - 19 * 4 / (20 * 20 - (12 * 12 + 3 * 3 + 2 * 2 + 3 * 3))
    assert krippendorff_alpha_nominal(list(zip(a, b, strict=True))) == pytest.approx(expected)
    assert krippendorff_alpha_nominal([["O", "O"]]) is None
    assert krippendorff_alpha_nominal([["ACTOR", None], ["ACTOR", "O"], ["O", "O"]]) == pytest.approx(
        _package_alpha([["ACTOR", None], ["ACTOR", "O"], ["O", "O"]])
    )


labels_strategy = st.sampled_from(LABELS)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(labels_strategy, labels_strategy), min_size=1, max_size=60))
def test_cohen_kappa_matches_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    ours = cohen_kappa(a, b)
    if ours is None:
        assert len(set(a) | set(b)) == 1
        return
    assert ours == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda raters: st.lists(st.lists(labels_strategy, min_size=raters, max_size=raters), min_size=1, max_size=40)
    )
)
def test_fleiss_kappa_matches_statsmodels(ratings: list[list[str]]) -> None:
    ours = fleiss_kappa(ratings)
    if ours is None:
        assert len({v for r in ratings for v in r}) == 1
        return
    table = np.array([[row.count(label) for label in LABELS] for row in ratings])
    assert ours == pytest.approx(statsmodels_fleiss(table, method="fleiss"), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda raters: st.lists(
            st.lists(st.one_of(st.none(), labels_strategy), min_size=raters, max_size=raters), min_size=1, max_size=40
        )
    )
)
def test_krippendorff_alpha_matches_the_krippendorff_package(units: list[list[str | None]]) -> None:
    ours = krippendorff_alpha_nominal(units)
    pairable = [[v for v in u if v is not None] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    if ours is None:
        assert len({v for u in pairable for v in u}) <= 1
        return
    assert ours == pytest.approx(_package_alpha(units), abs=1e-9)


def _package_alpha(units: list[list[str | None]]) -> float:
    codes = {label: i for i, label in enumerate(LABELS)}
    data = np.array([[np.nan if v is None else codes[v] for v in unit] for unit in units], dtype=float).T
    value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert not math.isnan(value)
    return float(value)


def test_exact_and_overlap_matching() -> None:
    a = [span(0, 5, "ACTOR"), span(10, 20, "PLACE"), span(30, 32, "CASUALTY")]
    b = [span(0, 5, "ACTOR"), span(9, 20, "PLACE"), span(30, 32, "ACTOR")]
    assert exact_matches(a, b) == 1
    assert overlap_matches(a, b) == 2  # PLACE overlaps; CASUALTY vs ACTOR differ in label
    assert f1(1, 3, 3) == pytest.approx(1 / 3)
    assert f1(0, 0, 0) is None


def test_overlap_matching_is_one_to_one_and_maximal() -> None:
    # One long span overlapping two short ones matches only one of them...
    long = [span(0, 20, "PLACE")]
    short = [span(0, 5, "PLACE", "omar"), span(10, 15, "PLACE", "omar")]
    assert overlap_matches(long, short) == 1
    assert overlap_matches(short, long) == 1
    # ...and a greedy first choice would miss the maximum: x0 overlaps y0 and y1, x1 only y0.
    a = [span(0, 10, "ACTOR"), span(0, 3, "ACTOR")]
    b = [span(2, 4, "ACTOR", "omar"), span(8, 12, "ACTOR", "omar")]
    assert overlap_matches(a, b) == 2


def test_duplicate_spans_count_once_each() -> None:
    a = [span(0, 5, "ACTOR"), span(0, 5, "ACTOR")]
    b = [span(0, 5, "ACTOR", "omar")]
    assert exact_matches(a, b) == 1
    assert overlap_matches(a, b) == 1


def test_token_labels_take_the_outermost_span_and_cover_proclitics() -> None:
    text = "قالت قوات سوريا الديمقراطية إن والباغوز 😀 سقطت"
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    assert words == ["قالت", "قوات", "سوريا", "الديمقراطية", "إن", "والباغوز", "😀", "سقطت"]
    actor = text.index("قوات سوريا الديمقراطية")
    syria = text.index("سوريا")
    baghouz = text.index("الباغوز")  # the span leaves the proclitic و out: the token still counts
    spans = [
        span(syria, syria + len("سوريا"), "PLACE"),
        span(actor, actor + len("قوات سوريا الديمقراطية"), "ACTOR"),
        span(baghouz, baghouz + len("الباغوز"), "PLACE"),
    ]
    assert token_labels(tokens, spans) == ["O", "ACTOR", "ACTOR", "ACTOR", "O", "PLACE", "O", "O"]
    assert token_labels(tokens, []) == ["O"] * len(tokens)
    # nested spans that start together: the longer one is outermost, whatever the order given
    inner = span(actor, actor + len("قوات سوريا"), "PLACE")
    outer = span(actor, actor + len("قوات سوريا الديمقراطية"), "ACTOR")
    for given_order in ([inner, outer], [outer, inner]):
        assert token_labels(tokens, given_order)[1:4] == ["ACTOR", "ACTOR", "ACTOR"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(["ACTOR", "PLACE"])), max_size=12),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(["ACTOR", "PLACE"])), max_size=12))
def test_overlap_matches_equal_a_matching_over_every_pair(a_spans, b_spans) -> None:
    """The candidate search by start may skip no pair that overlaps: the matching is as large as
    one built from every pair of same-label overlapping spans."""
    from annotator.models import Annotation

    def made(spans, coder):
        return [Annotation(f"{coder}{i}", 1, coder, label, start, start + width, "")
                for i, (start, width, label) in enumerate(spans)]

    a, b = made(a_spans, "a"), made(b_spans, "b")
    edges = {i: [j for j, y in enumerate(b) if y.label == x.label and y.start < x.end and x.start < y.end]
             for i, x in enumerate(a)}
    partner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    assert overlap_matches(a, b) == sum(1 for i in edges if augment(i, set()))
