"""Arabic date expressions: finding them in a text and working out the day they mean.

News dates an attack against the day it was written: أمس الخميس, فجر اليوم, الخميس
الماضي, في السابع من حزيران. With the document's date (its ``date`` metadata, ISO
``YYYY-MM-DD``) each resolves to a day; without it only explicit dates with a year do.

Rules, each a choice a coder can correct in the event's ``date`` attribute:

- اليوم is the document's day, أمس (الأمس، البارحة) the day before, أول أمس / أمس الأول
  two days before; a time of day in front (فجر، صباح، مساء، ليل، ليلة، ظهر، عصر) keeps the day.
- A weekday (الخميس، يوم الجمعة) is the most recent such day on or before the document's
  day; with الماضي (المنصرم، الفائت) strictly before it, since «الخميس الماضي» written
  on a Thursday means a week ago.
- A relative word with a weekday (أمس الخميس) is the relative day; when the weekday
  disagrees with it the relative word wins and the match says so (``note``).
- An explicit day and month (7 حزيران/يونيو 2018، ٧ يونيو، السابع من حزيران) takes
  Levantine or Egyptian/Gulf month names, both together (حزيران/يونيو، سبتمبر(أيلول)),
  and a year when given; without one, the most recent such day on or before the
  document's day. Numeric dates are ``2018-06-07`` or day first, as Arabic papers write
  them: ``7/6/2018``, ``7-6-2018``.

Words are compared normalised (:func:`annotator.text.normalize`), after a proclitic
(وأمس، بالأمس، فالخميس), which a match leaves outside its span. Nothing here raises on
odd text: what cannot be read is simply not a match, and an impossible day (31 شباط)
is a match without a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from annotator.text import Token, normalize, proclitic_candidates, tokenize

RELATIVE = "relative"
WEEKDAY = "weekday"
EXPLICIT = "explicit"
NUMERIC = "numeric"

WEEKDAY_DISAGREES = "weekday_disagrees"
MONTHS_DISAGREE = "months_disagree"
NO_SUCH_DAY = "no_such_day"


@dataclass(frozen=True)
class DateMatch:
    """A date expression ``text[start:end]`` (code points) and the day it means, if known.

    ``iso`` is None when the expression needs the document's date and there is none, or
    names a day that does not exist; ``note`` says why a reading is doubtful.
    """

    start: int
    end: int
    text: str
    iso: str | None
    kind: str
    note: str = ""


def _n(words: dict[str, int]) -> dict[str, int]:
    return {normalize(word): value for word, value in words.items()}


# Days back from the document's day.
_RELATIVE = _n({"اليوم": 0, "أمس": 1, "الأمس": 1, "البارحة": 1, "امس": 1})
_BEFORE_YESTERDAY_FIRST = normalize("أول")  # أول أمس
_FIRST = frozenset({_BEFORE_YESTERDAY_FIRST})
_YESTERDAY = normalize("أمس")
_NOT_TODAY_AFTER = frozenset(normalize(w) for w in ("التالي", "الثاني", "نفسه", "ذاته", "السابق", "الذي", "التي"))
_NOT_TODAY_BEFORE = frozenset(normalize(w) for w in ("ذلك", "تلك", "ذات", "نفس"))
_BEFORE_YESTERDAY_LAST = normalize("الأول")  # أمس الأول
_TIMES_OF_DAY = frozenset(
    normalize(w) for w in ("فجر", "صباح", "مساء", "ليل", "ليلة", "ظهر", "عصر", "ظهيرة", "الفجر", "منتصف")
)
_MIDDLE = normalize("منتصف")  # منتصف ليل أمس
_NIGHTS = (normalize("ليل"), normalize("ليلة"))
_DAY_WORD = normalize("يوم")
_DAY_WORDS = frozenset({_DAY_WORD})
_WEEKDAYS = _n({
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
})
_PAST = frozenset(normalize(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"))
# Words before الجمعة that make it the Friday prayer, not a day.
_NOT_A_DAY_BEFORE = frozenset(normalize(w) for w in ("صلاة", "خطبة", "صلاه", "خطبه"))

_MONTHS = _n({
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
})
# Two-word Levantine months: كانون الثاني is January, كانون الأول December.
_TWO_WORD_MONTHS = {
    (normalize("كانون"), normalize("الثاني")): 1,
    (normalize("كانون"), normalize("الأول")): 12,
    (normalize("تشرين"), normalize("الأول")): 10,
    (normalize("تشرين"), normalize("الثاني")): 11,
}
_ORDINAL_UNITS = _n({
    "الأول": 1, "الحادي": 1, "الواحد": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10,
})
_ORDINAL_TENS = _n({"العشرين": 20, "الثلاثين": 30})
_TEEN = normalize("عشر")
_OF = normalize("من")
_YEAR_WORDS = frozenset(normalize(w) for w in ("عام", "العام", "سنة"))
_YEAR_MARKS = frozenset(("م",))
_MONTH_JOINERS = frozenset("/-(–")

# Every word a date expression can begin with (digits aside).
_STARTERS = frozenset(
    [*_RELATIVE, *_TIMES_OF_DAY, _DAY_WORD, *_WEEKDAYS, *_ORDINAL_UNITS, *_ORDINAL_TENS, _BEFORE_YESTERDAY_FIRST]
)

_DIGIT_CLASS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMERIC_RE = re.compile(
    rf"(?<![{_DIGIT_CLASS}/.-])(?:([{_DIGIT_CLASS}]{{4}})-([{_DIGIT_CLASS}]{{1,2}})-([{_DIGIT_CLASS}]{{1,2}})"
    rf"|([{_DIGIT_CLASS}]{{1,2}})([/-])([{_DIGIT_CLASS}]{{1,2}})\5([{_DIGIT_CLASS}]{{4}}))(?![{_DIGIT_CLASS}/-])"
)


def parse_iso(value: object) -> dt.date | None:
    """The day an ISO date (or date-time) string names; None for anything else."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(expression: str, document_date: str | None = None) -> tuple[str | None, DateMatch | None]:
    """The ISO day the first date expression in ``expression`` means, and that match.

    ``(None, None)`` when it holds no date expression; ``(None, match)`` when it does but
    the day cannot be known (no document date, or no such day).
    """
    found = find_dates(expression, document_date)
    if not found:
        return None, None
    return found[0].iso, found[0]


def find_dates(text: str, document_date: str | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order, none overlapping, each with its day when known."""
    try:
        return _find(text, parse_iso(document_date))
    except (ValueError, OverflowError, IndexError):  # pragma: no cover - a reading rule missed a case
        return []


def _find(text: str, today: dt.date | None) -> list[DateMatch]:
    numeric = [_numeric(text, m) for m in _NUMERIC_RE.finditer(text)]
    taken = [(m.start, m.end) for m in numeric]
    scanner = _Scanner(text, [t for t in tokenize(text) if not any(s <= t.start < e for s, e in taken)], today)
    return sorted(numeric + scanner.scan(), key=lambda m: m.start)


def _numeric(text: str, match: re.Match[str]) -> DateMatch:
    if match.group(1):
        year, month, day = match.group(1), match.group(2), match.group(3)
    else:
        day, month, year = match.group(4), match.group(6), match.group(7)
    found = _day(int(year), int(month), int(day))
    return DateMatch(match.start(), match.end(), match.group(), found.isoformat() if found else None, NUMERIC,
                     "" if found else NO_SUCH_DAY)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None


def _weekday_before(today: dt.date | None, weekday: int, strictly: bool) -> dt.date | None:
    if today is None:
        return None
    back = (today.weekday() - weekday) % 7
    return _shift(today, 7 if strictly and back == 0 else back)


@dataclass(frozen=True)
class _Reading:
    """A word of the text, normalised, with the proclitic its match leaves out."""

    clitic: int
    form: str


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[_Reading, ...]:
    out = [_Reading(0, normalize(word))]
    out += [_Reading(n, normalize(word[n:])) for n in proclitic_candidates(word)]
    return tuple(out)


@lru_cache(maxsize=65536)
def _can_start(word: str) -> bool:
    """Whether a date expression may begin with this word: most words of a text are let go here."""
    return any(r.form in _STARTERS or r.form.isdecimal() for r in _readings(word))


class _Scanner:
    """Reads date expressions token by token, longest pattern first."""

    def __init__(self, text: str, tokens: list[Token], today: dt.date | None):
        self.text = text
        self.tokens = tokens
        self.today = today
        self.readings = [_readings(t.text) for t in tokens]

    def scan(self) -> list[DateMatch]:
        out: list[DateMatch] = []
        i = 0
        while i < len(self.tokens):
            if not _can_start(self.tokens[i].text):
                i += 1
                continue
            found = self._explicit(i) or self._relative(i) or self._weekday(i)
            if found is None:
                i += 1
                continue
            end, clitic, iso, kind, note = found
            start = self.tokens[i].start + clitic
            stop = self.tokens[end - 1].end
            out.append(DateMatch(start, stop, self.text[start:stop], iso, kind, note))
            i = end
        return out

    # --- reading one token ---------------------------------------------------------------

    def _form(self, i: int) -> str:
        return self.readings[i][0].form if 0 <= i < len(self.tokens) else ""

    def _lookup(self, i: int, table: dict[str, int], *, clitic: bool = True) -> tuple[int, int] | None:
        """``(value, clitic length)`` when token ``i`` (after a proclitic if allowed) is in ``table``."""
        if i >= len(self.tokens):
            return None
        for reading in self.readings[i] if clitic else self.readings[i][:1]:
            if reading.form in table:
                return table[reading.form], reading.clitic
        return None

    def _is(self, i: int, words: frozenset[str], *, clitic: bool = False) -> int | None:
        if i >= len(self.tokens):
            return None
        for reading in self.readings[i] if clitic else self.readings[i][:1]:
            if reading.form in words:
                return reading.clitic
        return None

    def _number(self, i: int, low: int, high: int, digits: int) -> int | None:
        form = self._form(i)
        if not form.isdecimal() or not form.isascii() or len(form) > digits:
            return None
        value = int(form)
        return value if low <= value <= high else None

    # --- patterns: each returns (end token, clitic, iso, kind, note) ---------------------------

    def _time_of_day(self, i: int) -> tuple[int, int] | None:
        """``(next token, clitic)`` after فجر / صباح / مساء / منتصف ليل at ``i``, or None."""
        clitic = self._is(i, _TIMES_OF_DAY, clitic=True)
        if clitic is None:
            return None
        nxt = i + 1
        if any(r.form == _MIDDLE for r in self.readings[i]) and self._form(nxt) in _NIGHTS:
            nxt += 1
        return nxt, clitic

    def _relative(self, i: int) -> tuple[int, int, str | None, str, str] | None:
        lead = self._time_of_day(i)
        j, clitic = lead if lead else (i, -1)
        day_word = self._is(j, _DAY_WORDS, clitic=True)
        if day_word is not None and self._lookup(j + 1, _RELATIVE) is not None:
            clitic = clitic if lead else day_word
            lead, j = (j + 1, clitic), j + 1
        first = self._is(j, _FIRST, clitic=True)
        if first is not None and self._form(j + 1) == _YESTERDAY:
            days, first_clitic, end = 2, first, j + 2
        else:
            found = self._lookup(j, _RELATIVE)
            if found is None:
                return None
            days, first_clitic = found
            end = j + 1
            if days == 1 and self._form(end) == _BEFORE_YESTERDAY_LAST:
                days, end = 2, end + 1
            if days == 0 and (self._form(end) in _NOT_TODAY_AFTER or self._form(j - 1) in _NOT_TODAY_BEFORE):
                return None  # اليوم التالي، ذلك اليوم: a day of the story, not the document's
        if lead is None:
            clitic = first_clitic or 0
        day = _shift(self.today, days)
        note = ""
        weekday = self._lookup(end, _WEEKDAYS, clitic=False)
        if weekday is not None:
            end += 1
            if day is not None and day.weekday() != weekday[0]:
                note = WEEKDAY_DISAGREES
        return end, clitic, day.isoformat() if day else None, RELATIVE, note

    def _weekday_at(self, i: int) -> tuple[int, int, int] | None:
        """``(weekday, next token, clitic)`` for الخميس / يوم الخميس / مساء الخميس at ``i``."""
        lead = self._time_of_day(i)
        j, clitic = lead if lead else (i, -1)
        day_word = self._is(j, _DAY_WORDS, clitic=True)
        if day_word is not None:
            if lead is None:
                clitic = day_word
            j += 1
        found = self._lookup(j, _WEEKDAYS, clitic=day_word is None and lead is None)
        if found is None:
            found = self._lookup(j, _WEEKDAYS, clitic=False)
            if found is None:
                return None
        if lead is None and day_word is None:
            clitic = found[1]
            if found[0] == 4 and i > 0 and self._form(i - 1) in _NOT_A_DAY_BEFORE:
                return None
        return found[0], j + 1, clitic

    def _weekday(self, i: int) -> tuple[int, int, str | None, str, str] | None:
        found = self._weekday_at(i)
        if found is None:
            return None
        weekday, end, clitic = found
        strictly = self._is(end, _PAST) is not None
        if strictly:
            end += 1
        day = _weekday_before(self.today, weekday, strictly)
        return end, clitic, day.isoformat() if day else None, WEEKDAY, ""

    def _explicit(self, i: int) -> tuple[int, int, str | None, str, str] | None:
        weekday: int | None = None
        clitic = 0
        j = i
        named = self._weekday_at(i)
        if named is not None:
            weekday, j, clitic = named
            if self._form(j) == "،" or self._form(j) == ",":
                j += 1
        day, j, day_clitic = self._day_number(j)
        if day is None:
            return None
        if named is None:
            clitic = day_clitic
        month, j, note = self._month(j)
        if month is None:
            return None
        year, j = self._year(j)
        if year is None:
            if self.today is None:
                return j, clitic, None, EXPLICIT, note
            found = _day(self.today.year, month, day)
            if found is not None and found > self.today:
                found = _day(self.today.year - 1, month, day)
        else:
            found = _day(year, month, day)
        if found is None:
            return j, clitic, None, EXPLICIT, NO_SUCH_DAY
        if weekday is not None and found.weekday() != weekday:
            note = note or WEEKDAY_DISAGREES
        return j, clitic, found.isoformat(), EXPLICIT, note

    def _day_number(self, i: int) -> tuple[int | None, int, int]:
        """``(day, next token, clitic)``: 7, ٧, السابع (من), الحادي عشر, الحادي والعشرين."""
        for reading in self.readings[i] if i < len(self.tokens) else ():
            form = reading.form
            if form.isdecimal() and form.isascii() and len(form) <= 2 and 1 <= int(form) <= 31:
                return int(form), i + 1, reading.clitic
        unit = self._lookup(i, _ORDINAL_UNITS)
        tens = self._lookup(i, _ORDINAL_TENS)
        if unit is None and tens is None:
            return None, i, 0
        if tens is not None:
            value, clitic, j = tens[0], tens[1], i + 1
        else:
            assert unit is not None
            value, clitic, j = unit[0], unit[1], i + 1
            if self._form(j) == _TEEN and value < 10:
                value, j = value + 10, j + 1
            else:
                more = self._lookup(j, _ORDINAL_TENS)
                if more is not None and more[1] > 0 and value < 10:
                    value, j = value + more[0], j + 1
        if self._form(j) == _OF:
            j += 1
        elif tens is None and value <= 10:
            return None, i, 0  # الثاني alone is "the second" of anything: only «الثاني من» is a day
        return value, j, clitic

    def _month(self, i: int) -> tuple[int | None, int, str]:
        first, j = self._month_name(i)
        if first is None:
            return None, i, ""
        k = j
        opened = False
        if self._form(k) in _MONTH_JOINERS:
            opened = self._form(k) == "("
            k += 1
        second, k2 = self._month_name(k)
        if second is None:
            return first, j, ""
        j = k2
        if opened and self._form(j) == ")":
            j += 1
        return first, j, "" if second == first else MONTHS_DISAGREE

    def _month_name(self, i: int) -> tuple[int | None, int]:
        pair = (self._form(i), self._form(i + 1))
        if pair in _TWO_WORD_MONTHS:
            return _TWO_WORD_MONTHS[pair], i + 2
        found = self._lookup(i, _MONTHS)
        return (found[0], i + 1) if found else (None, i)

    def _year(self, i: int) -> tuple[int | None, int]:
        j = i + 1 if self._form(i) in _YEAR_WORDS else i
        year = self._number(j, 1, 9999, 4)
        if year is None or len(self._form(j)) != 4:
            return None, i
        j += 1
        if self._form(j) in _YEAR_MARKS:
            j += 1
        return year, j
