"""Precision and recall of the PLACE and ACTOR suggestions on annotated reports, with built-in resources alone.

Run: ``python benchmarks/places_actors.py [--corpus benchmarks/corpora/dev_places_actors.txt] [--misses]``.
The corpus is markup (benchmarks/markup.py) or JSONL records with spans. A
suggestion is right when its label, start and end are a marked span's (exact);
"overlap" counts one that overlaps a marked span of its label. The default corpus is the
development set the gazetteer and qualifiers were tuned on: figures on it flatter;
held-out reports give the honest ones. Writes the markup's JSONL beside it with ``--jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from markup import Report, read_reports, write_jsonl  # noqa: E402

from annotator.suggest.gazetteer import built_in_paths, load_gazetteer  # noqa: E402

LABELS = ("PLACE", "ACTOR")


def load(path: Path) -> list[Report]:
    if path.suffix == ".jsonl":
        reports = []
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            spans = [(s["label"], s["start"], s["end"]) for s in record.get("spans", [])]
            reports.append(Report(record["id"], record["text"], spans, record.get("meta", {})))
        return reports
    return read_reports(path)


def score(
    reports: list[Report], show_misses: bool = False, gazetteer_file: Path | None = None
) -> dict[str, tuple[float, float, float]]:
    """Per label: (precision, recall, overlap recall), with the built-in gazetteer or one file."""
    gazetteer = load_gazetteer(gazetteer_file or built_in_paths(HERE.parent / "resources"))
    matcher = gazetteer.matcher()
    out = {}
    for label in LABELS:
        right = found = wanted = overlapping = 0
        for report in reports:
            gold = {(s, e) for lab, s, e in report.spans if lab == label}
            got = {(s.start, s.end) for s in gazetteer.suggest(report.text, {label}, matcher)}
            right += len(gold & got)
            found += len(got)
            wanted += len(gold)
            overlapping += sum(any(s < ge and gs < e for s, e in got) for gs, ge in gold)
            if show_misses:
                for s, e in sorted(gold - got):
                    print(f"  miss  {report.key} {label} {report.text[s:e]}")
                for s, e in sorted(got - gold):
                    print(f"  wrong {report.key} {label} {report.text[s:e]}")
        out[label] = (right / found if found else 0.0, right / wanted if wanted else 0.0, overlapping / wanted if wanted else 0.0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpora" / "dev_places_actors.txt")
    parser.add_argument("--misses", action="store_true", help="list every missed and wrong span")
    parser.add_argument("--jsonl", action="store_true", help="write the markup's JSONL records beside it")
    parser.add_argument(
        "--gazetteer", type=Path, help="one gazetteer file instead of the built-in ones (resources/gazetteer.toml: before)"
    )
    options = parser.parse_args()
    reports = load(options.corpus)
    if options.jsonl and options.corpus.suffix != ".jsonl":
        write_jsonl(reports, options.corpus.with_suffix(".jsonl"))
    print(f"{len(reports)} reports, {sum(len(r.spans) for r in reports)} marked spans ({options.corpus.name})")
    for label, (precision, recall, overlap) in score(reports, options.misses, options.gazetteer).items():
        print(f"{label:<6} precision {precision:.2f}  recall {recall:.2f}  (overlap recall {overlap:.2f})")


if __name__ == "__main__":
    main()
