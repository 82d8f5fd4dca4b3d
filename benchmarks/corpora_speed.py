"""Import and JSONL export on three corpora, against sqlite-utils, like for like, in one run.

    python benchmarks/corpora_speed.py                          # 2,000 documents of each, 5 runs
    python benchmarks/corpora_speed.py --documents 10000 --repeat 3

The corpora: ``corpus.py``'s articles (about 2,000 characters, 10 to 50 spans), and
``wire_corpora.py``'s reports (assembled from reworded sentences sharing wire boilerplate)
and daily bulletins (one template). For each, in turns: our import against
``sqlite-utils insert`` + ``enable-fts`` (the same records and a search index), and our
JSONL export against ``sqlite-utils rows`` of the same records. Medians and ratios
(ours / baseline: below 1.0 is faster).

Each import runs in an interpreter of its own, as ``python -m annotator import`` and the
``sqlite-utils`` command do, and is timed there from the call to its end (the interpreter's
start and its imports are printed apart, as "whole process", and so is the CPU time of the
import and of its worker processes, which the load of a shared machine moves less than the
wall-clock time). Run in this process, ours would
not be the import users run: importing sqlite-utils here starts threads (pandas, numpy), and
an import in a process with threads starts its workers from a fork server, as the window's
does, instead of forking them. The children import the checkout this script is in.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# This checkout's annotator (not whichever an editable install points at), and the benchmarks.
sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).parent)]
from corpus import write_corpus  # noqa: E402
from scale import (  # noqa: E402
    export_ours,
    export_sqlite_utils,
    import_sqlite_utils,
    interleaved_medians,
)
from wire_corpora import write_wire_corpus  # noqa: E402


def clear(*paths: Path) -> Callable[[], None]:
    def run() -> None:
        for path in paths:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
                leftover.unlink(missing_ok=True)
    return run


ROOT = Path(__file__).resolve().parent.parent

# One import in a fresh interpreter: prints the seconds of the import itself.
IMPORT_SCRIPT = """
import sys, time
from pathlib import Path
which, corpus, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if which == "ours":
    from annotator.importing.run import import_sources
    from annotator.store.project import Project

    def run():
        with Project.create(target, coder="bench") as project:
            import_sources(project, [corpus])
else:
    sys.path.insert(0, sys.argv[4])
    from scale import import_sqlite_utils_fts as baseline

    def run():
        baseline(corpus, target)
import resource
start, cpu = time.perf_counter(), time.process_time()
run()
wall, own = time.perf_counter() - start, time.process_time() - cpu
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, own + workers.ru_utime + workers.ru_stime)
"""


def import_in_child(which: str, corpus: Path, target: Path) -> tuple[float, float, float]:
    """Seconds of the import inside a fresh interpreter, its CPU seconds (worker processes
    included), and the seconds of the whole process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT, which, str(corpus), str(target), str(Path(__file__).parent)],
        capture_output=True, text=True, env=env, check=True,
    )
    wall, cpu = (float(figure) for figure in done.stdout.split()[-2:])
    return wall, cpu, time.perf_counter() - start


def import_medians(corpus: Path, folder: Path, repeat: int) -> dict[str, float]:
    """Ours and the baseline in turns, each in its own interpreter: medians of the import
    alone, of its CPU time and of the whole process."""
    runs = {"import": ("ours", folder / "ours.db"),
            "sqlite-utils insert + enable-fts": ("sqlite-utils", folder / "utils_fts.db")}
    samples: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, (which, target) in runs.items():
            clear(target)()
            inner, cpu, whole = import_in_child(which, corpus, target)
            samples.setdefault(name, []).append(inner)
            samples.setdefault(f"{name}, CPU", []).append(cpu)
            samples.setdefault(f"{name}, whole process", []).append(whole)
    clear(folder / "utils_fts.db")()
    return {name: statistics.median(values) for name, values in samples.items()}


def measure(corpus: Path, folder: Path, repeat: int) -> dict[str, float]:
    ours, utils = folder / "ours.db", folder / "utils.db"
    figures = import_medians(corpus, folder, repeat)
    clear(utils)()
    import_sqlite_utils(corpus, utils)
    out = folder / "out.jsonl"
    figures.update(interleaved_medians({
        "export jsonl": (lambda: export_ours(ours, out), None),
        "sqlite-utils rows": (lambda: export_sqlite_utils(utils, out), None),
    }, repeat))
    clear(ours, utils)()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpora", default="articles,reports,bulletins")
    args = parser.parse_args()
    print(f"{args.documents:,} documents each, medians of {args.repeat} interleaved runs (seconds)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in args.corpora.split(","):
            corpus = folder / f"{kind}.jsonl"
            if kind == "articles":
                write_corpus(corpus, args.documents)
            else:
                write_wire_corpus(kind, corpus, args.documents)
            f = measure(corpus, folder, args.repeat)
            base_import, base_export = f["sqlite-utils insert + enable-fts"], f["sqlite-utils rows"]
            whole, base_whole = f["import, whole process"], f["sqlite-utils insert + enable-fts, whole process"]
            base_cpu = f["sqlite-utils insert + enable-fts, CPU"]
            print(f"  {kind:<10} import {f['import']:7.3f}  insert+fts {base_import:7.3f}  "
                  f"x{f['import'] / base_import:.2f}   |  export {f['export jsonl']:7.3f}  rows {base_export:7.3f}  "
                  f"x{f['export jsonl'] / base_export:.2f}   |  whole process {whole:7.3f} {base_whole:7.3f} "
                  f"x{whole / base_whole:.2f}   |  CPU {f['import, CPU']:7.3f} {base_cpu:7.3f} "
                  f"x{f['import, CPU'] / base_cpu:.2f}", flush=True)


if __name__ == "__main__":
    main()
