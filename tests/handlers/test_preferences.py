"""/settings, /mode and /quiet through the real bot: one message that edits itself in place,
a one-line confirmation per change, and the database row that holds it."""

from datetime import date, time
from typing import Any

import pytest

from bot import texts
from db.models import Pause, User
from domain.pace import TUE_THU
from domain.weekdays import MON_FRI
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
)

JSON = dict[str, Any]
BACK = "◂ Back"
TODAY = date(2026, 1, 5)  # the harness's START, a Monday


@pytest.fixture(autouse=True)
async def set_up(bot: RunningBot, chat: Chat) -> None:
    """Settings belong to someone set up (a stranger is pointed to /start): onboarded, keeping
    UTC, 18:00 and the job-searching pace."""
    await onboard(chat)


async def user_row(bot: RunningBot, user_id: int = USER_ID) -> User:
    (user,) = await bot.rows(User, User.id == user_id)
    return user


async def tap(chat: Chat, message: JSON, label: str) -> tuple[JSON, str | None]:
    """Tap `label` under `message`: the tap's confirmation, and the same message edited."""
    emulator = chat.emulator
    answers, edits, sent = len(emulator.callback_answers), len(emulator.edits), len(emulator.sent)
    await chat.press(message, button_data(message, label))
    await emulator.wait_for(lambda: len(emulator.callback_answers) > answers)
    await emulator.wait_for(lambda: len(emulator.edits) > edits)
    edited = emulator.edits[-1]
    assert edited["message_id"] == message["message_id"]
    assert len(emulator.sent) == sent  # in place: no new message
    return edited, emulator.callback_answers[-1].get("text")


async def press_for_answer(chat: Chat, message: JSON | int, data: str, user_id: int) -> JSON:
    """Press a button (any data, from anyone) and return the answer to the tap."""
    emulator = chat.emulator
    answers = len(emulator.callback_answers)
    emulator.user_presses(message, data, user_id=user_id)
    await emulator.wait_for(lambda: len(emulator.callback_answers) > answers)
    return emulator.callback_answers[-1]


async def open_section(chat: Chat, label: str) -> JSON:
    summary = await chat.say("/settings")
    section, confirmation = await tap(chat, summary, label)
    assert confirmation is None  # opening a section changes nothing
    assert BACK in button_labels(section)
    return section


@both_backends
async def test_settings_shows_everything_in_one_message(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/timezone Berlin")
    summary = await chat.say("/settings")
    assert summary["text"] == (
        "⚙️ Your settings\n\n"
        "Check-in: 18:00 (Europe/Berlin)\n"
        "Days: Mon–Fri\n"
        "Pace: job-searching\n"
        "Quiet hours: 21:00–08:00\n"
        "Weekly review: Friday\n"
        "Nudges: all on\n"
        "Pause: off\n\n"
        "Tap a section to change it."
    )
    assert button_labels(summary) == [
        "🕒 Check-in time",
        "🌍 Timezone",
        "📅 Days",
        "🏃 Pace",
        "🌙 Quiet hours",
        "📊 Weekly review",
        "🔔 Nudges",
        "⏸ Pause",
        "🤝 Partner",
        "🌐 Language",
    ]

    await chat.say("/quiet off")
    await chat.say("/pause until I say")
    summary = await chat.say("/settings")
    assert "Quiet hours: off\n" in summary["text"]
    assert "Pause: until you say\n" in summary["text"]


async def test_checkin_time_section(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "🕒 Check-in time")
    assert section["text"] == (
        "Check-ins come at 18:00 (UTC), Mon–Fri. Next one: today at 18:00.\n\n"
        "Tap a time, or send any other like /checkintime 7:45."
    )
    assert button_labels(section) == ["08:30", "12:30", "18:00 ✓", "21:00", BACK]

    section, confirmation = await tap(chat, section, "21:00")
    assert confirmation == "Check-in time: 21:00"
    assert button_labels(section) == ["08:30", "12:30", "18:00", "21:00 ✓", BACK]
    assert section["text"].startswith("Check-ins come at 21:00 (UTC), Mon–Fri.")
    assert (await user_row(bot)).checkin_time == time(21)

    await chat.say("/checkintime 7:45")
    section = await open_section(chat, "🕒 Check-in time")
    assert button_labels(section)[0] == "07:45 ✓"  # the current time is always a choice

    summary, _ = await tap(chat, section, BACK)
    assert summary["text"].startswith("⚙️ Your settings\n\nCheck-in: 07:45 (UTC)\n")


async def test_timezone_section_points_to_the_command(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/timezone Berlin")
    section = await open_section(chat, "🌍 Timezone")
    assert section["text"].startswith("Your timezone is Europe/Berlin; it's 13:00 there now.")
    assert "send /timezone <city>" in section["text"]
    assert "share your location" in section["text"]
    assert button_labels(section) == [BACK]


async def test_days_section_switches_days_but_keeps_one(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "📅 Days")
    assert section["text"].startswith("Networking days: Mon–Fri.")
    assert button_labels(section) == [
        "✓ Mon",
        "✓ Tue",
        "✓ Wed",
        "✓ Thu",
        "✓ Fri",
        "Sat",
        "Sun",
        BACK,
    ]
    section, confirmation = await tap(chat, section, "Sat")
    assert confirmation == "Networking days: Mon–Sat"
    assert "✓ Sat" in button_labels(section)
    assert (await user_row(bot)).networking_days == MON_FRI | 1 << 5

    await chat.say("/days mon")
    section = await open_section(chat, "📅 Days")
    answer = await press_for_answer(chat, section, button_data(section, "✓ Mon"), USER_ID)
    assert (answer["text"], answer["show_alert"]) == (texts.DAYS_EMPTY, True)
    assert (await user_row(bot)).networking_days == 1


@both_backends
async def test_a_pace_switch_proposes_days_and_asks(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "🏃 Pace")
    assert section["text"].startswith("Your pace: job-searching, networking on Mon–Fri.")
    assert button_labels(section) == ["✓ Job-searching", "Employed", BACK]

    proposal, confirmation = await tap(chat, section, "Employed")
    assert confirmation == "Pace: employed, keeping your network warm"
    assert proposal["text"] == (
        "Pace set: employed, keeping your network warm.\n"
        "That pace usually means networking on Tue, Thu; yours are Mon–Fri. Switch to Tue, Thu?"
    )
    assert button_labels(proposal) == ["Use Tue, Thu", "Keep Mon–Fri"]
    user = await user_row(bot)
    assert (user.mode, user.networking_days) == ("employed", MON_FRI)  # not yet

    section, confirmation = await tap(chat, proposal, "Use Tue, Thu")
    assert confirmation == "Networking days: Tue, Thu"
    assert button_labels(section) == ["Job-searching", "✓ Employed", BACK]
    user = await user_row(bot)
    assert (user.mode, user.networking_days) == ("employed", TUE_THU)

    # Back to searching, keeping the lighter days.
    proposal, _ = await tap(chat, section, "Job-searching")
    assert button_labels(proposal) == ["Use Mon–Fri", "Keep Tue, Thu"]
    section, confirmation = await tap(chat, proposal, "Keep Tue, Thu")
    assert confirmation == "Keeping Tue, Thu"
    assert section["text"].startswith("Your pace: job-searching, networking on Tue, Thu.")
    user = await user_row(bot)
    assert (user.mode, user.networking_days) == ("searching", TUE_THU)


async def test_mode_command_keeps_my_days(bot: RunningBot, chat: Chat) -> None:
    shown = await chat.say("/mode")
    assert shown["text"].startswith("Your pace: job-searching, networking on Mon–Fri.")
    proposal, _ = await tap(chat, shown, "Employed")
    section, confirmation = await tap(chat, proposal, "Keep Mon–Fri")
    assert confirmation == "Keeping Mon–Fri"
    assert button_labels(section) == ["Job-searching", "✓ Employed", BACK]
    user = await user_row(bot)
    assert (user.mode, user.networking_days) == ("employed", MON_FRI)

    # An answer to a question about an earlier pace no longer applies.
    section, _ = await tap(chat, section, "Job-searching")  # Mon–Fri fits: no question
    answer = await press_for_answer(chat, section, "set:usedays:employed", USER_ID)
    assert answer["text"] == texts.STALE_BUTTON
    assert (await user_row(bot)).networking_days == MON_FRI


async def test_no_question_when_the_days_already_fit(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/days tue,thu")
    shown = await chat.say("/mode")
    section, confirmation = await tap(chat, shown, "Employed")
    assert confirmation == "Pace: employed, keeping your network warm"
    assert button_labels(section) == ["Job-searching", "✓ Employed", BACK]
    user = await user_row(bot)
    assert (user.mode, user.networking_days) == ("employed", TUE_THU)


@both_backends
async def test_quiet_hours_section(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "🌙 Quiet hours")
    assert section["text"].startswith("Quiet hours: 21:00–08:00.\n")
    assert button_labels(section) == [
        "✓ 21:00–08:00",
        "22:00–07:00",
        "23:00–07:00",
        "20:00–09:00",
        "Off",
        BACK,
    ]
    section, confirmation = await tap(chat, section, "22:00–07:00")
    assert confirmation == "Quiet hours: 22:00–07:00"
    assert section["text"].startswith("Quiet hours: 22:00–07:00.\n")
    assert "✓ 22:00–07:00" in button_labels(section)
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (time(22), time(7))

    section, confirmation = await tap(chat, section, "Off")
    assert confirmation == "Quiet hours: off"
    assert section["text"].startswith("Quiet hours: off.")
    assert "✓ Off" in button_labels(section)
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (None, None)


@pytest.mark.parametrize("typed", ["22:00-07:00", "22-7", "10pm-7am", "22:00 to 07:00"])
async def test_quiet_command_forms(bot: RunningBot, chat: Chat, typed: str) -> None:
    answer = await chat.say(f"/quiet {typed}")
    assert answer["text"].startswith("🌙 Quiet hours: 22:00–07:00. Nudges I start myself wait")
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (time(22), time(7))


async def test_quiet_off_alone_and_bad_input(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/quiet 23:30-6:45")
    shown = await chat.say("/quiet")
    assert shown["text"].startswith("Quiet hours: 23:30–06:45.\n")
    assert not any(label.startswith("✓") for label in button_labels(shown))  # not a preset

    bad = await chat.say("/quiet after dinner")
    assert bad["text"] == texts.QUIET_PROBLEMS["unreadable"]
    empty = await chat.say("/quiet 22-22")
    assert empty["text"] == texts.QUIET_PROBLEMS["empty"]
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (time(23, 30), time(6, 45))

    off = await chat.say("/quiet off")
    assert off["text"] == texts.QUIET_SET_OFF
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (None, None)
    _, confirmation = await tap(chat, shown, "21:00–08:00")  # /quiet's buttons work too
    assert confirmation == "Quiet hours: 21:00–08:00"
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (time(21), time(8))


async def test_weekly_review_day(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "📊 Weekly review")
    assert section["text"].startswith("Your weekly review comes on Fridays at your check-in time")
    assert button_labels(section) == ["Mon", "Tue", "Wed", "Thu", "✓ Fri", "Sat", "Sun", BACK]
    section, confirmation = await tap(chat, section, "Mon")
    assert confirmation == "Weekly review: Monday"
    assert button_labels(section)[:1] == ["✓ Mon"]
    assert (await user_row(bot)).review_day == 0


@both_backends
async def test_each_kind_of_nudge_switches_off_and_on(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "🔔 Nudges")
    assert button_labels(section) == [
        "✓ daily check-in prompts",
        "✓ follow-up reminders",
        "✓ keep-warm nudges",
        "✓ reach-up nudges",
        "✓ give-first nudges",
        "✓ meet-in-person nudges",
        "✓ weekly reviews",
        "✓ messages after quiet spells",
        "✓ quiet-partner suggestions",
        "✓ nudges from partners",
        BACK,
    ]
    section, confirmation = await tap(chat, section, "✓ keep-warm nudges")
    assert confirmation == "🔕 Off: keep-warm nudges"
    assert "✗ keep-warm nudges" in button_labels(section)
    (user,) = await bot.rows(User, User.id == USER_ID)
    assert {kind: state["on"] for kind, state in user.attention.items()} == {"keepwarm": False}

    section, _ = await tap(chat, section, "✓ weekly reviews")
    summary, _ = await tap(chat, section, BACK)
    assert "Nudges off: keep-warm nudges, weekly reviews\n" in summary["text"]
    review, _ = await tap(chat, summary, "📊 Weekly review")
    assert review["text"].startswith("Your weekly review is switched off")

    section = await open_section(chat, "🔔 Nudges")
    section, confirmation = await tap(chat, section, "✗ keep-warm nudges")
    assert confirmation == "🔔 On: keep-warm nudges"
    assert "✓ keep-warm nudges" in button_labels(section)
    (user,) = await bot.rows(User, User.id == USER_ID)
    states = {kind: state["on"] for kind, state in user.attention.items()}
    assert states == {"keepwarm": True, "review": False}


@both_backends
async def test_pause_and_resume_from_settings(bot: RunningBot, chat: Chat) -> None:
    section = await open_section(chat, "⏸ Pause")
    assert section["text"] == texts.SETTINGS_NOT_PAUSED
    assert button_labels(section) == ["3 days", "1 week", "2 weeks", "Until I say", BACK]

    section, confirmation = await tap(chat, section, "1 week")
    assert confirmation == "⏸ Paused until Mon 12 Jan"
    assert section["text"] == texts.SETTINGS_PAUSED_UNTIL.format(day="Mon 12 Jan")
    assert button_labels(section) == ["▶️ Resume now", BACK]
    (pause,) = await bot.rows(Pause)
    assert (pause.starts_on, pause.ends_on, pause.welcomed_at) == (TODAY, date(2026, 1, 12), None)
    summary, _ = await tap(chat, section, BACK)
    assert "Pause: until Mon 12 Jan\n" in summary["text"]

    section, _ = await tap(chat, summary, "⏸ Pause")
    section, confirmation = await tap(chat, section, "▶️ Resume now")
    assert confirmation == "▶️ Welcome back! Next check-in: today at 18:00"
    assert section["text"] == texts.SETTINGS_NOT_PAUSED
    (pause,) = await bot.rows(Pause)
    assert pause.ends_on == TODAY and pause.welcomed_at is not None

    section, confirmation = await tap(chat, section, "Until I say")
    assert confirmation == "⏸ Paused until you say"
    assert section["text"] == texts.SETTINGS_PAUSED_OPEN
    open_pause = [p for p in await bot.rows(Pause) if p.welcomed_at is None]
    assert [p.ends_on for p in open_pause] == [None]


@both_backends
async def test_forged_and_foreign_settings_buttons_change_nothing(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await chat.say("/settings")
    before = await user_row(bot)
    mine = (before.checkin_time, before.networking_days, before.quiet_start, before.review_day)

    # Someone the bot never met, pressing settings buttons in their own chat.
    stranger = 2002
    for data in ("set:quiet:off", "set:time:0900", "set:kind:checkin:off", "set:pause:7"):
        answer = await press_for_answer(chat, 3, data, stranger)
        assert answer["text"] == texts.STALE_BUTTON
    assert await bot.rows(User, User.id == stranger) == []

    # Another user pressing a button under my settings message: neither row changes.
    other = Chat(chat.emulator, user_id=2003, first_name="Mallory")
    await onboard(other)
    for data in ("set:quiet:off", "set:day:5", "set:open:time", "set:home"):
        answer = await press_for_answer(chat, summary, data, other.user_id)
        assert answer["text"] == texts.STALE_BUTTON
    assert (await user_row(bot, other.user_id)).quiet_start == time(21)

    # My own chat, with data no settings button carries.
    forged = [
        "set:day:9",
        "set:review:7",
        "set:time:2561",
        "set:quiet:2200:2200",
        "set:kind:welcome:off",
        "set:kind:coaching:on",
        "set:pause:5",
        "set:usedays:employed",  # my pace is searching
        "set:keepdays:employed",
        "set:open:nowhere",
        "set:resume:1",
        "ob:mode:employed",  # onboarding is over
    ]
    for data in forged:
        answer = await press_for_answer(chat, summary, data, USER_ID)
        assert answer["text"] == texts.STALE_BUTTON, data
    after = await user_row(bot)
    assert (after.checkin_time, after.networking_days, after.quiet_start, after.review_day) == mine
    assert after.mode == "searching"
    assert after.attention is None  # no kind switched
    assert await bot.rows(Pause) == []
    assert chat.emulator.edits == []


async def test_help_and_the_menu_list_the_new_commands(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/help")
    for line in ("/settings — ", "/mode — ", "/quiet — "):
        assert line in answer["text"]
    assert {"settings", "mode", "quiet"} <= {c["command"] for c in chat.emulator.commands or []}
