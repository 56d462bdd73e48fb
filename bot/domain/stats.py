"""What /stats shows, computed from the local dates of completed check-ins."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.streaks import compute_streaks
from bot.domain.weekdays import is_networking_day


@dataclass(frozen=True, slots=True)
class Summary:
    current_streak: int
    longest_streak: int
    last_7_days: int
    last_30_days: int
    total: int
    today_open: bool  # a networking day without a check-in yet


def summarize(checkin_dates: Sequence[date], networking_days: int, today: date) -> Summary:
    """`checkin_dates` has one entry per completed check-in (a day may appear twice)."""
    streaks = compute_streaks(checkin_dates, networking_days, today)
    return Summary(
        current_streak=streaks.current,
        longest_streak=streaks.longest,
        last_7_days=_since(checkin_dates, today - timedelta(days=6)),
        last_30_days=_since(checkin_dates, today - timedelta(days=29)),
        total=len(checkin_dates),
        today_open=is_networking_day(networking_days, today) and today not in checkin_dates,
    )


def _since(dates: Sequence[date], first: date) -> int:
    return sum(1 for day in dates if day >= first)
