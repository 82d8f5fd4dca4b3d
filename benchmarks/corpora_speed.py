"""Import and JSONL export on three corpora, against sqlite-utils, like for like, in one run.

    python benchmarks/corpora_speed.py                          # 2,000 documents of each, 5 runs
    python benchmarks/corpora_speed.py --documents 10000 --repeat 3

The corpora: ``corpus.py``'s articles (about 2,000 characters, 10 to 50 spans), and
``wire_corpora.py``'s reports (assembled from reworded sentences sharing wire boilerplate)
and daily bulletins (one template). For each, in turns: our import against
``sqlite-utils insert`` + ``enable-fts`` (the same records and a search index), and our
JSONL export against ``sqlite-utils rows`` of the same records. Medians and ratios
(ours / baseline: below 1.0 is faster).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402
from scale import (  # noqa: E402
    export_ours,
    export_sqlite_utils,
    import_ours,
    import_sqlite_utils,
    import_sqlite_utils_fts,
    interleaved_medians,
)
from wire_corpora import write_wire_corpus  # noqa: E402


def clear(*paths: Path) -> Callable[[], None]:
    def run() -> None:
        for path in paths:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
                leftover.unlink(missing_ok=True)
    return run


def measure(corpus: Path, folder: Path, repeat: int) -> dict[str, float]:
    ours, utils, utils_fts = folder / "ours.db", folder / "utils.db", folder / "utils_fts.db"
    figures = interleaved_medians({
        "import": (lambda: import_ours(corpus, ours), clear(ours)),
        "sqlite-utils insert + enable-fts": (lambda: import_sqlite_utils_fts(corpus, utils_fts), clear(utils_fts)),
    }, repeat)
    clear(utils)()
    import_sqlite_utils(corpus, utils)
    out = folder / "out.jsonl"
    figures.update(interleaved_medians({
        "export jsonl": (lambda: export_ours(ours, out), None),
        "sqlite-utils rows": (lambda: export_sqlite_utils(utils, out), None),
    }, repeat))
    clear(ours, utils, utils_fts)()
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
            print(f"  {kind:<10} import {f['import']:7.3f}  insert+fts {base_import:7.3f}  "
                  f"x{f['import'] / base_import:.2f}   |  export {f['export jsonl']:7.3f}  rows {base_export:7.3f}  "
                  f"x{f['export jsonl'] / base_export:.2f}", flush=True)


if __name__ == "__main__":
    main()
