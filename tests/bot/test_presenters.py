"""The presenters: dates, amounts of time, networking days and labels as the user reads them."""

from datetime import date, timedelta

import pytest

from bot import i18n, texts
from bot.presenters.common import format_days, plural, relative_day
from domain.contacts import Channel, InteractionKind, Tier
from domain.timezones import parse_timezone
from domain.weekdays import EVERY_DAY, MON_FRI, parse_days

TODAY = date(2026, 3, 13)
MON, TUE, WED, THU, FRI, SAT, SUN = (1 << i for i in range(7))


def test_every_tier_channel_and_interaction_has_a_label() -> None:
    assert texts.TIER_LABELS[Tier.DECISION_MAKER] == "decision-maker"
    assert set(texts.TIER_LABELS) == set(Tier)
    assert set(texts.CHANNEL_LABELS) == set(Channel)
    assert set(texts.INTERACTION_LABELS) == set(InteractionKind)
    assert set(texts.TIER_COUNTS) == {*Tier, None}
    assert i18n.short_weekdays() == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def test_plural() -> None:
    assert plural(texts.DAYS, 1) == "1 day"
    assert plural(texts.DAYS, 0) == "0 days"
    assert plural(texts.TIER_COUNTS[Tier.PEER], 3) == "3 peers"


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (2, "on Sunday"),  # TODAY is a Friday
        (3, "on Monday"),
        (6, "on Thursday"),
        (7, "in 7 days"),
        (13, "in 13 days"),
        (14, "in 2 weeks"),
        (20, "in 3 weeks"),
        (45, "in 6 weeks"),
        (60, "in 2 months"),
        (400, "in 13 months"),
        (800, "in 2 years"),
        (-2, "2 days ago"),
        (-6, "6 days ago"),
        (-13, "13 days ago"),
        (-21, "3 weeks ago"),
        (-90, "3 months ago"),
        (-365 * 3, "3 years ago"),
    ],
)
def test_relative_day(offset: int, text: str) -> None:
    assert relative_day(TODAY + timedelta(days=offset), TODAY) == text


@pytest.mark.parametrize(
    ("mask", "text"),
    [
        (MON_FRI, "Mon–Fri"),
        (EVERY_DAY, "every day"),
        (SAT | SUN, "weekends"),
        (MON | WED | FRI, "Mon, Wed, Fri"),
        (MON | TUE | WED | THU, "Mon–Thu"),
        (0, "no days"),
        (MON | TUE, "Mon, Tue"),
        (SUN, "Sun"),
        (FRI | SAT | SUN | MON, "Fri–Mon"),
        (SUN | MON, "Sun, Mon"),
        (MON | WED | FRI | SAT | SUN, "Wed, Fri–Mon"),
        (MON_FRI | SUN, "Sun–Fri"),
        (MON_FRI | 1 << 7, "Mon–Fri"),
    ],
)
def test_format_days(mask: int, text: str) -> None:
    assert format_days(mask) == text


@pytest.mark.parametrize("mask", range(1, 128))
def test_format_then_parse_round_trips(mask: int) -> None:
    assert parse_days(format_days(mask)) == mask


def test_examples_parse() -> None:
    examples = texts.TIMEZONE_EXAMPLES.replace(" or ", ", ").split(", ")
    assert len(examples) >= 4
    assert all(parse_timezone(example) for example in examples)
