"""Benchmark pieces for the lead's work: five coder files, merge, agreement, auto-adjudication.

Used by :mod:`scale`; each function returns seconds (medians are taken there).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from annotator.importing.run import import_sources
from annotator.lead.adjudication import auto_adjudicate
from annotator.lead.agreement import agreement
from annotator.lead.agreement_statistics import cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal
from annotator.lead.merge import merge_projects
from annotator.store.project import Project

CODERS = ("amal", "omar", "huda", "sami", "lina")


def make_coder_files(corpus: Path, folder: Path, seed: int = 5) -> list[Path]:
    """Five coders who imported the same pre-annotated corpus, each then deleting or relabelling
    a tenth of the spans, and marking every document done."""
    rng = random.Random(seed)
    paths = []
    for coder in CODERS:
        path = folder / f"{coder}.db"
        with Project.create(path, coder=coder) as project:
            import_sources(project, [corpus])
            with project.transaction():
                for annotation in project.annotations():
                    roll = rng.random()
                    if roll < 0.05:
                        project.delete_annotation(annotation.id)
                    elif roll < 0.10 and annotation.label != "CASUALTY":
                        project.update_annotation(annotation.id, label="PLACE" if annotation.label == "ACTOR" else "ACTOR")
                for doc_id in project.document_ids():
                    project.set_status(doc_id, "done")
        paths.append(path)
    return paths


def merge_seconds(sources: list[Path], out: Path) -> float:
    for leftover in (out, Path(f"{out}-wal"), Path(f"{out}-shm"), Path(f"{out}.lock")):
        leftover.unlink(missing_ok=True)
    start = time.perf_counter()
    merge_projects(out, sources)
    return time.perf_counter() - start


def agreement_seconds(merged: Path) -> tuple[float, dict]:
    with Project.open(merged, readonly=True) as project:
        start = time.perf_counter()
        report = agreement(project)
        return time.perf_counter() - start, report.to_json()


def auto_adjudication_seconds(merged: Path) -> float:
    with Project.open(merged) as project:
        start = time.perf_counter()
        auto_adjudicate(project)
        return time.perf_counter() - start


def statistics_against_references(tokens: int = 200_000, raters: int = 5, seed: int = 9) -> dict[str, dict[str, float]]:
    """Our kappa/alpha functions against scikit-learn, statsmodels and krippendorff on the same labels."""
    rng = random.Random(seed)
    labels = ["O"] * 8 + ["ACTOR", "PLACE", "CASUALTY"]
    truth = [rng.choice(labels) for _ in range(tokens)]
    ratings = [[t if rng.random() < 0.9 else rng.choice(labels) for t in truth] for _ in range(raters)]
    items = list(zip(*ratings, strict=True))
    out: dict[str, dict[str, float]] = {}

    def timed(action) -> float:  # noqa: ANN001
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    out["cohen_kappa"] = {"ours": timed(lambda: cohen_kappa(ratings[0], ratings[1]))}
    out["fleiss_kappa"] = {"ours": timed(lambda: fleiss_kappa(items))}
    out["krippendorff_alpha"] = {"ours": timed(lambda: krippendorff_alpha_nominal(items))}
    try:
        import krippendorff
        import numpy as np
        from sklearn.metrics import cohen_kappa_score
        from statsmodels.stats.inter_rater import aggregate_raters
        from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss
    except ImportError:
        return out  # the reference libraries come with the test extra
    codes = {label: number for number, label in enumerate(labels)}
    matrix = np.array([[codes[v] for v in rater] for rater in ratings], dtype=float)
    out["cohen_kappa"]["scikit_learn"] = timed(lambda: cohen_kappa_score(ratings[0], ratings[1]))
    out["fleiss_kappa"]["statsmodels"] = timed(lambda: sm_fleiss(aggregate_raters(matrix.T.astype(int))[0]))
    out["krippendorff_alpha"]["krippendorff"] = timed(
        lambda: krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    )
    return out
