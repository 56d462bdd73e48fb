"""Schedule maths around daylight saving time, checked against the tz database itself."""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from domain.schedule import (
    MAX_PROMPT_DELAY,
    UTC,
    local_date,
    local_now,
    next_occurrence,
    prompt_deadline,
    resolve_local,
)
from domain.weekdays import EVERY_DAY, MON_FRI, is_networking_day

BERLIN = ZoneInfo("Europe/Berlin")
SANTIAGO = ZoneInfo("America/Santiago")
HAVANA = ZoneInfo("America/Havana")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
QUARTER = timedelta(minutes=15)
SUNDAY_ONLY = 0b1000000


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def wall(instant: datetime, tz: tzinfo) -> datetime:
    return local_now(instant, tz).replace(tzinfo=None)


@cache
def transitions(key: str, year: int) -> list[datetime]:
    """Instants in `year` at which the zone's UTC offset changes, found by scanning."""
    tz = ZoneInfo(key)
    found = []
    hour = utc(year, 1, 1)
    while hour.year == year:
        if (
            hour.astimezone(tz).utcoffset()
            != (hour + timedelta(hours=1)).astimezone(tz).utcoffset()
        ):
            instant = hour
            while instant.astimezone(tz).utcoffset() == hour.astimezone(tz).utcoffset():
                instant += QUARTER
            found.append(instant)
        hour += timedelta(hours=1)
    return found


# Verified against the tz database (see test_transition_table_matches_the_tz_database).
TRANSITIONS_2026 = {
    "Europe/Berlin": [utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)],
    "America/Santiago": [utc(2026, 4, 5, 3), utc(2026, 9, 6, 4)],  # at local midnight
    "America/Havana": [utc(2026, 3, 8, 5), utc(2026, 11, 1, 5)],  # 00:00-00:59 is skipped
    "Australia/Lord_Howe": [utc(2026, 4, 4, 15), utc(2026, 10, 3, 15, 30)],  # 30-minute shift
}


@pytest.mark.parametrize("key", TRANSITIONS_2026)
def test_transition_table_matches_the_tz_database(key: str) -> None:
    assert transitions(key, 2026) == TRANSITIONS_2026[key]


GAPS = [
    pytest.param(BERLIN, date(2026, 3, 29), time(2, 30), utc(2026, 3, 29, 1), id="berlin-02:30"),
    pytest.param(BERLIN, date(2026, 3, 29), time(2, 0), utc(2026, 3, 29, 1), id="berlin-02:00"),
    pytest.param(BERLIN, date(2026, 3, 29), time(2, 59), utc(2026, 3, 29, 1), id="berlin-02:59"),
    pytest.param(SANTIAGO, date(2026, 9, 6), time(0, 0), utc(2026, 9, 6, 4), id="santiago-00:00"),
    pytest.param(SANTIAGO, date(2026, 9, 6), time(0, 30), utc(2026, 9, 6, 4), id="santiago-00:30"),
    pytest.param(HAVANA, date(2026, 3, 8), time(0, 0), utc(2026, 3, 8, 5), id="havana-00:00"),
    pytest.param(HAVANA, date(2026, 3, 8), time(0, 59), utc(2026, 3, 8, 5), id="havana-00:59"),
    pytest.param(
        LORD_HOWE, date(2026, 10, 4), time(2, 15), utc(2026, 10, 3, 15, 30), id="lord-howe-02:15"
    ),
]


@pytest.mark.parametrize(("tz", "day", "at", "expected"), GAPS)
def test_a_time_in_a_gap_resolves_to_the_end_of_the_gap(
    tz: tzinfo, day: date, at: time, expected: datetime
) -> None:
    resolved = resolve_local(day, at, tz)
    assert resolved == expected
    assert resolved.tzinfo is UTC
    assert local_date(resolved, tz) == day
    assert expected in TRANSITIONS_2026[str(tz)]


@pytest.mark.parametrize(("tz", "day", "at", "expected"), GAPS)
def test_a_gap_day_fires_once_at_the_end_of_the_gap(
    tz: tzinfo, day: date, at: time, expected: datetime
) -> None:
    assert next_occurrence(expected - timedelta(hours=12), tz, at, EVERY_DAY) == expected
    following = next_occurrence(expected, tz, at, EVERY_DAY)
    assert following is not None
    assert wall(following, tz) == datetime.combine(day + timedelta(days=1), at)


FOLDS = [
    pytest.param(
        BERLIN, date(2026, 10, 25), time(2, 30), utc(2026, 10, 25, 0, 30), id="berlin-02:30"
    ),
    pytest.param(BERLIN, date(2026, 10, 25), time(2, 0), utc(2026, 10, 25, 0), id="berlin-02:00"),
    pytest.param(
        SANTIAGO, date(2026, 4, 4), time(23, 30), utc(2026, 4, 5, 2, 30), id="santiago-23:30"
    ),
    pytest.param(
        HAVANA, date(2026, 11, 1), time(0, 30), utc(2026, 11, 1, 4, 30), id="havana-00:30"
    ),
    pytest.param(
        LORD_HOWE, date(2026, 4, 5), time(1, 45), utc(2026, 4, 4, 14, 45), id="lord-howe-01:45"
    ),
]


@pytest.mark.parametrize(("tz", "day", "at", "first"), FOLDS)
def test_a_time_in_a_fold_resolves_to_its_first_occurrence(
    tz: tzinfo, day: date, at: time, first: datetime
) -> None:
    second = datetime.combine(day, at, tzinfo=tz).replace(fold=1).astimezone(UTC)
    assert second > first  # it really is a fold
    assert wall(second, tz) == wall(first, tz) == datetime.combine(day, at)
    assert resolve_local(day, at, tz) == first


@pytest.mark.parametrize(("tz", "day", "at", "first"), FOLDS)
def test_a_time_in_a_fold_fires_once(tz: tzinfo, day: date, at: time, first: datetime) -> None:
    second = datetime.combine(day, at, tzinfo=tz).replace(fold=1).astimezone(UTC)
    next_day = datetime.combine(day + timedelta(days=1), at)
    assert next_occurrence(first - timedelta(seconds=1), tz, at, EVERY_DAY) == first
    for after in (first, first + timedelta(minutes=1), second - timedelta(seconds=1), second):
        following = next_occurrence(after, tz, at, EVERY_DAY)
        assert following is not None
        assert wall(following, tz) == next_day


@pytest.mark.parametrize(
    ("tz", "day", "at", "expected"),
    [
        pytest.param(BERLIN, date(2026, 6, 1), time(18), utc(2026, 6, 1, 16), id="berlin-summer"),
        pytest.param(BERLIN, date(2026, 1, 5), time(18), utc(2026, 1, 5, 17), id="berlin-winter"),
        pytest.param(
            ZoneInfo("Asia/Kathmandu"),
            date(2026, 6, 1),
            time(9),
            utc(2026, 6, 1, 3, 15),
            id="+5:45",
        ),
        pytest.param(
            ZoneInfo("Pacific/Kiritimati"), date(2026, 6, 2), time(1), utc(2026, 6, 1, 11), id="+14"
        ),
        pytest.param(
            timezone(timedelta(hours=5, minutes=30)),
            date(2026, 6, 1),
            time(8),
            utc(2026, 6, 1, 2, 30),
            id="fixed+05:30",
        ),
        pytest.param(
            timezone(timedelta(hours=-3), "UTC-03:00"),
            date(2026, 12, 31),
            time(23, 45),
            utc(2027, 1, 1, 2, 45),
            id="fixed-03:00",
        ),
        pytest.param(UTC, date(2026, 6, 1), time(0), utc(2026, 6, 1), id="utc"),
    ],
)
def test_resolve_local_outside_transitions(
    tz: tzinfo, day: date, at: time, expected: datetime
) -> None:
    assert resolve_local(day, at, tz) == expected


@pytest.mark.parametrize(
    ("after", "tz", "at", "mask", "expected"),
    [
        pytest.param(
            utc(2026, 6, 1, 16), BERLIN, time(18), EVERY_DAY, utc(2026, 6, 2, 16), id="exactly-at"
        ),
        pytest.param(
            utc(2026, 6, 1, 15, 59, 59, 999999),
            BERLIN,
            time(18),
            EVERY_DAY,
            utc(2026, 6, 1, 16),
            id="just-before",
        ),
        pytest.param(
            utc(2026, 6, 5, 18), BERLIN, time(18), MON_FRI, utc(2026, 6, 8, 16), id="friday-evening"
        ),
        pytest.param(
            utc(2026, 6, 5, 12), BERLIN, time(18), MON_FRI, utc(2026, 6, 5, 16), id="friday-noon"
        ),
        pytest.param(
            utc(2026, 6, 7, 16), BERLIN, time(18), SUNDAY_ONLY, utc(2026, 6, 14, 16), id="weekly"
        ),
        pytest.param(
            utc(2026, 6, 1, 12),
            ZoneInfo("Pacific/Kiritimati"),
            time(1),
            EVERY_DAY,
            utc(2026, 6, 2, 11),
            id="local-date-ahead-of-utc",
        ),
        pytest.param(
            utc(2026, 6, 2, 2),
            ZoneInfo("America/Los_Angeles"),
            time(18, 30),
            EVERY_DAY,
            utc(2026, 6, 2, 1, 30) + timedelta(days=1),
            id="local-date-behind-utc",
        ),
        pytest.param(
            datetime(2026, 6, 1, 19, tzinfo=BERLIN),
            BERLIN,
            time(18),
            EVERY_DAY,
            utc(2026, 6, 2, 16),
            id="after-in-another-zone",
        ),
        pytest.param(
            utc(2026, 6, 5, 18),
            timezone(timedelta(hours=-3)),
            time(9),
            MON_FRI,
            utc(2026, 6, 8, 12),
            id="fixed-offset",
        ),
    ],
)
def test_next_occurrence(
    after: datetime, tz: tzinfo, at: time, mask: int, expected: datetime
) -> None:
    result = next_occurrence(after, tz, at, mask)
    assert result == expected
    assert result is not None
    assert result.tzinfo is UTC


@pytest.mark.parametrize("mask", [0, 0b10000000])
def test_next_occurrence_with_no_networking_days_is_none(mask: int) -> None:
    assert next_occurrence(utc(2026, 6, 1), BERLIN, time(18), mask) is None


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2026, 6, 1, 12), BERLIN)


ZONES = [
    BERLIN,
    SANTIAGO,
    HAVANA,
    LORD_HOWE,
    ZoneInfo("America/New_York"),
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("Pacific/Kiritimati"),
    timezone(timedelta(hours=-3, minutes=-30)),
]
# Between them these hit every gap and fold of 2026 in the zones above.
TIMES = [time(0), time(0, 30), time(1, 45), time(2, 15), time(23, 30)]
CHAIN_ZONES = [BERLIN, SANTIAGO, HAVANA, LORD_HOWE, ZoneInfo("Pacific/Kiritimati"), ZONES[-1]]
MON_WED_FRI_SUN = 0b1010101  # transitions happen on Sundays; Mon-Fri would never see one


def days_of(year: int) -> Iterator[date]:
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("tz", ZONES, ids=str)
def test_every_day_of_2026_resolves_to_the_first_instant_the_clock_reaches_the_time(
    tz: tzinfo,
) -> None:
    for day in days_of(2026):
        for at in TIMES:
            target = datetime.combine(day, at)
            resolved = resolve_local(day, at, tz)
            assert wall(resolved, tz) >= target  # exact, or the end of a gap
            assert wall(resolved, tz) == target or resolved in transitions(str(tz), 2026)
            # ...and had not reached it 15 minutes to 2 hours before (so: the first occurrence)
            assert all(wall(resolved - QUARTER * k, tz) < target for k in (1, 2, 4, 8))


@pytest.mark.parametrize("mask", [EVERY_DAY, MON_WED_FRI_SUN], ids=bin)
@pytest.mark.parametrize("at", TIMES, ids=str)
@pytest.mark.parametrize("tz", CHAIN_ZONES, ids=str)
def test_chained_occurrences_fire_once_per_networking_day(tz: tzinfo, at: time, mask: int) -> None:
    start = utc(2025, 12, 30)
    fired = []
    after = start
    for _ in range(400):
        result = next_occurrence(after, tz, at, mask)
        assert result is not None
        assert result > after
        fired.append(result)
        after = result
    days = [local_date(instant, tz) for instant in fired]
    expected_days = [
        days[0] + timedelta(days=n)
        for n in range((days[-1] - days[0]).days + 1)
        if is_networking_day(mask, days[0] + timedelta(days=n))
    ]
    assert days == expected_days  # every networking day, once, in order
    assert days[0] - local_date(start, tz) < timedelta(days=8)
    assert all(
        instant == resolve_local(day, at, tz) for instant, day in zip(fired, days, strict=True)
    )


@cache
def first_reaching(key: str, day: date, at: time) -> datetime:
    """Brute force: the first quarter hour at which the wall clock shows `day at` or later."""
    tz, target = ZoneInfo(key), datetime.combine(day, at)
    instant = target.replace(tzinfo=UTC) - timedelta(hours=15)
    while wall(instant, tz) < target:
        instant += QUARTER
    return instant


@pytest.mark.parametrize(
    ("key", "at"),
    [
        ("Europe/Berlin", time(2, 30)),
        ("America/Santiago", time(0)),
        ("America/Santiago", time(23, 30)),
        ("America/Havana", time(0, 30)),
        ("Australia/Lord_Howe", time(1, 45)),
        ("Australia/Lord_Howe", time(2, 15)),
    ],
)
def test_next_occurrence_matches_brute_force_around_transitions(key: str, at: time) -> None:
    tz = ZoneInfo(key)
    for transition in TRANSITIONS_2026[key]:
        after = transition - timedelta(days=1)
        while after < transition + timedelta(days=1):
            today = local_date(after, tz)
            candidates = (first_reaching(key, today + timedelta(days=n), at) for n in range(-1, 3))
            expected = min(instant for instant in candidates if instant > after)
            assert next_occurrence(after, tz, at, EVERY_DAY) == expected, after
            after += timedelta(minutes=20)


@pytest.mark.parametrize(
    ("due", "now", "fresh"),
    [
        pytest.param(utc(2026, 6, 1, 16), utc(2026, 6, 1, 16), True, id="on-time"),
        pytest.param(utc(2026, 6, 1, 16), utc(2026, 6, 1, 19), True, id="exactly-max-delay"),
        pytest.param(utc(2026, 6, 1, 16), utc(2026, 6, 1, 19, 0, 1), False, id="too-late"),
        pytest.param(utc(2026, 6, 1, 20), utc(2026, 6, 1, 21, 59), True, id="before-midnight"),
        pytest.param(utc(2026, 6, 1, 20), utc(2026, 6, 1, 22), False, id="local-midnight"),
        pytest.param(utc(2026, 6, 1, 20), utc(2026, 6, 1, 22, 1), False, id="next-local-day"),
        pytest.param(utc(2026, 6, 1, 16), utc(2026, 6, 2, 16), False, id="a-day-late"),
        pytest.param(utc(2026, 6, 1, 16), utc(2026, 6, 1, 12), True, id="early"),
    ],
)
def test_prompt_is_fresh_until_its_deadline(due: datetime, now: datetime, fresh: bool) -> None:
    assert (now <= prompt_deadline(due, BERLIN)) is fresh


@pytest.mark.parametrize(
    ("tz", "due", "deadline"),
    [
        pytest.param(BERLIN, utc(2026, 6, 1, 16), utc(2026, 6, 1, 19), id="max-delay"),
        pytest.param(
            BERLIN, utc(2026, 6, 1, 20), utc(2026, 6, 1, 22) - timedelta.resolution, id="midnight"
        ),
        pytest.param(  # Sep 6 begins at 01:00 local (04:00 UTC): 00:00-00:59 does not exist
            SANTIAGO,
            utc(2026, 9, 6, 2, 30),
            utc(2026, 9, 6, 4) - timedelta.resolution,
            id="santiago-gap-at-midnight",
        ),
        pytest.param(  # Apr 4 has 25 hours: 23:00-23:59 happens twice, Apr 5 begins 04:00 UTC
            SANTIAGO,
            utc(2026, 4, 5, 2, 30),
            utc(2026, 4, 5, 4) - timedelta.resolution,
            id="santiago-fold-at-midnight",
        ),
    ],
)
def test_prompt_deadline(tz: tzinfo, due: datetime, deadline: datetime) -> None:
    assert prompt_deadline(due, tz) == deadline
    assert local_date(deadline, tz) == local_date(due, tz)


def test_max_prompt_delay_is_three_hours() -> None:
    assert timedelta(hours=3) == MAX_PROMPT_DELAY
