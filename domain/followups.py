"""Follow-ups: reading "/followup Sally next tuesday — send the article", and reminding politely.

Promised things slip (principle 7), so a follow-up gets a date the user types in their own
words. Chasing someone who does not answer burns the bridge (principle 8), so reminders come
back with widening gaps, a few times at most, and the coach notices repeated unanswered
follow-ups. Dates are the user's local dates; instants are the caller's business.

Reading a date: the note is split off first, then the longest run of final words that reads as
a date is the "when" and the words before it are the name. Common forms are read here
directly (fast and predictable); anything else goes to `dateparser` (English only). Without a
time of day the request says so (`due_time` is None) and the caller picks one.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from domain.contacts import clean_display_name
from domain.timeofday import parse_time_of_day

# An unanswered follow-up nudge comes back after 1, then 3 more, then 7 more days; after
# MAX_REMINDERS the coach asks whether to let it rest instead.
REMINDER_GAPS = (1, 3, 7)
MAX_REMINDERS = len(REMINDER_GAPS)
# This many follow-ups to one contact without a reply is pestering (principle 8).
PESTER_THRESHOLD = 3


@dataclass(frozen=True)
class FollowupRequest:
    name: str
    when_text: str
    note: str | None
    due_date: date
    due_time: time | None  # None: no time of day given


@dataclass(frozen=True)
class NeedsMore:
    missing: Literal["name", "when"]


@dataclass(frozen=True)
class Ambiguous:
    """A numeric date with two readings (01/02: 1 February or 2 January), day-first first.

    Only readings that are not past are offered, so there may be a single one to confirm
    (12/03/2026 on 13 March 2026: 3 December, since 12 March is past).
    """

    text: str
    options: list[date]
    name: str = ""
    note: str | None = None
    due_time: time | None = None

    def resolve(self, day: date) -> FollowupRequest:
        """The request once the user has picked `day`."""
        return FollowupRequest(self.name, self.text, self.note, day, self.due_time)


@dataclass(frozen=True)
class InPast:
    text: str
    when: datetime  # aware, in the zone of `now_local`


@dataclass(frozen=True)
class Unreadable:
    text: str


ParseResult = FollowupRequest | NeedsMore | Ambiguous | InPast | Unreadable

_COMMAND = re.compile(r"^/followup(?:@\w+)?(?:\s+|$)", re.IGNORECASE)
_NOTE_SEPARATOR = re.compile(r"\s+-(?:\s+|$)|\s*[—–]\s*|\s*--\s*|:(?:\s+|$)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {"tues": 1, "thur": 3, "thurs": 3}
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NEAR_DAYS = {0: "today", 1: "tomorrow", -1: "yesterday"}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
# Future dates, relative to the user's wall clock; no epoch or digit-run parsing ("5" is not a
# date). Numeric dates never get here: they are read above, ambiguity and all.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "future",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
}
_DAY_WORDS = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1, "next week": 7}
_DAY_WORDS |= {"day after tomorrow": 2, "the day after tomorrow": 2}
_MAX_WHEN_WORDS = 8  # "the day after tomorrow at 10:30 am" is 7: longer is never a date
# Words that may start a date ("on friday", "by the 5th"); they never end a name.
_CONNECTORS = frozenset({"on", "by", "at", "before", "after", "until", "till", "this", "for", "in"})
# Words that show the user tried to give a date, for telling "unreadable" from "missing".
_DATE_HINTS = frozenset(
    {"next", "tomorrow", "today", "tonight", "yesterday", "within", "end", "mid", *_WEEKDAYS}
)
_DATEPARSER_OPENERS = frozenset({"next", "the", "today", "tomorrow", "tonight"})

_TIME = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|\d{1,2}h\d{2}|noon|midnight)"
_TRAILING_TIME = re.compile(rf"(?P<rest>.*?)[\s,]*(?:\bat\s*|@\s*)?(?P<time>{_TIME})")
_TRAILING_HOUR = re.compile(r"(?P<rest>.+?)\s+(?:at|@)\s*(?P<time>\d{1,2})")
_LEADING_TIME = re.compile(rf"(?:(?:at|@)\s*)?(?P<time>{_TIME})\s+(?:on\s+)?(?P<rest>.+)")
_IN_DAYS = re.compile(r"in\s+(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>day|week|fortnight)s?")
_IN_HOURS = re.compile(r"in\s+(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>hour|hr|minute|min)s?")
_ISO_DATE = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})(?:[/.-](?P<year>\d{4}|\d{2}))?")
_ORDINAL_DAY = re.compile(r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)")


@dataclass(frozen=True)
class _When:
    """What a "when" text says: candidate days (none: a date that does not exist) and a time."""

    days: tuple[date, ...]
    at: time | None = None


def parse_followup(text: str, *, now_local: datetime) -> ParseResult:
    """Read `<name> <when> [— note]` (an optional leading /followup is ignored).

    `now_local` is the aware current time in the user's zone. Weekday names mean the next such
    day strictly after today ("friday" on a Friday is a week away); a time alone means today if
    it is still ahead, else tomorrow; "next week" is seven days from today.
    """
    body = _COMMAND.sub("", text.strip(), count=1)
    head, note = _split_note(body)
    words = head.split()
    if not words:
        return NeedsMore("name")
    for start in range(max(0, len(words) - _MAX_WHEN_WORDS), len(words)):
        when_text = " ".join(words[start:])
        when = _read_when(when_text, now_local.replace(tzinfo=None))
        if when is None:
            continue
        name = _name_from(words[:start])
        if name is None:
            return NeedsMore("name")
        return _result(name, when_text, note, when, now_local)
    return _missing_when(words)


def next_reminder(due: datetime, reminders_sent: int) -> datetime | None:
    """When to nudge again about a follow-up due at `due` that is still open.

    The first nudge comes at `due`; with `reminders_sent` more already sent the next one is
    due + 1, + 4, then + 11 days (gaps of 1, 3, 7). None once MAX_REMINDERS have been sent.
    The arithmetic is on the wall clock of `due`, so an aware local time keeps its hour.
    """
    if reminders_sent < 0:
        raise ValueError(f"reminders_sent must be >= 0, got {reminders_sent}")
    if reminders_sent >= MAX_REMINDERS:
        return None
    return due + timedelta(days=sum(REMINDER_GAPS[: reminders_sent + 1]))


def is_pestering(followups_without_reply: int) -> bool:
    """Whether that many follow-ups to one person without a reply is enough to stop chasing."""
    return followups_without_reply >= PESTER_THRESHOLD


def relative_day(day: date, today: date) -> str:
    """`day` as a list shows it: today, tomorrow, on Monday (2–6 days ahead, where the weekday
    is unambiguous), in 9 days, in 2 weeks, in 3 months, and the same backwards (3 days ago)."""
    delta = (day - today).days
    if delta in _NEAR_DAYS:
        return _NEAR_DAYS[delta]
    if 2 <= delta <= 6:
        return f"on {_WEEKDAYS[day.weekday()].capitalize()}"
    amount = _rough_amount(abs(delta))
    return f"in {amount}" if delta > 0 else f"{amount} ago"


def _rough_amount(days: int) -> str:
    """The amount in the unit that reads naturally: 9 days, 2 weeks, 3 months, 2 years."""
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(round(days / 7), "week")
    if days < 730:
        return _plural(round(days / 30.44), "month")
    return _plural(round(days / 365.25), "year")


def _plural(count: int, unit: str) -> str:
    """`1 day`, `2 days`."""
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _split_note(text: str) -> tuple[str, str | None]:
    """The text before the first note separator (— – - -- or ": "), and the note if any."""
    parts = _NOTE_SEPARATOR.split(text, maxsplit=1)
    note = parts[1].strip() if len(parts) == 2 else ""
    return parts[0].strip(), note or None


def _name_from(words: list[str]) -> str | None:
    """The cleaned name, without a dangling "on" or "by" before the date or "with" before it."""
    while words and words[-1].casefold() in _CONNECTORS:
        words = words[:-1]
    if words and words[0].casefold() == "with":
        words = words[1:]
    return clean_display_name(" ".join(words))


def _missing_when(words: list[str]) -> ParseResult:
    """No date found: Unreadable if the user clearly tried to give one, else ask for it."""
    for index, word in enumerate(words[1:], 1):
        bare = word.casefold().strip(".,!?")
        connector = bare in _CONNECTORS and index < len(words) - 1  # "on" alone is no attempt
        if connector or bare in _DATE_HINTS or any(char.isdigit() for char in bare):
            return Unreadable(" ".join(words[index:]))
    return NeedsMore("when")


def _result(name: str, when_text: str, note: str | None, when: _When, now: datetime) -> ParseResult:
    """The outcome once name and when are known: the request, or why it cannot be one yet."""
    if not when.days:
        return Unreadable(when_text)
    future = [day for day in when.days if not _is_past(day, when.at, now)]
    if not future:
        moment = datetime.combine(when.days[0], when.at or time(0), tzinfo=now.tzinfo)
        return InPast(when_text, moment)
    if len(when.days) > 1:  # never pick a reading silently, even if the other one is past
        return Ambiguous(when_text, future, name, note, when.at)
    return FollowupRequest(name, when_text, note, future[0], when.at)


def _is_past(day: date, at: time | None, now: datetime) -> bool:
    """Whether `day` (at `at`, if given) is before `now`; today without a time is not."""
    if at is None:
        return day < now.date()
    return datetime.combine(day, at) < now.replace(tzinfo=None)


def _read_when(text: str, now: datetime) -> _When | None:
    """The days and time `text` names, or None if it does not read as a when at all."""
    lowered = " ".join(text.casefold().split()).rstrip(".,!?")
    hours = _IN_HOURS.fullmatch(lowered)
    if hours:
        return _in_hours(hours, now)
    rest, time_text = _split_time(lowered)
    at = parse_time_of_day(time_text) if time_text else None
    if rest:
        days = _read_days(rest, now)
    elif at is not None:  # a time alone: today if it is still ahead, else tomorrow
        days = (now.date() + timedelta(days=0 if at > now.time() else 1),)
    else:
        days = ()
    if days is None:
        return None
    valid_time = at is not None or time_text is None
    return _When(days if valid_time else (), at)  # no days: a time that does not exist (25:00)


def _split_time(text: str) -> tuple[str, str | None]:
    """`text` without a leading or trailing time of day, and that time's text if there is one."""
    for pattern in (_TRAILING_TIME, _LEADING_TIME, _TRAILING_HOUR):
        match = pattern.fullmatch(text)
        if match:
            return match["rest"].strip(" ,"), match["time"]
    return text, None


def _in_hours(match: re.Match[str], now: datetime) -> _When | None:
    """`in 3 hours`, `in 30 minutes`: a day and a time of day."""
    count = _count(match["count"])
    if count is None:
        return None
    unit = timedelta(hours=1) if match["unit"] in {"hour", "hr"} else timedelta(minutes=1)
    moment = now + count * unit
    return _When((moment.date(),), moment.time().replace(second=0, microsecond=0))


def _read_days(text: str, now: datetime) -> tuple[date, ...] | None:
    """Candidate days for a date without its time: read here, else by dateparser."""
    today = now.date()
    words = text.split()
    while len(words) > 1 and words[0] in _CONNECTORS - {"in"}:
        words = words[1:]
    text = " ".join(words)
    for reader in (_read_word_day, _read_in_days, _read_iso, _read_numeric, _read_ordinal):
        days = reader(text, today)
        if days is not None:
            return days
    return _dateparser_days(text, now) if _worth_dateparser(words) else None


def _read_word_day(text: str, today: date) -> tuple[date, ...] | None:
    """today, tomorrow, yesterday, the day after tomorrow, next week, (next) weekend, friday."""
    if text in _DAY_WORDS:
        return (today + timedelta(days=_DAY_WORDS[text]),)
    bare = text.removeprefix("next ")
    weekday = 5 if bare == "weekend" else _weekday_index(bare)
    if weekday is None:
        return None
    return (today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1),)


def _weekday_index(word: str) -> int | None:
    """0..6 for a weekday name or its usual short forms (mon, tue, tues, thurs)."""
    if word in _WEEKDAY_ABBREVIATIONS:
        return _WEEKDAY_ABBREVIATIONS[word]
    if len(word) < 3:
        return None
    return next((i for i, name in enumerate(_WEEKDAYS) if word in {name, name[:3]}), None)


def _read_in_days(text: str, today: date) -> tuple[date, ...] | None:
    """in 3 days, in a week, in two weeks, in a fortnight."""
    match = _IN_DAYS.fullmatch(text)
    count = _count(match["count"]) if match else None
    if match is None or count is None:
        return None
    return (today + timedelta(days=count * _UNIT_DAYS[match["unit"]]),)


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
    readings = [(b, a), (a, b)] if a != b else [(a, b)]  # (month, day)
    days = [_date_on_or_after(year, month, day, today) for month, day in readings]
    return tuple(day for day in days if day is not None)


def _read_ordinal(text: str, today: date) -> tuple[date, ...] | None:
    """the 5th: the next 5th of a month strictly after today."""
    match = _ORDINAL_DAY.fullmatch(text)
    if match is None:
        return None
    wanted = int(match["day"])
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
    if any(char.isdigit() for char in first) or first in _DATEPARSER_OPENERS | _CONNECTORS:
        return True
    if any(first in {name, name[:3]} for name in _MONTHS) or first == "sept":
        return len(words) > 1  # a bare month is more likely a name (May, June) than a date
    return _weekday_index(first) is not None


def _dateparser_days(text: str, now: datetime) -> tuple[date, ...] | None:
    """The day dateparser reads in `text`, or None."""
    import dateparser  # here, not at the top: slow to import and only needed for rare forms

    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": now}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return None if parsed is None else (parsed.date(),)
