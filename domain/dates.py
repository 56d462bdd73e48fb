"""Reading a date the way people type it: "tomorrow", "next tuesday", "in 3 days", "01/02".

Common forms are read here directly (fast and predictable); anything else goes to `dateparser`
(in English, then in the user's language: the check-in reader gives another language's words
as English ones, see `domain.lexicons`). A numeric date with two readings (01/02) returns
both, so the caller can ask; a time of day, when given, comes back separately. Everything is
relative to a naive local wall-clock `now`: instants are the caller's business.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from domain.timeofday import parse_time_of_day
from domain.weekdays import FREE_TEXT_MIN_LETTERS, WEEKDAY_NAMES, weekday_index

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "a couple": 2, "a couple of": 2,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "fortnight": 14}
# Future dates, relative to the user's wall clock; no epoch or digit-run parsing ("5" is not a
# date). Numeric dates never get here: they are read above, ambiguity and all.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "future",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
}
_DAY_WORDS = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1, "next week": 7}
_DAY_WORDS |= {"tmr": 1, "tmrow": 1, "2moro": 1, "2morrow": 1, "tomorow": 1, "tommorow": 1}
_DAY_WORDS |= {"day after tomorrow": 2, "the day after tomorrow": 2, "overmorrow": 2}
# Single words that name a day or a month, for readers that look for a date inside a sentence.
DAY_WORDS = frozenset(word for word in _DAY_WORDS if " " not in word)
MONTH_WORDS = frozenset(MONTH_NAMES) | {name[:3] for name in MONTH_NAMES} | {"sept"}
MAX_WHEN_WORDS = 8  # "the day after tomorrow at 10:30 am" is 7: longer is never a date
# Words that may start a date ("on friday", "by the 5th"); they never end a name.
CONNECTORS = frozenset({"on", "by", "at", "before", "after", "until", "till", "this", "for", "in"})
# Words that show the user tried to give a date, for telling "unreadable" from "missing".
DATE_HINTS = frozenset(
    {"next", "tomorrow", "today", "tonight", "yesterday", "within", "end", "mid", *WEEKDAY_NAMES}
)
_DATEPARSER_OPENERS = frozenset({"next", "the", "today", "tomorrow", "tonight"})

_TIME = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|\d{1,2}h\d{2}|noon|midnight)"
_TRAILING_TIME = re.compile(rf"(?P<rest>.*?)[\s,]*(?:\bat\s*|@\s*)?(?P<time>{_TIME})")
_TRAILING_HOUR = re.compile(r"(?P<rest>.+?)\s+(?:at|@)\s*(?P<time>\d{1,2})")
_LEADING_TIME = re.compile(rf"(?:(?:at|@)\s*)?(?P<time>{_TIME})\s+(?:on\s+)?(?P<rest>.+)")
_IN_DAYS = re.compile(
    r"in\s+(?P<count>\d{1,3}|[a-z]+|a couple(?: of)?)\s+(?P<unit>day|week|wk|fortnight)s?"
)
# A part of the day after a day ("monday morning", "tomorrow evening") says no exact time.
_PART_OF_DAY = re.compile(r"(?P<rest>.+?)\s+(?:morning|afternoon|evening|night|eod|noonish)")
_MONTH_DAY = re.compile(
    r"(?:(?P<day1>\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+of)?\s+(?P<month1>[a-z]{3,9})\.?"
    r"|(?P<month2>[a-z]{3,9})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{4}))?"
)
_END_OF = re.compile(r"(?:the\s+)?end\s+(?:of\s+)?(?:the\s+|this\s+)?(?P<unit>week|month)")
_DAY_OF_WEEK = re.compile(
    r"(?P<day>[a-z]{3,9})\s+(?:of\s+)?next\s+week|next\s+week\s+(?:on\s+)?(?P<day2>[a-z]{3,9})"
)
_EARLY_NEXT_WEEK = re.compile(
    r"(?:early|beginning of|start of)\s+next\s+week|after\s+the\s+weekend"
)
_IN_HOURS = re.compile(r"in\s+(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>hour|hr|minute|min)s?")
_ISO_DATE = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})(?:[/.-](?P<year>\d{4}|\d{2}))?\.?")
_DOTTED_DAY_FIRST = re.compile(r"(?:.*\s)?\d{1,2}\.\d{1,2}\.")
_ORDINAL_DAY = re.compile(
    r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)|(?:on\s+the|on|the|day)\s+(?P<bare>\d{1,2})"
)


@dataclass(frozen=True)
class When:
    """What a "when" text says: candidate days (none: a date that does not exist) and a time."""

    days: tuple[date, ...]
    at: time | None = None


def read_when(
    text: str, now: datetime, *, language: str | None = None, spelled: str | None = None
) -> When | None:
    """The days and time `text` names, or None if it does not read as a when at all.

    In another language, `text` is the English words the user's words stand for (the check-in
    reader's glossary) and `spelled` what they typed: what the English readers cannot place
    goes to dateparser in `language` ("через две недели")."""
    lowered = " ".join(text.casefold().split()).rstrip(",!?")
    if not _DOTTED_DAY_FIRST.fullmatch(lowered):  # "1.12." keeps the dot that says day-first
        lowered = lowered.rstrip(".")
    hours = _IN_HOURS.fullmatch(lowered)
    if hours:
        return _in_hours(hours, now)
    part_of_day = _PART_OF_DAY.fullmatch(lowered)
    if part_of_day:
        lowered = part_of_day["rest"]
    rest, time_text = _split_time(lowered)
    at = parse_time_of_day(time_text) if time_text else None
    if rest:
        days = _read_days(rest, now, language, spelled)
    elif at is not None:  # a time alone: today if it is still ahead, else tomorrow
        days = (now.date() + timedelta(days=0 if at > now.time() else 1),)
    else:
        days = ()
    if days is None:
        return None
    valid_time = at is not None or time_text is None
    return When(days if valid_time else (), at)  # no days: a time that does not exist (25:00)


def _split_time(text: str) -> tuple[str, str | None]:
    """`text` without a leading or trailing time of day, and that time's text if there is one."""
    for pattern in (_TRAILING_TIME, _LEADING_TIME, _TRAILING_HOUR):
        match = pattern.fullmatch(text)
        if match:
            return match["rest"].strip(" ,"), match["time"]
    return text, None


def _in_hours(match: re.Match[str], now: datetime) -> When | None:
    """`in 3 hours`, `in 30 minutes`: a day and a time of day."""
    count = _count(match["count"])
    if count is None:
        return None
    unit = timedelta(hours=1) if match["unit"] in {"hour", "hr"} else timedelta(minutes=1)
    moment = now + count * unit
    return When((moment.date(),), moment.time().replace(second=0, microsecond=0))


def _read_days(
    text: str, now: datetime, language: str | None = None, spelled: str | None = None
) -> tuple[date, ...] | None:
    """Candidate days for a date without its time: read here, else by dateparser."""
    today = now.date()
    relative = _read_week_relative(text, today)  # before "after" is taken for a connector
    if relative is None:
        relative = _read_ordinal(text, today)  # "on 30" before "on" is dropped
    if relative is not None:
        return relative
    words = text.split()
    while len(words) > 1 and words[0] in CONNECTORS - {"in"}:
        words = words[1:]
    text = " ".join(words)
    readers = (
        _read_word_day,
        _read_in_days,
        _read_iso,
        _read_numeric,
        _read_ordinal,
        _read_month_day,
        _read_week_relative,
    )
    for reader in readers:
        days = reader(text, today)
        if days is not None:
            return days
    if not _worth_dateparser(words):
        return None
    days = _dateparser_days(text, now)
    if days is None and language and spelled:
        days = _dateparser_days(spelled.casefold(), now, language)
    return days


def _read_word_day(text: str, today: date) -> tuple[date, ...] | None:
    """today, tomorrow, yesterday, the day after tomorrow, next week, (next) weekend, friday."""
    if text in _DAY_WORDS:
        return (today + timedelta(days=_DAY_WORDS[text]),)
    bare = text.removeprefix("next ").removeprefix("in ").removeprefix("the ")
    weekday = 5 if bare == "weekend" else weekday_index(bare, min_letters=FREE_TEXT_MIN_LETTERS)
    if weekday is None:
        return None
    return (today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1),)


def _read_in_days(text: str, today: date) -> tuple[date, ...] | None:
    """in 3 days, in a week, in two weeks, in a fortnight."""
    match = _IN_DAYS.fullmatch(text)
    count = _count(match["count"]) if match else None
    if match is None or count is None:
        return None
    return (today + timedelta(days=count * _UNIT_DAYS[match["unit"]]),)


def _read_month_day(text: str, today: date) -> tuple[date, ...] | None:
    """December 3, Dec 3rd, 3 Dec, the 3rd of December (its next occurrence), 3 Dec 2027."""
    match = _MONTH_DAY.fullmatch(text.removeprefix("the "))
    if match is None:
        return None
    month = _month_index(match["month1"] or match["month2"])
    if month is None:
        return None
    year = int(match["year"]) if match["year"] else None
    day = _date_on_or_after(year, month, int(match["day1"] or match["day2"]), today)
    return (day,) if day else ()


def _read_week_relative(text: str, today: date) -> tuple[date, ...] | None:
    """end of the month, end of the week (Friday), Wednesday next week, early next week."""
    end = _END_OF.fullmatch(text)
    if end and end["unit"] == "month":
        following = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        return (following - timedelta(days=1),)
    if end:
        return (today + timedelta(days=(4 - today.weekday()) % 7),)
    next_monday = today + timedelta(days=7 - today.weekday())
    if _EARLY_NEXT_WEEK.fullmatch(text):
        return (next_monday,)
    match = _DAY_OF_WEEK.fullmatch(text)
    weekday = (
        weekday_index(match["day"] or match["day2"], min_letters=FREE_TEXT_MIN_LETTERS)
        if match
        else None
    )
    return None if weekday is None else (next_monday + timedelta(days=weekday),)


def _month_index(word: str) -> int | None:
    """1-12 for a month's name or its first three letters (sept too); None otherwise."""
    word = "sep" if word == "sept" else word
    for index, name in enumerate(MONTH_NAMES, 1):
        if word == name or (len(word) == 3 and name.startswith(word)):
            return index
    return None


def _count(word: str) -> int | None:
    """A small count written in digits or as a word (a, an, one … six)."""
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _read_iso(text: str, _today: date) -> tuple[date, ...] | None:
    """2026-12-01 (never ambiguous); () if no such day exists."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return None
    day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return (day,) if day else ()


def _read_numeric(text: str, today: date) -> tuple[date, ...] | None:
    """01/02, 13.02, 1-2-2027: day-first and month-first readings that exist, day-first first.

    Without a year each reading is its next occurrence from today on.
    """
    match = _NUMERIC_DATE.fullmatch(text)
    if match is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    year = int(match["year"]) if match["year"] else None
    if year is not None and year < 100:
        year += 2000
    dotted = text.endswith(".")  # 1.12. is day-first, as where dates are written so
    readings = [(b, a), (a, b)] if a != b and not dotted else [(b, a)]  # (month, day)
    days = [_date_on_or_after(year, month, day, today) for month, day in readings]
    return tuple(day for day in days if day is not None)


def _read_ordinal(text: str, today: date) -> tuple[date, ...] | None:
    """the 5th, on the 30 (German "am 30.", Portuguese "dia 30"): the next such day of a month
    strictly after today."""
    match = _ORDINAL_DAY.fullmatch(text)
    if match is None:
        return None
    wanted = int(match["day"] or match["bare"])
    month_start = today.replace(day=1)
    for offset in range(13):
        year, month = divmod(month_start.month - 1 + offset, 12)
        day = _safe_date(month_start.year + year, month + 1, wanted)
        if day is not None and day > today:
            return (day,)
    return ()


def _date_on_or_after(year: int | None, month: int, day: int, today: date) -> date | None:
    """That day in `year`, or without a year its next occurrence from today; None if invalid."""
    if year is not None:
        return _safe_date(year, month, day)
    this_year = _safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    for later in range(today.year + 1, today.year + 9):  # 29 February comes back within 8
        found = _safe_date(later, month, day)
        if found is not None:
            return found
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None if it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _worth_dateparser(words: list[str]) -> bool:
    """Whether the text could be a date dateparser knows: it must start like one, so names
    such as "Mo" (which dateparser reads as Monday) and bare numbers stay names."""
    first = words[0].strip(".,")
    if first.isdigit():
        return len(words) > 1
    if any(char.isdigit() for char in first) or first in _DATEPARSER_OPENERS | CONNECTORS:
        return True
    if any(first in {name, name[:3]} for name in MONTH_NAMES) or first == "sept":
        return len(words) > 1  # a bare month is more likely a name (May, June) than a date
    return weekday_index(first, min_letters=FREE_TEXT_MIN_LETTERS) is not None


def _dateparser_days(text: str, now: datetime, language: str = "en") -> tuple[date, ...] | None:
    """The day dateparser reads in `text`, or None."""
    import dateparser  # here, not at the top: slow to import and only needed for rare forms

    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": now}
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return None if parsed is None else (parsed.date(),)
