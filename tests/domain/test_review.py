"""The weekly review's one focus: the first rule that applies, in the documented order."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from domain.contacts import Tier
from domain.review import Focus, WeekFacts, choose_focus, review_days
from domain.weekdays import MON_FRI, WEEKENDS

GOOD = WeekFacts(
    checkins=5, networking_days=5, reached={Tier.INSIDER: 1, Tier.PEER: 2}, gives=2, asks=1,
    followups_done=2, followups_overdue=0, live=2, with_channel=4, warm=8,
)  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "focus"),
    [
        ({}, Focus.KEEP_WARM),  # nothing wrong: deepen what you have
        ({"checkins": 0, "reached": {}}, Focus.SHOW_UP),  # nothing logged at all comes first
        ({"followups_overdue": 2, "gives": 0}, Focus.CLOSE_LOOPS),  # before giving
        ({"gives": 0, "reached": {Tier.PEER: 3}}, Focus.GIVE_FIRST),  # before reaching up
        ({"reached": {Tier.PEER: 3}, "live": 0}, Focus.REACH_UP),  # before meeting live
        ({"reached": {None: 2}}, Focus.REACH_UP),  # untiered people are not high-leverage
        ({"live": 0}, Focus.MEET_LIVE),
        ({"live": 0, "with_channel": 0}, Focus.KEEP_WARM),  # no channels known: no verdict
        ({"checkins": 2}, Focus.SHOW_UP),  # fewer than half the networking days
        ({"checkins": 3}, Focus.KEEP_WARM),
    ],
)
def test_focus_order(changes: dict[str, object], focus: Focus) -> None:
    assert choose_focus(replace(GOOD, **changes)) == focus  # type: ignore[arg-type]


# --- which days a review counts ----------------------------------------------------------------

FRIDAY = date(2026, 3, 13)
SATURDAY = date(2026, 3, 7)  # the first day of the week a Friday review looks back on


def test_a_review_skips_the_users_first_partial_week() -> None:
    assert review_days(FRIDAY, FRIDAY, MON_FRI) is None  # joined today: 1 of 5 days theirs
    assert review_days(FRIDAY, date(2026, 3, 11), MON_FRI) is None  # joined on Wednesday
    assert review_days(FRIDAY, date(2026, 3, 11), WEEKENDS) is None  # the weekend missed


def test_a_review_counts_only_the_days_since_the_user_joined() -> None:
    week = [SATURDAY + timedelta(days=n) for n in range(7)]
    assert review_days(FRIDAY, date(2026, 1, 1), MON_FRI) == week
    assert review_days(FRIDAY, date(2026, 3, 8), MON_FRI) == week[1:]  # joined on Sunday
    assert review_days(FRIDAY, date(2026, 3, 9), MON_FRI) == week[2:]  # on Monday
