"""Two corpora that look like wire archives, beside ``corpus.py``'s articles.

- reports: each assembled from report sentences, every sentence in one of a few wordings and
  with its own places, actors and figures, opened and closed by the phrases wire reports share
  («وذكر المرصد السوري لحقوق الإنسان»); no report is a near-duplicate of another.
- bulletins: a monitor's daily bulletin, one template, other numbers and places each day.

Both are our JSONL records with PLACE, ACTOR and CASUALTY spans, deterministic for a seed.

    python benchmarks/wire_corpora.py reports 1000 out.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from corpus import ACTORS, PLACES

MORE_PLACES = PLACES + ["حماة", "حمص", "درعا", "القامشلي", "منبج", "عفرين", "جسر الشغور", "معرة النعمان", "سراقب",
                        "تدمر", "السخنة", "الحسكة", "الطبقة", "دوما", "جرابلس", "الباب", "خان شيخون", "اللاذقية"]
OPENERS = [
    "وذكر المرصد السوري لحقوق الإنسان أن",
    "وقال المرصد السوري لحقوق الإنسان إن",
    "أفادت مصادر محلية بأن",
    "ونقلت وكالة الأنباء عن مصدر عسكري أن",
    "وأكد ناشطون في المنطقة أن",
]
CLOSERS = [
    "ولم يصدر أي تعليق رسمي حتى الآن.",
    "ويعتمد المرصد على شبكة من المصادر داخل سوريا.",
    "ولم يتسن التحقق من هذه المعلومات من مصدر مستقل.",
]
# Each sentence of a report in several wordings; {a} an actor, {p} a place, {n} a figure.
SENTENCES = [
    ["{a} شن غارات جوية على {p} أسفرت عن مقتل {n} مدنيين", "قتل {n} مدنيين في غارات جوية شنها {a} على {p}",
     "أسفرت غارات {a} على {p} عن سقوط {n} قتلى من المدنيين"],
    ["اندلعت اشتباكات عنيفة بين {a} ومسلحين في محيط {p}", "دارت معارك عنيفة في محيط {p} بين {a} ومجموعات مسلحة",
     "شهد محيط {p} اشتباكات بين {a} وعناصر مسلحة"],
    ["سقطت {n} قذيفة على الأحياء السكنية في {p}", "استهدفت {n} قذيفة أحياء {p} السكنية",
     "تعرضت أحياء {p} لقصف بـ{n} قذيفة"],
    ["نزحت {n} عائلة من {p} خلال الأيام الماضية", "فرت {n} عائلة من منازلها في {p}",
     "غادرت {n} أسرة بلدة {p} هربا من القصف"],
    ["أعلن {a} سيطرته على قرى في ريف {p}", "قال {a} إنه تقدم في ريف {p} وسيطر على عدة قرى",
     "تمكن {a} من التقدم في ريف {p}"],
    ["أصيب {n} أشخاص بجروح بينهم أطفال في {p}", "جرح {n} مدنيين بينهم أطفال في {p}",
     "ارتفع عدد الجرحى في {p} إلى {n}"],
    ["انفجرت سيارة مفخخة قرب سوق شعبي في {p}", "هز انفجار سيارة مفخخة سوقا شعبيا في {p}",
     "وقع انفجار بسيارة مفخخة عند سوق {p}"],
    ["تواصل فرق الدفاع المدني البحث عن ناجين تحت الأنقاض في {p}", "ما زالت فرق الإنقاذ تبحث عن عالقين تحت ركام المباني في {p}",
     "يعمل عناصر الدفاع المدني على انتشال الضحايا من تحت الأنقاض في {p}"],
    ["حلقت طائرات استطلاع تابعة لـ{a} فوق {p} لساعات", "رصد ناشطون طائرات استطلاع لـ{a} في سماء {p}",
     "جابت طائرات {a} المسيرة أجواء {p}"],
    ["استهدف {a} مواقع عسكرية في {p} بصواريخ", "قصف {a} بالصواريخ مواقع في {p}",
     "أطلق {a} صواريخ على مواقع عسكرية في {p}"],
]
FIGURES = ["ثلاثة", "خمسة", "سبعة", "عشرات", "ثمانية", "١٢", "٢٣", "عشرين"]


class _Text:
    """A text being written, with the spans of the phrases put in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[dict] = []

    def add(self, piece: str, label: str | None = None, attrs: dict | None = None) -> None:
        if label:
            self.spans.append({"start": self.size, "end": self.size + len(piece), "label": label, "text": piece,
                               "attrs": attrs or {}})
        self.parts.append(piece)
        self.size += len(piece)

    def fill(self, template: str, slots: dict[str, tuple[str, str, dict]]) -> None:
        """``template`` with {a}, {p} and {n} put in, each a span."""
        rest = template
        while "{" in rest:
            before, _, after = rest.partition("{")
            name, after = after[0], after[2:]
            self.add(before)
            value, label, attrs = slots[name]
            self.add(value, label, attrs)
            rest = after
        self.add(rest)


def report(number: int, rng: random.Random) -> dict:
    text = _Text()
    for position in range(rng.randint(6, 10)):
        if position:
            text.add(" ")
        if position == 0 or rng.random() < 0.4:
            text.add(rng.choice(OPENERS) + " ")
        figure = rng.choice([str(rng.randint(2, 300)), rng.choice(FIGURES)])
        slots = {"a": (rng.choice(ACTORS), "ACTOR", {}), "p": (rng.choice(MORE_PLACES), "PLACE", {}),
                 "n": (figure, "CASUALTY", {"status": "killed"})}
        text.fill(rng.choice(rng.choice(SENTENCES)), slots)
        text.add(".")
    text.add(" " + rng.choice(CLOSERS) + f" ({number})")
    return {"id": f"report{number:06}", "text": "".join(text.parts),
            "meta": {"title": f"تقرير {number}", "source": "wire"}, "spans": text.spans}


BULLETIN = (
    "النشرة اليومية: وثق المرصد السوري لحقوق الإنسان مقتل {n} مدنيين في {p} خلال الساعات الأربع والعشرين "
    "الماضية، وإصابة {n} آخرين بجروح متفاوتة الخطورة في {p} وريفها. وسقطت {n} قذيفة صاروخية على {p}، فيما "
    "تواصلت الاشتباكات بين {a} والفصائل في محيط {p} لليوم {n} على التوالي. وأحصى المرصد منذ مطلع الشهر "
    "مقتل {n} شخصا. ويعتمد المرصد في توثيقه على شبكة من المراسلين والناشطين والمصادر الطبية في مختلف "
    "المحافظات السورية، ويدعو جميع الأطراف إلى تحييد المدنيين والمنشآت الطبية والتعليمية عن العمليات العسكرية."
)


def bulletin(number: int, rng: random.Random) -> dict:
    text = _Text()
    pieces = BULLETIN.split("{")
    text.add(pieces[0])
    for piece in pieces[1:]:
        name, rest = piece[0], piece[2:]
        if name == "n":
            text.add(str(rng.randint(1, 400)), "CASUALTY", {"value": rng.randint(1, 400), "status": "killed"})
        elif name == "p":
            text.add(rng.choice(MORE_PLACES), "PLACE")
        else:
            text.add(rng.choice(ACTORS), "ACTOR")
        text.add(rest)
    text.add(f" ({number})")
    return {"id": f"bulletin{number:06}", "text": "".join(text.parts),
            "meta": {"title": f"النشرة {number}", "source": "monitor"}, "spans": text.spans}


MAKERS = {"reports": report, "bulletins": bulletin}


def write_wire_corpus(kind: str, path: Path, documents: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    make = MAKERS[kind]
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(documents):
            handle.write(json.dumps(make(number, rng), ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_wire_corpus(sys.argv[1], Path(sys.argv[3]), int(sys.argv[2]))
