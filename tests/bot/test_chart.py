"""The /stats chart renders a phone-sized PNG from plain data, in any thread, in any script."""

import struct
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.chart import (
    CHECKED_IN,
    FROZEN,
    MIN_WEEKS,
    MISSED,
    WEEKS,
    ChartData,
    ChartLabels,
    WeekBar,
    _calendar_cells,
    _cell_colour,
    _grid_position,
    has_data,
    render_chart,
    week_starts,
    weeks_since,
)
from domain.weekdays import MON_FRI

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
THURSDAY = date(2025, 11, 27)

LABELS = ChartLabels(
    title="Your last 26 weeks",
    calendar_title="Check-ins",
    gives_asks_title="Gives and asks per week",
    interactions_title="Interactions per week",
    gives="gives",
    asks="asks",
    in_person_or_call="in person or call",
    messages="messages",
    checked_in="check-in",
    missed="no check-in",
    frozen="covered by a freeze",
    rest_day="not a networking day",
    today="today",
    weekdays=("M", "T", "W", "T", "F", "S", "S"),
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    week_start="{day} {month}",
)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first after the signature."""
    assert png[:8] == PNG_SIGNATURE
    length, chunk_type = struct.unpack(">I4s", png[8:16])
    assert (length, chunk_type) == (13, b"IHDR")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def empty_weeks(today: date) -> tuple[WeekBar, ...]:
    return tuple(WeekBar(monday, 0, 0, 0, 0) for monday in week_starts(today))


def realistic(today: date = THURSDAY) -> ChartData:
    """Half a year of a Mon–Fri networker: most weekdays checked in, a few gaps, some weekends."""
    first = week_starts(today)[0]
    days = (first + timedelta(days=offset) for offset in range((today - first).days + 1))
    checkins = frozenset(
        day
        for day in days
        if (day.weekday() < 5 and day.toordinal() % 4 != 0) or day.toordinal() % 23 == 0
    )
    weeks = tuple(
        WeekBar(
            week_start=monday,
            gives=index % 5,
            asks=(index * 3) % 4,
            in_person_or_call=(index * 7) % 5,
            messages=(index * 5) % 11,
        )
        for index, monday in enumerate(week_starts(today))
    )
    return ChartData(today=today, checkin_days=checkins, networking_days=MON_FRI, weeks=weeks)


def test_a_realistic_history_renders_a_phone_sized_png() -> None:
    png = render_chart(realistic(), LABELS)
    width, height = png_size(png)
    assert width > 400
    assert height > 400
    assert len(png) < 1_000_000
    assert has_data(realistic())


def test_an_empty_history_has_nothing_to_draw() -> None:
    data = ChartData(
        today=THURSDAY,
        checkin_days=frozenset(),
        networking_days=MON_FRI,
        weeks=empty_weeks(THURSDAY),
    )
    assert not has_data(data)


def test_check_ins_older_than_the_window_alone_are_nothing_to_draw() -> None:
    long_ago = week_starts(THURSDAY)[0] - timedelta(days=1)
    data = ChartData(
        today=THURSDAY,
        checkin_days=frozenset({long_ago}),
        networking_days=MON_FRI,
        weeks=empty_weeks(THURSDAY),
    )
    assert not has_data(data)
    assert has_data(replace(data, checkin_days=frozenset({THURSDAY})))


def test_gives_and_asks_without_check_ins_still_render() -> None:
    weeks = tuple(
        WeekBar(monday, gives=index % 3, asks=index % 2, in_person_or_call=0, messages=0)
        for index, monday in enumerate(week_starts(THURSDAY))
    )
    data = ChartData(today=THURSDAY, checkin_days=frozenset(), networking_days=MON_FRI, weeks=weeks)
    assert has_data(data)
    width, height = png_size(render_chart(data, LABELS))
    assert width > 400 and height > 400


def test_renders_in_parallel_threads_are_valid_and_identical() -> None:
    data = realistic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: render_chart(data, LABELS), range(2))
    png_size(first)
    assert first == second  # deterministic: no timestamp or version in the file


def test_persian_cyrillic_and_dollar_labels_do_not_crash() -> None:
    labels = replace(
        LABELS,
        title="۲۶ هفته‌ی اخیر شما",
        calendar_title="Отметки",
        gives="дали",
        asks="попросили",
        checked_in="ثبت شد",
        missed="$5 coffee, not $10",  # unbalanced-looking dollars must not become mathtext
        weekdays=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"),
        months=("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
        week_start="{day} {month}.",
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Gg]lyph.*missing.*")
        png = render_chart(realistic(), labels)
    png_size(png)


@pytest.mark.parametrize("today", [date(2025, 11, 30), date(2025, 12, 1)], ids=["sun", "mon"])
def test_today_is_in_the_last_column_and_the_rest_of_its_week_is_blank(today: date) -> None:
    data = realistic(today)
    assert _grid_position(today, today) == (WEEKS - 1, today.weekday())
    assert week_starts(today)[-1] == today - timedelta(days=today.weekday())
    for later in range(1, 7 - today.weekday()):
        assert _cell_colour(data, today + timedelta(days=later)) is None
    assert (0, 0) in {(column, row) for column, row, _ in _calendar_cells(data)}
    png_size(render_chart(data, LABELS))


def test_days_before_the_user_started_are_blank_not_missed() -> None:
    data = replace(realistic(), checkin_days=frozenset(), since=THURSDAY - timedelta(days=3))
    # Mon, Tue, Wed of this week; today is still open (outlined, not filled), the rest is future
    assert _calendar_cells(data) == [(WEEKS - 1, row, MISSED) for row in range(3)]


def test_weeks_must_be_the_charts_mondays() -> None:
    weeks = empty_weeks(THURSDAY)
    with pytest.raises(ValueError, match="Mondays"):
        ChartData(THURSDAY, frozenset(), MON_FRI, weeks[:-1])
    with pytest.raises(ValueError, match="Monday"):
        WeekBar(THURSDAY, 0, 0, 0, 0)
    with pytest.raises(ValueError, match="7 entries"):
        replace(LABELS, weekdays=("M", "T"))


@pytest.mark.parametrize(
    ("first", "weeks"),
    [
        (THURSDAY, MIN_WEEKS),  # started today: at least four weeks
        (THURSDAY - timedelta(days=3), MIN_WEEKS),  # this Monday
        (date(2025, 10, 19), 7),  # a Sunday: its week, and six more
        (date(2025, 10, 20), 6),  # the Monday after
        (date(2024, 1, 1), WEEKS),  # years ago: half a year at most
    ],
)
def test_the_chart_covers_the_users_own_history(first: date, weeks: int) -> None:
    assert weeks_since(first, THURSDAY) == weeks


def test_a_new_users_chart_draws_four_weeks_with_a_frozen_day() -> None:
    starts = week_starts(THURSDAY, MIN_WEEKS)
    monday = starts[-1]
    data = ChartData(
        today=THURSDAY,
        checkin_days=frozenset({monday, monday + timedelta(days=2)}),
        networking_days=MON_FRI,
        weeks=tuple(WeekBar(start, 1, 1, 1, 0) for start in starts),
        since=monday,
        frozen=frozenset({monday + timedelta(days=1)}),
    )
    assert _calendar_cells(data) == [
        (MIN_WEEKS - 1, 0, CHECKED_IN),
        (MIN_WEEKS - 1, 1, FROZEN),
        (MIN_WEEKS - 1, 2, CHECKED_IN),
    ]
    assert png_size(render_chart(data, LABELS)) == png_size(render_chart(realistic(), LABELS))
