"""Schedule maths: instants are stored in UTC, local wall times are computed with zoneinfo.

The functions are pure, so the planner's many users due at the same minute in the same zone
share their results through small caches.

Daylight saving time makes "18:00 local" tricky twice a year: in a spring-forward gap the wall
time does not exist (we fire at the first instant after the gap), and in a fall-back fold it
happens twice (we fire at the first occurrence, once).
"""

import math
from bisect import bisect_left
from datetime import UTC, date, datetime, time, timedelta, tzinfo  # UTC is re-exported
from functools import lru_cache

from domain.weekdays import EVERY_DAY, is_networking_day

# After downtime a check-in prompt is still sent if it is at most this late AND it is still the
# same local day for the user; otherwise that day's check-in is recorded as missed.
MAX_PROMPT_DELAY = timedelta(hours=3)

_TICK = timedelta(microseconds=1)  # the resolution of datetime
_SEARCH_DAYS = 9  # from the day before `after` to a week after it: enough for any non-empty mask


def local_now(instant: datetime, tz: tzinfo) -> datetime:
    """The aware `instant` as wall-clock time in `tz`."""
    if instant.utcoffset() is None:
        raise ValueError("expected an aware datetime")
    return instant.astimezone(tz)


@lru_cache(maxsize=65_536)
def local_date(instant: datetime, tz: tzinfo) -> date:
    """The date the wall clock in `tz` shows at `instant`."""
    return local_now(instant, tz).date()


@lru_cache(maxsize=65_536)
def resolve_local(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant at which the wall clock in `tz` shows `day` `at`.

    In a fold (the time happens twice) this is the first occurrence; in a gap (it never
    happens) it is the first instant after the gap, i.e. the transition itself.
    """
    wall = datetime.combine(day, at).replace(tzinfo=None)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if _wall_clock(first, tz) == wall:
        return first
    # In a gap, fold=0 and fold=1 apply the offsets from either side of the transition, so
    # they land on either side of it: find the first second at which the clock reaches `wall`.
    second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    start = min(first, second).replace(microsecond=0)
    seconds = math.ceil((max(first, second) - start).total_seconds())
    step = bisect_left(
        range(seconds + 1),
        True,
        key=lambda s: _wall_clock(start + timedelta(seconds=s), tz) >= wall,
    )
    return start + timedelta(seconds=step)


@lru_cache(maxsize=65_536)
def next_occurrence(after: datetime, tz: tzinfo, at: time, weekdays: int) -> datetime | None:
    """The first UTC instant strictly after `after` showing `at` on a networking day in `tz`.

    Each local date fires at most once (see `resolve_local`), so chaining calls from the
    previous result never fires twice on one date. None if `weekdays` is empty.
    """
    if not weekdays & EVERY_DAY:
        return None
    first_day = local_date(after, tz) - timedelta(days=1)  # a transition may be close by
    for offset in range(_SEARCH_DAYS):
        day = first_day + timedelta(days=offset)
        if not is_networking_day(weekdays, day):
            continue
        candidate = resolve_local(day, at, tz)
        # A gap that pushes the time into the next date (only when a whole day is skipped, or
        # a gap ends at midnight) would fire twice on that date: skip such a day instead.
        if candidate > after and local_date(candidate, tz) == day:
            return candidate
    return None


@lru_cache(maxsize=65_536)
def prompt_deadline(due: datetime, tz: tzinfo) -> datetime:
    """The last instant a prompt due at `due` may still be sent (see MAX_PROMPT_DELAY)."""
    next_day_starts = resolve_local(local_date(due, tz) + timedelta(days=1), time(0), tz)
    return min(due + MAX_PROMPT_DELAY, next_day_starts - _TICK)


def _wall_clock(instant: datetime, tz: tzinfo) -> datetime:
    """The naive wall-clock reading in `tz` at `instant`."""
    return local_now(instant, tz).replace(tzinfo=None)
