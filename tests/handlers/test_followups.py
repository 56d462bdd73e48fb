"""/followup, /followups and follow-up nudges, through the real bot (principles 7 and 8)."""

from datetime import UTC, datetime, timedelta

import pytest

from bot import texts
from db.models import Contact, Followup, Interaction, OutboxMessage
from tests.clock import ManualClock
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
    one_of,
)

# START is Monday 2026-01-05 12:00 UTC; new users keep UTC and an 18:00 check-in.
MONDAY = datetime(2026, 1, 5, tzinfo=UTC)


def at(days: int, hour: int = 18, minute: int = 0) -> datetime:
    return MONDAY + timedelta(days=days, hours=hour, minutes=minute)


def latest_about(chat: Chat, name: str) -> dict:
    """The newest bot message mentioning `name` (the daily check-in prompt may come too)."""
    return [m for m in chat.emulator.messages_to(USER_ID) if name in m.get("text", "")][-1]


async def only_followup(bot: RunningBot) -> Followup:
    (followup,) = await bot.rows(Followup)
    return followup


@both_backends
@pytest.mark.parametrize(
    ("command", "name", "note", "due", "shown"),
    [
        (
            "/followup Sally Jones next tuesday — send the article she asked for",
            "Sally Jones",
            "send the article she asked for",
            at(1),
            "tomorrow at 18:00",
        ),
        ("/followup Tom in 3 days", "Tom", None, at(3), "Thursday at 18:00"),
        (
            "/followup Priya 2026-12-01 10:00",
            "Priya",
            None,
            datetime(2026, 12, 1, 10, tzinfo=UTC),
            "1 Dec at 10:00",
        ),
        ("/followup Zoë tomorrow 9am: coffee", "Zoë", "coffee", at(1, 9), "tomorrow at 09:00"),
    ],
)
async def test_followup_date_forms(
    bot: RunningBot,
    chat: Chat,
    command: str,
    name: str,
    note: str | None,
    due: datetime,
    shown: str,
) -> None:
    answer = await chat.say(command)
    assert answer["text"].startswith(f"Follow-up set: {name}, {shown}.")
    followup = await only_followup(bot)
    (contact,) = await bot.rows(Contact)
    assert (contact.name, followup.note, followup.due_at) == (name, note, due)
    assert (followup.status, followup.next_nudge_at, contact.source) == ("open", due, "followup")


async def test_followup_step_by_step(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    assert (await chat.say("/followup"))["text"].startswith("Who do you want to follow up with?")
    assert (await chat.say("Sally"))["text"].startswith("When should I remind you about Sally?")
    ask_note = await chat.say("friday")
    assert ask_note["text"].startswith("Anything to remember for Sally?")
    done = await chat.tap(ask_note, "No note")
    assert done["text"] == "Follow-up set: Sally, Friday at 18:00."
    assert (await only_followup(bot)).due_at == at(4)


async def test_step_by_step_with_a_note_and_a_bad_date(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    await chat.say("/followup")
    await chat.say("Tom")
    bad = await chat.say("whenever")
    assert bad["text"].startswith("I couldn't read")
    await chat.say("in 2 days")
    done = await chat.say("send the CV")
    assert done["text"] == "Follow-up set: Tom, Wednesday at 18:00.\nsend the CV"


async def test_ambiguous_and_past_dates_are_asked_not_guessed(bot: RunningBot, chat: Chat) -> None:
    question = await chat.say("/followup Sally 01/02/2027")
    assert question["text"].startswith("“01/02/2027” could mean two dates.")
    assert button_labels(question) == ["Mon 1 Feb 2027", "Sat 2 Jan 2027"]
    assert await bot.rows(Followup) == []
    done = await chat.tap(question, "Sat 2 Jan 2027")
    assert done["text"].startswith("Follow-up set: Sally, 2 Jan at 18:00.")

    past = await chat.say("/followup Tom 2025-06-01")
    assert "has already passed" in past["text"]
    assert len(await bot.rows(Followup)) == 1


async def test_due_nudge_and_done(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    await onboard(chat)  # reminders come to someone set up
    await chat.say("/followup Tom tomorrow — send the CV")
    clock.set(at(1) - timedelta(minutes=1))
    assert (await bot.tick()).planned == 0
    clock.set(at(1))
    assert (await bot.tick()).dispatched.sent == 2  # the nudge and the daily check-in prompt
    nudge = latest_about(chat, "Tom")
    firsts = [with_note for _, with_note in texts.NUDGE_FIRST]
    assert one_of(nudge["text"], firsts, name="Tom", note="send the CV", last="")
    assert "No conversation with them logged yet." in nudge["text"]
    assert "(You set this on 5 Jan.)" in nudge["text"]
    assert button_labels(nudge) == [
        "✓ Done",
        "Drop",
        "Snooze 1 day",
        "Snooze 1 week",
        "🔕 No more follow-up reminders",
    ]

    await chat.press(nudge, button_data(nudge, "✓ Done"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.edits[-1]["text"].startswith("✅ Followed up with Tom.")
    followup = await only_followup(bot)
    assert (followup.status, followup.done_at, followup.next_nudge_at) == ("done", at(1), None)
    (interaction,) = await bot.rows(Interaction)
    assert (interaction.kind, interaction.happened_on.isoformat()) == ("followup", "2026-01-06")
    clock.set(at(2, 12))
    assert (await bot.tick()).planned == 0


async def test_snooze_and_drop(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    await onboard(chat)
    await chat.say("/followup Tom tomorrow")
    clock.set(at(1))
    await bot.tick()
    nudge = latest_about(chat, "Tom")
    await chat.press(nudge, button_data(nudge, "Snooze 1 day"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.edits[-1]["text"] == "⏰ Snoozed: Tom comes back tomorrow at 18:00."
    assert (await only_followup(bot)).next_nudge_at == at(2)

    clock.set(at(2))
    await bot.tick()
    again = latest_about(chat, "Tom")
    assert one_of(again["text"], [plain for plain, _ in texts.NUDGE_FIRST], name="Tom", last="")
    await chat.press(again, button_data(again, "Drop"))
    await chat.emulator.wait_for(lambda: len(chat.emulator.edits) == 2)
    assert (await only_followup(bot)).status == "dropped"
    clock.set(at(10, 12))
    assert (await bot.tick()).planned == 0


async def test_unanswered_nudges_widen_then_ask_to_let_it_rest(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat)
    await chat.say("/followup Tom tomorrow")
    for hours in range(0, 24 * 30, 6):  # a month of ticks, every six hours
        clock.set(at(1) + timedelta(hours=hours))
        await bot.tick()
    rows = await bot.rows(OutboxMessage, OutboxMessage.nudge_kind == "followup")
    sent = sorted((row.sent_at - at(1)).days for row in rows if row.sent_at)
    assert sent == [0, 1, 4, 11]  # due, then gaps of 1, 3 and 7 days: never daily, then quiet
    nudges = [m["text"] for m in chat.emulator.messages_to(USER_ID) if "Tom" in m["text"]][1:]
    assert one_of(nudges[1], [plain for plain, _ in texts.NUDGE_AGAIN], name="Tom", last="")
    assert one_of(nudges[3], [plain for plain, _ in texts.NUDGE_REST], name="Tom")
    last = latest_about(chat, "Tom")
    assert button_labels(last) == [
        "✓ Done",
        "Let it rest",
        "Snooze 1 week",
        "🔕 No more follow-up reminders",
    ]
    await chat.press(last, button_data(last, "Let it rest"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert (await only_followup(bot)).status == "rested"


async def test_third_followup_without_a_reply_is_called_pestering(
    bot: RunningBot, chat: Chat
) -> None:
    first = await chat.say("/followup Tom tomorrow")
    second = await chat.say("/followup tom in 3 days")
    assert "without a reply" not in first["text"] + second["text"]
    third = await chat.say("/followup TOM next week")
    assert "That's 3 follow-ups to Tom without a reply." in third["text"]
    assert len(await bot.rows(Contact)) == 1

    card = await chat.say("/contact Tom")
    await chat.press(card, button_data(card, "↩︎ They replied"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    fourth = await chat.say("/followup Tom in 2 weeks")
    assert "without a reply" not in fourth["text"]


async def test_followups_list_with_relative_dates_and_buttons(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await chat.say("/followup Ann tomorrow")
    await chat.say("/followup Bob in 3 days — the deck")
    await chat.say("/followup Cid in 10 days")
    await chat.say("/followup Dee 2026-01-05 20:00")
    clock.set(at(1, 12))  # Tuesday noon: Dee is overdue, Ann is today
    listing = await chat.say("/followups")
    assert listing["text"] == (
        "Your follow-ups\n\nOverdue\n• Dee (yesterday)\n\nToday\n• Ann (today)\n\n"
        "Next 7 days\n• Bob — the deck (on Thursday)"
    )
    assert button_labels(listing)[:4] == ["✓ Dee", "+1d", "+1w", "✕"]
    dee = await bot.rows(Followup, Followup.note.is_(None), Followup.due_at == at(0, 20))
    await chat.press(listing, f"fli:s7:{dee[0].id}:0")
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    relisted = chat.emulator.edits[-1]["text"]
    assert "Overdue" not in relisted and "• Dee (in 7 days)" in relisted


async def test_nothing_due(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    assert (await chat.say("/followups"))["text"].startswith("Nothing due in the next 7 days.")


async def test_buttons_of_another_user_change_nothing(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/followup Tom tomorrow")
    followup = await only_followup(bot)
    intruder = Chat(chat.emulator, user_id=2002, first_name="Mallory")
    await intruder.say("/help")
    for data in (f"fu:done:{followup.id}", f"fu:drop:{followup.id}", "fu:date:2026-02-01"):
        chat.emulator.user_presses(5, data, user_id=2002)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) == 3)
    assert all("no longer applies" in a["text"] for a in chat.emulator.callback_answers)
    followup = await only_followup(bot)
    assert (followup.status, followup.nudges_sent) == ("open", 0)
