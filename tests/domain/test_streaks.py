"""Streaks over local dates, with skipped non-networking days and bonus check-ins."""

from datetime import date, timedelta

import pytest

from domain.streaks import (
    FREEZE_NEWS_DAYS,
    FreezeNote,
    Streaks,
    compute_streaks,
    freeze_news,
    milestone,
    missed_lately,
)
from domain.weekdays import EVERY_DAY, MON_FRI

MONDAY = date(2026, 6, 1)


def day(n: int) -> date:
    """Day `n` counted from Monday 2026-06-01 (5 = Saturday, 7 = the next Monday)."""
    return MONDAY + timedelta(days=n)


@pytest.mark.parametrize(
    ("checkins", "mask", "today", "expected"),
    [
        pytest.param([], MON_FRI, day(3), Streaks(0, 0), id="empty"),
        pytest.param([day(0), day(1), day(2)], EVERY_DAY, day(2), Streaks(3, 3), id="run-to-today"),
        pytest.param(
            [day(0), day(1), day(2)], EVERY_DAY, day(3), Streaks(3, 3), id="today-not-done"
        ),
        pytest.param(
            [day(0), day(1), day(2)], EVERY_DAY, day(4), Streaks(0, 3), id="missed-yesterday"
        ),
        pytest.param([day(0), day(2)], EVERY_DAY, day(2), Streaks(1, 1), id="gap"),
        pytest.param([day(4), day(7)], MON_FRI, day(7), Streaks(2, 2), id="weekend-skipped"),
        pytest.param(
            [day(4), day(7)], MON_FRI, day(8), Streaks(2, 2), id="after-weekend-today-open"
        ),
        pytest.param([day(4)], MON_FRI, day(6), Streaks(1, 1), id="sunday-does-not-break"),
        pytest.param([day(4)], MON_FRI, day(7), Streaks(1, 1), id="monday-still-open"),
        pytest.param([day(4)], MON_FRI, day(8), Streaks(0, 1), id="monday-missed"),
        pytest.param([day(4), day(5), day(7)], MON_FRI, day(7), Streaks(3, 3), id="bonus-saturday"),
        pytest.param([day(5), day(6)], MON_FRI, day(6), Streaks(2, 2), id="only-bonus-days"),
        pytest.param([day(4), day(5)], MON_FRI, day(8), Streaks(0, 2), id="bonus-then-missed"),
        pytest.param(
            [day(0), day(1), day(2), day(3), day(7), day(8)],
            EVERY_DAY,
            day(8),
            Streaks(2, 4),
            id="longest-from-older-run",
        ),
        pytest.param(
            [day(0), day(0), day(1), day(1)], EVERY_DAY, day(1), Streaks(2, 2), id="duplicates"
        ),
        # moved west: yesterday's check-in was made on what is now still "tomorrow"
        pytest.param([day(0), day(2)], EVERY_DAY, day(1), Streaks(2, 2), id="timezone-move"),
        pytest.param([day(1), day(2), day(3)], EVERY_DAY, day(1), Streaks(1, 1), id="future-dates"),
        pytest.param([day(5)], EVERY_DAY, day(1), Streaks(1, 1), id="only-future"),
        pytest.param([day(0), day(9), day(30)], 0, day(40), Streaks(3, 3), id="empty-mask"),
        pytest.param([day(0)], EVERY_DAY, day(0), Streaks(1, 1), id="first-day"),
    ],
)
def test_compute_streaks(checkins: list[date], mask: int, today: date, expected: Streaks) -> None:
    assert compute_streaks(checkins, mask, today) == expected


def test_accepts_any_iterable() -> None:
    assert compute_streaks(iter([day(0), day(1)]), EVERY_DAY, day(1)) == Streaks(2, 2)


def test_years_of_history() -> None:
    today = date(2026, 6, 1)
    every_day = [today - timedelta(days=n) for n in range(5 * 365)]
    assert compute_streaks(every_day, MON_FRI, today) == Streaks(5 * 365, 5 * 365, freezes=2)
    gap = today - timedelta(days=10)  # a Friday: a freeze covers it
    with_gap = [d for d in every_day if d != gap]
    assert compute_streaks(with_gap, MON_FRI, today) == Streaks(
        5 * 365 - 1, 5 * 365 - 1, freezes=2, frozen=frozenset({gap})
    )
    # Mon, Thu and Fri missed: two covered, the third breaks; the next five days earn one.
    gaps = {today - timedelta(days=n) for n in (10, 11, 14)}
    with_gaps = [d for d in every_day if d not in gaps]
    assert compute_streaks(with_gaps, MON_FRI, today) == Streaks(
        10, 5 * 365 - 13, freezes=1, frozen=frozenset(gaps - {today - timedelta(days=10)})
    )


@pytest.mark.parametrize("mask", [0, MON_FRI, EVERY_DAY, 0b1010101])
def test_longest_is_never_below_current(mask: int) -> None:
    checkins = [day(n) for n in range(60) if n % 7 in (0, 1, 3, 5) or n % 11 == 0]
    for today in range(70):
        streaks = compute_streaks(checkins, mask, day(today))
        assert streaks.longest >= streaks.current >= 0


def test_streaks_is_frozen() -> None:
    streaks = Streaks(1, 2)
    with pytest.raises(AttributeError):
        streaks.current = 5  # type: ignore[misc]


# --- freezes: every 5 networking days in a row earn one, at most 2 held -----------------------


def days(*numbers: int) -> list[date]:
    return [day(n) for n in numbers]


def test_five_networking_days_in_a_row_earn_a_freeze_that_covers_a_miss() -> None:
    # Mon–Fri done, the next Monday missed, Tuesday done: the streak goes on.
    streaks = compute_streaks(days(0, 1, 2, 3, 4, 8), MON_FRI, day(8))
    assert streaks == Streaks(current=6, longest=6, freezes=0, frozen=frozenset({day(7)}))


def test_four_days_earn_nothing_and_a_miss_breaks_the_streak() -> None:
    streaks = compute_streaks(days(0, 1, 2, 3, 7), MON_FRI, day(7))
    assert streaks == Streaks(current=1, longest=4)


def test_bonus_days_do_not_earn_and_paused_days_need_no_freeze() -> None:
    # Thu, Fri, Sat (bonus), Sun (bonus), Mon: three networking days only.
    assert compute_streaks(days(3, 4, 5, 6, 7), MON_FRI, day(7)).freezes == 0
    # Five days earn one; the paused Monday and Tuesday after them spend nothing.
    paused = compute_streaks(days(0, 1, 2, 3, 4, 9), MON_FRI, day(10), paused=days(7, 8))
    assert (paused.current, paused.freezes, paused.frozen) == (6, 1, frozenset())


def test_at_most_two_freezes_are_held() -> None:
    fifteen = [day(n) for n in range(21) if day(n).weekday() < 5]  # three weeks Mon–Fri
    assert compute_streaks(fifteen, MON_FRI, day(20)).freezes == 2
    # Three misses in a row: two covered, the third breaks the streak.
    broken = compute_streaks(fifteen, MON_FRI, day(24))
    assert broken.current == 0 and broken.frozen == frozenset(days(21, 22))


def test_a_covered_day_breaks_the_run_that_earns_the_next_freeze() -> None:
    # 5 days earn one; Mon missed (covered); Tue–Fri done is four: nothing earned yet.
    streaks = compute_streaks(days(0, 1, 2, 3, 4, 8, 9, 10, 11), MON_FRI, day(14))
    assert streaks.freezes == 0 and streaks.current == 9 and streaks.frozen == {day(7)}


def test_logging_yesterday_late_gives_the_freeze_back() -> None:
    before = compute_streaks(days(0, 1, 2, 3, 4), MON_FRI, day(8))
    after = compute_streaks(days(0, 1, 2, 3, 4, 7), MON_FRI, day(8))
    assert (before.freezes, before.frozen) == (0, {day(7)})
    assert (after.freezes, after.frozen, after.current) == (1, frozenset(), 6)


def test_today_is_not_frozen_while_it_is_open() -> None:
    streaks = compute_streaks(days(0, 1, 2, 3, 4), MON_FRI, day(7))
    assert (streaks.freezes, streaks.frozen) == (1, frozenset())


# --- milestones and the news of a freeze ------------------------------------------------------


@pytest.mark.parametrize(
    ("streak", "celebrated", "expected"),
    [(6, 0, None), (7, 0, 7), (8, 7, None), (7, 7, None), (31, 7, 30), (9, 0, 7), (100, 365, None)],
)
def test_each_milestone_is_celebrated_once(streak: int, celebrated: int, expected: int) -> None:
    assert milestone(streak, celebrated) == expected


def test_a_covered_day_is_news_once_and_only_while_recent() -> None:
    streaks = Streaks(3, 3, freezes=0, frozen=frozenset(days(7, 8)))
    assert freeze_news(streaks, None, day(9)) == FreezeNote(day(8), 0)
    assert freeze_news(streaks, day(8), day(9)) is None
    assert freeze_news(streaks, day(7), day(9)) == FreezeNote(day(8), 0)
    assert freeze_news(streaks, None, day(8) + timedelta(days=FREEZE_NEWS_DAYS + 1)) is None
    assert freeze_news(Streaks(3, 3), None, day(9)) is None


def test_only_a_recent_networking_day_without_a_check_in_calls_for_the_history() -> None:
    friday, monday = day(4), day(7)
    assert missed_lately(days(0, 1, 2, 3), MON_FRI, monday, None)  # Friday missed
    assert not missed_lately(days(0, 1, 2, 3, 4), MON_FRI, monday, None)
    assert not missed_lately(days(0, 1, 2, 3), MON_FRI, monday, friday)  # told already
    # Tuesday the 9th missed, all done since: a week later that is no news any more.
    assert not missed_lately(days(*range(9, 16)), MON_FRI, day(8 + FREEZE_NEWS_DAYS + 1), None)
    assert missed_lately(days(*range(9, 16)), MON_FRI, day(8 + FREEZE_NEWS_DAYS), None)
