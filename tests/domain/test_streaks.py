"""Streaks over local dates, with skipped non-networking days and bonus check-ins."""

from datetime import date, timedelta

import pytest

from domain.streaks import Streaks, compute_streaks
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
    assert compute_streaks(every_day, MON_FRI, today) == Streaks(5 * 365, 5 * 365)
    with_gap = [d for d in every_day if d != today - timedelta(days=10)]  # a Friday
    assert compute_streaks(with_gap, MON_FRI, today) == Streaks(10, 5 * 365 - 11)


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
