"""Near-duplicate detection's cost per document as a templated archive grows.

    python benchmarks/duplicates_curve.py                 # up to 20,000 daily bulletins
    python benchmarks/duplicates_curve.py --max 100000    # the whole curve (some minutes)

Bulletins (``wire_corpora.py``: one template, other numbers and places) are the worst case
for candidate search: every band the template fills holds most of the archive. Each is
digested as an import's workers would, then recorded by ``find_and_record_duplicates``
alone (signature, bands, candidates, checks) into a file holding only what it needs; the
figure at each size is the median time of that call over the 500 documents before it.
A flat curve is the aim: a document costs the same among 100,000 look-alikes as among 1,000.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from wire_corpora import bulletin  # noqa: E402

from annotator.store.index import digest  # noqa: E402
from annotator.store.near_duplicates import find_and_record_duplicates  # noqa: E402
from annotator.store.schema import DUPLICATE_TABLES  # noqa: E402

CHECKPOINTS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
WINDOW = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", type=int, default=20_000, help="largest archive (up to 100,000)")
    args = parser.parse_args()
    sizes = [size for size in CHECKPOINTS if size <= args.max]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "dup.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA cache_size = -131072")  # as a project's connection (schema.connect)
        conn.executescript(
            "CREATE TABLE documents (id INTEGER PRIMARY KEY);"
            "CREATE TABLE duplicates (doc_id INTEGER, other_id INTEGER, similarity REAL, PRIMARY KEY (doc_id, other_id));"
            + DUPLICATE_TABLES
        )
        conn.execute("BEGIN")
        samples: list[float] = []
        found = 0
        print("documents  µs per document (median of the last 500)  pairs found so far")
        for doc_id in range(1, sizes[-1] + 1):
            digested = digest("", bulletin(doc_id, rng)["text"])
            start = time.perf_counter()
            found += len(find_and_record_duplicates(conn, doc_id, digested.minhash, digested.bands, digested.shingles))
            samples.append(time.perf_counter() - start)
            if doc_id in sizes:
                print(f"{doc_id:>9,}  {statistics.median(samples[-WINDOW:]) * 1e6:8.0f}  {found:>10,}", flush=True)
        conn.execute("COMMIT")
        conn.close()


if __name__ == "__main__":
    main()
