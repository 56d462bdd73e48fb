"""Date forms the check-in reader meets in follow-up answers, read in the user's wall clock."""

from datetime import date, datetime

import pytest

from domain.dates import read_when

NOW = datetime(2026, 11, 24, 17, 58)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("end of the month", (date(2026, 11, 30),)),
        ("end of month", (date(2026, 11, 30),)),
        ("end month", (date(2026, 11, 30),)),  # "конец месяца", "Ende Monat" word by word
        ("on the 30", (date(2026, 11, 30),)),  # "am 30.", "dia 30"
        ("the 2", (date(2026, 12, 2),)),
        ("overmorrow", (date(2026, 11, 26),)),  # "pasado mañana", "übermorgen", "послезавтра"
        ("end of the week", (date(2026, 11, 27),)),
        ("wednesday next week", (date(2026, 12, 2),)),
        ("next week wednesday", (date(2026, 12, 2),)),
        ("early next week", (date(2026, 11, 30),)),
        ("after the weekend", (date(2026, 11, 30),)),
        ("December 3", (date(2026, 12, 3),)),
        ("dec 3rd", (date(2026, 12, 3),)),
        ("3 Dec", (date(2026, 12, 3),)),
        ("the 3rd of December", (date(2026, 12, 3),)),
        ("Jan 7", (date(2027, 1, 7),)),
        ("monday morning", (date(2026, 11, 30),)),
        ("in a couple of days", (date(2026, 11, 26),)),
        ("in two wks", (date(2026, 12, 8),)),
        ("2moro", (date(2026, 11, 25),)),
        ("1.12.", (date(2026, 12, 1),)),  # a trailing dot: day first, as where it is written
        ("3/12", (date(2026, 12, 3), date(2027, 3, 12))),  # two readings: the caller asks
    ],
)
def test_read_when(text: str, days: tuple[date, ...]) -> None:
    when = read_when(text, NOW)
    assert when is not None and when.days == days
