"""An annotated corpus for the learning curve: reports full of names the gazetteer does not list.

A project's reports come from one area and name its villages, quarters and
local armed groups again and again, beside a few names every report uses. So
each generated report takes its places and actors from a pool of invented local
names (villages formed like real ones: كفر، تل، عين، خربة، دير، أم + a word;
groups: كتيبة، لواء، تجمع، ميليشيا + a name) of which it shares many with other
reports, plus well-known names the gazetteer has. Sentences vary the context
names appear in (after a cue word or not, with proclitics, in a list, bracketed
short forms), so a tagger must learn contexts, not only the names it saw.
Deterministic for a seed; nothing is read from outside the repository.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from markup import Report, parse  # noqa: E402

VILLAGE_HEADS = ["كفر", "تل", "عين", "خربة", "دير", "أم", "بئر", "جسر", "قصر", "وادي"]
VILLAGE_TAILS = [
    "الرمان", "السنديان", "الغزلان", "الحمام", "العصافير", "النخيل", "الصفصاف", "الطواحين", "البلوط", "الزعرور",
    "الريحان", "الكروم", "السرو", "الحجل", "القصب", "الدوالي", "الرعيان", "الجوز", "العنب", "الشيح", "المشمش",
    "اللوز", "التوت", "الدلب", "القيقب", "العليق", "الخروب", "البطم", "الزيزفون", "الغار",
]
PLAIN_TOWNS = [
    "المشيرفة", "الحويقة", "الرصيفة", "الجديرية", "البويضة", "الطيانة", "الغريبة", "المراشدة", "الحسينية", "الكشمة",
    "الزغيبة", "البحرة", "المويلح", "الشويط", "الجنينة الشرقية", "الصبيخان", "الكسرة", "المطلة", "الحصان", "الربيعة",
]
GROUP_HEADS = ["كتيبة", "لواء", "تجمع", "ميليشيا", "سرايا", "فوج", "جبهة", "حركة"]
GROUP_TAILS = [
    "الفاروق", "أبناء العشائر", "الصناديد", "أحرار الجنوب", "درع الوادي", "صقور البادية", "حماة الديار",
    "الشهيد عمر", "النخبة", "الحمزة", "المعتصم", "السلطان مراد", "فرسان الفرات", "أسود الشرقية", "ثوار الريف",
    "الكرامة الوطنية", "المهام الخاصة", "الدفاع الذاتي", "الردع السريع", "حراس الأرض",
]
KNOWN_PLACES = ["دير الزور", "البوكمال", "الميادين", "حلب", "الرقة", "سرت", "الموصل", "تعز", "الفاشر", "رفح"]
KNOWN_ACTORS = ["المرصد السوري لحقوق الإنسان", "قوات سوريا الديمقراطية", "التحالف الدولي", "قوات الدعم السريع",
                "الجيش الإسرائيلي", "الحشد الشعبي", "جماعة الحوثي", "قوات النظام"]
NUMBERS = ["ثلاثة", "خمسة", "سبعة", "12", "أربعة", "عشرة", "٢٣", "ستة"]

TEMPLATES = [
    "قتل {n} مدنيين في قصف على بلدة [P:{p}] في [P:{k}]، بحسب [A:{K}].",
    "وقالت مصادر محلية إن مسلحين من [A:{g}] هاجموا نقطة عسكرية قرب قرية [P:{p}].",
    "واندلعت اشتباكات بين [A:{g}] و[A:{g2}] في محيط [P:{p}] و[P:{p2}].",
    "وأفاد ناشطون بأن عناصر [A:{g}] انسحبوا من [P:{p}] باتجاه [P:{p2}] بعد معارك استمرت يومين.",
    "وشنت طائرات [A:{K}] غارات على مواقع لـ[A:{g}] في [P:{p}]، ما أسفر عن مقتل {n} عناصر.",
    "وأعلنت [A:{g}] سيطرتها على [P:{p}]، فيما نفى [A:{K}] ذلك.",
    "ونزحت عشرات العائلات من [P:{p}] إلى [P:{k}] خوفاً من تجدد القصف.",
    "وقال قائد في [A:{g}] إن قواته صدت هجوماً على [P:{p}] شنته [A:{g2}].",
    "وسقطت قذائف على سوق [P:{p}]، وأصيب {n} أشخاص بجروح.",
    "وتبادل [A:{g}] و[A:{K}] الاتهامات بالمسؤولية عن الهجوم على [P:{p}].",
    "وأضاف المصدر أن الطريق بين [P:{p}] و[P:{p2}] ما زال مغلقاً أمام المدنيين.",
    "ووصلت تعزيزات لـ[A:{g}] إلى بلدة [P:{p}] قادمة من [P:{k}].",
    "وذكر [A:{K}] أن {n} من مقاتلي [A:{g}] قتلوا في كمين قرب [P:{p}].",
    "ويخشى سكان [P:{p}] من اقتحام [A:{g}] للبلدة بعد انسحاب [A:{g2}] منها.",
]
# Sentences only the held-back reports use: the model must carry what it learned to new phrasing.
UNSEEN_TEMPLATES = [
    "وأكد شهود عيان أن [A:{g}] أقامت حواجز عند مداخل [P:{p}] ومنعت الأهالي من الخروج.",
    "وفي [P:{p}]، دفنت العائلات {n} من أبنائها قتلوا برصاص [A:{g}].",
    "واتهم بيان صادر عن [A:{g}] عناصر [A:{g2}] بإحراق منازل في [P:{p}].",
    "وأشار [A:{K}] إلى أن القصف طال أيضاً أطراف [P:{p}] ومزارع [P:{p2}].",
    "ودعا وجهاء [P:{p}] كلاً من [A:{g}] و[A:{g2}] إلى تحييد المدنيين.",
    "وعثر الأهالي على جثث {n} أشخاص قرب [P:{p}] بعد يوم من دخول [A:{g}] إليها.",
]
FILLER = [
    "وما زال الوضع متوتراً في المنطقة وسط انقطاع الاتصالات.",
    "ولم يتسن التحقق من هذه المعلومات من مصدر مستقل.",
    "وتشهد المنطقة تدهوراً في الأوضاع الإنسانية منذ أسابيع.",
    "وطالبت منظمات إنسانية بفتح ممرات آمنة لإجلاء الجرحى.",
]


def _names(rng: random.Random) -> tuple[list[str], list[str]]:
    villages = [f"{h} {t}" for h in VILLAGE_HEADS for t in VILLAGE_TAILS]
    groups = [f"{h} {t}" for h in GROUP_HEADS for t in GROUP_TAILS]
    rng.shuffle(villages)
    rng.shuffle(groups)
    return villages + PLAIN_TOWNS, groups


def reports(count: int, seed: int = 18, *, shared: float = 0.4, held_back: bool = False) -> list[Report]:
    """``count`` reports of 5 to 9 sentences; about ``shared`` of the local names a report uses come from
    a pool of names many reports share, the rest from names used once or twice. ``held_back`` reports
    (numbered after the others) also use sentences the others never do, half of the time."""
    rng = random.Random(seed)
    places, groups = _names(random.Random(seed))
    if held_back:
        rng = random.Random(seed + 1)
    common_places, rare_places = places[:40], places[40:]
    common_groups, rare_groups = groups[:15], groups[15:]
    out = []
    for number in range(count):
        sentences = []
        for _ in range(rng.randint(5, 9)):
            place = lambda: rng.choice(common_places if rng.random() < shared else rare_places)  # noqa: E731
            group = lambda: rng.choice(common_groups if rng.random() < shared else rare_groups)  # noqa: E731
            sentences.append(
                rng.choice(UNSEEN_TEMPLATES if held_back and rng.random() < 0.5 else TEMPLATES).format(
                    p=place(), p2=place(), g=group(), g2=group(), k=rng.choice(KNOWN_PLACES),
                    K=rng.choice(KNOWN_ACTORS), n=rng.choice(NUMBERS),
                )
            )
            if rng.random() < 0.3:
                sentences.append(rng.choice(FILLER))
        out.append(parse(" ".join(sentences), f"{'h' if held_back else 'r'}{seed}-{number:03d}"))
    return out
