"""Suggestion speed on 1,000 synthetic Arabic articles; prints medians per article.

Run: ``python benchmarks/suggest_speed.py [--articles N] [--seed S]``. The last
lines compare, on the same articles, everything the suggesters propose with the
Syrian gazetteer alone (before the regional one), with the built-in regional
gazetteer, and with it and a learned recommender trained on 100 reports. The
articles are built from sentence templates with random places, actors, number
expressions (digits, Arabic-Indic digits, words, vague amounts) and traps
(years, dates, percentages), so every suggester has work to do. Nothing is
written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from annotator.dates import find_dates  # noqa: E402
from annotator.models import Status  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from annotator.suggest import Suggesters, find_casualty_figures, load_gazetteer, suggest_document  # noqa: E402
from annotator.suggest.event_rules import propose_events  # noqa: E402
from annotator.suggest.gazetteer import built_in_paths  # noqa: E402
from annotator.suggest.recommender import train_project  # noqa: E402

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PLACES = ["دير الزور", "البوكمال", "الباغوز فوقاني", "السوسة", "هجين", "حلب", "إدلب", "الرقة", "درعا", "الميادين"]
ACTORS = ["التحالف الدولي", "قوات سوريا الديمقراطية", "تنظيم الدولة", "قوات النظام", "المرصد السوري لحقوق الإنسان"]
NUMBERS = ["54", "٢٣", "ثمانية", "نحو ثلاثين", "أكثر من 350 ألف", "العشرات", "مئتان وخمسون", "و1100", "بضعة"]
VICTIMS = ["مدنيا", "شخصا", "أطفال", "عنصرا", "آخرين"]
TEMPLATES = [
    "قُتل {n} {v} في غارة على {p} بريف {p2}، بحسب {a}.",
    "وأصيب {n} {v} جراء قصف {a} على بلدة {p}.",
    "وقال {a} إن {n} {v} لقوا حتفهم في {p} منذ العام 2014.",
    "وشنت طائرات {a} 12 غارة على {p} خلال 3 أيام في 10 سبتمبر.",
    "وتسيطر {a} على 3 بالمئة من مساحة {p}، وفق تقديرات نشرت في آذار/مارس 2011.",
    "وأسر مقاتلو {a} {n} {v} قرب {p} يوم الاثنين.",
    "وتشهد منطقة {p} نزوح آلاف العائلات إثر المعارك 😀 الأخيرة بين {a} و{a2}.",
]


_FILLER_TEXT = (
    "وأضاف المصدر أن الوضع الميداني ما زال متوترا في المنطقة حيث تتواصل الاشتباكات المتقطعة بين الطرفين "
    "وسط مخاوف السكان من تجدد القصف على الأحياء السكنية والأسواق والمدارس والطرق الرئيسية المؤدية إلى المدينة "
    "وأشار ناشطون محليون إلى صعوبة التحقق من الأرقام بسبب انقطاع الاتصالات ومنع الصحفيين من الوصول"
)
FILLER = _FILLER_TEXT.split()


def article(rng: random.Random, sentences: int) -> str:
    """Template sentences with casualty figures and traps, between shuffled filler sentences.

    The filler keeps articles from being near-duplicates of each other, which
    the import checks for, so the benchmark measures suggestions, not that check.
    """
    parts = []
    for _ in range(sentences):
        parts.append(" ".join(rng.sample(FILLER, 12)) + ".")
        template = rng.choice(TEMPLATES)
        parts.append(
            template.format(
                n=rng.choice(NUMBERS),
                v=rng.choice(VICTIMS),
                p=rng.choice(PLACES),
                p2=rng.choice(PLACES),
                a=rng.choice(ACTORS),
                a2=rng.choice(ACTORS),
            )
        )
    return " ".join(parts) + f"\n(رقم {rng.randrange(10**9)})"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report(name: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    median = statistics.median(samples)
    print(f"{name:<34} median {median:7.2f} ms   p95 {p95:7.2f} ms   total {sum(samples) / 1000:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    texts = [article(rng, rng.randint(8, 25)) for _ in range(options.articles)]
    print(f"{len(texts)} articles, median {statistics.median(len(t) for t in texts):.0f} characters")
    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "bench.db", coder="amal") as project:
        started = time.perf_counter()
        with project.transaction():
            ids = [project.add_document(text, key=f"a{i}")[0].id for i, text in enumerate(texts)]
        print(f"import (not suggestions): {time.perf_counter() - started:.1f} s")
        gazetteer = load_gazetteer(built_in_paths(RESOURCES))
        matcher = gazetteer.matcher()
        # the coder has tagged a few names: memory has something to find
        first = project.document(ids[0])
        for place in PLACES[:5]:
            at = first.text.find(place)
            if at >= 0:
                project.add_annotation(ids[0], "PLACE", at, at + len(place), attrs={"kind": "town"})
        suggesters = Suggesters.for_project(project, gazetteer)
        report("casualty figures (compute)", [timed(lambda t=t: find_casualty_figures(t)) for t in texts])
        report("gazetteer (compute)", [timed(lambda t=t: gazetteer.suggest(t, None, matcher)) for t in texts])
        report("memory (compute)", [timed(lambda t=t: suggesters.memory.find(t)) for t in texts])
        report("dates (compute)", [timed(lambda t=t: find_dates(t, "2018-06-08")) for t in texts])
        stored = [timed(lambda i=i: suggest_document(project, i, suggesters)) for i in ids]
        report("suggest_document (all + store)", stored)
        again = [timed(lambda i=i: suggest_document(project, i, suggesters)) for i in ids]
        report("suggest_document again (no new)", again)
        spans = {i: project.annotations(i, coder="amal") for i in ids}
        events = [timed(lambda i=i, t=t: propose_events(t, spans[i], "2018-06-08")) for i, t in zip(ids, texts, strict=True)]
        report("events (compute, spans given)", events)
        print(f"pending suggestions stored: {project.stats()['pending_suggestions']}")
        print(f"event suggestions stored: {len(project.events(include_suggestions=True))}")
    compare(texts[: min(len(texts), 300)])


def compare(texts: list[str]) -> None:
    """Everything proposed per article: the Syrian gazetteer alone, the regional one, and it with a model."""
    from learning_corpus import reports

    with tempfile.TemporaryDirectory() as folder, Project.create(Path(folder) / "model.db", coder="amal") as project:
        with project.transaction():
            for written in reports(100):
                doc, _, _ = project.add_document(written.text, key=written.key)
                for label, start, end in written.spans:
                    project.add_annotation(doc.id, label, start, end, text=written.text)
                project.set_status(doc.id, Status.DONE)
        syrian = load_gazetteer(RESOURCES / "gazetteer.toml")
        regional = load_gazetteer(built_in_paths(RESOURCES))
        train_project(project, regional)
        runs = {
            "Syrian gazetteer (before)": Suggesters.for_project(project, syrian, use_recommender=False),
            "regional gazetteer": Suggesters.for_project(project, regional, use_recommender=False),
            "regional gazetteer + model": Suggesters.for_project(project, regional),
        }
        assert runs["regional gazetteer + model"].recommender is not None
        print(f"proposing on {len(texts)} articles (median {statistics.median(len(t) for t in texts):.0f} characters):")
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for text in texts:  # in turns, article by article: a shared machine drifts between runs
            for name, suggesters in runs.items():
                samples[name].append(timed(lambda t=text, s=suggesters: s.propose(project, t)))
        medians = {}
        for name, times in samples.items():
            medians[name] = statistics.median(times)
            report(name, times)
        base = medians["Syrian gazetteer (before)"]
        for name, median in medians.items():
            print(f"  {name:<32} {median / base:5.2f} x the Syrian gazetteer's median")


if __name__ == "__main__":
    main()
