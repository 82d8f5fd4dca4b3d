"""The day a time expression of a report means, counted from the report's own date.

An ATTACK's ``date`` role holds the words (أمس الخميس); its ``date`` attribute holds the day
(2018-06-07), which conflict datasets need. News reports date events relative to the day
they are published, so the day is worked out from the document's date, and left for the
coder to fill when the words do not say it (or the document has no date). The coder can
always change it: this is a proposal, not a rule.

Read: a full date (7 حزيران/يونيو 2018, 2018-06-07, 7/6/2018), a day and month (the year the
report's, or the one before when that day would come after the report), اليوم, أمس or
البارحة, أول أمس, قبل يومين / قبل N أيام, and a weekday (الخميس: the last Thursday on or
before the report's day; الخميس الماضي: the one before the report's day).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from annotator.text import normalize

# Month names, Levantine and Iraqi (كانون الثاني) and Egyptian and Gulf (يناير), normalised;
# two-word names first, so تشرين الاول is not read as تشرين.
_MONTHS: tuple[tuple[str, int], ...] = (
    ("كانون الثاني", 1), ("كانون الاول", 12), ("تشرين الاول", 10), ("تشرين الثاني", 11),
    ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6), ("تموز", 7), ("اب", 8),
    ("ايلول", 9), ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("افريل", 4), ("مايو", 5),
    ("ماي", 5), ("يونيو", 6), ("يونيه", 6), ("جوان", 6), ("يوليو", 7), ("يوليه", 7), ("جويليه", 7),
    ("اغسطس", 8), ("اوت", 8), ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
)
_MONTH = "|".join(re.escape(name) for name, _ in _MONTHS)
_MONTH_NUMBER = dict(_MONTHS)
# A day, a month name (or two joined by /, as حزيران/يونيو), and maybe a year.
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_MONTH})(?:\s*/\s*(?:{_MONTH}))?(?:\s+(?:عام\s+|سنه\s+)?(\d{{4}}))?(?!\S)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# Monday is 0, as date.weekday() counts.
_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_DAYS_AGO = re.compile(r"قبل\s+(\d+)\s+(?:ايام|يوما)")


def document_day(document_date: str) -> date | None:
    """The day a document's stored date names (an ISO date, or the start of an ISO timestamp)."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", document_date or "")
    return _day(*match.groups()) if match else None


def resolve_date(expression: str, document_date: str = "") -> str | None:
    """The ISO day (YYYY-MM-DD) ``expression`` means in a document dated ``document_date``;
    None when the words do not fix a day, or fix it only relative to a date the document lacks."""
    words = normalize(expression)
    for pattern in (_ISO, _NUMERIC):
        match = pattern.search(words)
        if match:
            year, month, day = match.groups() if pattern is _ISO else match.groups()[::-1]
            found = _day(year, month, day)
            return found.isoformat() if found else None
    published = document_day(document_date)
    match = _DAY_MONTH.search(words)
    if match:
        day, month_name, year = match.groups()
        month = _MONTH_NUMBER[month_name]
        if year:
            found = _day(year, str(month), day)
        elif published is not None:
            found = _day(str(published.year), str(month), day)
            if found is not None and found > published:  # a day not yet come: last year's
                found = _day(str(published.year - 1), str(month), day)
        else:
            found = None
        return found.isoformat() if found else None
    if published is None:
        return None
    offset = _relative_days(words)
    if offset is not None:
        return (published - timedelta(days=offset)).isoformat()
    weekday = next((number for name, number in _WEEKDAYS.items() if re.search(rf"(?:^|\s|و){name}(?!\S)", words)), None)
    if weekday is None:
        return None
    back = (published.weekday() - weekday) % 7
    if back == 0 and re.search(r"(?:الماضي|المنصرم|الفائت)ه?(?!\S)", words):
        back = 7
    return (published - timedelta(days=back)).isoformat()


def _relative_days(words: str) -> int | None:
    """Days before the report's day that اليوم، أمس، أول أمس، قبل يومين… name."""
    if re.search(r"(?:^|\s)(?:اول\s+(?:من\s+)?امس|قبل\s+امس|قبل\s+يومين)(?!\S)", words):
        return 2
    if re.search(r"(?:^|\s)(?:ال|و|وال)?(?:امس|البارحه|بارحه)(?!\S)", words):
        return 1
    if re.search(r"(?:^|\s)(?:و)?اليوم(?!\S)", words):
        return 0
    match = _DAYS_AGO.search(words)
    return int(match.group(1)) if match else None


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
