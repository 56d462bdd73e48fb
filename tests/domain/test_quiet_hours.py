"""Quiet hours as people type them after /quiet."""

from datetime import time

import pytest

from domain.attention import DEFAULT_QUIET_END, DEFAULT_QUIET_START, QuietHours
from domain.quiet_hours import PRESETS, QuietProblem, QuietRequest, parse_quiet_hours

TEN_TO_SEVEN = QuietRequest(QuietHours(time(22), time(7)))


@pytest.mark.parametrize(
    "text",
    [
        "22:00-07:00",
        "22:00–07:00",
        "22:00 — 07:00",
        "22-7",
        "22 - 7",
        "10pm-7am",
        "10 PM - 7 AM",
        "22:00 to 07:00",
        "from 22:00 to 07:00",
        "10pm until 7am",
        "22h-7h",
        "22.00-7.00",
        "  22:00-07:00.  ",
    ],
)
def test_ranges(text: str) -> None:
    assert parse_quiet_hours(text) == TEN_TO_SEVEN


def test_minutes_and_daytime_spans() -> None:
    assert parse_quiet_hours("23:30-6:45") == QuietRequest(QuietHours(time(23, 30), time(6, 45)))
    assert parse_quiet_hours("12-14") == QuietRequest(QuietHours(time(12), time(14)))
    # A bare hour is read on the 24-hour clock, never guessed to be the evening.
    assert parse_quiet_hours("10-7") == QuietRequest(QuietHours(time(10), time(7)))


@pytest.mark.parametrize("text", ["off", "OFF", "none", "Off!"])
def test_off(text: str) -> None:
    assert parse_quiet_hours(text) == QuietRequest(None)


@pytest.mark.parametrize(
    "text", ["", "soon", "22", "22:00", "22-", "-7", "25-7", "22-7-9", "13pm-7am", "night"]
)
def test_unreadable(text: str) -> None:
    assert parse_quiet_hours(text) == QuietProblem.UNREADABLE


def test_a_span_of_nothing_is_refused() -> None:
    assert parse_quiet_hours("22-22") == QuietProblem.EMPTY
    assert parse_quiet_hours("10pm to 22:00") == QuietProblem.EMPTY


def test_presets_start_with_the_default_and_are_distinct() -> None:
    assert PRESETS[0] == QuietHours(DEFAULT_QUIET_START, DEFAULT_QUIET_END)
    assert len(set(PRESETS)) == len(PRESETS)
    assert all(hours.start != hours.end for hours in PRESETS)
