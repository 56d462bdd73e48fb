"""What /stats shows, computed from the local dates of completed check-ins."""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from domain.streaks import Streaks, compute_streaks
from domain.weekdays import is_networking_day


@dataclass(frozen=True, slots=True)
class Summary:
    current_streak: int
    longest_streak: int
    last_7_days: int
    last_30_days: int
    total: int
    today_open: bool  # a networking day without a check-in yet
    streaks: Streaks  # with the freezes held now and the days they covered


def summarize(
    checkin_dates: Sequence[date],
    networking_days: int,
    today: date,
    paused: Collection[date] = frozenset(),
) -> Summary:
    """`checkin_dates` has one entry per completed check-in (a day may appear twice); `paused`
    days neither break the streak nor leave today open."""
    streaks = compute_streaks(checkin_dates, networking_days, today, paused)
    return Summary(
        current_streak=streaks.current,
        longest_streak=streaks.longest,
        last_7_days=_since(checkin_dates, today - timedelta(days=6)),
        last_30_days=_since(checkin_dates, today - timedelta(days=29)),
        total=len(checkin_dates),
        today_open=is_networking_day(networking_days, today)
        and today not in checkin_dates
        and today not in paused,
        streaks=streaks,
    )


def _since(dates: Sequence[date], first: date) -> int:
    return sum(1 for day in dates if day >= first)


class Touch(NamedTuple):
    """One interaction as the network statistics see it."""

    contact_id: int | None
    kind: str  # met | followup | reply | give | ask
    day: date
    two_way: bool
    channel: str | None
    tier: str | None  # the contact's tier


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """A window of the user's network (principles 2, 5 and 9)."""

    gives: int
    asks: int
    tiers: dict[str | None, int]  # people reached, by tier (None: no tier set)
    in_person: int  # interactions in person …
    with_channel: int  # … out of those whose channel is known


def summarize_network(touches: Iterable[Touch], since: date | None = None) -> NetworkSummary:
    """Gives, asks, tiers reached and channels of the touches on or after `since`."""
    gives = asks = in_person = with_channel = 0
    reached: dict[int, str | None] = {}
    for touch in touches:
        if since is not None and touch.day < since:
            continue
        gives += touch.kind == "give"
        asks += touch.kind == "ask"
        if touch.channel:
            with_channel += 1
            in_person += touch.channel == "in_person"
        if touch.contact_id is not None:
            reached[touch.contact_id] = touch.tier
    tiers: dict[str | None, int] = {}
    for tier in reached.values():
        tiers[tier] = tiers.get(tier, 0) + 1
    return NetworkSummary(gives, asks, tiers, in_person, with_channel)


class WeekCounts(NamedTuple):
    """One Monday-start week of the network, as the /stats chart draws it."""

    week_start: date
    gives: int
    asks: int
    live: int  # interactions in person or by call …
    messages: int  # … and by message (interactions without a known channel are in neither)


_LIVE_CHANNELS = frozenset({"in_person", "call"})


def mondays(today: date, weeks: int) -> tuple[date, ...]:
    """The Mondays of the last `weeks` weeks, oldest first, the current week last."""
    current = today - timedelta(days=today.weekday())
    return tuple(current - timedelta(weeks=weeks - 1 - index) for index in range(weeks))


def weekly_counts(touches: Iterable[Touch], starts: Sequence[date]) -> tuple[WeekCounts, ...]:
    """Gives, asks, and live and message interactions per week starting on each of `starts`
    (consecutive Mondays); touches outside those weeks are left out."""
    counts = {start: [0, 0, 0, 0] for start in starts}
    for touch in touches:
        week = counts.get(touch.day - timedelta(days=touch.day.weekday()))
        if week is None:
            continue
        week[0] += touch.kind == "give"
        week[1] += touch.kind == "ask"
        week[2] += touch.channel in _LIVE_CHANNELS
        week[3] += touch.channel == "message"
    return tuple(WeekCounts(start, *counts[start]) for start in starts)
