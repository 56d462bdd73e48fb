"""Reading how long a pause lasts, the way people type it."""

from datetime import date, datetime

import pytest

from domain.pausing import PauseProblem, PauseRequest, parse_pause

NOW = datetime(2026, 12, 1, 10, 0)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "back_on"),
    [
        ("5 days", date(2026, 12, 6)),
        ("5", date(2026, 12, 6)),
        ("for 3 days", date(2026, 12, 4)),
        ("a week", date(2026, 12, 8)),
        ("2 weeks", date(2026, 12, 15)),
        ("until 2026-12-28", date(2026, 12, 28)),
        ("until friday", date(2026, 12, 4)),
        ("till Jan 5", date(2027, 1, 5)),
        ("until I say", None),
        ("until I’m back", None),
        ("indefinitely", None),
    ],
)
def test_pause_lengths(text: str, back_on: date | None) -> None:
    assert parse_pause(text, NOW) == PauseRequest(back_on)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("whenever", PauseProblem.UNREADABLE),
        ("until 01/02/2027", PauseProblem.UNREADABLE),  # two readings: ask for YYYY-MM-DD
        ("0 days", PauseProblem.UNREADABLE),
        ("until yesterday", PauseProblem.PAST),
        ("until today", PauseProblem.PAST),
        ("400 days", PauseProblem.TOO_LONG),
    ],
)
def test_pause_problems(text: str, problem: PauseProblem) -> None:
    assert parse_pause(text, NOW) == problem
