"""Streaks: how many networking days in a row the user has checked in, and the freezes that
forgive a bad day.

Dates are the user's local dates. Non-networking days are skipped (a check-in on one is a
bonus), paused days likewise (a pause freezes the streak), and today only counts against the
streak once it is over.

Freezes (docs/coaching.md, "A streak that forgives one bad day") are computed from the same
history, never stored: every `FREEZE_EVERY` completed networking days in a row earn one, at
most `MAX_FREEZES` are held, and a missed networking day with one held is covered by it. A
streak only breaks when no freeze is held, so a break leaves nothing to carry over: the whole
state follows from the check-ins since the last break, and the walk below replays it. Being a
function of the history, it cannot drift from the streak it protects, survives any restart,
and a check-in logged late for yesterday gives back the freeze that covered the day.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.weekdays import is_networking_day

_ONE_DAY = timedelta(days=1)
FREEZE_EVERY = 5  # completed networking days in a row that earn a freeze
MAX_FREEZES = 2  # freezes held at most: one bad day forgiven, not a habit of missing
MILESTONES = (7, 30, 100, 365)  # streaks celebrated, once each
FREEZE_NEWS_DAYS = 6  # older covered days are history, not news (and a weekday names it)


@dataclass(frozen=True, slots=True)
class FreezeNote:
    """ "A freeze covered Tuesday; 1 left": said once, in the next message of the day."""

    day: date
    left: int


@dataclass(frozen=True, slots=True)
class Streaks:
    """The running streak and the best one ever (`longest >= current`), the freezes held now
    and the days a freeze covered (earlier runs' included)."""

    current: int
    longest: int
    freezes: int = 0
    frozen: frozenset[date] = frozenset()


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
    run = longest = held = earning = 0
    frozen: set[date] = set()
    day = min(done)
    while day <= today:
        counts = is_networking_day(networking_days, day) and day not in paused
        if day in done:
            run += 1
            earning += counts
            if earning == FREEZE_EVERY:
                held, earning = min(held + 1, MAX_FREEZES), 0
        elif day < today and counts:
            earning = 0
            if held:
                held -= 1
                frozen.add(day)
            else:
                run = 0
        longest = max(longest, run)
        day += _ONE_DAY
    return Streaks(current=run, longest=longest, freezes=held, frozen=frozenset(frozen))


def milestone(streak: int, celebrated: int) -> int | None:
    """The milestone this streak reached that was never celebrated (the highest, if a late
    check-in jumped past several), or None. `celebrated` is the highest one celebrated so far:
    each is celebrated once, even when a later streak reaches it again."""
    reached = [mark for mark in MILESTONES if celebrated < mark <= streak]
    return reached[-1] if reached else None


def freeze_news(streaks: Streaks, noted_on: date | None, today: date) -> FreezeNote | None:
    """The latest day a freeze covered, when no message named it yet and it is recent (the
    rules apply to the whole history, so a day covered long ago is not announced)."""
    last = max(streaks.frozen, default=None)
    if last is None or (noted_on is not None and last <= noted_on):
        return None
    return FreezeNote(last, streaks.freezes) if (today - last).days <= FREEZE_NEWS_DAYS else None


def missed_lately(
    done: Collection[date], networking_days: int, today: date, since: date | None
) -> bool:
    """Whether a networking day after `since` (exclusive) and within FREEZE_NEWS_DAYS before
    today went without a check-in: only then can a freeze have news, and the planner loads a
    user's whole history for `compute_streaks`."""
    for back in range(1, FREEZE_NEWS_DAYS + 1):
        day = today - timedelta(days=back)
        if since is not None and day <= since:
            return False
        if is_networking_day(networking_days, day) and day not in done:
            return True
    return False
