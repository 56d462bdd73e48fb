"""/start, /help and the settings commands, through the real bot and a real database."""

from datetime import UTC, datetime, time

import pytest

from bot import texts
from db.models import Followup, OutboxMessage, User
from domain.pace import TUE_THU
from domain.weekdays import MON_FRI
from tests.clock import ManualClock
from tests.harness import (
    START,
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
)

pytestmark = both_backends


# START is Monday 12:00 UTC; a new user keeps UTC and the 18:00 check-in unless they say.
PAST_SIX = datetime(2026, 1, 5, 18, 1, tzinfo=UTC)
TUESDAY_PAST_SIX = datetime(2026, 1, 6, 18, 1, tzinfo=UTC)


async def user_row(bot: RunningBot) -> User:
    (user,) = await bot.rows(User, User.id == USER_ID)
    return user


async def nothing_automatic(bot: RunningBot, clock: ManualClock, moment: datetime) -> None:
    """Past `moment`, a planning pass plans nothing: no prompt, no reminder, no outbox row."""
    clock.set(moment)
    assert (await bot.tick()).planned == 0
    assert await bot.rows(OutboxMessage) == []


async def until_the_time_question(chat: Chat) -> None:
    await chat.say("/start")
    assert (await chat.reply())["text"] == texts.ASK_TIMEZONE
    await chat.say("Keep UTC")
    assert (await chat.reply())["text"] == texts.ASK_CHECKIN_TIME


async def test_start_walks_through_timezone_and_time_then_offers_a_first_checkin(
    bot: RunningBot, chat: Chat
) -> None:
    welcome = await chat.say("/start")
    assert welcome["text"].startswith("Hi Ann! I'm Marathon")
    ask_zone = await chat.reply()
    assert "timezone" in ask_zone["text"]
    (params,) = [p for p in chat.emulator.calls_of("sendMessage") if p["text"] == ask_zone["text"]]
    keyboard = params["reply_markup"]["keyboard"]  # a reply keyboard: not echoed in the message
    assert [[button["text"] for button in row] for row in keyboard] == [
        ["📍 Share my location"],
        ["Keep UTC"],
    ]
    assert keyboard[0][0]["request_location"] is True

    zone_set = await chat.say("berlin")
    assert zone_set["text"] == "Timezone set to Europe/Berlin; it's 13:00 there now."
    ask_time = await chat.reply()
    assert button_labels(ask_time) == ["08:30", "12:30", "18:00 ✓", "21:00"]

    time_set = await chat.tap(ask_time, "21:00")
    assert time_set["text"] == "Check-ins at 21:00."
    ask_mode = await chat.reply()
    assert ask_mode["text"] == texts.ASK_MODE
    assert button_labels(ask_mode) == ["Job-searching", "Employed"]
    user = await user_row(bot)
    assert (user.awaiting, user.onboarded_at, user.wake_at) == ("onboarding_mode", None, None)

    done = await chat.tap(ask_mode, "Job-searching")
    assert "check-ins at 21:00 (Europe/Berlin), Mon–Fri" in done["text"]
    assert "Next one: today at 21:00" in done["text"]
    # The question keeps the answer and loses its buttons.
    (question,) = [m for m in chat.emulator.messages_to(USER_ID) if m["text"].startswith("Last")]
    assert question["text"] == f"{texts.ASK_MODE}\n→ Job-searching"
    assert "reply_markup" not in question

    user = await user_row(bot)
    assert (user.timezone, user.checkin_time, user.awaiting) == ("Europe/Berlin", time(21), None)
    assert (user.mode, user.networking_days) == ("searching", MON_FRI)
    assert user.next_daily_at == datetime(2026, 1, 5, 20, 0, tzinfo=UTC)
    assert user.onboarded_at == START  # from now on, automatic messages come

    first_question = await chat.tap(done, "Start my first check-in")
    assert first_question["text"].startswith("1/4 · Who did you connect with today?")


async def test_keep_default_timezone_and_type_a_time(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/start")
    await chat.reply()
    zone_set = await chat.say("Keep UTC")
    assert zone_set["text"].startswith("Timezone set to UTC")
    await chat.reply()
    assert (await chat.say("7:45am"))["text"] == "Check-ins at 07:45."
    ask_mode = await chat.reply()
    assert ask_mode["text"] == texts.ASK_MODE
    done = await chat.say("searching")
    assert "check-ins at 07:45 (UTC), Mon–Fri" in done["text"]
    assert "Next one: tomorrow at 07:45" in done["text"]


async def test_employed_during_onboarding_networks_tue_and_thu(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/start")
    await chat.reply()
    await chat.say("Keep UTC")
    ask_time = await chat.reply()
    await chat.tap(ask_time, "18:00 ✓")  # kept: confirmed, then the pace
    ask_mode = await chat.reply()
    again = await chat.say("not sure")  # neither answer: the question comes again
    assert again["text"] == texts.ASK_MODE
    assert button_labels(again) == ["Job-searching", "Employed"]
    assert (await user_row(bot)).networking_days == MON_FRI

    done = await chat.tap(ask_mode, "Employed")
    assert "check-ins at 18:00 (UTC), Tue, Thu" in done["text"]
    assert "Next one: tomorrow at 18:00" in done["text"]  # Tuesday
    assert button_labels(done) == ["Start my first check-in"]
    user = await user_row(bot)
    assert (user.mode, user.networking_days, user.awaiting) == ("employed", TUE_THU, None)

    # Once onboarding is over, the question's buttons no longer apply: /mode changes the pace.
    answers = chat.emulator.callback_answers
    pressed = len(answers)
    await chat.press(again, button_data(again, "Job-searching"))
    await chat.emulator.wait_for(lambda: len(answers) > pressed)
    assert answers[-1]["text"] == texts.STALE_BUTTON
    assert (await user_row(bot)).mode == "employed"


async def test_start_again_keeps_everything(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat, zone="Tokyo", at="9:00")
    again = await chat.say("/start")
    assert again["text"].startswith("Welcome back, Ann!")
    assert "09:00 (Asia/Tokyo), Mon–Fri" in again["text"]
    user = await user_row(bot)
    assert (user.timezone, user.checkin_time) == ("Asia/Tokyo", time(9))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("New York", "America/New_York"),
        ("UTC+2", "UTC+02:00"),
        ("+05:30", "UTC+05:30"),
    ],
)
async def test_timezone_forms(bot: RunningBot, chat: Chat, typed: str, stored: str) -> None:
    await onboard(chat)
    answer = await chat.say(f"/timezone {typed}")
    assert answer["text"].startswith(f"Timezone set to {stored};")
    assert ("daylight saving" in answer["text"]) == stored.startswith("UTC+")
    assert (await user_row(bot)).timezone == stored


async def test_unknown_timezone_changes_nothing(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/timezone Lisbon")
    answer = await chat.say("/timezone Narnia")
    assert answer["text"].startswith("I couldn't find a timezone called “Narnia”.")
    assert "Berlin" in answer["text"]  # examples
    assert (await user_row(bot)).timezone == "Europe/Lisbon"


async def test_timezone_without_argument_waits_for_the_answer(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    ask = await chat.say("/timezone")
    assert ask["text"].startswith("Your timezone is UTC.")
    answer = await chat.say("São Paulo")
    assert answer["text"].startswith("Timezone set to America/Sao_Paulo;")


async def test_shared_location_sets_the_timezone(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    chat.emulator.user_location(40.7128, -74.0060, user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"].startswith("Timezone set to America/New_York;")
    assert (await user_row(bot)).timezone == "America/New_York"


@pytest.mark.parametrize(("latitude", "longitude"), [(0.0, 181.0), (91.0, 0.0), (-1e308, 1e308)])
async def test_a_location_off_the_globe_is_answered_and_changes_nothing(
    bot: RunningBot, chat: Chat, latitude: float, longitude: float
) -> None:
    """Found by tests/fuzz: the zone lookup refused the point and the update failed."""
    await onboard(chat)
    chat.emulator.user_location(latitude, longitude, user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"] == texts.LOCATION_UNKNOWN
    assert (await user_row(bot)).timezone == "UTC"


async def test_checkintime_confirms_and_says_when_next(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    answer = await chat.say("/checkintime 18:30")
    assert answer["text"] == "Check-ins at 18:30 (UTC), Mon–Fri.\nNext one: today at 18:30."
    bad = await chat.say("/checkintime 25:00")
    assert bad["text"].startswith("I need a time like 18:00")
    assert (await user_row(bot)).checkin_time == time(18, 30)


async def test_days_by_text_and_by_buttons(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    answer = await chat.say("/days mon,wed")
    assert answer["text"].startswith("Networking days: Mon, Wed.")
    assert (await user_row(bot)).networking_days == 0b0000101

    menu = await chat.say("/days")
    assert button_labels(menu)[:3] == ["✓ Mon", "Tue", "✓ Wed"]
    await chat.press(menu, "days:1")  # Tue on
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert (await user_row(bot)).networking_days == 0b0000111
    edited = chat.emulator.messages_to(USER_ID)[-1]
    assert edited["text"].startswith("Networking days: Mon–Wed.")

    bad = await chat.say("/days someday")
    assert bad["text"].startswith("I couldn't read those days.")


async def test_last_day_cannot_be_switched_off(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/days mon")
    menu = await chat.say("/days")
    await chat.press(menu, "days:0")
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    assert "Keep at least one day" in chat.emulator.callback_answers[-1]["text"]
    assert (await user_row(bot)).networking_days == 0b0000001
    empty = await chat.say("/days none")
    assert "Keep at least one day" in empty["text"] or "couldn't read" in empty["text"]


async def test_help_lists_every_command(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/help")
    for command in ("/checkin", "/stats", "/timezone", "/checkintime", "/days", "/skip", "/cancel"):
        assert command in answer["text"]


async def test_startup_registers_the_command_menu_and_description(
    bot: RunningBot, chat: Chat
) -> None:
    emulator = chat.emulator
    assert [c["command"] for c in emulator.commands or []][:3] == ["checkin", "stats", "timezone"]
    assert emulator.description and "networking" in emulator.description


# --- strangers: a command other than /start signs nobody up -------------------------------------


async def test_after_forget_a_command_recreates_nobody_and_start_begins_afresh(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat)
    question = await chat.say("/forget")
    await chat.press(question, button_data(question, texts.FORGET_YES_BUTTON))
    await bot.settled()
    assert await bot.rows(User) == []

    assert (await chat.say("/followups"))["text"] == texts.SETTINGS_NEED_START
    assert await bot.rows(User) == []  # answered without an account
    await nothing_automatic(bot, clock, PAST_SIX)

    welcome = await chat.say("/start")
    assert welcome["text"] == texts.WELCOME.format(name="Ann")  # not "Welcome back"
    assert (await chat.reply())["text"] == texts.ASK_TIMEZONE


@pytest.mark.parametrize(
    "command",
    [
        "/followups",
        "/contacts",
        "/stats",
        "/due",
        "/calendar",
        "/settings",
        "/timezone Berlin",
        "/checkintime 20:30",
        "/days mon,wed",
        "/mode employed",
        "/quiet 22-7",
        "/pause 3 days",
    ],
)
async def test_a_strangers_command_that_shows_or_sets_the_schedule_points_to_start(
    bot: RunningBot, chat: Chat, command: str
) -> None:
    assert (await chat.say(command))["text"] == texts.SETTINGS_NEED_START
    assert await bot.rows(User) == []


async def test_a_strangers_followup_is_kept_and_reminded_only_once_they_set_up(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    """/followup must store something: a row, but not onboarded, so nothing automatic comes
    (not the reminder, not a prompt); /start then runs onboarding, and once it ends the
    reminder that waited comes at once."""
    answer = await chat.say("/followup Sally tomorrow")
    assert answer["text"].startswith("Follow-up set: Sally, tomorrow")
    assert answer["text"].endswith(texts.WAITS_FOR_START)  # the user learns it waits
    user = await user_row(bot)
    assert (user.onboarded_at, user.wake_at) == (None, None)
    await nothing_automatic(bot, clock, TUESDAY_PAST_SIX)

    assert (await chat.say("/start"))["text"] == texts.WELCOME.format(name="Ann")
    await chat.reply()
    await chat.say("Keep UTC")
    await chat.reply()
    await chat.say("18:00")
    await chat.reply()
    done = await chat.say("searching")
    assert done["text"].startswith("You're set")
    assert (await user_row(bot)).onboarded_at == TUESDAY_PAST_SIX

    assert (await bot.tick()).dispatched.sent == 1
    nudge = await chat.reply()
    assert "Sally" in nudge["text"]
    (row,) = await bot.rows(OutboxMessage)
    assert (row.nudge_kind, row.status) == ("followup", "sent")
    (followup,) = await bot.rows(Followup)
    assert followup.nudges_sent == 1


async def test_abandoning_onboarding_at_its_first_question_brings_no_prompt(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await chat.say("/start")
    assert (await chat.reply())["text"] == texts.ASK_TIMEZONE
    user = await user_row(bot)
    assert (user.onboarded_at, user.wake_at) == (None, None)
    await nothing_automatic(bot, clock, PAST_SIX)
    await nothing_automatic(bot, clock, TUESDAY_PAST_SIX)


async def test_cancelling_onboarding_brings_no_prompt_and_start_asks_again(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await until_the_time_question(chat)
    assert (await chat.say("/cancel"))["text"] == texts.INPUT_CANCELLED
    assert (await chat.say("/checkintime 9:00"))["text"] == texts.SETTINGS_NEED_START
    await nothing_automatic(bot, clock, PAST_SIX)
    assert (await chat.say("/start"))["text"] == texts.WELCOME.format(name="Ann")
    assert (await chat.reply())["text"] == texts.ASK_TIMEZONE


# --- settings commands during onboarding: done, said, and onboarding goes on ----------------------


async def test_checkintime_during_onboarding_confirms_then_asks_the_next_question(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await until_the_time_question(chat)
    assert (await chat.say("/checkintime 20:30"))["text"] == "Check-ins at 20:30."
    assert (await chat.reply())["text"] == texts.ASK_MODE
    user = await user_row(bot)
    assert (user.checkin_time, user.awaiting, user.onboarded_at) == (
        time(20, 30),
        "onboarding_mode",
        None,
    )
    done = await chat.say("searching")
    assert "check-ins at 20:30 (UTC), Mon–Fri" in done["text"]

    clock.set(datetime(2026, 1, 5, 20, 30, 5, tzinfo=UTC))
    assert (await bot.tick()).dispatched.sent == 1  # and the prompt comes when it said
    assert "(You chose 20:30 on Mon–Fri." in (await chat.reply())["text"]


async def test_timezone_during_onboarding_confirms_then_asks_what_comes_next(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/start")
    await chat.reply()
    zone_set = await chat.say("/timezone Berlin")  # the question being asked
    assert zone_set["text"] == "Timezone set to Europe/Berlin; it's 13:00 there now."
    assert (await chat.reply())["text"] == texts.ASK_CHECKIN_TIME
    zone_set = await chat.say("/timezone Tokyo")  # a question already answered
    assert zone_set["text"].startswith("Timezone set to Asia/Tokyo;")
    assert (await chat.reply())["text"] == texts.ASK_CHECKIN_TIME  # still the open one
    user = await user_row(bot)
    assert (user.timezone, user.awaiting) == ("Asia/Tokyo", "onboarding_time")


async def test_days_quiet_and_mode_during_onboarding_each_confirm_then_onboarding_goes_on(
    bot: RunningBot, chat: Chat
) -> None:
    await until_the_time_question(chat)
    assert (await chat.say("/days mon,wed"))["text"] == "Networking days: Mon, Wed"
    assert (await chat.reply())["text"] == texts.ASK_CHECKIN_TIME
    await chat.say("18:00")
    assert (await chat.reply())["text"] == texts.ASK_MODE
    quiet = await chat.say("/quiet 22-7")
    assert quiet["text"].startswith("🌙 Quiet hours: 22:00–07:00.")
    assert "\n" not in quiet["text"]
    assert (await chat.reply())["text"] == texts.ASK_MODE
    assert (await chat.say("/mode employed"))["text"].startswith("Pace: employed")
    done = await chat.reply()
    # The days chosen during onboarding stay: the pace does not replace them.
    assert "check-ins at 18:00 (UTC), Mon, Wed" in done["text"]
    user = await user_row(bot)
    assert (user.mode, user.networking_days, user.awaiting) == ("employed", 0b0000101, None)
    assert (user.quiet_start, user.quiet_end) == (time(22), time(7))
    assert user.onboarded_at is not None


async def test_a_settings_command_without_a_value_during_onboarding_asks_its_own_question(
    bot: RunningBot, chat: Chat
) -> None:
    """Onboarding is not left behind: /checkintime alone asks onboarding's time question
    (not the settings one, whose answer would end onboarding unnoticed)."""
    await chat.say("/start")
    await chat.reply()
    ask_time = await chat.say("/checkintime")
    assert ask_time["text"] == texts.ASK_CHECKIN_TIME
    assert (await user_row(bot)).awaiting == "onboarding_time"
    assert (await chat.say("7pm"))["text"] == "Check-ins at 19:00."
    assert (await chat.reply())["text"] == texts.ASK_MODE


async def test_skip_keeps_each_default_and_skipping_all_finishes_onboarding(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/start")
    timezone_question = await chat.reply()
    assert timezone_question["text"] == texts.ASK_TIMEZONE
    assert (await chat.say("/skip"))["text"] == texts.ONBOARDING_SKIPPED
    assert (await chat.reply())["text"] == texts.ASK_CHECKIN_TIME
    await chat.say("/skip")
    assert (await chat.reply())["text"] == texts.ASK_MODE
    await chat.say("/skip")
    done = await chat.reply()
    assert done["text"].startswith("You're set")
    user = await user_row(bot)
    assert (user.timezone, user.checkin_time.hour, user.awaiting) == ("UTC", 18, None)
    assert user.onboarded_at is not None  # skipped on purpose: prompts come
