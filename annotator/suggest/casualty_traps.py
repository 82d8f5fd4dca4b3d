"""Numbers the casualty reader must never suggest, and why each is not a casualty figure.

Years (العام 2014), dates (10 سبتمبر), percentages, ages (دون سن 15، في الـ17 من
عمره), units and references (اللواء 47، القناة 12، القرار 2254), and counts of
things: the noun a number counts decides (12 متجرا، 8 منازل، 40 غارة). People
who are counted but not hurt are no figure either: set free (أفرج عن 20 معتقلا),
aboard or housed (كان القارب يقل 45 شخصا), or a toll of others (عدد النازحين 5000).
"""

from __future__ import annotations

from annotator.numbers import NumberReading
from annotator.suggest import words as W
from annotator.suggest.clauses import Context, clause_words, counts_people, status_of
from annotator.text import Token, normalize

RELEASE_WINDOW = 8  # words before the number in which a verb of freeing counts (أفرجت مصلحة السجون فجر اليوم عن 90)


def not_a_casualty(context: Context, reading: NumberReading, first: int, last: int) -> bool:
    """Years, dates, percentages, times and counts of things are not casualty figures."""
    text = context.text
    after = text[reading.end : reading.end + 2].lstrip()
    if after[:1] in ("%", "٪"):
        return True
    noun = _counted_noun(context, last)
    before = context.adjacent_words_before(first, 2)
    if noun is not None and any(
        wl.matches_plain(form) for form in _singular_forms(noun.text) for wl in (W.NOT_PEOPLE, W.PERCENT_WORDS, W.MONTHS)
    ):
        return True
    if before and W.AGENT_VERBS.matches(before[0].text):
        return True
    following = context.words_after(last, 2)
    if len(following) == 2 and following[0].text in ("في", "من") and W.PERCENT_WORDS.matches(following[1].text):
        return True
    if _joined_count_of_things(following):
        return True
    if _toll_of_others(clause_words(context, first, -1)[:6]):
        return True
    if len(following) == 2 and following[0].text == "من" and W.AGE_AFTER.matches(following[1].text):
        return True  # في الـ12 من عمره
    if before and W.MONTHS.matches(before[0].text) and not _status_noun(noun):
        return True  # أيلول/سبتمبر 2024, but not «منذ أيلول/سبتمبر ٥٦٠ قتيلاً»
    if before and W.YEAR_CUES.matches(before[0].text):
        return True
    previous = context.tokens[first - 1] if first > 0 else None
    if previous is not None and previous.text == "/" and first > 1 and W.MONTHS.matches(context.tokens[first - 2].text):
        return True
    if noun is not None and W.YEAR_MARKS.matches_plain(noun.text):
        return True
    if reading.kind == "digits" and 1900 <= reading.value <= 2100 and not counts_people(noun):
        return True
    if reading.kind == "range" and 1900 <= reading.min <= reading.max <= 2100 and not counts_people(noun):
        return True  # بين 2015 و2020
    # "الأيام الثلاثة": a definite number after the noun it counts
    number_text = text[reading.start : reading.end]
    return bool(number_text.startswith("ال") and before and W.NOT_PEOPLE.matches(before[0].text))


def _status_noun(noun: Token | None) -> bool:
    return noun is not None and any(wl.matches(noun.text) for wl in W.STATUS_NOUNS.values())


def _joined_count_of_things(following: list[Token]) -> bool:
    """فتيين (15 و16 عاماً): a number joined to the next one shares the noun after it."""
    if len(following) < 2 or not following[0].text.startswith("و") or not following[0].text[1:].isdecimal():
        return False
    return any(W.NOT_PEOPLE.matches_plain(form) for form in _singular_forms(following[1].text))


def _singular_forms(word: str) -> tuple[str, ...]:
    """A counted noun as written and without the accusative's alif (17 هجوما، 60 رأسا): the lists
    hold the bare noun."""
    bare = normalize(word)
    return (bare, bare[:-1]) if len(bare) > 3 and bare.endswith("ا") else (bare,)


def _toll_of_others(before: list[Token]) -> bool:
    """بلغ عدد النازحين 5000: the figure of a count of people who are not casualties (nearest word first)."""
    for i, token in enumerate(before):
        if i and W.TOLL_WORDS.matches(token.text):
            return W.NOT_VICTIMS.matches(before[i - 1].text)
        if status_of(token.text) or any(ch.isdecimal() for ch in token.text):
            return False  # the toll, if any, is another figure's
    return False


def _counted_noun(context: Context, last: int) -> Token | None:
    """The word right after the number in its sentence: the noun it counts (54 شخصا، 10 أيام), if any.

    Lists are matched on it as written (``matches_plain``), so بغارة in
    "مقتل 54 بغارة" (in a raid) is not taken for غارة, a count of raids.
    """
    token = context.next_token(last)
    if token is None or not token.is_word or context.sentence[last + 1] != context.sentence[last]:
        return None
    return token


def released(context: Context, first: int) -> bool:
    """أفرج عن 20 معتقلا، أفرج الشهر الماضي عن 12 محتجزا: people set free are not casualties, when no
    status word stands between the verb and the figure (الإفراج عن 5 وقتل 3); nor are people held
    or housed (كان القارب يقل نحو 45 شخصا)."""
    for token in clause_words(context, first, -1)[:RELEASE_WINDOW]:
        if W.RELEASE_WORDS.matches(token.text):
            return True
        if status_of(token.text):
            break
    before = context.adjacent_words_before(first, 3)
    if before and W.FREEING_NOUNS.matches(before[0].text):
        return True  # وتحرير 19 مهاجراً
    for at in (0, 1):  # تقل 45، تقل نحو 45
        if len(before) > at and W.HOLDING_WORDS.matches_plain(before[at].text):
            # لا يقل عن is a qualifier, not a verb of holding
            return not (len(before) > at + 1 and W.NEGATIONS.matches_plain(before[at + 1].text))
        if not (before and W.QUALIFIER_WORDS.matches_plain(before[0].text)):
            break
    return False
