"""/start, /help and the settings commands, through the real bot and a real database."""

from datetime import UTC, datetime, time

import pytest

from bot import texts
from db.models import User
from domain.pace import TUE_THU
from domain.weekdays import MON_FRI
from tests.harness import USER_ID, Chat, RunningBot, both_backends, button_data, button_labels

pytestmark = both_backends


async def user_row(bot: RunningBot) -> User:
    (user,) = await bot.rows(User, User.id == USER_ID)
    return user


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

    ask_mode = await chat.tap(ask_time, "21:00")
    assert ask_mode["text"] == texts.ASK_MODE
    assert button_labels(ask_mode) == ["Job-searching", "Employed"]
    assert (await user_row(bot)).awaiting == "onboarding_mode"

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

    first_question = await chat.tap(done, "Start my first check-in")
    assert first_question["text"].startswith("1/4 · Who did you connect with today?")


async def test_keep_default_timezone_and_type_a_time(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/start")
    await chat.reply()
    zone_set = await chat.say("Keep UTC")
    assert zone_set["text"].startswith("Timezone set to UTC")
    await chat.reply()
    ask_mode = await chat.say("7:45am")
    assert ask_mode["text"] == texts.ASK_MODE
    done = await chat.say("searching")
    assert "check-ins at 07:45 (UTC), Mon–Fri" in done["text"]
    assert "Next one: tomorrow at 07:45" in done["text"]


async def test_employed_during_onboarding_networks_tue_and_thu(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/start")
    await chat.reply()
    await chat.say("Keep UTC")
    ask_time = await chat.reply()
    ask_mode = await chat.tap(ask_time, "18:00 ✓")
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
    await chat.say("/timezone Tokyo")
    await chat.say("/checkintime 9:00")
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
    answer = await chat.say(f"/timezone {typed}")
    assert answer["text"].startswith(f"Timezone set to {stored};")
    assert ("daylight saving" in answer["text"]) == stored.startswith("UTC+")
    assert (await user_row(bot)).timezone == stored


async def test_unknown_timezone_changes_nothing(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/timezone Lisbon")
    answer = await chat.say("/timezone Narnia")
    assert answer["text"].startswith("I couldn't find a timezone called “Narnia”.")
    assert "Berlin" in answer["text"]  # examples
    assert (await user_row(bot)).timezone == "Europe/Lisbon"


async def test_timezone_without_argument_waits_for_the_answer(bot: RunningBot, chat: Chat) -> None:
    ask = await chat.say("/timezone")
    assert ask["text"].startswith("Your timezone is UTC.")
    answer = await chat.say("São Paulo")
    assert answer["text"].startswith("Timezone set to America/Sao_Paulo;")


async def test_shared_location_sets_the_timezone(bot: RunningBot, chat: Chat) -> None:
    chat.emulator.user_location(40.7128, -74.0060, user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"].startswith("Timezone set to America/New_York;")
    assert (await user_row(bot)).timezone == "America/New_York"


@pytest.mark.parametrize(("latitude", "longitude"), [(0.0, 181.0), (91.0, 0.0), (-1e308, 1e308)])
async def test_a_location_off_the_globe_is_answered_and_changes_nothing(
    bot: RunningBot, chat: Chat, latitude: float, longitude: float
) -> None:
    """Found by tests/fuzz: the zone lookup refused the point and the update failed."""
    chat.emulator.user_location(latitude, longitude, user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"] == texts.LOCATION_UNKNOWN
    assert (await user_row(bot)).timezone == "UTC"


async def test_checkintime_confirms_and_says_when_next(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/checkintime 18:30")
    assert answer["text"] == "Check-ins at 18:30 (UTC), Mon–Fri.\nNext one: today at 18:30."
    bad = await chat.say("/checkintime 25:00")
    assert bad["text"].startswith("I need a time like 18:00")
    assert (await user_row(bot)).checkin_time == time(18, 30)


async def test_days_by_text_and_by_buttons(bot: RunningBot, chat: Chat) -> None:
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
