"""Where an import's time goes: preparing the records, and writing them, each alone.

    python benchmarks/import_parts.py                 # 1,000 articles, 5 interleaved runs
    python benchmarks/import_parts.py --documents 10000 --repeat 3
    python benchmarks/import_parts.py --corpus reports   # or bulletins (wire_corpora.py)

The import does two kinds of work (see ``annotator/importing/workers.py``): preparing each
record (JSON, normalising, search terms, sketch, span checks: Python, in worker
processes) and writing it (SQLite, in this process). This measures each alone next to
the whole import and the baselines, in the same run:

- prepare alone: every record prepared in this process, nothing written;
- write alone: the prepared documents written to a new project (the writer's least);
- import: ``import_sources`` as the command line runs it (workers and writer at once);
- ``sqlite-utils insert``; the same and ``enable-fts``; bare ``executemany`` (the floor).

Every figure is a median of interleaved runs; CPU seconds of the import's processes are
printed too, since on two cores the import's wall time is bounded by half their sum.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402
from scale import (  # noqa: E402
    import_ours,
    import_sqlite3_floor,
    import_sqlite_utils,
    import_sqlite_utils_fts,
    interleaved_medians,
)
from wire_corpora import write_wire_corpus  # noqa: E402

from annotator.codebook_reading import default_codebook  # noqa: E402
from annotator.importing.prepare import PreparedDocument  # noqa: E402
from annotator.importing.readers import CsvColumns, plan_files  # noqa: E402
from annotator.importing.workers import prepared_events  # noqa: E402
from annotator.store.project import Project  # noqa: E402


def prepare_all(corpus: Path) -> list[PreparedDocument]:
    """Every record of ``corpus`` prepared in this process, as an import without workers does."""
    events = prepared_events(plan_files([corpus], None), [], CsvColumns(), default_codebook(), "bench")
    return [value for kind, value in events if kind == "doc"]


def write_all(prepared: list[PreparedDocument], target: Path) -> None:
    """The writer's part of an import: documents, search index, sketches, spans and their history."""
    with Project.create(target, coder="bench") as project, project.transaction(), project.adding_many():
        for item in prepared:
            record = item.record
            core = {name: str(record.meta[name]) for name in ("title", "source") if name in record.meta}
            doc, added, _ = project.add_document(record.text, key=record.key, digested=item.digested, **core)
            if added:
                project.insert_span_rows(doc.id, item.rows, given_ids=item.given_ids)


def cpu_of_import(corpus: Path, target: Path) -> tuple[float, float, float]:
    """Wall seconds, this process's CPU seconds and the workers' CPU seconds of one import."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    import_ours(corpus, target)
    wall, own = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return wall, own, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", choices=("articles", "reports", "bulletins"), default="articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        if args.corpus == "articles":
            write_corpus(corpus, args.documents)
        else:
            write_wire_corpus(args.corpus, corpus, args.documents)
        prepared = prepare_all(corpus)  # also warms this process's word cache, as a long import would

        def clear(path: Path) -> Callable[[], None]:
            def run() -> None:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
                    leftover.unlink(missing_ok=True)
            return run

        paths = {name: folder / f"{name}.db" for name in ("write", "ours", "utils", "utils_fts", "floor")}
        figures = interleaved_medians({
            "prepare alone": (lambda: prepare_all(corpus), None),
            "write alone": (lambda: write_all(prepared, paths["write"]), clear(paths["write"])),
            "import": (lambda: import_ours(corpus, paths["ours"]), clear(paths["ours"])),
            "sqlite-utils insert": (lambda: import_sqlite_utils(corpus, paths["utils"]), clear(paths["utils"])),
            "sqlite-utils insert + enable-fts": (
                lambda: import_sqlite_utils_fts(corpus, paths["utils_fts"]), clear(paths["utils_fts"])
            ),
            "bare executemany (floor)": (lambda: import_sqlite3_floor(corpus, paths["floor"]), clear(paths["floor"])),
        }, args.repeat)
        clear(paths["ours"])()
        wall, own, workers = cpu_of_import(corpus, paths["ours"])
    floor, utils = figures["bare executemany (floor)"], figures["sqlite-utils insert"]
    print(f"{args.documents:,} {args.corpus}, medians of {args.repeat} interleaved runs (seconds)")
    for name, seconds in figures.items():
        print(f"  {name:<34} {seconds:7.3f}   x{seconds / utils:.2f} sqlite-utils   x{seconds / floor:.2f} floor")
    print(f"  one more import: wall {wall:.3f}, writer CPU {own:.3f}, workers' CPU {workers:.3f} "
          f"(half their sum: {(own + workers) / 2:.3f})")


if __name__ == "__main__":
    main()
