"""The weekly review: the week in numbers and ONE focus for next week (docs/coaching.md).

The focus is the weakest principle of the week, found by the first rule that applies in
`FOCUS_RULES` order: a week with nothing logged needs showing up before anything else; then
open loops (promises slipping hurt trust fastest), then giving, then who you reach, then how
you meet, then pace; a week with none of these problems keeps its best relationships warm.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain.contacts import HIGH_LEVERAGE_TIERS, Tier
from domain.weekdays import is_networking_day


class Focus(StrEnum):
    SHOW_UP = "show_up"  # principle 1: a steady pace
    CLOSE_LOOPS = "close_loops"  # principle 7: follow-ups overdue
    GIVE_FIRST = "give_first"  # principle 5: no gives
    REACH_UP = "reach_up"  # principle 2: peers only
    MEET_LIVE = "meet_live"  # principle 9: all online
    KEEP_WARM = "keep_warm"  # principle 3: nothing wrong, deepen what you have


@dataclass(frozen=True)
class WeekFacts:
    """The last seven local days."""

    checkins: int
    networking_days: int  # networking days in the week that were not paused
    reached: Mapping[Tier | None, int]  # people reached, by tier
    gives: int
    asks: int
    followups_done: int
    followups_overdue: int  # open follow-ups past their time, now
    live: int  # interactions in person or by call/video …
    with_channel: int  # … out of those whose channel is known
    warm: int  # people with a two-way interaction in the last 90 days

    @property
    def people(self) -> int:
        return sum(self.reached.values())


WEEK_DAYS = 7


def review_days(day: date, joined: date, networking_days: int) -> list[date] | None:
    """The days a review on `day` counts: the seven local days ending on it, from the day the
    user joined. None for the user's first, partial week, one with a networking day before they
    joined: its numbers would count misses that never were ("0 of 5 networking days" for
    someone who joined an hour ago). Someone who joins on a weekend gets a full first week."""
    start = day - timedelta(days=WEEK_DAYS - 1)
    week = [start + timedelta(days=offset) for offset in range(WEEK_DAYS)]
    if any(each < joined and is_networking_day(networking_days, each) for each in week):
        return None
    return [each for each in week if each >= joined]


def choose_focus(week: WeekFacts) -> Focus:
    """The one focus for next week: the first rule of the docstring's order that applies."""
    if week.checkins == 0 and week.people == 0:
        return Focus.SHOW_UP
    if week.followups_overdue:
        return Focus.CLOSE_LOOPS
    if week.gives == 0:
        return Focus.GIVE_FIRST
    if week.people and not any(week.reached.get(tier, 0) for tier in HIGH_LEVERAGE_TIERS):
        return Focus.REACH_UP
    if week.with_channel and not week.live:
        return Focus.MEET_LIVE
    if week.checkins * 2 < week.networking_days:
        return Focus.SHOW_UP
    return Focus.KEEP_WARM
