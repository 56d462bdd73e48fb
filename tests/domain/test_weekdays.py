"""Networking-day masks: parsing what people type, formatting it back, toggling."""

from datetime import date, timedelta

import pytest

from domain.weekdays import (
    EVERY_DAY,
    FREE_TEXT_MIN_LETTERS,
    MON_FRI,
    is_networking_day,
    parse_days,
    toggle,
    weekday_index,
)

MON, TUE, WED, THU, FRI, SAT, SUN = (1 << i for i in range(7))
MONDAY = date(2026, 6, 1)


def test_constants() -> None:
    assert MON | TUE | WED | THU | FRI == MON_FRI
    assert MON_FRI | SAT | SUN == EVERY_DAY


@pytest.mark.parametrize(
    ("mask", "networking"),
    [
        (MON_FRI, [True] * 5 + [False] * 2),
        (EVERY_DAY, [True] * 7),
        (0, [False] * 7),
        (MON | WED | SUN, [True, False, True, False, False, False, True]),
    ],
)
def test_is_networking_day(mask: int, networking: list[bool]) -> None:
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    assert [is_networking_day(mask, day) for day in week] == networking


@pytest.mark.parametrize(
    ("text", "mask"),
    [
        ("mon-fri", MON_FRI),
        ("Mon–Fri", MON_FRI),
        ("MON — FRI", MON_FRI),
        ("mon to fri", MON_FRI),
        ("monday through friday", MON_FRI),
        ("mon,wed,fri", MON | WED | FRI),
        ("mon, wed, fri", MON | WED | FRI),
        ("mon wed fri", MON | WED | FRI),
        ("  Mon   Wed  ", MON | WED),
        ("Mon, Wed and Fri", MON | WED | FRI),
        ("monday tuesday", MON | TUE),
        ("Tues Thurs", TUE | THU),
        ("sat.", SAT),
        ("weekdays", MON_FRI),
        ("Weekends", SAT | SUN),
        ("weekend", SAT | SUN),
        ("every day", EVERY_DAY),
        ("Every  Day", EVERY_DAY),
        ("everyday", EVERY_DAY),
        ("daily", EVERY_DAY),
        ("all", EVERY_DAY),
        ("fri-mon", FRI | SAT | SUN | MON),
        ("sun-tue", SUN | MON | TUE),
        ("wed-wed", WED),
        ("weekdays, sun", MON_FRI | SUN),
        ("mon-wed, fri-sat", MON | TUE | WED | FRI | SAT),
        ("mon mon", MON),
    ],
)
def test_parse_days(text: str, mask: int) -> None:
    assert parse_days(text) == mask


@pytest.mark.parametrize(
    "text",
    ["", "   ", "never", "m", "mon-", "-fri", "mon-fri-sat", "mon, funday", "days", "and", "t-f"],
)
def test_parse_days_rejects(text: str) -> None:
    assert parse_days(text) is None


@pytest.mark.parametrize(
    ("mask", "index", "expected"),
    [(MON_FRI, 0, MON_FRI & ~MON), (MON_FRI | SAT, 6, EVERY_DAY), (0, 2, WED), (WED, 2, 0)],
)
def test_toggle(mask: int, index: int, expected: int) -> None:
    assert toggle(mask, index) == expected
    assert toggle(toggle(mask, index), index) == mask


@pytest.mark.parametrize("index", [-1, 7])
def test_toggle_rejects_out_of_range(index: int) -> None:
    with pytest.raises(ValueError, match="weekday index"):
        toggle(MON_FRI, index)


@pytest.mark.parametrize(
    ("word", "index"),
    [("monday", 0), ("Mon", 0), ("tu", 1), ("TUES", 1), ("wednes", 2), ("thurs", 3), ("su", 6)],
)
def test_weekday_index_reads_names_and_prefixes(word: str, index: int) -> None:
    assert weekday_index(word) == index


def test_free_text_needs_three_letters() -> None:
    """In a sentence, "Su" or "Mo" is more often a name than a weekday."""
    assert weekday_index("su", min_letters=FREE_TEXT_MIN_LETTERS) is None
    assert weekday_index("sun", min_letters=FREE_TEXT_MIN_LETTERS) == 6
    assert weekday_index("thurs", min_letters=FREE_TEXT_MIN_LETTERS) == 3
    assert weekday_index("t") is None
    assert weekday_index("sunday!") is None
