"""Short reports with places and armed groups no gazetteer lists, marked like the benchmarks'
markup (``[P:...]`` a PLACE, ``[A:...]`` an ACTOR), for the recommender's tests."""

from __future__ import annotations

import re

MARKED = [
    "قتل ثلاثة مدنيين في قصف على قرية [P:كفر الرمان]. وقالت [A:كتيبة الفاروق] إنها صدت هجوما على بلدة [P:تل السنديان].",
    "اندلعت اشتباكات بين [A:لواء الصناديد] و[A:كتيبة الفاروق] قرب قرية [P:عين الغزلان]. ونزحت عائلات من [P:كفر الرمان].",
    "وأعلن [A:لواء الصناديد] سيطرته على قرية [P:خربة الحمام]، فيما قصفت [A:سرايا الحمزة] بلدة [P:تل السنديان].",
    "وسقطت قذائف على سوق بلدة [P:دير العصافير]. واتهم الأهالي [A:سرايا الحمزة] بالقصف على [P:عين الغزلان].",
    "وانسحبت [A:كتيبة الفاروق] من قرية [P:أم النخيل] باتجاه [P:خربة الحمام] بعد معارك مع [A:تجمع الصقور].",
    "وقالت مصادر إن [A:تجمع الصقور] هاجم قرية [P:بئر الصفصاف]، وأصيب خمسة أشخاص في [P:دير العصافير].",
    "ودخلت [A:سرايا الحمزة] إلى بلدة [P:أم النخيل]، وفر السكان إلى قرية [P:بئر الصفصاف] المجاورة.",
    "وشن [A:لواء الصناديد] هجوما على قرية [P:كفر الرمان]، وردت [A:كتيبة الفاروق] بقصف [P:تل السنديان].",
]
_MARK = re.compile(r"\[([PA]):([^\]]+)\]")


def parse(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The plain text and its ``(label, start, end)`` spans."""
    text, spans, position = "", [], 0
    for match in _MARK.finditer(marked):
        text += marked[position : match.start()]
        label = "PLACE" if match.group(1) == "P" else "ACTOR"
        spans.append((label, len(text), len(text) + len(match.group(2))))
        text += match.group(2)
        position = match.end()
    return text + marked[position:], spans
