"""Check-in times as people type them."""

from datetime import time

import pytest

from domain.timeofday import format_time, parse_time_of_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", time(18, 0)),
        ("8:05", time(8, 5)),
        ("08:05", time(8, 5)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("18.30", time(18, 30)),
        ("18h30", time(18, 30)),
        ("18h", time(18, 0)),
        ("6pm", time(18, 0)),
        ("6 pm", time(18, 0)),
        ("6:30pm", time(18, 30)),
        ("6:30 PM", time(18, 30)),
        ("6 p.m.", time(18, 0)),
        ("7am", time(7, 0)),
        ("12am", time(0, 0)),
        ("12:15 am", time(0, 15)),
        ("12pm", time(12, 0)),
        ("12:45pm", time(12, 45)),
        ("9", time(9, 0)),
        ("  18:00  ", time(18, 0)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
    ],
)
def test_parse_time_of_day(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "25:00",
        "24:00",
        "12:60",
        "13pm",
        "0am",
        "18:00pm",
        "0800",
        "8:5",
        "18:",
        "six",
        "18:00:00",
        "-1",
        "6 pmm",
        "tomorrow",
    ],
)
def test_parse_time_of_day_rejects(text: str) -> None:
    assert parse_time_of_day(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (time(18, 0), "18:00"),
        (time(8, 5), "08:05"),
        (time(0, 0), "00:00"),
        (time(7, 30, 59), "07:30"),
    ],
)
def test_format_time(value: time, text: str) -> None:
    assert format_time(value) == text


@pytest.mark.parametrize("minutes", range(0, 24 * 60, 7))
def test_format_then_parse_round_trips(minutes: int) -> None:
    value = time(minutes // 60, minutes % 60)
    assert parse_time_of_day(format_time(value)) == value
