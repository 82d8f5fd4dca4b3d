"""How fast the article view switches documents and redraws after an edit (offscreen).

    QT_QPA_PLATFORM=offscreen python benchmarks/window_speed.py [--repeat 60]

Prints medians and 95th percentiles in milliseconds, for a typical article
(3,000 characters, 30 spans) and a long one (20,000 characters, 200 spans; the
issue's target is p95 under 16 ms), each next to a baseline measured in the
same run: a bare ``QPlainTextEdit`` given the same text, with no spans.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import uuid

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.codebook_reading import default_codebook
from annotator.models import Annotation, Document
from ui.app import register_fonts
from ui.widgets.article_view import ArticleView

WORDS = ["قُتِلَ", "مدنياً", "بغارة", "جوية", "على", "بلدة", "الباغوز", "فوقاني", "بريف", "دير", "الزور", "الشرقي", "وقال", "المرصد", "السوري", "لحقوق", "الإنسان", "إن", "التحالف", "الدولي", "نفّذ", "ضربات", "أسفرت", "عن", "مقتل", "54", "شخصاً", "بينهم", "28", "مدنياً", "😀", "و٢٣", "جريحاً"]


def article(length: int, spans: int, rng: random.Random) -> tuple[Document, list[Annotation]]:
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
        if rng.random() < 0.04:
            words.append("\n")
    text = " ".join(words)[:length].strip()
    starts = sorted(rng.sample(range(0, len(text) - 30), spans))
    labels = default_codebook().label_names
    annotations = [
        Annotation(id=str(uuid.uuid4()), doc_id=1, coder="bench", label=rng.choice(labels), start=s,
                   end=s + rng.randint(2, 25), text="", origin="suggested" if rng.random() < 0.1 else "manual")
        for s in starts
    ]
    return Document(id=1, key="bench", title="bench", text=text, sha256=""), annotations


def timed(app: QApplication, action) -> float:  # noqa: ANN001
    start = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    register_fonts()
    rng = random.Random(7)
    results = {}
    for name, length, count in (("typical", 3_000, 30), ("long", 20_000, 200)):
        docs = [article(length, count, rng) for _ in range(4)]
        view = ArticleView()
        view.set_codebook(default_codebook())
        view.resize(900, 800)
        view.show()
        bare = QPlainTextEdit()  # the same widget, font and size, without our spans
        bare.setFont(view.font())
        bare.resize(900, 800)
        bare.show()
        switch, baseline, edit = [], [], []
        for i in range(args.repeat):
            doc, spans = docs[i % len(docs)]
            switch.append(timed(app, lambda v=view, d=doc, s=spans: (v.show_document(d, s), v.viewport().repaint())))
            baseline.append(timed(app, lambda b=bare, d=doc: (b.setPlainText(d.text), b.viewport().repaint())))
            changed = spans[len(spans) // 2]
            moved = Annotation(**{**changed.__dict__, "end": changed.end + 3})
            edit.append(timed(app, lambda v=view, m=moved: (v.span_updated(m), v.viewport().repaint())))
        results[name] = {
            "characters": length,
            "spans": count,
            "switch_and_highlight": summary(switch),
            "baseline_plain_text_edit": summary(baseline),
            "redraw_after_edit": summary(edit),
        }
        results[name]["switch_ratio_to_baseline"] = round(
            results[name]["switch_and_highlight"]["median_ms"] / max(results[name]["baseline_plain_text_edit"]["median_ms"], 1e-6), 2
        )
        view.close()
        bare.close()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'article':<9}{'what':<28}{'median ms':>10}{'p95 ms':>9}")
    for name, figures in results.items():
        for what in ("switch_and_highlight", "baseline_plain_text_edit", "redraw_after_edit"):
            print(f"{name:<9}{what:<28}{figures[what]['median_ms']:>10}{figures[what]['p95_ms']:>9}")
        print(f"{name:<9}{'switch / baseline (median)':<28}{figures['switch_ratio_to_baseline']:>10}")


if __name__ == "__main__":
    main()
