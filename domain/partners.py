"""Accountability partners: what one partner sees of the other's habit, and when to notice.

Someone else who notices is the strongest lever habit apps have found (docs/coaching.md). A
partner sees consistency, never content: per networking day whether a check-in was completed,
the current streak and (unless the user shares less) the week's counts. Never names, notes,
contacts, the goal or the pitch. Paused days are shown as paused and are never misses.

Everything here is pure; the planner and the /partner view apply it.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain.weekdays import is_networking_day

MAX_PARTNERS = 3
INVITE_VALID = timedelta(days=7)
# A nudge reaches the same person at most once in this span, whoever sends it.
NUDGE_GAP = timedelta(days=3)
# The "quiet for two days" suggestion: at most once per partner in this span.
SUGGEST_GAP_DAYS = 7
QUIET_DAYS = 2
# How far back the planner reads a partner's check-ins (the quiet rule and the week's marks).
LOOKBACK_DAYS = 14
# The partner streak: a week counts when each completed this many of their networking days
# (or all of them, with fewer).
WEEK_TARGET = 3
WEEK = 7


class Share(StrEnum):
    """What a user's partners see of them (/settings → Partner)."""

    ALL = "all"  # each networking day, the streak and the week's counts (the default)
    DAYS = "days"  # each networking day and the streak
    STREAK = "streak"  # the streak only


def shows_days(share: Share) -> bool:
    return share in (Share.ALL, Share.DAYS)


def shows_counts(share: Share) -> bool:
    return share == Share.ALL


class DayMark(StrEnum):
    """One networking day as a partner sees it (`●●○●·`)."""

    DONE = "done"
    MISSED = "missed"
    PAUSED = "paused"
    AHEAD = "ahead"  # today (not done yet) or later: not a miss


@dataclass(frozen=True)
class Habit:
    """One user's check-in habit, in their local dates."""

    networking_days: int
    done: frozenset[date]
    paused: frozenset[date]


@dataclass(frozen=True)
class WeekCounts:
    """The week's numbers a partner may see."""

    people: int
    gives: int
    asks: int
    followups_done: int


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def marks(habit: Habit, first: date, last: date, today: date) -> tuple[DayMark, ...]:
    """The networking days from `first` to `last` (inclusive), each as a partner sees it."""
    found = []
    day = first
    while day <= last:
        if is_networking_day(habit.networking_days, day):
            if day in habit.done:
                found.append(DayMark.DONE)
            elif day in habit.paused:
                found.append(DayMark.PAUSED)
            elif day >= today:
                found.append(DayMark.AHEAD)
            else:
                found.append(DayMark.MISSED)
        day += timedelta(days=1)
    return tuple(found)


def this_week(habit: Habit, today: date) -> tuple[DayMark, ...]:
    """Monday to Sunday of the week `today` is in."""
    monday = week_start(today)
    return marks(habit, monday, monday + timedelta(days=WEEK - 1), today)


def quiet(habit: Habit, today: date, since: date) -> bool:
    """The last QUIET_DAYS networking days before today were all missed: none paused, none
    done, each on or after `since` (the day the partnership began)."""
    missed = 0
    day = today - timedelta(days=1)
    while missed < QUIET_DAYS and day > today - timedelta(days=LOOKBACK_DAYS):
        if day < since:
            return False
        if is_networking_day(habit.networking_days, day):
            if day in habit.done or day in habit.paused:
                return False
            missed += 1
        day -= timedelta(days=1)
    return missed == QUIET_DAYS


def week_met(habit: Habit, monday: date, until: date | None = None) -> bool | None:
    """Whether the week starting `monday` reached the target (None: every networking day of it
    was paused, so it neither counts nor breaks). `until`: the days after it are not over yet,
    and are left out."""
    days = [
        day
        for day in (monday + timedelta(days=i) for i in range(WEEK))
        if is_networking_day(habit.networking_days, day) and day not in habit.paused
    ]
    if not days:
        return None
    done = sum(day in habit.done for day in days if until is None or day <= until)
    return done >= min(WEEK_TARGET, len(days))


def partner_streak(a: Habit, b: Habit, since: date, today: date) -> int:
    """Consecutive weeks in which both reached the target, up to this week (which counts once
    both reached it, and never breaks the streak while it runs), from the partnership's week."""
    monday = week_start(today)
    first = week_start(since)
    streak = 1 if week_met(a, monday, today) and week_met(b, monday, today) else 0
    week = monday - timedelta(days=WEEK)
    while week >= first:
        results = [week_met(a, week), week_met(b, week)]
        if False in results:
            break
        if any(results):
            streak += 1
        week -= timedelta(days=WEEK)
    return streak
