"""Everything unexpected: unknown commands, stray messages, group chats, failures."""

from sqlalchemy import text

from db.models import User
from tests.harness import USER_ID, Chat, RunningBot


async def test_unknown_command_points_to_help(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/frobnicate now")
    assert answer["text"] == "I don't know /frobnicate. /help lists everything I can do."


async def test_stray_text_and_stickers_point_to_help(bot: RunningBot, chat: Chat) -> None:
    assert "/help" in (await chat.say("hello?"))["text"]
    chat.emulator.user_sticker(user_id=USER_ID)
    assert (await chat.reply())["text"].startswith("I can only read text messages.")


async def test_group_chats_get_a_pointer_and_nothing_is_stored(bot: RunningBot, chat: Chat) -> None:
    emulator = chat.emulator
    emulator.user_message("/start", user_id=USER_ID, chat_type="group")
    answer = await emulator.next_message(-USER_ID)
    assert answer["text"].startswith("I coach one person at a time.")
    emulator.user_message("just chatting", user_id=USER_ID, chat_type="group")
    await emulator.wait_idle()
    emulator.user_message("/checkin", user_id=USER_ID, chat_type="group")
    await emulator.next_message(-USER_ID)
    assert len(emulator.messages_to(-USER_ID)) == 2  # the chatter got no answer
    assert await bot.rows(User) == []


async def test_a_failing_handler_apologises_and_the_bot_keeps_going(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/contact Sally")
    async with bot.session() as session:  # the database loses a table under the bot's feet
        await session.execute(text("DROP TABLE followups"))
        await session.commit()
    answer = await chat.say("/followups")
    assert answer["text"] == "Sorry, something went wrong on my side. Please try again in a moment."
    assert (await chat.say("/help"))["text"].startswith("Here's what I can do:")


async def test_telegram_errors_while_replying_do_not_stop_the_bot(
    bot: RunningBot, chat: Chat
) -> None:
    chat.emulator.fail_next("sendMessage", status=500, description="Internal Server Error")
    again = await chat.say("/help")  # the reply failed: the update is handled once more
    assert again["text"].startswith("Here's what I can do:")
    assert len(chat.emulator.calls_of("sendMessage")) == 2
    chat.emulator.fail_next("sendMessage", status=403, description="Forbidden: bot was blocked")
    chat.send("/stats")  # this reply is lost, and not tried again: the user blocked us
    assert (await chat.say("/help"))["text"].startswith("Here's what I can do:")
    assert len(chat.emulator.calls_of("sendMessage")) == 4
    assert await bot.rows(User) == []  # /help and /stats store nothing for a stranger
