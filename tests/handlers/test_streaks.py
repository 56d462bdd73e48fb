"""A streak that forgives one bad day, end to end: freezes, /checkin yesterday, milestones, the
chart of a new user's own history, and a weekly review that never comes beside the prompt.

The user keeps UTC and Mon–Fri, with check-ins at 18:00; the test ticks the scheduler at that
time each day (START is Monday 5 January 2026, 12:00 UTC).
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot import texts
from bot.chart import MIN_WEEKS, weeks_since
from db.models import CheckIn, User
from services import charts
from tests.clock import ManualClock
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
    stats_with_chart,
)

MONDAY = date(2026, 1, 5)


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def quick_checkin(chat: Chat, command: str = "/checkin") -> JSON:
    """A check-in with every question skipped (a quiet day counts); returns the summary."""
    await chat.say(command)
    for _ in range(3):
        await chat.say("/skip")
    return await chat.say("/skip")


async def tick_at(bot: RunningBot, clock: ManualClock, moment: datetime) -> list[JSON]:
    """Tick at `moment`; the messages it brought (then marked read)."""
    before = len(bot.emulator.messages_to(USER_ID))
    clock.set(moment)
    await bot.tick()
    brought = bot.emulator.messages_to(USER_ID)[before:]
    bot.emulator.mark_read(USER_ID)
    return brought


async def days_checked_in(
    bot: RunningBot, chat: Chat, clock: ManualClock, first: date, days: int
) -> None:
    """A quiet check-in at 10:00 on each networking day from `first`, the daily tick at 18:00."""
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() < 5:
            clock.set(at(day, 10))
            await quick_checkin(chat)
        await tick_at(bot, clock, at(day))


async def user(bot: RunningBot, chat: Chat) -> User:
    (found,) = await bot.rows(User, User.id == USER_ID)
    return found


# --- freezes ------------------------------------------------------------------------------------


@both_backends
async def test_a_missed_day_is_covered_by_a_freeze_said_once_in_the_next_prompt(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await days_checked_in(bot, chat, clock, MONDAY, 7)  # Mon–Fri: five days earn a freeze
    next_monday = MONDAY + timedelta(weeks=1)
    monday_prompt = await tick_at(bot, clock, at(next_monday))  # not checked in: missed
    assert "🧊" not in monday_prompt[0]["text"]
    (tuesday,) = await tick_at(bot, clock, at(next_monday + timedelta(days=1)))
    assert tuesday["text"].startswith("🧊 A freeze covered Monday; 0 left.\n")
    assert texts.CHECKIN_YESTERDAY_BUTTON in button_labels(tuesday)
    assert (await user(bot, chat)).freeze_noted_on == next_monday

    clock.set(at(next_monday + timedelta(days=1), 19))
    first_question = await chat.say("/checkin")
    assert "🧊" not in first_question["text"]  # said once
    for _ in range(3):
        await chat.say("/skip")
    summary = await chat.say("/skip")
    assert "🔥 6 networking days in a row." in summary["text"]  # the streak went on
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 6 days" in stats["text"]
    assert texts.STATS_FROZEN.format(days="12 Jan") in stats["text"]
    (wednesday,) = await tick_at(bot, clock, at(next_monday + timedelta(days=2)))
    assert "🧊" not in wednesday["text"]
    assert texts.CHECKIN_YESTERDAY_BUTTON not in button_labels(wednesday)


async def test_checking_in_before_the_prompt_hears_of_the_freeze_in_the_first_question(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await days_checked_in(bot, chat, clock, MONDAY, 7)
    next_monday = MONDAY + timedelta(weeks=1)
    await tick_at(bot, clock, at(next_monday))  # missed
    clock.set(at(next_monday + timedelta(days=1), 9))  # Tuesday morning, before the prompt
    first = await chat.say("/checkin")
    assert first["text"].startswith("🧊 A freeze covered Monday; 0 left.\n\n1/4 · ")
    for _ in range(4):
        await chat.say("/skip")
    assert "🧊" not in (await chat.say("/checkin"))["text"]  # said once
    assert await tick_at(bot, clock, at(next_monday + timedelta(days=1))) == []  # done today


@both_backends
async def test_without_a_freeze_a_missed_day_breaks_the_streak_and_nothing_is_said(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await days_checked_in(bot, chat, clock, MONDAY, 4)  # Mon–Thu: four days, no freeze
    await tick_at(bot, clock, at(MONDAY + timedelta(days=4)))  # Friday missed
    for offset in (5, 6):
        await tick_at(bot, clock, at(MONDAY + timedelta(days=offset)))
    (monday,) = await tick_at(bot, clock, at(MONDAY + timedelta(weeks=1)))
    assert "🧊" not in monday["text"]
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 0 days" in stats["text"] and "🧊" not in stats["text"]
    assert (await user(bot, chat)).freeze_noted_on is None


# --- /checkin yesterday -------------------------------------------------------------------------


@both_backends
async def test_checkin_yesterday_counts_for_yesterday_once(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await days_checked_in(bot, chat, clock, MONDAY, 1)  # Monday
    tuesday = MONDAY + timedelta(days=1)
    await tick_at(bot, clock, at(tuesday))  # Tuesday missed
    clock.set(at(tuesday + timedelta(days=1), 23, 59))  # Wednesday, a minute before midnight
    first = await chat.say("/checkin yesterday")
    assert first["text"].startswith(
        texts.CHECKIN_YESTERDAY_START.format(weekday="Tuesday", day="6 Jan")
    )
    for _ in range(3):
        await chat.say("/skip")
    summary = await chat.say("/skip")
    assert "🔥 2 networking days in a row." in summary["text"]
    dates = [c.local_date for c in await bot.rows(CheckIn, CheckIn.user_id == USER_ID)]
    assert sorted(dates) == [MONDAY, tuesday]

    again = await chat.say("/checkin yesterday")  # only once
    assert again["text"] == texts.CHECKIN_YESTERDAY_DONE
    clock.set(at(tuesday + timedelta(days=2), 0, 1))  # Thursday: Tuesday is not yesterday
    assert (await chat.say("/checkin tuesday"))["text"] == texts.CHECKIN_ARGUMENT
    assert len(await bot.rows(CheckIn, CheckIn.user_id == USER_ID)) == 2


@both_backends
async def test_the_button_after_a_missed_day_logs_it_until_the_end_of_the_next_day(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await days_checked_in(bot, chat, clock, MONDAY, 1)
    tuesday, wednesday = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
    await tick_at(bot, clock, at(tuesday))  # missed
    (prompt,) = await tick_at(bot, clock, at(wednesday))
    offered = button_data(prompt, texts.CHECKIN_YESTERDAY_BUTTON)

    clock.set(at(wednesday + timedelta(days=1), 8))  # Thursday: the day after next
    await chat.press(prompt, offered)
    assert (await chat.reply())["text"] == texts.CHECKIN_YESTERDAY_TOO_LATE
    assert len(await bot.rows(CheckIn, CheckIn.user_id == USER_ID)) == 1

    clock.set(at(wednesday, 21))  # (back to Wednesday evening: the same button works)
    await chat.press(prompt, offered)
    first = await chat.reply()
    assert first["text"].startswith(
        texts.CHECKIN_YESTERDAY_START.format(weekday="Tuesday", day="6 Jan")
    )
    for _ in range(4):
        await chat.say("/skip")
    await chat.press(prompt, offered)  # pressed twice: refused
    assert (await chat.reply())["text"] == texts.CHECKIN_YESTERDAY_DONE
    dates = sorted(c.local_date for c in await bot.rows(CheckIn, CheckIn.user_id == USER_ID))
    assert dates == [MONDAY, tuesday]


# --- milestones ---------------------------------------------------------------------------------


@both_backends
async def test_a_milestone_is_celebrated_once(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    for offset in (0, 1, 2, 3, 4, 7):  # Mon–Fri and the next Monday: six days
        clock.set(at(MONDAY + timedelta(days=offset), 10))
        summary = await quick_checkin(chat)
        assert "🏅" not in summary["text"]
    clock.set(at(MONDAY + timedelta(days=8), 10))  # Tuesday: the seventh
    summary = await quick_checkin(chat)
    assert texts.MILESTONE[7] in summary["text"]
    assert (await user(bot, chat)).streak_milestone == 7
    again = await quick_checkin(chat)  # a second check-in the same day: still 7, said once
    assert "🔥 7 networking days in a row." in again["text"]
    assert texts.MILESTONE[7] not in again["text"]


# --- the chart of a new user --------------------------------------------------------------------


@both_backends
async def test_a_new_users_chart_starts_at_their_first_week(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat, at="18:00")
    await quick_checkin(chat)
    _, chart = await stats_with_chart(chat)
    assert chart["caption"] == texts.CHART_CAPTION
    async with bot.session() as session:
        found = await session.scalar(select(User).where(User.id == USER_ID))
        assert found is not None
        shown = await charts.activity(session, found, clock.now(), weeks_since)
    assert [week.week_start for week in shown.weeks][-1] == MONDAY
    assert len(shown.weeks) == MIN_WEEKS and shown.checkin_days == {MONDAY}


# --- the weekly review --------------------------------------------------------------------------


@both_backends
async def test_someone_joining_on_friday_before_check_in_time_gets_the_prompt_alone(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    friday = MONDAY + timedelta(days=4)
    clock.set(at(friday, 17, 40))  # 20 minutes before their check-in time
    await onboard(chat, at="18:00")
    chat.emulator.mark_read(USER_ID)
    (prompt,) = await tick_at(bot, clock, at(friday))
    assert texts.START_CHECKIN_BUTTON in button_labels(prompt)
    assert "networking days" not in prompt["text"]  # no review of a week they were not here
    assert "Check-ins:" not in prompt["text"]

    for offset in range(1, 7):  # Sat … Thu: checked in Mon–Wed, Thursday missed
        day = friday + timedelta(days=offset)
        if day.weekday() < 3:
            clock.set(at(day, 10))
            await quick_checkin(chat)
        await tick_at(bot, clock, at(day))
    (next_friday,) = await tick_at(bot, clock, at(friday + timedelta(weeks=1)))
    text = next_friday["text"]
    assert "Check-ins: 3 of 5 networking days" in text  # one message: prompt and review
    assert texts.START_CHECKIN_BUTTON in button_labels(next_friday)
    assert "🔕 No more weekly reviews" in button_labels(next_friday)
    assert texts.CHECKIN_YESTERDAY_BUTTON in button_labels(next_friday)  # Thursday
