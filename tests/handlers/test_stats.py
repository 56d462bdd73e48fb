"""/stats after check-ins spread over days, with the clock moved instead of waited for."""

from datetime import timedelta

from tests.clock import ManualClock
from tests.harness import Chat, RunningBot, complete_checkin


async def test_stats_before_any_checkin(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/stats")
    assert answer["text"] == "No check-ins yet. The first one takes two minutes: /checkin"


async def test_streaks_over_two_weeks(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    # START is Monday 2026-01-05, 12:00 UTC; the user keeps UTC and Mon–Fri.
    await chat.say("/start")
    await chat.reply()
    for day in range(12):  # Mon 5th … Fri 16th, skipping Wednesday the 7th and the weekend
        if day not in (2, 5, 6):
            summary = await complete_checkin(chat)
            assert "Check-in saved" in summary["text"]
        clock.advance(timedelta(days=1))
    # Now Saturday 17th: the weekend does not break the streak (Thu 8th … Fri 16th = 7 days).
    stats = await chat.say("/stats")
    assert "Current streak: 7 days" in stats["text"]
    assert "Longest streak: 7 days" in stats["text"]
    assert "Last 7 days: 5 check-ins" in stats["text"]
    assert "Last 30 days: 9 check-ins" in stats["text"]
    assert "All time: 9 check-ins" in stats["text"]
    assert "Mon–Fri" in stats["text"]

    clock.advance(timedelta(days=2))  # Monday 19th, not checked in yet: streak still alive
    stats = await chat.say("/stats")
    assert "Current streak: 7 days" in stats["text"]
    assert "Today is still open" in stats["text"]

    clock.advance(timedelta(days=1))  # Tuesday 20th: Monday was missed
    stats = await chat.say("/stats")
    assert "Current streak: 0 days" in stats["text"]
    assert "Longest streak: 7 days" in stats["text"]
    summary = await complete_checkin(chat)
    assert "Day 1 of your streak" in summary["text"]


async def test_a_weekend_checkin_is_a_bonus(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    for _ in range(7):  # Monday to Sunday, every day
        await complete_checkin(chat)
        clock.advance(timedelta(days=1))
    stats = await chat.say("/stats")
    assert "Current streak: 7 days" in stats["text"]
