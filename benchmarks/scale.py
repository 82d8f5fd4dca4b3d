"""Speed at scale: bulk work against sqlite-utils and bare sqlite3, measured in the same run.

    python benchmarks/scale.py                       # 1k and 10k documents
    python benchmarks/scale.py --sizes 1000,10000,100000 --json results.json
    python benchmarks/scale.py --sizes 200 --repeat 1  # the smoke run CI makes

Every figure is a median over ``--repeat`` runs, printed next to its baselines
and as a ratio (ours / baseline: below 1.0 is faster than the baseline).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).parent))
from corpus import read_corpus, write_corpus  # noqa: E402
from lead_steps import (  # noqa: E402
    agreement_seconds,
    auto_adjudication_seconds,
    make_coder_files,
    merge_seconds,
    statistics_against_references,
)

from annotator.export import FORMATS, SUFFIXES, ExportOptions, export  # noqa: E402
from annotator.importing.run import import_sources  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from annotator.suggest.run import Suggesters, suggest_documents  # noqa: E402


def median_seconds(action: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None) -> float:
    samples = []
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def interleaved_medians(runs: dict[str, tuple[Callable[[], object], Callable[[], object] | None]],
                        repeat: int) -> dict[str, float]:
    """Median seconds of each action, taking turns: on a shared machine the speed drifts by half
    within minutes, and a baseline measured ten minutes later would compare two machines."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (action, setup) in runs.items():
            if setup:
                setup()
            start = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


# --- import ------------------------------------------------------------------------------


def import_ours(corpus: Path, target: Path) -> None:
    with Project.create(target, coder="bench") as project:
        import_sources(project, [corpus])


def import_sqlite_utils(corpus: Path, target: Path) -> None:
    """What ``sqlite-utils insert`` does with the file: parse each line, insert the rows."""
    records = read_corpus(corpus)
    db = sqlite_utils.Database(target)
    db["documents"].insert_all(
        ({"id": r["id"], "text": r["text"], "title": r["meta"]["title"], "source": r["meta"]["source"]} for r in records),
        pk="id",
    )
    db["annotations"].insert_all(
        {"doc": r["id"], "label": s["label"], "start": s["start"], "end": s["end"], "text": s["text"],
         "attrs": json.dumps(s["attrs"], ensure_ascii=False)}
        for r in records for s in r["spans"]
    )
    db.close()


def import_sqlite_utils_fts(corpus: Path, target: Path) -> None:
    """``sqlite-utils insert`` and then ``sqlite-utils enable-fts`` on the text: the same records
    with a search index, which sqlite-utils builds with FTS5 finding the words itself."""
    import_sqlite_utils(corpus, target)
    db = sqlite_utils.Database(target)
    db["documents"].enable_fts(["title", "text"], fts_version="FTS5")
    db.close()


def import_sqlite3_floor(corpus: Path, target: Path) -> None:
    """The least any import can do: parse each line, two ``executemany`` in one transaction."""
    records = read_corpus(corpus)
    conn = sqlite3.connect(target)
    conn.executescript(
        "CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT, title TEXT, source TEXT);"
        'CREATE TABLE annotations (doc TEXT, label TEXT, "start" INT, "end" INT, text TEXT, attrs TEXT);'
    )
    with conn:
        conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)",
                         [(r["id"], r["text"], r["meta"]["title"], r["meta"]["source"]) for r in records])
        conn.executemany("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?)",
                         [(r["id"], s["label"], s["start"], s["end"], s["text"], json.dumps(s["attrs"], ensure_ascii=False))
                          for r in records for s in r["spans"]])
    conn.close()


# --- export -------------------------------------------------------------------------------


def export_ours(project_path: Path, out: Path, fmt: str = "jsonl") -> None:
    with Project.open(project_path, readonly=True) as project:
        export(project, ExportOptions(format=fmt), out)


def export_sqlite_utils(db_path: Path, out: Path) -> None:
    db = sqlite_utils.Database(db_path)
    with open(out, "w", encoding="utf-8") as handle:
        for row in db["documents"].rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for row in db["annotations"].rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    db.close()


def export_select_floor(db_path: Path, out: Path) -> None:
    conn = sqlite3.connect(db_path)
    with open(out, "w", encoding="utf-8") as handle:
        for row in conn.execute("SELECT * FROM documents"):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for row in conn.execute("SELECT * FROM annotations"):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    conn.close()


# --- opening a large project ------------------------------------------------------------------

# Peak memory from /proc (VmHWM): ru_maxrss would carry over the parent's peak through fork and exec.
OPEN_SCRIPT = """
import sys, time
start = time.perf_counter()
from annotator.store.project import Project
project = Project.open(sys.argv[1], readonly=True)
page = project.documents(limit=200)
document = project.document(page[0].id)
spans = project.annotations(document.id)
elapsed = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(elapsed, peak / 1024)
"""


# Peak memory of an import and of a JSONL export, each in an interpreter of its own. For the
# import, the largest worker's peak times the number of workers is given beside the writer's.
PEAK_SCRIPT = """
import os, sys, resource
from pathlib import Path
from annotator.store.project import Project
if sys.argv[1] == "import":
    from annotator.importing.run import import_sources
    with Project.create(sys.argv[3], coder="bench") as project:
        import_sources(project, [sys.argv[2]])
else:
    from annotator.export import ExportOptions, export
    with Project.open(sys.argv[2], readonly=True) as project:
        export(project, ExportOptions(format="jsonl"), Path(sys.argv[3]))
own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker, in kB
from annotator.importing.workers import _worker_count
workers = children * _worker_count() if sys.argv[1] == "import" else 0
print(own / 1024, workers / 1024)
"""


def peak_megabytes(action: str, source: Path, target: Path) -> dict[str, float]:
    output = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, action, str(source), str(target)],
                            capture_output=True, text=True, check=True).stdout.split()
    return {"writer_mb": round(float(output[0]), 1), "workers_mb": round(float(output[1]), 1)}


def open_first_document(project_path: Path) -> tuple[float, float]:
    """Seconds from a cold interpreter to the first document's text and spans, and peak MB."""
    output = subprocess.run([sys.executable, "-c", OPEN_SCRIPT, str(project_path)], capture_output=True, text=True,
                            check=True).stdout.split()
    return float(output[0]), float(output[1])


# --- the run -------------------------------------------------------------------------------------


def export_every_format(project_path: Path, folder: Path, repeat: int, formats: tuple[str, ...]) -> dict[str, float]:
    """Seconds per format, every document (--status all), the spaCy format only when spaCy is there."""
    out: dict[str, float] = {}
    for fmt in formats:
        if fmt == "template":
            continue
        if fmt == "spacy":
            try:
                import spacy  # noqa: F401
            except ImportError:
                continue
        target = folder / f"export-{fmt}{SUFFIXES.get(fmt, '')}"  # a file format by its suffix

        def run(fmt: str = fmt, target: Path = target) -> None:
            with Project.open(project_path, readonly=True) as project:
                export(project, ExportOptions(format=fmt, status="all"), target)

        out[fmt] = round(median_seconds(run, repeat), 3)
    return out


def suggest_all(project_path: Path, folder: Path) -> None:
    copy = folder / "suggest.db"
    for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm"), Path(f"{copy}.lock")):
        leftover.unlink(missing_ok=True)
    with Project.open(project_path, readonly=True) as project:
        project.save_copy(copy)
    with Project.open(copy) as project:
        suggest_documents(project, suggesters=Suggesters.for_project(project))


def window_figures() -> dict:
    """The window's document switch and redraw (benchmarks/window_speed.py, offscreen)."""
    script = Path(__file__).parent / "window_speed.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), "--json", "--repeat", "40"], capture_output=True, text=True,
                          env=env, check=True)
    return json.loads(done.stdout)


def measure(size: int, repeat: int, folder: Path, lead: bool = True, formats_repeat: int = 1) -> dict:
    corpus = write_corpus(folder / f"corpus{size}.jsonl", size)
    with open(corpus, encoding="utf-8") as handle:
        spans = sum(len(json.loads(line)["spans"]) for line in handle)
    ours_db, utils_db, floor_db = folder / f"ours{size}.db", folder / f"utils{size}.db", folder / f"floor{size}.db"
    utils_fts_db = folder / f"utils_fts{size}.db"

    def clear(*paths: Path) -> Callable[[], None]:
        def run() -> None:
            for path in paths:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
                    leftover.unlink(missing_ok=True)
        return run

    result: dict = {"documents": size, "spans": spans}
    result["import_s"] = interleaved_medians({
        "ours": (lambda: import_ours(corpus, ours_db), clear(ours_db)),
        "sqlite_utils": (lambda: import_sqlite_utils(corpus, utils_db), clear(utils_db)),
        "sqlite_utils_fts": (lambda: import_sqlite_utils_fts(corpus, utils_fts_db), clear(utils_fts_db)),
        "sqlite3_floor": (lambda: import_sqlite3_floor(corpus, floor_db), clear(floor_db)),
    }, repeat)
    clear(utils_fts_db)()
    out = folder / "out.jsonl"
    result["export_jsonl_s"] = interleaved_medians({
        "ours": (lambda: export_ours(ours_db, out), None),
        "sqlite_utils": (lambda: export_sqlite_utils(utils_db, out), None),
        "select_floor": (lambda: export_select_floor(floor_db, out), None),
    }, repeat)
    # At 100k documents every format would take most of an hour: jsonl and conll show the scaling.
    formats = FORMATS if size <= 10_000 else ("jsonl", "conll")
    result["export_formats_s"] = export_every_format(ours_db, folder, formats_repeat, formats)
    peak_db = folder / f"peak{size}.db"
    clear(peak_db)()
    result["peak_memory"] = {
        "import": peak_megabytes("import", corpus, peak_db),
        "export_jsonl": peak_megabytes("export", ours_db, folder / "peak.jsonl"),
    }
    clear(peak_db)()
    seconds, megabytes = open_first_document(ours_db)
    result["open_first_document"] = {"seconds": round(seconds, 3), "peak_mb": round(megabytes, 1)}
    if size <= 10_000:
        result["suggest_s"] = round(median_seconds(lambda: suggest_all(ours_db, folder), 1), 3)
    if lead:
        coder_corpus = write_corpus(folder / f"coders{size}.jsonl", max(size // 10, 50), seed=3)
        coders_folder = folder / f"coders{size}"
        coders_folder.mkdir()
        sources = make_coder_files(coder_corpus, coders_folder)
        merged = coders_folder / "merged.db"
        result["lead"] = {"documents": max(size // 10, 50), "coders": len(sources)}
        result["lead"]["merge_5_coders_s"] = round(merge_seconds(sources, merged), 3)
        agreement_s, _ = agreement_seconds(merged)
        result["lead"]["agreement_s"] = round(agreement_s, 3)
        result["lead"]["auto_adjudication_s"] = round(auto_adjudication_seconds(merged), 3)
    for key in ("import_s", "export_jsonl_s"):
        figures = result[key]
        baselines = [name for name in figures if name != "ours"]
        for name in baselines:
            figures[f"ratio_to_{name}"] = round(figures["ours"] / figures[name], 2)
        figures.update({k: round(v, 3) for k, v in figures.items() if not k.startswith("ratio")})
    result["import_docs_per_s"] = round(size / result["import_s"]["ours"])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats-repeat", type=int, default=1,
                        help="runs of each export format (they have no baseline; at 10k they take minutes)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--no-window", action="store_true", help="leave out the window figures")
    args = parser.parse_args()
    results: dict = {"sizes": []}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            results["sizes"].append(
                measure(size, args.repeat, Path(tmp), lead=size <= 10_000, formats_repeat=args.formats_repeat)
            )
            print_table(results["sizes"][-1])
    results["statistics_s"] = statistics_against_references()
    print_statistics(results["statistics_s"])
    if not args.no_window:
        results["window"] = window_figures()
        print_window(results["window"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


def print_table(result: dict) -> None:
    print(f"\n{result['documents']:,} documents, {result['spans']:,} spans (medians, seconds)")
    for key, title in (("import_s", "import"), ("export_jsonl_s", "export jsonl")):
        figures = result[key]
        ratios = "  ".join(f"{k.removeprefix('ratio_to_')} x{v}" for k, v in figures.items() if k.startswith("ratio"))
        plain = "  ".join(f"{k} {v}" for k, v in figures.items() if not k.startswith("ratio"))
        print(f"  {title:<14} {plain}   ours/baseline: {ratios}")
    opened = result["open_first_document"]
    print(f"  open to first document: {opened['seconds']} s, peak {opened['peak_mb']} MB (cold interpreter)")
    print(f"  import throughput: {result['import_docs_per_s']:,} documents/s")
    peaks = result["peak_memory"]
    print(f"  peak memory: import {peaks['import']['writer_mb']} MB (+ workers {peaks['import']['workers_mb']} MB), "
          f"export jsonl {peaks['export_jsonl']['writer_mb']} MB")
    formats = "  ".join(f"{k} {v}" for k, v in result["export_formats_s"].items())
    print(f"  export every format (s): {formats}")
    if "suggest_s" in result:
        print(f"  suggest every document: {result['suggest_s']} s")
    if "lead" in result:
        lead = result["lead"]
        print(f"  lead, {lead['coders']} coder files of {lead['documents']} documents: merge {lead['merge_5_coders_s']} s, "
              f"agreement {lead['agreement_s']} s, auto-adjudication {lead['auto_adjudication_s']} s")


def print_statistics(figures: dict) -> None:
    print("\nstatistics on 200,000 tokens x 5 raters (seconds; ours next to the reference library)")
    for name, timings in figures.items():
        print("  " + name + ": " + "  ".join(f"{k} {v:.4f}" for k, v in timings.items()))


def print_window(figures: dict) -> None:
    print("\nwindow, offscreen (ms): median / p95")
    for name, result in figures.items():
        for what in ("switch_and_highlight", "baseline_plain_text_edit", "redraw_after_edit"):
            print(f"  {name:<8} {what:<26} {result[what]['median_ms']:>7} / {result[what]['p95_ms']}")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
