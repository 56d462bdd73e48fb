"""The attention policy end to end: weeks of a user's life through the real bot and scheduler.

The clock moves day by day and the test calls the tick itself at the user's check-in time
(18:00 in Berlin, 17:00 UTC in winter), so every message can be traced to a day.
"""

from datetime import UTC, date, datetime, timedelta

from bot import texts
from db.models import OutboxMessage, Pause, User
from tests.clock import ManualClock
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    complete_checkin,
    onboard,
    one_of,
    stats_with_chart,
)

MONDAY = date(2026, 1, 5)


def at(day: date, hour: int = 17, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def berlin_user(chat: Chat) -> None:
    await onboard(chat, zone="Berlin", at="18:00")


def messages(chat: Chat, label: str) -> list[JSON]:
    """The bot's messages to the user that carry a button labelled `label`."""
    return [m for m in chat.emulator.messages_to(USER_ID) if label in button_labels(m)]


async def tick_daily(
    bot: RunningBot, clock: ManualClock, first: date, days: int
) -> dict[date, list[JSON]]:
    """Tick at check-in time on each day; the new messages each day brought."""
    chat_messages = bot.emulator.messages_to
    brought = {}
    for offset in range(days):
        day = first + timedelta(days=offset)
        before = len(chat_messages(USER_ID))
        clock.set(at(day))
        await bot.tick()
        brought[day] = chat_messages(USER_ID)[before:]
        bot.emulator.mark_read(USER_ID)  # seen; the next reply is to what the user sends next
    return brought


def days_with(brought: dict[date, list[JSON]], label: str) -> list[date]:
    return [day for day, new in brought.items() if any(label in button_labels(m) for m in new)]


@both_backends
async def test_a_silent_user_gets_three_prompts_one_reengagement_then_weekly_then_nothing(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    await tick_daily(bot, clock, MONDAY, 3)  # Mon, Tue, Wed: prompts, all ignored
    assert len(messages(chat, texts.START_CHECKIN_BUTTON)) == 3
    await tick_daily(bot, clock, MONDAY + timedelta(days=3), 7)  # Thu … next Wed
    assert len(messages(chat, texts.START_CHECKIN_BUTTON)) == 3  # no fourth prompt
    (first,) = messages(chat, texts.QUICK_CHECKIN_BUTTON)  # the way back, once
    assert one_of(first["text"], texts.REENGAGE_FIRST, name="Ann")
    assert button_labels(first) == [
        texts.QUICK_CHECKIN_BUTTON,
        texts.PAUSE_A_WHILE_BUTTON,
        "🔕 No more messages after quiet spells",
    ]
    brought = await tick_daily(bot, clock, MONDAY + timedelta(days=10), 35)  # five more weeks
    assert days_with(brought, texts.QUICK_CHECKIN_BUTTON) == [
        MONDAY + timedelta(days=3 + 7 * week) for week in (1, 2, 3)
    ]  # weekly on Thursdays; four weeks after the first: nothing at all
    assert sum(len(new) for new in brought.values()) == 3
    again = messages(chat, texts.QUICK_CHECKIN_BUTTON)[1:]
    assert all(one_of(m["text"], texts.REENGAGE_AGAIN, name="Ann") for m in again)
    assert len(messages(chat, texts.START_CHECKIN_BUTTON)) == 3
    (user,) = await bot.rows(User)
    assert user.wake_at is None  # the scheduler does not even look at them

    day = MONDAY + timedelta(days=45)  # Thursday 19 Feb: the user writes
    clock.set(at(day, 9))
    await chat.say("/stats")
    brought = await tick_daily(bot, clock, day, 2)  # that evening nothing; Friday a prompt
    assert days_with(brought, texts.START_CHECKIN_BUTTON) == [day + timedelta(days=1)]


@both_backends
async def test_the_weekly_review_arrives_on_its_day_with_the_numbers_and_one_focus(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    for offset in range(4):  # Mon–Thu: a check-in each day (Sally in person, Tom by email)
        clock.set(at(MONDAY + timedelta(days=offset), 10))
        await complete_checkin(chat)
    await tick_daily(bot, clock, MONDAY, 4)
    assert messages(chat, "🔕 No more weekly reviews") == []
    await tick_daily(bot, clock, MONDAY + timedelta(days=4), 1)  # Friday
    (review,) = messages(chat, "🔕 No more weekly reviews")
    text = review["text"]
    assert "Check-ins: 4 of 5 networking days" in text
    assert "People reached: 2 without a tier" in text
    assert "Gives: 4 · asks: 4" in text
    assert "In person or by call: 50% of 8" in text
    assert "Warm relationships: 2" in text
    assert text.count("Focus for next week") == 1
    assert texts.FOCUS["reach_up"] in text  # nobody who hires, decides or connects
    assert "(Your weekly review comes on Fridays" in text


async def test_a_renudge_due_in_quiet_hours_arrives_when_they_end(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    await chat.say("/followup Tom tomorrow 22:30 — send the deck")  # Tuesday 22:30 Berlin
    tuesday_night = datetime(2026, 1, 6, 21, 30, tzinfo=UTC)
    clock.set(tuesday_night)
    await bot.tick()  # the time the user chose: it comes, quiet hours or not
    assert len(about_tom(chat)) == 1
    clock.set(tuesday_night + timedelta(days=1))  # Wednesday 22:30: the first re-nudge is due
    await bot.tick()
    assert len(about_tom(chat)) == 1  # …but it waits for the end of quiet hours
    (row,) = await bot.rows(OutboxMessage, OutboxMessage.status == "pending")
    thursday_morning = datetime(2026, 1, 8, 7, 0, tzinfo=UTC)  # 08:00 Berlin
    assert row.not_before == thursday_morning
    clock.set(thursday_morning - timedelta(minutes=1))
    await bot.tick()
    assert len(about_tom(chat)) == 1
    clock.set(thursday_morning)
    await bot.tick()
    assert len(about_tom(chat)) == 2


def about_tom(chat: Chat) -> list[JSON]:
    """The follow-up nudges about Tom (they have buttons; the confirmation has none)."""
    return [
        m
        for m in chat.emulator.messages_to(USER_ID)
        if "Tom" in m["text"] and "deck" in m["text"] and button_labels(m)
    ]


@both_backends
async def test_a_pause_silences_everything_freezes_the_streak_and_ends_by_itself(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    for offset in range(2):  # Mon, Tue: two check-ins
        clock.set(at(MONDAY + timedelta(days=offset), 10))
        await complete_checkin(chat)
    clock.set(at(MONDAY + timedelta(days=1), 19))
    paused = await chat.say("/pause 1 week")
    assert paused["text"].startswith("⏸ Paused. No messages from me until Tue 13 Jan")
    before = len(chat.emulator.messages_to(USER_ID))
    await tick_daily(bot, clock, MONDAY + timedelta(days=2), 6)  # Wed 7th … Mon 12th
    for hours in (3, 9, 15):
        clock.set(at(MONDAY + timedelta(days=6), hours))
        await bot.tick()
    assert len(chat.emulator.messages_to(USER_ID)) == before  # not one message
    clock.set(at(MONDAY + timedelta(days=7), 9))  # Monday the 12th, still paused
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 2 days" in stats["text"]  # paused weekdays did not break it

    tuesday = MONDAY + timedelta(days=8)
    brought = await tick_daily(bot, clock, tuesday, 1)
    (prompt,) = [m for m in brought[tuesday] if texts.START_CHECKIN_BUTTON in button_labels(m)]
    assert one_of(prompt["text"], texts.WELCOME_BACK_LINES, name="Ann")
    (pause,) = await bot.rows(Pause)
    assert (pause.ends_on, pause.welcomed_at) == (date(2026, 1, 13), at(MONDAY + timedelta(days=8)))
    await complete_checkin(chat)
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 3 days" in stats["text"]


async def test_resume_ends_a_pause_early(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    await berlin_user(chat)
    menu = await chat.say("/pause")
    assert button_labels(menu) == ["3 days", "1 week", "2 weeks", "Until I say"]
    open_ended = await chat.tap(menu, "Until I say")
    assert open_ended["text"].startswith("⏸ Paused. No messages from me until you send /resume")
    await tick_daily(bot, clock, MONDAY, 3)
    assert messages(chat, texts.START_CHECKIN_BUTTON) == []
    clock.set(at(MONDAY + timedelta(days=3), 9))
    resumed = await chat.say("/resume")
    assert resumed["text"].startswith("▶️ Welcome back!")
    await tick_daily(bot, clock, MONDAY + timedelta(days=3), 1)
    assert len(messages(chat, texts.START_CHECKIN_BUTTON)) == 1
    assert (await chat.say("/resume"))["text"] == texts.NOT_PAUSED


async def test_switching_a_kind_off_stops_it(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    await tick_daily(bot, clock, MONDAY, 1)
    (prompt,) = messages(chat, texts.START_CHECKIN_BUTTON)
    await chat.press(prompt, button_data(prompt, "🔕 No more daily check-in prompts"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.callback_answers[-1]["text"].startswith("Done: no more daily check-in")
    assert "🔕 No more daily check-in prompts" not in button_labels(chat.emulator.edits[-1])
    (user,) = await bot.rows(User)
    assert user.attention["checkin"]["on"] is False
    await tick_daily(bot, clock, MONDAY + timedelta(days=1), 7)
    assert len(messages(chat, texts.START_CHECKIN_BUTTON)) == 1
    summary = await complete_checkin(chat)  # /checkin still works on demand
    assert "Check-in saved" in summary["text"]


@both_backends
async def test_two_nudges_due_together_arrive_as_one_message(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    card = await chat.say("/contact Sally Jones")
    await chat.press(card, button_data(card, "insider"))  # keep in touch every 21 days
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    clock.set(at(MONDAY + timedelta(days=15), 10))  # Tuesday 20 Jan
    for name in ("Tom", "Priya"):  # asks to people never given to: give first comes due
        suggestion = await chat.say(f"/asked {name} for an intro")
        edits = len(chat.emulator.edits)
        await chat.press(suggestion, button_data(suggestion, "Log the ask anyway"))
        await chat.emulator.wait_for(lambda edits=edits: len(chat.emulator.edits) > edits)
    clock.set(at(MONDAY + timedelta(days=21), 12))  # Monday 26 Jan: the schedule catches up
    await bot.tick()
    brought = await tick_daily(bot, clock, MONDAY + timedelta(days=21), 1)  # Sally is due too
    (coaching,) = [m for m in brought[MONDAY + timedelta(days=21)] if "Sally Jones" in m["text"]]
    assert one_of(coaching["text"], texts.KEEP_WARM, people="Sally Jones (insider, not talked yet)")
    assert any(variant in coaching["text"] for variant in texts.GIVE_FIRST_NUDGE)
    assert "(In the last 14 days you logged 2 asks and 0 gives." in coaching["text"]
    assert button_labels(coaching) == [
        "🔕 No more keep-warm nudges",
        "🔕 No more give-first nudges",
    ]
    rows = await bot.rows(OutboxMessage, OutboxMessage.nudge_kind == "coaching")
    assert len(rows) == 1
