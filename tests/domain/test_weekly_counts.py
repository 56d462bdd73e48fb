"""The /stats chart's weekly counts: Monday-start weeks in local dates, gives and asks, and
conversations in person or by call against messages."""

from datetime import date, timedelta

from bot.chart import WEEKS, week_starts
from domain.stats import Touch, WeekCounts, mondays, weekly_counts

TUESDAY = date(2026, 1, 20)


def touch(day: date, kind: str = "met", channel: str | None = None) -> Touch:
    return Touch(1, kind, day, False, channel, None)


def test_mondays_are_the_charts_weeks() -> None:
    for offset in range(14):
        today = TUESDAY + timedelta(days=offset)
        assert mondays(today, WEEKS) == week_starts(today)
    assert mondays(TUESDAY, 2) == (date(2026, 1, 12), date(2026, 1, 19))


def test_weekly_counts() -> None:
    starts = mondays(TUESDAY, 3)  # 5, 12 and 19 January
    touches = [
        touch(date(2026, 1, 4), "give"),  # Sunday before the first week: left out
        touch(date(2026, 1, 5), "give"),
        touch(date(2026, 1, 11), "ask", "message"),  # Sunday: still the first week
        touch(date(2026, 1, 12), "met", "in_person"),
        touch(date(2026, 1, 13), "met", "call"),
        touch(date(2026, 1, 13), "reply"),  # no channel: neither live nor a message
        touch(date(2026, 1, 20), "followup", "message"),
        touch(date(2026, 1, 26), "give"),  # after the last week: left out
    ]
    assert weekly_counts(touches, starts) == (
        WeekCounts(date(2026, 1, 5), gives=1, asks=1, live=0, messages=1),
        WeekCounts(date(2026, 1, 12), gives=0, asks=0, live=2, messages=0),
        WeekCounts(date(2026, 1, 19), gives=0, asks=0, live=0, messages=1),
    )
    assert weekly_counts([], starts) == tuple(WeekCounts(s, 0, 0, 0, 0) for s in starts)
