"""What checking a project's integrity costs when it is opened, and how long the window takes to
show the largest document the importer accepts.

    python benchmarks/open_cost.py integrity PROJECT.db [--repeat 5]
    QT_QPA_PLATFORM=offscreen python benchmarks/open_cost.py window [--repeat 3]

``integrity`` times, on a copy of PROJECT (build one with benchmarks/corpus.py and an import),
in turns: ``PRAGMA quick_check``, ``PRAGMA integrity_check``, a writable open whose state must
be checked (nothing remembered), and a writable open of a state already checked (the baseline:
what every open costs without a check). Medians in seconds, and ratios to the baseline.

``window`` times ``ArticleView.show_document`` (with the layout it triggers) on an unbroken word
and on ordinary Arabic words, each at several lengths up to the importer's limit, against a
baseline in the same run: the same view made to wrap the word at word boundaries, Qt's default
(skipped past ``--boundary-max`` characters: it grows with the square of the length).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(action: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None) -> float:
    samples = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def integrity(project: Path, repeat: int) -> dict[str, object]:
    from annotator.store import integrity as checks
    from annotator.store.project import Project

    folder = Path(tempfile.mkdtemp(prefix="open-cost-"))
    try:
        copy = folder / project.name
        with Project.open(project, readonly=True) as source:
            source.save_copy(copy)

        def pragma(name: str) -> Callable[[], object]:
            def run() -> object:
                conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
                try:
                    return conn.execute(f"PRAGMA {name}").fetchall()
                finally:
                    conn.close()
            return run

        def forget() -> None:
            checks.forget(copy)

        def open_close() -> None:
            Project.open(copy).close()

        open_close()  # remembered: the baseline opens a state already checked
        figures = {
            "quick_check": median_seconds(pragma("quick_check"), repeat),
            "integrity_check": median_seconds(pragma("integrity_check"), repeat),
            "open, state remembered (baseline)": median_seconds(open_close, repeat),
            "open, state checked": median_seconds(open_close, repeat, setup=forget),
        }
        baseline = figures["open, state remembered (baseline)"]
        return {
            "project": str(project),
            "bytes": copy.stat().st_size,
            "median_seconds": {k: round(v, 3) for k, v in figures.items()},
            "ratio_to_baseline": {k: round(v / baseline, 1) for k, v in figures.items()},
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def window(repeat: int, boundary_max: int) -> dict[str, object]:
    from PySide6.QtGui import QTextOption
    from PySide6.QtWidgets import QApplication

    from annotator.importing.readers import MAX_DOCUMENT_CHARS
    from annotator.models import Document
    from ui.app import register_fonts
    from ui.widgets import reading_view
    from ui.widgets.article_view import ArticleView

    app = QApplication.instance() or QApplication(sys.argv)
    register_fonts()
    view = ArticleView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    empty = Document(id=0, key="e", title="", text="", sha256="")

    def show(text: str, boundary: bool) -> Callable[[], None]:
        def run() -> None:
            if boundary:  # the baseline: Qt's word-boundary wrapping whatever the text
                original = reading_view._LONG_WORD
                reading_view._LONG_WORD = reading_view.re.compile(r"(?!)")
                try:
                    view.show_document(Document(id=1, key="k", title="", text=text, sha256=""), [])
                finally:
                    reading_view._LONG_WORD = original
            else:
                view.show_document(Document(id=1, key="k", title="", text=text, sha256=""), [])
            app.processEvents()
        return run

    def reset() -> None:
        view.show_document(empty, [])
        app.processEvents()

    rows = []
    sizes = sorted({20_000, 50_000, 100_000, 200_000, MAX_DOCUMENT_CHARS})
    for size in sizes:
        for shape, text in (("one word", "ب" * size), ("words", ("قصفت الطائرات " * (size // 14 + 1))[:size])):
            row: dict[str, object] = {"chars": size, "shape": shape}
            row["ours_s"] = round(median_seconds(show(text, False), repeat, reset), 3)
            mode = view.document().defaultTextOption().wrapMode()
            row["wrap"] = "anywhere" if mode == QTextOption.WrapMode.WrapAnywhere else "word boundary"
            if size <= boundary_max:
                row["word_boundary_s"] = round(median_seconds(show(text, True), repeat, reset), 3)
                row["ratio"] = round(float(row["word_boundary_s"]) / max(float(row["ours_s"]), 1e-6), 1)  # type: ignore[arg-type]
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return {"limit_chars": MAX_DOCUMENT_CHARS, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("integrity")
    one.add_argument("project", type=Path)
    one.add_argument("--repeat", type=int, default=5)
    two = sub.add_parser("window")
    two.add_argument("--repeat", type=int, default=3)
    two.add_argument("--boundary-max", type=int, default=100_000)
    args = parser.parse_args()
    if args.what == "integrity":
        print(json.dumps(integrity(args.project, args.repeat), indent=2))
    else:
        print(json.dumps(window(args.repeat, args.boundary_max), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
