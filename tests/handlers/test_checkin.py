"""A full check-in as a user lives it: questions, buttons, /skip, bad input, restarts."""

from sqlalchemy import func, select

from db.models import Answer, CheckIn
from tests.harness import USER_ID, Chat, RunningBot, both_backends, button_labels, complete_checkin


@both_backends
async def test_full_checkin_with_text_buttons_and_skip(bot: RunningBot, chat: Chat) -> None:
    first = await chat.say("/checkin")
    assert first["text"].startswith("1/4 · Who did you connect with today?")
    assert "/skip" in first["text"]
    assert button_labels(first) == ["Nobody today"]

    second = await chat.say("Sally (coffee), Tom (email)")
    assert second["text"].startswith("2/4 · What value did you give first?")
    await chat.press(second)
    third = await chat.reply()
    assert third["text"].startswith("3/4 · What specific ask")
    assert chat.emulator.messages_to(USER_ID)[-2]["text"].endswith("→ Nothing this time")

    fourth = await chat.say("/skip")
    assert fourth["text"].startswith("4/4 · Anything to follow up on?")
    summary = await chat.say("Sally on Friday: send the article")
    assert summary["text"].startswith("✅ Check-in saved. Here's what I logged:")
    assert "👥 Sally · in person\n👥 Tom · message\n" in summary["text"]
    assert "🎁" not in summary["text"] and "🙋" not in summary["text"]  # nothing given or asked
    assert "📌 Follow up with Sally, Friday at 18:00: send the article" in summary["text"]
    assert "Day 1 of your streak" in summary["text"]

    (checkin,) = await bot.rows(CheckIn, CheckIn.user_id == USER_ID)
    assert (checkin.status, checkin.step) == ("done", 4)
    answers = await bot.rows(Answer, Answer.checkin_id == checkin.id)
    assert {(a.question, a.answer_type, a.text) for a in answers} == {
        ("who", "text", "Sally (coffee), Tom (email)"),
        ("gave", "none", None),
        ("ask", "skipped", None),
        ("followup", "text", "Sally on Friday: send the article"),
    }


async def test_a_vague_ask_gets_a_tip(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    for answer in ("Priya", "-", "Told her to let me know if she hears of anything"):
        await chat.say(answer)
    summary = await chat.say("-")
    assert "Tip: a specific ask lands better" in summary["text"]
    specific = await complete_checkin(chat)
    assert "Tip:" not in specific["text"]


async def test_a_redelivered_update_is_stored_once(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    message = chat.send("Priya")
    await chat.reply()  # question 2
    chat.emulator.queue_update({"message": message})  # Telegram delivers it again
    await chat.emulator.wait_idle()
    nudge = await chat.say("/stats")  # a later message is answered normally…
    assert "No check-ins yet" in nudge["text"]
    async with bot.session() as session:  # …and the duplicate stored nothing
        count = await session.scalar(select(func.count(Answer.id)))
        (checkin,) = (await session.scalars(select(CheckIn))).all()
    assert (count, checkin.step) == (1, 1)


async def test_a_half_answered_checkin_survives_a_restart(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    await chat.say("Priya")
    await bot.restart()
    third = await chat.say("Introduced Priya to Sam")
    assert third["text"].startswith("3/4 ·")
    resumed = await chat.say("/checkin")
    assert resumed["text"].startswith("Picking up where we left off.")
    assert "3/4 ·" in resumed["text"]


async def test_bad_input_mid_checkin_changes_nothing(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    chat.emulator.user_sticker(user_id=USER_ID)
    assert (await chat.reply())["text"].startswith("I can only read text answers.")
    chat.emulator.user_photo(user_id=USER_ID)
    assert (await chat.reply())["text"].startswith("I can only read text answers.")
    too_long = await chat.say("x" * 1001)
    assert too_long["text"].startswith("That's more than I can keep (1000 characters max).")
    invisible = await chat.say("\u200b\u200e \u2060")
    assert invisible["text"].startswith("I couldn't find any words in that.")
    assert await bot.rows(Answer) == []

    accepted = await chat.say("  Zoë\u200b  and 李雷 👋 ")
    assert accepted["text"].startswith("2/4 ·")
    (answer,) = await bot.rows(Answer)
    assert answer.text == "Zoë and 李雷 👋"


async def test_cancel_keeps_answers_and_a_new_checkin_starts_fresh(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/checkin")
    await chat.say("Priya")
    cancelled = await chat.say("/cancel")
    assert cancelled["text"].startswith("Check-in stopped")
    fresh = await chat.say("/checkin")
    assert fresh["text"].startswith("1/4 ·")
    statuses = sorted(c.status for c in await bot.rows(CheckIn))
    assert statuses == ["cancelled", "open"]
    assert len(await bot.rows(Answer)) == 1


async def test_skip_and_cancel_with_nothing_running(bot: RunningBot, chat: Chat) -> None:
    assert (await chat.say("/skip"))["text"].startswith("There's no question open")
    assert (await chat.say("/cancel"))["text"].startswith("Nothing to cancel")


async def test_stale_and_forged_buttons_change_nothing(bot: RunningBot, chat: Chat) -> None:
    first = await chat.say("/checkin")
    await chat.say("Priya")  # answered by text: the first question's button is now stale
    await chat.press(first)
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    assert "no longer applies" in chat.emulator.callback_answers[-1]["text"]

    (checkin,) = await bot.rows(CheckIn)
    intruder = Chat(chat.emulator, user_id=2002, first_name="Mallory")
    await intruder.say("/start")
    chat.emulator.user_presses(first, f"ci:none:{checkin.id}:1", user_id=2002)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) == 2)
    assert "no longer applies" in chat.emulator.callback_answers[-1]["text"]
    chat.emulator.user_presses(first, "garbage:42", user_id=USER_ID)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) == 3)
    assert "no longer applies" in chat.emulator.callback_answers[-1]["text"]

    (checkin,) = await bot.rows(CheckIn, CheckIn.user_id == USER_ID)
    assert checkin.step == 1
    assert len(await bot.rows(Answer)) == 1
