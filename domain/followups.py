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
from enum import StrEnum
from typing import Literal

from domain.contacts import clean_display_name
from domain.dates import CONNECTORS, DATE_HINTS, MAX_WHEN_WORDS, When, read_when
from domain.ledger import starts_like_a_sentence
from domain.lexicons import ENGLISH, glossary
from domain.reading import FollowupItem
from domain.text import split_note

# An unanswered follow-up nudge comes back after 1, then 3 more, then 7 more days; after
# MAX_REMINDERS the coach asks whether to let it rest instead.
REMINDER_GAPS = (1, 3, 7)
MAX_REMINDERS = len(REMINDER_GAPS)
# This many follow-ups to one contact without a reply is pestering (principle 8).
PESTER_THRESHOLD = 3


class FollowupStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    RESTED = "rested"  # the reminders were used up and the user chose to let it rest


class FollowupAct(StrEnum):
    """What the user can do with an open follow-up (the buttons under a nudge or in a list)."""

    DONE = "done"
    SNOOZE_DAY = "s1"
    SNOOZE_WEEK = "s7"
    DROP = "drop"
    REST = "rest"


SNOOZES = {FollowupAct.SNOOZE_DAY: timedelta(days=1), FollowupAct.SNOOZE_WEEK: timedelta(days=7)}


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


def parse_followup(text: str, *, now_local: datetime, language: str = ENGLISH) -> ParseResult:
    """Read `<name> <when> [— note]` (an optional leading /followup is ignored).

    `now_local` is the aware current time in the user's zone. Weekday names mean the next such
    day strictly after today ("friday" on a Friday is a week away); a time alone means today if
    it is still ahead, else tomorrow; "next week" is seven days from today.
    """
    body = _COMMAND.sub("", text.strip(), count=1)
    head, separated_note = split_note(body)
    note = separated_note or None
    words = head.split()
    if not words:
        return NeedsMore("name")
    for start in range(max(0, len(words) - MAX_WHEN_WORDS), len(words)):
        when_text = " ".join(words[start:])
        when = read_when(
            when_text,
            now_local.replace(tzinfo=None),
            language=glossary(language).dateparser,
            spelled=when_text,
        )
        if when is None:
            continue
        name = _name_from(words[:start])
        if name is None:
            return NeedsMore("name")
        return _result(name, when_text, note, when, now_local)
    return _missing_when(words)


def reader_knows_better(
    result: ParseResult, items: tuple[FollowupItem, ...], language: str = ENGLISH
) -> bool:
    """Whether the check-in's reader should read a /followup instead of `<name> <when>`: it
    found someone where the short form found no name or a sentence ("ping João next Tuesday
    about the intro", "send Wei the deck")."""
    if not items:
        return False
    if isinstance(result, FollowupRequest | Ambiguous):
        return starts_like_a_sentence(result.name, language)
    if isinstance(result, Unreadable):  # a date it could not read stays a question about it
        return items[0].day is not None
    return isinstance(result, NeedsMore)


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


def _name_from(words: list[str]) -> str | None:
    """The cleaned name, without a dangling "on" or "by" before the date or "with" before it."""
    while words and words[-1].casefold() in CONNECTORS:
        words = words[:-1]
    if words and words[0].casefold() == "with":
        words = words[1:]
    return clean_display_name(" ".join(words))


def _missing_when(words: list[str]) -> ParseResult:
    """No date found: Unreadable if the user clearly tried to give one, else ask for it."""
    for index, word in enumerate(words[1:], 1):
        bare = word.casefold().strip(".,!?")
        connector = bare in CONNECTORS and index < len(words) - 1  # "on" alone is no attempt
        if connector or bare in DATE_HINTS or any(char.isdigit() for char in bare):
            return Unreadable(" ".join(words[index:]))
    return NeedsMore("when")


def _result(name: str, when_text: str, note: str | None, when: When, now: datetime) -> ParseResult:
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
