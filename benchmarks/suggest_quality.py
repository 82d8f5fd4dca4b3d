"""How good the built-in suggestions are: precision and recall per label on an annotated corpus.

Run from the checkout: ``PYTHONPATH=. python benchmarks/suggest_quality.py [--split held_out|tuning|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|all]
[--corpus FILE] [--misses]`` (without ``PYTHONPATH=.`` Python imports the installed
``annotator``, which under an editable install of another checkout is not this code).
The corpus is JSONL in our record format with gold spans; the default,
``benchmarks/corpora/regional_reports.jsonl``, marks each report's ``meta.split``:
tune rules on ``tuning`` and quote figures from ``held_out``. Each report goes
into a fresh temporary project (no memory, the built-in gazetteer and codebook)
and through :func:`suggest_document`, as in the window.

Printed per label: gold and suggested counts, precision and recall with exact
offsets, and with overlap (a suggestion touching a gold span of its label). For
CASUALTY, on exact matches: how often status, value, qualifier, victims and
scope agree with gold; then every CASUALTY suggestion touching no gold figure
(a trap suggested) with its context.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.store.project import Project
from annotator.suggest import Suggesters, load_gazetteer, suggest_document
from annotator.suggest.gazetteer import built_in_paths

DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpora" / "regional_reports.jsonl"
# this checkout's gazetteer, not the one an editable install elsewhere would resolve to
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
LABELS = ("ACTOR", "PLACE", "CASUALTY")
CASUALTY_ATTRS = ("status", "value", "qualifier", "victims", "scope")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def overlaps(self, other: Span) -> bool:
        return self.label == other.label and self.start < other.end and other.start < self.end


@dataclass
class Tally:
    gold: int = 0
    suggested: int = 0
    exact: int = 0
    gold_overlapped: int = 0
    suggested_overlapping: int = 0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {label: Tally() for label in LABELS})
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CASUALTY_ATTRS, 0))
    traps: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    names_missed: list[str] = field(default_factory=list)
    names_wrong: list[str] = field(default_factory=list)
    documents: int = 0


def load(path: Path, split: str) -> list[dict[str, Any]]:
    """The corpus records of ``split`` (all for ``all``); a clear message and exit on a bad file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the corpus ({exc})") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{path}, line {number}: not JSON ({exc})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "spans" not in record:
            raise SystemExit(f"{path}, line {number}: not a record with text and spans")
        if split == "all" or record.get("meta", {}).get("split") == split:
            records.append(record)
    if not records:
        raise SystemExit(f"{path}: no report has split {split!r}")
    return records


def context(text: str, start: int, end: int) -> str:
    return f"…{text[max(0, start - 30) : start]}⟦{text[start:end]}⟧{text[end : end + 30]}…".replace("\n", " ")


def evaluate(records: list[dict[str, Any]]) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "q.db", coder="bench") as project:
        suggesters = Suggesters.for_project(project, load_gazetteer(built_in_paths(RESOURCES)))
        for record in records:
            text = record["text"]
            doc_id = project.add_document(text, key=str(record.get("id")))[0].id
            found = [Span(a.start, a.end, a.label, a.attrs) for a in suggest_document(project, doc_id, suggesters)]
            gold = [Span(s["start"], s["end"], s["label"], s.get("attrs", {})) for s in record["spans"]]
            score(report, text, [s for s in found if s.label in LABELS], [g for g in gold if g.label in LABELS])
            report.documents += 1
    return report


def score(report: Report, text: str, found: list[Span], gold: list[Span]) -> None:
    by_offsets = {(g.start, g.end, g.label): g for g in gold}
    for g in gold:
        tally = report.tallies[g.label]
        tally.gold += 1
        if any(s.overlaps(g) for s in found):
            tally.gold_overlapped += 1
        elif g.label == "CASUALTY":
            report.misses.append(f"{context(text, g.start, g.end)} {g.attrs.get('status')}")
        if g.label != "CASUALTY" and not any((s.start, s.end, s.label) == (g.start, g.end, g.label) for s in found):
            report.names_missed.append(f"{g.label} {context(text, g.start, g.end)}")
    for s in found:
        tally = report.tallies[s.label]
        tally.suggested += 1
        match = by_offsets.get((s.start, s.end, s.label))
        tally.exact += match is not None
        touching = any(s.overlaps(g) for g in gold)
        tally.suggested_overlapping += touching
        if s.label != "CASUALTY":
            if match is None:
                report.names_wrong.append(f"{s.label} {context(text, s.start, s.end)}")
            continue
        if not touching:
            report.traps.append(f"{context(text, s.start, s.end)} {s.attrs.get('status')}")
        if match is not None:
            for name in CASUALTY_ATTRS:
                same = s.attrs.get(name) == match.attrs.get(name)
                report.agree[name] += same
                if not same and name in ("status", "value"):
                    report.wrong.append(
                        f"{context(text, s.start, s.end)} {name}: {s.attrs.get(name)} (gold {match.attrs.get(name)})"
                    )


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:5.2f}" if whole else "  n/a"


def show(report: Report, split: str, *, misses: bool) -> None:
    print(f"{report.documents} reports (split: {split})")
    print(f"{'label':<9} {'gold':>5} {'sugg':>5}   {'P exact':>7} {'R exact':>7}   {'P overlap':>9} {'R overlap':>9}")
    for label, t in report.tallies.items():
        print(
            f"{label:<9} {t.gold:>5} {t.suggested:>5}   {ratio(t.exact, t.suggested):>7} {ratio(t.exact, t.gold):>7}"
            f"   {ratio(t.suggested_overlapping, t.suggested):>9} {ratio(t.gold_overlapped, t.gold):>9}"
        )
    exact = report.tallies["CASUALTY"].exact
    agree = ", ".join(f"{name} {ratio(n, exact).strip()}" for name, n in report.agree.items())
    print(f"CASUALTY attributes right on {exact} exact matches: {agree}")
    listed = [("CASUALTY traps suggested (touching no gold figure)", report.traps)]
    if misses:
        listed += [
            ("CASUALTY gold figures no suggestion touches", report.misses),
            ("CASUALTY status or value wrong", report.wrong),
            ("ACTOR and PLACE gold spans no suggestion matches exactly", report.names_missed),
            ("ACTOR and PLACE suggestions matching no gold span exactly", report.names_wrong),
        ]
    for title, lines in listed:
        print(f"{title}: {len(lines)}")
        for line in lines:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="held_out", help="held_out (default), tuning, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7 or all")
    parser.add_argument("--misses", action="store_true", help="list missed figures, wrong status or value, and inexact actors and places")
    options = parser.parse_args(argv)
    report = evaluate(load(options.corpus, options.split))
    show(report, options.split, misses=options.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
