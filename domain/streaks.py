"""Streaks: how many networking days in a row the user has checked in.

Dates are the user's local dates. Non-networking days are skipped (a check-in on one is a
bonus), paused days likewise (a pause freezes the streak), and today only counts against the
streak once it is over.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.weekdays import is_networking_day

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Streaks:
    """The running streak and the best one ever; `longest >= current`."""

    current: int
    longest: int


def compute_streaks(
    checkin_dates: Iterable[date],
    networking_days: int,
    today: date,
    paused: Collection[date] = frozenset(),
) -> Streaks:
    """Walk day by day from the first check-in to today; O(days spanned)."""
    done = {min(day, today) for day in checkin_dates}  # after a timezone move: treat as today
    if not done:
        return Streaks(current=0, longest=0)
    run = longest = 0
    day = min(done)
    while day <= today:
        if day in done:
            run += 1
        elif day < today and is_networking_day(networking_days, day) and day not in paused:
            run = 0
        longest = max(longest, run)
        day += _ONE_DAY
    return Streaks(current=run, longest=longest)
