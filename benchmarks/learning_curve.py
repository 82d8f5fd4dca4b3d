"""The recommender's learning curve: precision and recall on held-back reports after 10 to 100 finished ones.

Run: ``python benchmarks/learning_curve.py [--sizes 10 25 50 100] [--test 60] [--seed 18]``.

For each size, a fresh project gets that many annotated reports of the learning
corpus (benchmarks/learning_corpus.py: local villages and armed groups the
gazetteer does not list, many shared between reports) marked done, trains the
recommender on them as the window does after each "done", then suggests on held-back
reports of the same area (sharing some local names, and with sentences of their own half
of the time). Printed per label: the suggestions without the model
(gazetteer and the project's memory of tagged names) and with it. A suggestion is
right when label, start and end equal a marked span's. Nothing is written outside
a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from learning_corpus import reports  # noqa: E402
from markup import Report  # noqa: E402

from annotator.models import Origin, Status  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from annotator.suggest import Suggesters, suggest_documents  # noqa: E402
from annotator.suggest.gazetteer import built_in_paths, load_gazetteer  # noqa: E402
from annotator.suggest.recommender import train_project  # noqa: E402

LABELS = ("PLACE", "ACTOR")


def add(project: Project, report: Report, *, done: bool) -> int:
    doc, _, _ = project.add_document(report.text, key=report.key)
    if done:
        for label, start, end in report.spans:
            if label in LABELS:
                project.add_annotation(doc.id, label, start, end, text=report.text)
        project.set_status(doc.id, Status.DONE)
    return doc.id


def scores(project: Project, test: dict[int, Report]) -> dict[str, tuple[float, float]]:
    """Per label: precision, recall of the pending suggestions against the marked spans."""
    out = {}
    for label in LABELS:
        right = found = wanted = 0
        for doc_id, report in test.items():
            gold = {(s, e) for lab, s, e in report.spans if lab == label}
            got = {
                (a.start, a.end)
                for a in project.annotations(doc_id, coder=project.coder)
                if a.label == label and a.origin == Origin.SUGGESTED
            }
            right, found, wanted = right + len(gold & got), found + len(got), wanted + len(gold)
        out[label] = (right / found if found else 0.0, right / wanted if wanted else 0.0)
    return out


def run(size: int, train_reports: list[Report], test_reports: list[Report], folder: Path) -> tuple[dict, dict, float]:
    gazetteer = load_gazetteer(built_in_paths(HERE.parent / "resources"))
    results = []
    seconds = 0.0
    for learned in (False, True):
        with Project.create(folder / f"n{size}-{learned}.db", coder="amal") as project:
            with project.transaction():
                for report in train_reports[:size]:
                    add(project, report, done=True)
                test = {add(project, r, done=False): r for r in test_reports}
            if learned and size:
                started = time.perf_counter()
                train_project(project, gazetteer)
                seconds = time.perf_counter() - started
            suggesters = Suggesters.for_project(project, gazetteer, use_recommender=learned)
            suggest_documents(project, list(test), suggesters)
            results.append(scores(project, test))
    return results[0], results[1], seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50, 100])
    parser.add_argument("--test", type=int, default=60, help="held-back reports")
    parser.add_argument("--seed", type=int, default=18)
    options = parser.parse_args()
    train_reports = reports(max(options.sizes), options.seed)
    test_reports = reports(options.test, options.seed, held_back=True)
    spans = sum(len(r.spans) for r in test_reports)
    print(f"held back: {len(test_reports)} reports, {spans} marked spans; exact matches")
    print(f"{'trained on':>10}  {'label':<6} {'without model P / R':>20} {'with model P / R':>18}  training")
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            without, learned, seconds = run(size, train_reports, test_reports, Path(folder))
            for label in LABELS:
                (p0, r0), (p1, r1) = without[label], learned[label]
                print(f"{size:>10}  {label:<6} {p0:>11.2f} / {r0:.2f} {p1:>11.2f} / {r1:.2f}  {seconds:6.1f} s")


if __name__ == "__main__":
    main()
