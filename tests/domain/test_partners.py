"""What a partner sees of the other's habit, when one is quiet, and the partner streak."""

from datetime import date, timedelta

from domain.partners import (
    DayMark,
    Habit,
    marks,
    partner_streak,
    quiet,
    this_week,
    week_met,
)
from domain.weekdays import MON_FRI

MONDAY = date(2026, 1, 5)


def days(*offsets: int) -> frozenset[date]:
    return frozenset(MONDAY + timedelta(days=offset) for offset in offsets)


def habit(done: frozenset[date] = frozenset(), paused: frozenset[date] = frozenset()) -> Habit:
    return Habit(MON_FRI, done, paused)


def test_a_week_shows_each_networking_day_and_paused_days_are_not_misses() -> None:
    wednesday = MONDAY + timedelta(days=2)
    assert this_week(habit(days(0), days(1)), wednesday) == (
        DayMark.DONE,
        DayMark.PAUSED,
        DayMark.AHEAD,  # today, not done yet
        DayMark.AHEAD,
        DayMark.AHEAD,
    )
    assert marks(habit(days(2)), MONDAY, MONDAY + timedelta(days=6), wednesday) == (
        DayMark.MISSED,
        DayMark.MISSED,
        DayMark.DONE,
        DayMark.AHEAD,
        DayMark.AHEAD,
    )


def test_quiet_means_the_last_two_networking_days_missed_unpaused_since_partnering() -> None:
    wednesday = MONDAY + timedelta(days=2)
    assert quiet(habit(), wednesday, since=MONDAY)
    assert not quiet(habit(days(1)), wednesday, since=MONDAY)
    assert not quiet(habit(paused=days(0)), wednesday, since=MONDAY)
    assert not quiet(habit(), wednesday, since=MONDAY + timedelta(days=1))  # one day only
    # The weekend is no networking day: Friday and Monday missed make Tuesday's quiet.
    assert quiet(habit(days(-4)), MONDAY + timedelta(days=1), since=MONDAY - timedelta(days=7))
    assert not quiet(habit(days(-3)), MONDAY + timedelta(days=1), since=MONDAY - timedelta(days=7))


def test_a_week_counts_with_three_networking_days_or_all_of_fewer() -> None:
    assert week_met(habit(days(0, 1, 2)), MONDAY)
    assert not week_met(habit(days(0, 1, 5)), MONDAY)  # Saturday is a bonus, not a networking day
    assert week_met(habit(days(0), paused=days(1, 2, 3, 4)), MONDAY)  # one unpaused day: done
    assert week_met(habit(paused=days(0, 1, 2, 3, 4)), MONDAY) is None  # all paused: no verdict
    assert not week_met(habit(days(0, 1, 2)), MONDAY, until=MONDAY + timedelta(days=1))


def test_the_partner_streak_counts_weeks_both_made_and_this_week_only_once_made() -> None:
    both = days(0, 1, 2, -7, -6, -5, -14, -13, -12)
    today = MONDAY + timedelta(days=3)  # Thursday
    since = MONDAY - timedelta(days=14)
    assert partner_streak(habit(both), habit(both), since, today) == 3
    # This week not made yet by one of them: last week and the one before still count.
    assert partner_streak(habit(both), habit(both - days(2)), since, today) == 2
    # A week one of them missed breaks it; weeks before the partnership do not count.
    assert partner_streak(habit(both), habit(both - days(-7)), since, today) == 1
    assert partner_streak(habit(both), habit(both), MONDAY, today) == 1
    # A week one of them paused through is made when the other made it (no day was missed);
    # paused through by both, it neither counts nor breaks.
    paused = days(-7, -6, -5, -4, -3)
    assert partner_streak(habit(both, paused), habit(both), since, today) == 3
    assert partner_streak(habit(both, paused), habit(both, paused), since, today) == 2
