"""The attention policy, rule by rule and back-off step by back-off step."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.attention import (
    DORMANT_AFTER,
    MAX_INTERVAL,
    REENGAGE_EVERY,
    KindState,
    Pause,
    PromptStep,
    QuietHours,
    Reengagement,
    backoff,
    ignored_in_a_row,
    may_nudge,
    paused_days,
    prompt_step,
)
from domain.nudges import BASE_INTERVAL, NudgeKind

BERLIN = ZoneInfo("Europe/Berlin")
NIGHT = QuietHours(time(21), time(8))
NOW = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)  # Tuesday 18:00 in Berlin


@pytest.mark.parametrize(
    ("at", "quiet"),
    [(time(20, 59), False), (time(21), True), (time(23, 30), True), (time(0), True),
     (time(7, 59), True), (time(8), False), (time(12), False)],
)  # fmt: skip
def test_quiet_hours_across_midnight(at: time, quiet: bool) -> None:
    assert NIGHT.contains(at) is quiet


def test_quiet_hours_within_a_day_and_none() -> None:
    afternoon = QuietHours(time(13), time(15))
    assert afternoon.contains(time(14)) and not afternoon.contains(time(15))
    assert not QuietHours(time(9), time(9)).contains(time(9))  # empty: no quiet hours


def test_release_moves_an_evening_instant_to_the_next_morning() -> None:
    evening = datetime(2026, 3, 10, 21, 30, tzinfo=UTC)  # 22:30 Berlin
    assert NIGHT.release(evening, BERLIN) == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 08:00


def test_release_moves_a_small_hours_instant_to_the_same_morning() -> None:
    small_hours = datetime(2026, 3, 11, 2, 0, tzinfo=UTC)  # 03:00 Berlin
    assert NIGHT.release(small_hours, BERLIN) == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)


def test_release_leaves_a_daytime_instant_alone() -> None:
    assert NIGHT.release(NOW, BERLIN) == NOW


def test_release_across_spring_forward() -> None:
    """Quiet hours end at 08:00 local on the morning the clocks jump (UTC+1 → UTC+2)."""
    night = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)  # 23:00 CET, Saturday
    assert NIGHT.release(night, BERLIN) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)  # 08:00 CEST


def test_a_nudge_is_ignored_unless_the_user_wrote_after_it() -> None:
    sent = KindState(last_due_at=NOW, ignored=1)
    assert ignored_in_a_row(KindState(), None) == 0  # nothing sent yet
    assert ignored_in_a_row(sent, None) == 2
    assert ignored_in_a_row(sent, NOW - timedelta(minutes=1)) == 2  # wrote before it came
    assert ignored_in_a_row(sent, NOW + timedelta(minutes=1)) == 0  # any engagement resets


@pytest.mark.parametrize(
    ("ignored", "days"),
    [(0, 1), (2, 1), (3, 2), (5, 2), (6, 4), (9, 8), (12, 16), (15, 28), (40, 28)],
)
def test_backoff_doubles_every_three_ignored_up_to_four_weeks(ignored: int, days: int) -> None:
    assert backoff(timedelta(days=1), ignored) == timedelta(days=days)


def test_backoff_never_shortens_a_long_base() -> None:
    assert backoff(timedelta(days=14), 3) == timedelta(days=28) == MAX_INTERVAL
    assert backoff(timedelta(days=14), 6) == MAX_INTERVAL


@pytest.mark.parametrize(
    ("ignored_before", "days_since", "send"),
    [
        (0, 14, True),  # reach: every 14 days
        (0, 13, False),
        (1, 14, True),  # with this one two ignored in a row: still every 14 days
        (2, 14, False),  # now three in a row: the interval doubles to 28 days
        (2, 28, True),
    ],
)
def test_may_nudge_backs_off_after_three_ignored(
    ignored_before: int, days_since: int, send: bool
) -> None:
    last = NOW - timedelta(days=days_since)
    state = KindState(last_due_at=last, ignored=ignored_before)
    decision = may_nudge(NudgeKind.REACH, state, NOW.date(), UTC, last_active_at=None)
    assert decision.send is send
    assert decision.ignored == ignored_before + 1


def test_may_nudge_resets_after_engagement_and_respects_the_switch() -> None:
    last = NOW - timedelta(days=14)
    state = KindState(last_due_at=last, ignored=5)
    engaged = may_nudge(NudgeKind.REACH, state, NOW.date(), UTC, last + timedelta(hours=1))
    assert (engaged.send, engaged.ignored) == (True, 0)
    off = may_nudge(NudgeKind.REACH, KindState(enabled=False), NOW.date(), UTC, None)
    assert off.send is False


def test_may_nudge_counts_local_days_not_hours() -> None:
    """Keep-warm may come on consecutive days even when DST makes the gap 23 hours."""
    before = datetime(2026, 3, 28, 17, 0, tzinfo=UTC)  # 18:00 CET
    after = datetime(2026, 3, 29, 16, 0, tzinfo=UTC)  # 18:00 CEST, 23 hours later
    state = KindState(last_due_at=before)
    assert may_nudge(NudgeKind.KEEP_WARM, state, after.date(), BERLIN, None).send
    assert BASE_INTERVAL[NudgeKind.KEEP_WARM] == timedelta(days=1)


@pytest.mark.parametrize(("ignored", "step"), [(0, "prompt"), (2, "prompt"), (3, "reengage")])
def test_prompts_give_way_to_reengagement_after_three_ignored(ignored: int, step: str) -> None:
    assert prompt_step(ignored, None, NOW) == PromptStep(step)


def test_reengagement_is_weekly_then_dormant() -> None:
    since = NOW - timedelta(days=3)
    assert prompt_step(9, Reengagement(since, since), NOW) == PromptStep.WAIT
    week = Reengagement(NOW - REENGAGE_EVERY, NOW - REENGAGE_EVERY)
    assert prompt_step(9, week, NOW) == PromptStep.REENGAGE
    late = NOW - DORMANT_AFTER
    assert prompt_step(9, Reengagement(late, NOW - REENGAGE_EVERY), NOW) == PromptStep.DORMANT


def test_pauses_cover_their_days() -> None:
    holiday = Pause(date(2026, 3, 10), date(2026, 3, 13))  # back on Friday the 13th
    assert [holiday.covers(date(2026, 3, d)) for d in (9, 10, 12, 13)] == [
        False, True, True, False,
    ]  # fmt: skip
    assert Pause(date(2026, 3, 10), None).covers(date(2027, 1, 1))
    days = paused_days([holiday], date(2026, 3, 11), date(2026, 3, 20))
    assert days == {date(2026, 3, 11), date(2026, 3, 12)}
    assert paused_days([Pause(date(2026, 3, 1), None)], date(2026, 3, 5), date(2026, 3, 6)) == {
        date(2026, 3, 5), date(2026, 3, 6),
    }  # fmt: skip
