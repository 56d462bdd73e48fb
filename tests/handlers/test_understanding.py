"""A check-in written the way people type, as the user lives it: what the bot logs, what the
summary shows, and the one-tap fixes, checked in the chat and in the database."""

from datetime import UTC, datetime

from bot import texts
from db.models import CheckIn, Contact, Followup, Interaction
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
)

# The harness's clock starts on Monday 5 January 2026 at 12:00 UTC; users are on UTC with
# check-ins at 18:00 until they choose.
MARIA_AND_JOAO = (
    "Had coffee with Maria Santos from Stripe and a quick call with João about his team",
    "Sent Maria the deck",
    "Asked João for an intro to his CTO",
    "Ping João next Tuesday about the intro, and check in with Maria in two weeks",
)


async def checkin(chat: Chat, *answers: str) -> JSON:
    """Answer the four questions; the summary."""
    await chat.say("/checkin")
    for answer in answers[:-1]:
        await chat.say(answer)
    return await chat.say(answers[-1])


async def current(chat: Chat, message: JSON) -> JSON:
    """The message as it is now, after edits."""
    await chat.quiet()
    (now,) = [
        m for m in chat.emulator.messages_to(USER_ID) if m["message_id"] == message["message_id"]
    ]
    return now


async def tap_in_place(chat: Chat, bot: RunningBot, message: JSON, label: str) -> JSON:
    """Tap a button of `message`, which the bot edits in place; the message afterwards."""
    await chat.press(await current(chat, message), button_data(await current(chat, message), label))
    await bot.settled()
    return await current(chat, message)


async def contacts(bot: RunningBot) -> dict[str, Contact]:
    return {c.name: c for c in await bot.rows(Contact, Contact.user_id == USER_ID)}


@both_backends
async def test_a_checkin_in_sentences_logs_exactly_what_it_says(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await checkin(chat, *MARIA_AND_JOAO)

    text = summary["text"]
    assert text.startswith("✅ Check-in saved. Here's what I logged:")
    assert "👥 Maria Santos (Stripe) · in person" in text
    assert "👥 João · call" in text
    assert "🎁 Gave Maria Santos: Sent Maria the deck" in text
    assert "🙋 Asked João: Asked João for an intro to his CTO" in text
    assert "📌 Follow up with João, tomorrow at 18:00: Ping João about the intro" in text
    assert "📌 Follow up with Maria Santos, 19 Jan at 18:00" in text
    assert button_labels(summary)[:2] == ["✓ Looks right", "✎ Fix"]

    people = await contacts(bot)
    assert set(people) == {"Maria Santos", "João"}
    assert people["Maria Santos"].company == "Stripe"
    maria, joao = people["Maria Santos"].id, people["João"].id
    done = {
        (i.kind, i.contact_id, i.channel, i.two_way, i.note) for i in await bot.rows(Interaction)
    }
    assert done == {
        ("met", maria, "in_person", True, None),
        ("met", joao, "call", True, None),
        ("give", maria, None, False, "Sent Maria the deck"),
        ("ask", joao, None, False, "Asked João for an intro to his CTO"),
    }
    followups = {(f.contact_id, f.due_at, f.note) for f in await bot.rows(Followup)}
    assert followups == {
        (joao, datetime(2026, 1, 6, 18, tzinfo=UTC), "Ping João about the intro"),
        (maria, datetime(2026, 1, 19, 18, tzinfo=UTC), None),
    }


@both_backends
async def test_the_summarys_buttons_drop_and_change_items_in_place(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await checkin(chat, *MARIA_AND_JOAO)
    first_version = button_data(summary, "✎ Fix")

    menu = await tap_in_place(chat, bot, summary, "✎ Fix")
    assert menu["text"] == summary["text"]  # the text stays; the buttons are per item now
    assert "✕ João" in button_labels(menu) and "✎ Not João?" in button_labels(menu)

    maria = (await contacts(bot))["Maria Santos"].id
    dropped = await tap_in_place(chat, bot, summary, "✕ João")
    assert "João" not in dropped["text"]
    assert "👥 Maria Santos (Stripe) · in person" in dropped["text"]
    assert set(await contacts(bot)) == {"Maria Santos"}  # created by this check-in, now unused
    assert (await contacts(bot))["Maria Santos"].id == maria  # kept, not made again
    assert {i.kind for i in await bot.rows(Interaction)} == {"met", "give"}
    assert len(await bot.rows(Followup)) == 1

    await tap_in_place(chat, bot, summary, "✎ Fix")
    dates = await tap_in_place(chat, bot, summary, "📅 Maria Santos")
    assert button_labels(dates) == ["Tomorrow", "In 3 days", "Next week", "No reminder", "◂ Back"]
    moved = await tap_in_place(chat, bot, summary, "Tomorrow")
    assert "📌 Follow up with Maria Santos, tomorrow at 18:00" in moved["text"]
    (followup,) = await bot.rows(Followup)
    assert followup.due_at == datetime(2026, 1, 6, 18, tzinfo=UTC)

    # A button from an earlier version of the summary changes nothing.
    before = await bot.rows(Followup)
    chat.emulator.user_presses(summary, first_version.replace(":fix:", ":xf:"), user_id=USER_ID)
    await bot.settled()
    assert chat.emulator.callback_answers[-1]["text"].startswith("That button belongs to")
    assert [f.due_at for f in await bot.rows(Followup)] == [f.due_at for f in before]

    final = await tap_in_place(chat, bot, summary, "✓ Looks right")
    assert "reply_markup" not in final or not button_labels(final)


async def test_a_checkin_before_start_says_how_daily_prompts_begin(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await checkin(chat, "Coffee with Tom", "-", "-", "-")  # no /start before
    assert texts.WAITS_FOR_START in summary["text"]
    await onboard(chat)
    after = await checkin(chat, "Coffee with Ana", "-", "-", "-")
    assert texts.WAITS_FOR_START not in after["text"]


async def test_someone_elses_summary_button_changes_nothing(bot: RunningBot, chat: Chat) -> None:
    summary = await checkin(chat, *MARIA_AND_JOAO)
    stranger = Chat(chat.emulator, user_id=2002, first_name="Eve")
    await stranger.say("/start")
    await bot.settled()
    chat.emulator.user_presses(
        summary, button_data(summary, "✎ Fix").replace(":fix:", ":xp:"), user_id=2002
    )
    await bot.settled()
    assert chat.emulator.callback_answers[-1]["text"].startswith("That button belongs to")
    assert set(await contacts(bot)) == {"Maria Santos", "João"}


async def two_marias_and_lunch_with_maria(chat: Chat) -> JSON:
    """Two contacts called Maria, then a check-in that names "Maria"; the summary."""
    await chat.say("/contact Maria Santos")
    await chat.say("/contact Maria Lopez")
    return await checkin(chat, "Lunch with Maria", "-", "-", "-")


async def test_a_first_name_several_contacts_share_is_asked_about(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await two_marias_and_lunch_with_maria(chat)
    assert "❓ Which Maria did you mean?" in summary["text"]
    assert button_labels(summary)[:3] == ["Maria Santos", "Maria Lopez", "Someone new"]
    assert await bot.rows(Interaction) == []  # nothing logged for a guess

    chosen = await tap_in_place(chat, bot, summary, "Maria Lopez")
    assert "👥 Maria Lopez · in person" in chosen["text"] and "❓" not in chosen["text"]
    people = await contacts(bot)
    assert set(people) == {"Maria Santos", "Maria Lopez"}  # no third Maria
    (met,) = await bot.rows(Interaction)
    assert (met.contact_id, met.channel) == (people["Maria Lopez"].id, "in_person")


async def test_someone_new_is_a_new_contact_without_a_merge_offer(
    bot: RunningBot, chat: Chat
) -> None:
    summary = await two_marias_and_lunch_with_maria(chat)
    chosen = await tap_in_place(chat, bot, summary, "Someone new")
    assert "👥 Maria · in person" in chosen["text"]
    assert set(await contacts(bot)) == {"Maria Santos", "Maria Lopez", "Maria"}
    assert not [m for m in chat.emulator.messages_to(USER_ID) if "same person" in m["text"]]


async def test_a_followup_without_a_date_is_asked_with_buttons(bot: RunningBot, chat: Chat) -> None:
    summary = await checkin(chat, "Zoom with Wei Chen", "-", "-", "send Wei the deck")
    assert "❓ When should I remind you about Wei Chen (send Wei the deck)?" in summary["text"]
    assert button_labels(summary)[:4] == ["Tomorrow", "In 3 days", "Next week", "No reminder"]
    assert await bot.rows(Followup) == []  # nothing reminds of a date nobody gave

    set_ = await tap_in_place(chat, bot, summary, "In 3 days")
    assert "📌 Follow up with Wei Chen, Thursday at 18:00: send Wei the deck" in set_["text"]
    (followup,) = await bot.rows(Followup)
    assert (followup.due_at, followup.note) == (
        datetime(2026, 1, 8, 18, tzinfo=UTC),
        "send Wei the deck",
    )


async def test_no_reminder_drops_the_undated_followup(bot: RunningBot, chat: Chat) -> None:
    summary = await checkin(chat, "Zoom with Wei Chen", "-", "-", "send Wei the deck")
    after = await tap_in_place(chat, bot, summary, "No reminder")
    assert "❓" not in after["text"] and "📌" not in after["text"]
    assert await bot.rows(Followup) == []
    (checkin_row,) = await bot.rows(CheckIn)
    assert checkin_row.reading["reading"]["followups"] == []


async def test_not_them_takes_a_typed_name(bot: RunningBot, chat: Chat) -> None:
    summary = await checkin(chat, "Coffee with Tom", "Sent Tom the link", "-", "-")
    await tap_in_place(chat, bot, summary, "✎ Fix")
    await chat.press(
        await current(chat, summary), button_data(await current(chat, summary), "✎ Not Tom?")
    )
    question = await chat.reply()
    assert question["text"].startswith("Who was it instead of Tom?")
    done = await chat.say("Tom Baker")
    assert done["text"] == "Changed: Tom → Tom Baker."
    edited = await current(chat, summary)
    assert "👥 Tom Baker · in person" in edited["text"]
    assert "🎁 Gave Tom Baker: Sent Tom the link" in edited["text"]
    assert set(await contacts(bot)) == {"Tom Baker"}


async def test_an_edited_answer_replaces_the_stored_one_and_the_summary_follows(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/checkin")
    typo = chat.send("Coffee with Sally Jnoes")
    await chat.reply()
    chat.emulator.user_edited_message(typo, "Coffee with Sally Jones", user_id=USER_ID)
    await bot.settled()
    await chat.say("-")
    await chat.say("-")
    followup = chat.send("Sally tomorrow")
    summary = await chat.reply()
    assert "👥 Sally Jones · in person" in summary["text"]  # the edit reached the reading
    assert "tomorrow at 18:00" in summary["text"]

    chat.emulator.user_edited_message(followup, "Sally on Friday", user_id=USER_ID)
    await bot.settled()
    edited = await current(chat, summary)
    assert "📌 Follow up with Sally Jones, Friday at 18:00" in edited["text"]
    (row,) = await bot.rows(Followup)
    assert row.due_at == datetime(2026, 1, 9, 18, tzinfo=UTC)
    assert set(await contacts(bot)) == {"Sally Jones"}


async def test_an_edit_does_not_revive_a_followup_already_done(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    await chat.say("Coffee with Sally Jones")
    await chat.say("-")
    await chat.say("-")
    followup_answer = chat.send("Sally tomorrow")
    await chat.reply()
    listing = await chat.say("/followups")
    await chat.press(listing, button_data(listing, "✓ Sally Jones"))
    await bot.settled()
    (done,) = await bot.rows(Followup)
    assert done.status == "done"

    chat.emulator.user_edited_message(followup_answer, "Sally on Friday", user_id=USER_ID)
    await bot.settled()
    assert [f.status for f in await bot.rows(Followup)] == ["done"]  # not set again
