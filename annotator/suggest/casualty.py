"""Casualty figures: which numbers of an article count people killed, injured, missing or captured.

A number is a casualty figure when a status word (قتل، جرحى، مفقودين، أسر) is
near it in the same sentence, and it is not a year (العام 2014), a date (10
سبتمبر), a percentage (3 بالمئة), an age (دون سن 15), a unit (اللواء 47) or a
count of something else: the noun it counts decides (10 أيام، عشر ضربات، 12
متجرا). A dual noun (قتيلان، طفلين، شقيقاه) is a figure of two on its own
(:mod:`annotator.suggest.duals`). The span is the number expression only; the
words around it fill the attributes: status (from the figure's own noun first:
٣٥ قتيلا و١٢٠ جريحا are killed and injured, whatever verb is nearer), qualifier
(نحو → about, أكثر من or تجاوز → at_least, حتى → up_to), victims (the counted
noun: مدنيا، أطفال، عنصرا) and scope (منذ بدء or ارتفعت حصيلة ... إلى →
cumulative). Ranges such as "بين 20 و30" and "10 إلى 15" become one span with
min and max.

:func:`casualty_attributes` gives the same attributes for any span a coder
selects, so the window can prefill a new CASUALTY span.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.numbers import DEFAULT_VAGUE_AMOUNTS, NumberReading, VagueAmount, find_numbers
from annotator.suggest import words as W
from annotator.suggest.casualty_traps import not_a_casualty, released
from annotator.suggest.clauses import Context, clause_words, counts_people, status_of
from annotator.suggest.duals import DualNoun, read_dual
from annotator.suggest.suggestion import Suggestion
from annotator.text import Token, normalize

LABEL = "CASUALTY"  # the codebook label whose spans are casualty figures: suggested, and prefilled when tagged


def find_casualty_figures(text: str, vague: Sequence[VagueAmount] = DEFAULT_VAGUE_AMOUNTS) -> list[Suggestion]:
    """CASUALTY suggestions for ``text``: number spans with value, min, max, qualifier, status, victims, scope."""
    context = Context.of(text)
    out: list[Suggestion] = []
    previous: tuple[int, str] | None = None  # last figure's token and status
    for reading, dual in _readings(context, vague):
        first, last = context.token_at(reading.start), context.token_at(reading.end - 1)
        if (dual is None and not_a_casualty(context, reading, first, last)) or released(context, first):
            continue
        status = _own_status(context, last, dual) or _part_status(context, previous, first)
        status = status or _joined_status(context, previous, first, last)
        status = status or _status(context, first, last) or _toll_status(context, first)
        status = status or _subset_status(context, previous, first)
        if status is None:
            continue
        attrs = _attributes(context, reading, first, last, dual)
        attrs["status"] = status
        out.append(Suggestion(LABEL, reading.start, reading.end, attrs, "casualty"))
        previous = (last, status)
    return out


def _readings(context: Context, vague: Sequence[VagueAmount]) -> list[tuple[NumberReading, DualNoun | None]]:
    """The article's number expressions (ranges joined) and its dual nouns, left to right."""
    numbers = _with_ranges(context, find_numbers(context.text, vague, context.tokens))
    out: list[tuple[NumberReading, DualNoun | None]] = [(r, None) for r in numbers]
    ends = {context.token_at(r.end - 1) for r in numbers}
    for i, token in enumerate(context.tokens):
        if token.text[-1] not in _DUAL_LAST_LETTERS:
            continue
        found = read_dual(token.text)
        if found is None:
            continue
        offset, noun = found
        if offset == 0 and i - 1 in ends:
            continue  # اثنان مدنيان، طفلان شقيقان: the number or dual before already counts them
        out.append((NumberReading(token.start + offset, token.end, 2, 2, 2, "dual"), noun))
        ends.add(i)
    return sorted(out, key=lambda item: item[0].start)


_DUAL_LAST_LETTERS = frozenset("نهاكمي")  # the last letter of every dual form duals.py reads


def _own_status(context: Context, last: int, dual: DualNoun | None) -> str | None:
    """The status the figure's own noun gives: قتيلان، 35 قتيلا، عشرات الجرحى، 4 آخرين مفقودين."""
    if dual is not None:
        return dual.status
    following = context.words_after(last, 4)
    for at, token in enumerate(following[:2]):
        status = _noun_status(token.text)
        if status == "injured" and any(status_of(t.text) == "killed" for t in following[at + 1 : at + 3]):
            return "killed"  # ثلاثة من المصابين فارقوا الحياة
        if status:
            return status
        if not W.NOUN_FILLERS.matches_plain(token.text):
            break
    return None


def _part_status(context: Context, previous: tuple[int, str] | None, first: int) -> str | None:
    """ "قتل 23 شخصا، بينهم أربعة أطفال، وأصيب العشرات": right after بينهم, the figure is a part
    of the previous one, whatever status word comes next."""
    before = context.adjacent_words_before(first, 1)
    if previous is None or not before or not W.SUBSET_WORDS.matches(before[0].text):
        return None
    return previous[1] if context.sentence[previous[0]] == context.sentence[first] else None


TOLL_REACH = 25  # words back from "إلى 16" in which "ارتفع عدد القتلى" may stand


def _toll_status(context: Context, first: int) -> str | None:
    """ارتفع عدد القتلى منذ بدء الحملة على مسلحي الكتيبة في المخيم قبل 5 أسابيع إلى ستة عشر: a toll
    that rose "to" the figure names its status however far back, in the figure's clause."""
    before = context.adjacent_words_before(first, 1)
    if not before or not W.TO_WORDS.matches_plain(before[0].text):
        return None
    words = [t for t in context.clause(first) if t.start < context.tokens[first].start][-TOLL_REACH:]
    rose_last = len(words) >= 2 and W.RISE_VERBS.matches(words[-2].text)  # عدد الجنود ... ارتفع إلى
    for i, token in enumerate(words):
        toll_named_first = rose_last and W.TOLL_WORDS.matches(token.text)
        rose_then_toll = W.RISE_VERBS.matches(token.text) and any(W.TOLL_WORDS.matches(t.text) for t in words[i + 1 : i + 4])
        if toll_named_first or rose_then_toll:
            # عدد القتلى، or عدد المدنيين الذين قُتلوا: the toll's noun, or the verb of its clause
            found = [_noun_status(w.text) or status_of(w.text) for w in words[i + 1 : i + 6]]
            status = next((f for f in found if f), None)
            if status:
                return status
    return None


def _noun_status(word: str) -> str | None:
    """The status a noun says (قتلى، الجرحى), as written or after ال."""
    written = normalize(word)
    forms = (written, written[2:]) if written.startswith("ال") else (written,)
    for status, wordlist in W.STATUS_NOUNS.items():
        if any(wordlist.matches_plain(form) for form in forms):
            return status
    return None


def _subset_status(context: Context, previous: tuple[int, str] | None, first: int) -> str | None:
    """A figure with no status word near it shares the previous figure's when it is a part of it
    ("54 شخصا بينهم مقاتلون ... و28 مدنيا")."""
    if previous is None or context.sentence[previous[0]] != context.sentence[first]:
        return None
    between = [t for t in context.tokens[previous[0] + 1 : first] if t.is_word]
    return previous[1] if any(W.SUBSET_WORDS.matches(t.text) for t in between) else None


def _joined_status(context: Context, previous: tuple[int, str] | None, first: int, last: int) -> str | None:
    """A figure joined by و to the one before (250 طفلا و130 امرأة، تسعة أطفال وخمس نساء) shares its
    status, unless a status word of its own follows it (و3 آخرون أصيبوا)."""
    if previous is None or context.sentence[previous[0]] != context.sentence[first]:
        return None
    between = [t for t in context.tokens[previous[0] + 1 : first] if t.is_word]
    number = context.tokens[first]
    joined = number.text.startswith("و") or bool(between and between[-1].text == "و")
    if not joined or len(between) > 2:
        return None
    if any(status_of(t.text) for t in context.words_after(last, 3)):
        return None
    return previous[1]


def casualty_attributes(
    text: str, start: int, end: int, vague: Sequence[VagueAmount] = DEFAULT_VAGUE_AMOUNTS
) -> dict[str, Any]:
    """Attributes to prefill a CASUALTY span ``text[start:end]`` a coder has just made.

    Reads the first number expression inside the span (so a span that took in
    نحو still reads) and the words around it. Keys are those of the default
    codebook (value, min, max, qualifier, status, victims, scope); status is
    left out when the text does not say. Returns ``{}`` when the span holds no
    number.
    """
    context = Context.of(text)
    inside = [(r, dual) for r, dual in _readings(context, vague) if r.start < end and r.end > start]
    if not inside:
        return {}
    reading, dual = inside[0]
    first, last = context.token_at(reading.start), context.token_at(reading.end - 1)
    attrs = _attributes(context, reading, first, last, dual)
    status = _own_status(context, last, dual) or _status(context, first, last)
    if status is not None:
        attrs["status"] = status
    return attrs


# --- deciding ---------------------------------------------------------------------


def _with_ranges(context: Context, readings: list[NumberReading]) -> list[NumberReading]:
    """Join "بين 20 و30" and "من 20 إلى 30" into one reading with min and max."""
    out: list[NumberReading] = []
    i = 0
    while i < len(readings):
        reading = readings[i]
        if i + 1 < len(readings) and not reading.vague and not readings[i + 1].vague:
            other = readings[i + 1]
            first = context.token_at(reading.start)
            before = context.adjacent_words_before(first, 4)
            opener = bool(before) and W.RANGE_OPENERS.matches(before[0].text)
            between = context.text[reading.end : other.start].strip()
            joiner = between in ("و", "-", "–") or W.RANGE_JOINERS.matches(between) if between else False
            # "10 إلى 15" needs no opener; "و" does (قتل 3 و5 جرحوا are two figures)
            joiner = joiner and (opener or between in ("إلى", "الى", "حتى"))
            # ارتفعت الحصيلة من 10 إلى 15: a toll that changed, not a range
            changed = any(W.RISE_VERBS.matches(t.text) for t in before)
            if joiner and not changed and reading.value < other.value:
                out.append(NumberReading(reading.start, other.end, reading.value, reading.value, other.value, "range"))
                i += 2
                continue
        out.append(reading)
        i += 1
    return out


def _status(context: Context, first: int, last: int) -> str | None:
    """The status word nearest the number in its clause; on a tie the one before (قتل 3 وأصيب 5).

    Distance counts neither the qualifier before the number (قتل ما لا يقل عن 45) nor the
    people it counts after it (45 مدنيا وأصيب), and the search stops where a new clause
    starts (14 راكبا، وإن بين المصابين).
    """
    candidates = []
    distance = 0
    for token in clause_words(context, first, -1):
        status = status_of(token.text)
        if status:
            candidates.append((distance, 0, status))
            break
        distance += not W.QUALIFIER_WORDS.matches_plain(token.text)
    distance = 0
    for token in clause_words(context, last, 1):
        status = status_of(token.text)
        if status:
            candidates.append((distance, 1, status))
            break
        distance += not (counts_people(token) or W.NOUN_FILLERS.matches_plain(token.text))
    return min(candidates)[2] if candidates else None


def _attributes(
    context: Context, reading: NumberReading, first: int, last: int, dual: DualNoun | None = None
) -> dict[str, Any]:
    qualifier = _qualifier(context, reading, first, last)
    attrs: dict[str, Any] = {"value": reading.value, "qualifier": qualifier}
    if reading.vague or reading.kind == "range":
        attrs["min"], attrs["max"] = reading.min, reading.max
    elif qualifier == "at_least":
        attrs["min"] = reading.value
    elif qualifier == "up_to":
        attrs["max"] = reading.value
    victims = dual.victims if dual is not None else "unspecified"
    attrs["victims"] = victims if victims != "unspecified" else _victims(context, last)
    attrs["scope"] = "cumulative" if _cumulative(context, first) else "incident"
    return attrs


def _qualifier(context: Context, reading: NumberReading, first: int, last: int) -> str:
    if reading.vague or reading.kind == "range":
        return "vague"
    before = context.adjacent_words_before(first, 4)
    for phrase, qualifier in W.QUALIFIERS:
        if len(before) >= len(phrase) and all(phrase[-1 - j] in W.bases(before[j].text) for j in range(len(phrase))):
            return qualifier
    if _exceeds(clause_words(context, first, -1)):
        return "at_least"
    after = [W.bases(t.text)[0] for t in context.words_after(last, 4)]
    for phrase, qualifier in W.TRAILING_QUALIFIERS:
        for skip in (0, 1):
            if tuple(after[skip : skip + len(phrase)]) == phrase:
                return qualifier
    return "exact"


def _exceeds(before: list[Token]) -> bool:
    """تجاوز 100، تجاوز عدد القتلى في المحافظة 100، فاقت حصيلة الضحايا 100: a verb of exceeding right
    before the figure or followed by the toll it is the figure of (``before`` nearest first);
    not لا يتجاوز, and not past another number."""
    for i, token in enumerate(before):
        if any(ch.isdecimal() for ch in token.text):
            return False
        if W.AT_LEAST_VERBS.matches(token.text):
            if i + 1 < len(before) and W.NEGATIONS.matches_plain(before[i + 1].text):
                return False
            return i == 0 or W.TOLL_WORDS.matches(before[i - 1].text)
    return False


def _victims(context: Context, last: int) -> str:
    """Who the number counts, from the noun after it (28 مدنيا، ثمانية أطفال، 20 آخرين من عناصر)."""
    for token in context.words_after(last, 4):
        for victims, wordlist in W.VICTIM_WORDS.items():
            if wordlist.matches(token.text):
                return victims
        if not (W.NOUN_FILLERS.matches(token.text) or status_of(token.text)):
            break  # "226 ألف قتيل مدني": a status noun between the number and its people
    return "unspecified"


def _cumulative(context: Context, first: int) -> bool:
    """A toll since the start of something (منذ بدء، منذ اندلاعه، منذ 2011) or a stated total, said in
    the figure's own clause (not in "قتل مدنيان، فيما ارتفعت الحصيلة منذ بدء الهجوم إلى 35")."""
    words = context.clause(first)
    for i, token in enumerate(words):
        if W.CUMULATIVE_WORDS.matches(token.text):
            return True
        if W.RISE_VERBS.matches(token.text) and any(W.TOLL_WORDS.matches(t.text) for t in words[i + 1 : i + 3]):
            return True
        if W.SINCE.matches(token.text):
            for following in words[i + 1 : i + 3]:
                if W.CUMULATIVE_AFTER_SINCE.matches(following.text) or W.MONTHS.matches(following.text):
                    return True
                if following.text.isdecimal() and len(following.text) == 4:
                    return True
                if W.bases(following.text)[0].startswith(("اندلاع", "بدء", "بداي", "انطلاق")):
                    return True
    return False
