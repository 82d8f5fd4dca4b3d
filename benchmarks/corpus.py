"""Synthetic Arabic corpora for the benchmarks: realistic length, spans, clitics and digits.

Deterministic for a seed, so two runs measure the same work.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["دير الزور", "الباغوز فوقاني", "السوسة", "هجين", "البوكمال", "الرقة", "إدلب", "حلب", "تل الزيتون", "الميادين"]
ACTORS = ["التحالف الدولي", "قوات سوريا الديمقراطية", "تنظيم داعش", "قوات النظام", "المرصد السوري لحقوق الإنسان",
          "الدفاع المدني", "وزارة الدفاع", "فصائل المعارضة"]
FIGURES = ["54", "28", "ثمانية", "٢٣", "350 ألف", "عشرات", "ثلاثين", "1100", "سبعة", "١٢"]
FILLER = ["وقال", "مصدر", "محلي", "إن", "الغارات", "استهدفت", "منازل", "المدنيين", "صباح", "اليوم،", "وأضاف", "أن", "فرق", "الإنقاذ", "ما", "زالت", "تبحث", "عن", "ناجين", "تحت", "الأنقاض،", "فيما", "أكد", "ناشطون", "أن", "الطائرات", "حلّقت", "فوق", "المنطقة", "لساعات.", "😀"]


LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def make_record(number: int, rng: random.Random, length: int = 2000) -> dict:
    """One article of about ``length`` characters with 10 to 50 spans, in our JSONL record.

    Common words and names repeat across articles as in real news, but four words in ten
    are drawn afresh, so two articles are no more alike than two real reports.
    """
    parts: list[str] = []
    spans: list[dict] = []
    size = 0
    target_spans = rng.randint(10, 50)
    while size < length or len(spans) < target_spans:
        if len(spans) < target_spans and rng.random() < 0.3:
            kind = rng.choice(("PLACE", "ACTOR", "CASUALTY"))
            words = {"PLACE": PLACES, "ACTOR": ACTORS, "CASUALTY": FIGURES}[kind]
            phrase = rng.choice(words)
            prefix = rng.choice(["", "", "و", "ب"]) if kind == "PLACE" else ""
            start = size + len(prefix)
            attrs = {"value": rng.randint(1, 500), "status": rng.choice(["killed", "injured"])} if kind == "CASUALTY" else {}
            spans.append({"start": start, "end": start + len(phrase), "label": kind, "text": phrase, "attrs": attrs})
            token = prefix + phrase
        elif rng.random() < 0.4:
            token = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))  # a word of its own
        else:
            token = rng.choice(FILLER)
        parts.append(token)
        size += len(token) + 1
    text = " ".join(parts)
    return {"id": f"doc{number:06}", "text": f"{text} ({number})", "meta": {"title": f"تقرير {number}", "source": "bench"},
            "spans": spans}


def write_corpus(path: Path, documents: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(documents):
            handle.write(json.dumps(make_record(number, rng), ensure_ascii=False) + "\n")
    return path


def read_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]
