"""Tests of the Bot API emulator, driven through real PTB clients."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.emulator import BotAPIEmulator, Upload

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
ANN = 1001


@pytest.fixture
async def emu() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator(TOKEN) as emulator:
        yield emulator


@pytest.fixture
async def client(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emu.base_url, base_file_url=emu.file_url) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in data]])


# ---------------------------------------------------------------- basics


async def test_get_me_uses_bot_id_from_token(client: Bot, emu: BotAPIEmulator) -> None:
    me = await client.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "marathon_test_bot", True)
    assert emu.calls == [("getMe", {}), ("getMe", {})]  # Bot.initialize() calls getMe too


async def test_wrong_token_is_unauthorized(emu: BotAPIEmulator) -> None:
    other = Bot("654321:WRONG-token", base_url=emu.base_url)
    with pytest.raises(InvalidToken, match="was rejected by the server"):
        await other.initialize()
    await other.shutdown()
    assert emu.calls == []


async def test_unknown_method_is_404_and_recorded(client: Bot, emu: BotAPIEmulator) -> None:
    with pytest.raises(EndPointNotFound):
        await client.do_api_request("getMarathonStats", api_kwargs={"chat_id": ANN})
    assert emu.unknown_calls == [("getMarathonStats", {"chat_id": ANN})]


async def test_send_message_is_recorded_and_numbered_per_chat(
    client: Bot, emu: BotAPIEmulator
) -> None:
    emu.user_message("hi")  # message 1 in Ann's chat
    emu.add_chat(2002, first_name="Bob")

    sent = await client.send_message(ANN, "Hello, Ann", reply_markup=keyboard("a"))
    other = await client.send_message(2002, "Hello, Bob")

    assert sent.message_id == 2  # bot and user messages share the chat's counter
    assert other.message_id == 1
    assert sent.chat.first_name == "Ann"
    assert sent.from_user.id == 123456
    assert sent.reply_markup == keyboard("a")
    assert [m["text"] for m in emu.sent] == ["Hello, Ann", "Hello, Bob"]
    message = await emu.next_message(ANN)
    assert message["text"] == "Hello, Ann"
    assert message["reply_markup"] == {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}
    assert emu.calls_of("sendMessage")[0]["chat_id"] == ANN


async def test_string_params_are_not_json_decoded(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    await client.send_message(ANN, "42")
    sent = await client.send_message(ANN, "true", reply_markup=ReplyKeyboardMarkup([["Yes"]]))

    assert [m["text"] for m in emu.messages_to(ANN)] == ["42", "true"]
    assert emu.calls_of("sendMessage")[0]["chat_id"] == ANN
    assert sent.reply_markup is None  # Telegram only echoes inline keyboards ...
    assert emu.sent[1]["reply_markup"]["keyboard"] == [[{"text": "Yes"}]]  # ... tests see all


async def test_html_is_stripped_and_validated(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    sent = await client.send_message(ANN, "<b>Day 1</b> &amp; more", parse_mode="HTML")
    assert sent.text == "Day 1 & more"

    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: unsupported start tag"):
        await client.send_message(ANN, "Hi <Ann>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)can't find end tag"):
        await client.send_message(ANN, "<b>bold", parse_mode="HTML")


@pytest.mark.parametrize(
    ("text", "markup", "error"),
    [
        ("x" * 4097, None, "message is too long"),
        ("  ", None, "message text is empty"),
        ("ok", keyboard("d" * 65), "BUTTON_DATA_INVALID"),
    ],
)
async def test_send_message_validation(
    client: Bot,
    emu: BotAPIEmulator,
    text: str,
    markup: InlineKeyboardMarkup | None,
    error: str,
) -> None:
    emu.add_chat(ANN)
    with pytest.raises(BadRequest, match=f"(?i){error}"):
        await client.send_message(ANN, text, reply_markup=markup)
    assert emu.sent == []
    await client.send_message(ANN, "x" * 4096, reply_markup=keyboard("d" * 64))


async def test_unknown_chat_is_not_found(client: Bot, emu: BotAPIEmulator) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await client.send_message(999, "hello?")
    assert emu.errors == [("sendMessage", "Bad Request: chat not found")]


# ---------------------------------------------------------------- edits and buttons


async def test_edit_message_text_and_markup(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    sent = await client.send_message(ANN, "Pick one", reply_markup=keyboard("a", "b"))

    edited = await client.edit_message_text(
        "Picked a", chat_id=ANN, message_id=sent.message_id, reply_markup=keyboard("undo")
    )
    assert edited.text == "Picked a"
    assert edited.edit_date is not None
    await client.edit_message_reply_markup(ANN, sent.message_id)  # no markup: remove keyboard

    (current,) = emu.messages_to(ANN)
    assert current["text"] == "Picked a"
    assert "reply_markup" not in current
    assert emu.sent[0]["text"] == "Pick one"  # the send log keeps the original
    assert [e.get("reply_markup") for e in emu.edits] == [keyboard("undo").to_dict(), None]


async def test_edit_errors(client: Bot, emu: BotAPIEmulator) -> None:
    user_message = emu.user_message("hi")
    sent = await client.send_message(ANN, "Same", reply_markup=keyboard("a"))

    with pytest.raises(BadRequest, match="Message is not modified"):
        await client.edit_message_text(
            "Same", chat_id=ANN, message_id=sent.message_id, reply_markup=keyboard("a")
        )
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await client.edit_message_text("New", chat_id=ANN, message_id=77)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await client.edit_message_text("New", chat_id=ANN, message_id=user_message["message_id"])
    # Editing the text without passing the keyboard removes it, like Telegram does.
    await client.edit_message_text("Same", chat_id=ANN, message_id=sent.message_id)
    assert "reply_markup" not in emu.messages_to(ANN)[0]


async def test_callback_query_round_trip(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    await client.send_message(ANN, "Ready?", reply_markup=keyboard("go"))
    message = await emu.next_message(ANN)

    query_id = emu.user_presses(message, "go")
    (update,) = await client.get_updates()
    query = update.callback_query
    assert (query.id, query.data, query.from_user.id) == (query_id, "go", ANN)
    assert query.message.text == "Ready?"
    assert query.message.reply_markup == keyboard("go")

    await query.answer("Let's go")
    assert emu.callback_answers == [{"callback_query_id": query_id, "text": "Let's go"}]
    with pytest.raises(BadRequest, match="Query is too old"):
        await query.answer()


async def test_pressing_unknown_messages(client: Bot, emu: BotAPIEmulator) -> None:
    emu.user_presses(40, "stale:1")
    emu.user_presses(41, "old:1", inaccessible=True)

    stale, old = (update.callback_query for update in await client.get_updates())
    assert stale.message.message_id == 40
    assert stale.message.from_user.id == 123456
    await stale.edit_message_text("Expired")  # the fabricated message can be edited
    assert not old.message.is_accessible
    assert emu.messages_to(ANN)[0]["text"] == "Expired"
    assert (await client.send_message(ANN, "next")).message_id == 42


# ---------------------------------------------------------------- failure injection


async def test_fail_next_retry_after(
    client: Bot, emu: BotAPIEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # retry_after as timedelta, no deprecation
    emu.add_chat(ANN)
    emu.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 3", retry_after=3
    )
    with pytest.raises(RetryAfter) as caught:
        await client.send_message(ANN, "first")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    await client.send_message(ANN, "second")
    assert [m["text"] for m in emu.sent] == ["second"]
    assert len(emu.calls_of("sendMessage")) == 2


@pytest.mark.parametrize(
    ("status", "error"),
    [(403, Forbidden), (400, BadRequest), (500, NetworkError), (502, NetworkError)],
)
async def test_fail_next_status_maps_to_ptb_error(
    client: Bot, emu: BotAPIEmulator, status: int, error: type[Exception]
) -> None:
    emu.add_chat(ANN)
    emu.fail_next("sendMessage", status=status, description="Injected failure")
    with pytest.raises(error, match="Injected failure"):
        await client.send_message(ANN, "x")


async def test_fail_next_times_and_chat_filter(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    emu.add_chat(2002)
    emu.fail_next("sendMessage", status=500, description="Internal", times=2, chat_id=2002)

    await client.send_message(ANN, "unaffected")
    for _ in range(2):
        with pytest.raises(NetworkError):
            await client.send_message(2002, "x")
    await client.send_message(2002, "through")
    assert [m["text"] for m in emu.sent] == ["unaffected", "through"]


async def test_block_unblock_and_reset(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    emu.block(ANN)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await client.send_message(ANN, "x")
    with pytest.raises(Forbidden):
        await client.send_chat_action(ANN, "typing")
    emu.unblock(ANN)
    await client.send_message(ANN, "back")

    emu.block(ANN)
    emu.fail_next("getMe", status=500, description="x")
    emu.reset_failures()
    await client.get_me()
    await client.send_message(ANN, "again")


async def test_delay_next_times_out_but_delivers(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    emu.delay_next("sendMessage", 30)
    with pytest.raises(TimedOut):
        await client.send_message(ANN, "slow", read_timeout=0.1)
    assert (await emu.next_message(ANN))["text"] == "slow"
    # stop() releases the still pending delayed answer instead of waiting 30 s.


async def test_stall_next_times_out_and_delivers_nothing(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    emu.stall_next("sendMessage", 0.5)
    with pytest.raises(TimedOut):
        await client.send_message(ANN, "lost", read_timeout=0.1)
    await client.send_message(ANN, "retried")
    await asyncio.sleep(0.6)  # the stalled call is dropped, never delivered
    assert [message["text"] for message in emu.messages_to(ANN)] == ["retried"]
    assert len(emu.call_times) == len(emu.calls)


# ---------------------------------------------------------------- files


async def test_send_document_upload_round_trip(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    payload = b"date,contact\n2025-01-01,Bob\n"
    sent = await client.send_document(ANN, payload, filename="export.csv", caption="Your data")

    assert sent.document.file_name == "export.csv"
    assert sent.caption == "Your data"
    message = await emu.next_message(ANN)
    assert emu.document_bytes(message) == payload
    upload = emu.calls_of("sendDocument")[0]["document"]
    assert isinstance(upload, Upload)
    assert (upload.filename, upload.mime_type) == ("export.csv", "text/csv")
    # The stored file can be downloaded back and re-sent by file_id.
    file = await sent.document.get_file()
    assert bytes(await file.download_as_bytearray()) == payload
    again = await client.send_document(ANN, sent.document.file_id)
    assert again.document.file_id == sent.document.file_id


async def test_send_photo_and_bad_file_id(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    sent = await client.send_photo(ANN, b"\x89PNG fake", caption="<i>chart</i>", parse_mode="HTML")
    assert sent.photo[-1].file_size == 9
    assert sent.caption == "chart"
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await client.send_photo(ANN, "no-such-file-id")


async def test_get_file_downloads_user_document(client: Bot, emu: BotAPIEmulator) -> None:
    content = b"\x00\x01binary contacts \xff"
    emu.user_document("контакты 1.vcf", content, mime_type="text/vcard", caption="import")

    (update,) = await client.get_updates()
    document = update.message.document
    assert (document.file_name, document.mime_type) == ("контакты 1.vcf", "text/vcard")
    file = await client.get_file(document.file_id)
    assert file.file_path.startswith(emu.file_url)
    assert bytes(await file.download_as_bytearray()) == content
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await client.get_file("nope")


async def test_file_download_checks_token_and_path(emu: BotAPIEmulator) -> None:
    emu.user_document("a.txt", b"secret")
    base = emu.file_url.removesuffix("/bot")
    async with httpx.AsyncClient() as http:
        assert (await http.get(f"{base}/bot{TOKEN}/documents/file_1.txt")).content == b"secret"
        assert (await http.get(f"{base}/bot1:x/documents/file_1.txt")).status_code == 401
        assert (await http.get(f"{base}/bot{TOKEN}/documents/nope.txt")).status_code == 404


# ---------------------------------------------------------------- updates


async def test_user_side_updates_parse_in_ptb(client: Bot, emu: BotAPIEmulator) -> None:
    command = emu.user_message("/start@marathon_test_bot ref42", username="ann")
    emu.user_sticker("🔥")
    emu.user_photo(caption="me")
    emu.user_location(55.75, 37.62)
    emu.user_message("hi all", chat_type="group", user_id=2002, first_name="Bob")
    edited = emu.user_edited_message(command, "/start")
    raw = emu.queue_update({"my_chat_member": None})

    updates = await client.get_updates()
    assert [u.update_id for u in updates] == [1, 2, 3, 4, 5, 6, 7]
    start, sticker, photo, location, group, edit, _ = updates
    assert start.message.parse_entities() == {start.message.entities[0]: "/start@marathon_test_bot"}
    assert start.message.from_user.username == "ann"
    assert sticker.message.sticker.emoji == "🔥"
    assert photo.message.photo[-1].width == 800
    assert photo.message.caption == "me"
    assert location.message.location.latitude == pytest.approx(55.75)
    assert (group.message.chat.type, group.message.chat.id) == ("group", -2002)
    assert edit.edited_message.text == edited["text"] == "/start"
    assert raw["update_id"] == 7


async def test_get_updates_long_poll_returns_early(client: Bot, emu: BotAPIEmulator) -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, emu.user_message, "late")
    started = time.monotonic()
    (update,) = await client.get_updates(timeout=10)
    assert update.message.text == "late"
    assert time.monotonic() - started < 2

    started = time.monotonic()
    assert await client.get_updates(offset=update.update_id + 1, timeout=0.2) == ()
    assert 0.15 < time.monotonic() - started < 2
    assert emu.confirmed_offset == update.update_id + 1


async def test_offset_and_limit(client: Bot, emu: BotAPIEmulator) -> None:
    for text in ("one", "two", "three"):
        emu.user_message(text)
    assert [u.message.text for u in await client.get_updates(limit=2)] == ["one", "two"]
    assert [u.message.text for u in await client.get_updates(offset=2)] == ["two", "three"]
    assert await client.get_updates(offset=4) == ()
    await emu.wait_idle(timeout=0.1)

    emu.user_message("four")
    with pytest.raises(AssertionError, match=r"updates \[4\] not confirmed"):
        await emu.wait_idle(timeout=0.05)
    await client.delete_webhook(drop_pending_updates=True)
    await emu.wait_idle(timeout=0.1)


async def test_newer_poll_terminates_older_one(client: Bot, emu: BotAPIEmulator) -> None:
    older = asyncio.create_task(client.get_updates(timeout=10))
    await emu.wait_for(lambda: len(emu.calls_of("getUpdates")) == 1)
    async with Bot(TOKEN, base_url=emu.base_url) as second_instance:
        await second_instance.get_updates()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await older


async def test_stop_releases_pending_long_poll() -> None:
    emulator = BotAPIEmulator(TOKEN)
    await emulator.start()
    async with Bot(TOKEN, base_url=emulator.base_url) as client:
        poll = asyncio.create_task(client.get_updates(timeout=30))
        await emulator.wait_for(lambda: len(emulator.calls_of("getUpdates")) == 1)
        started = time.monotonic()
        await emulator.stop()
        assert await poll == ()
        assert time.monotonic() - started < 1


async def test_next_message_timeout_lists_what_was_sent(client: Bot, emu: BotAPIEmulator) -> None:
    emu.add_chat(ANN)
    await client.send_message(ANN, "only one")
    await emu.next_message(ANN)
    with pytest.raises(AssertionError, match=r"(?s)no new message to chat 1001.*'only one'"):
        await emu.next_message(ANN, timeout=0.05)
    with pytest.raises(AssertionError, match="condition not met"):
        await emu.wait_for(lambda: False, timeout=0.05)


# ---------------------------------------------------------------- bot settings


async def test_commands_and_descriptions(client: Bot, emu: BotAPIEmulator) -> None:
    await client.set_my_commands([BotCommand("start", "Begin"), BotCommand("today", "Plan")])
    await client.set_my_commands([BotCommand("start", "Начать")], language_code="ru")
    await client.set_my_description("Networking coach")
    await client.set_my_short_description("Coach", language_code="ru")

    assert [c.command for c in await client.get_my_commands()] == ["start", "today"]
    assert emu.commands == [{"command": "start", "description": "Начать"}]
    assert (await client.get_my_description()).description == "Networking coach"
    assert (await client.get_my_short_description("ru")).short_description == "Coach"
    assert (emu.description, emu.short_description) == ("Networking coach", "Coach")
    await client.delete_my_commands()
    assert await client.get_my_commands() == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await client.set_my_commands([BotCommand("/Start", "Begin")])


# ---------------------------------------------------------------- full Application


async def test_application_polls_replies_and_confirms(emu: BotAPIEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(
            f"Welcome, {update.effective_user.first_name}!", reply_markup=keyboard("go")
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text("Let's go!")

    app = Application.builder().token(TOKEN).base_url(emu.base_url).base_file_url(emu.file_url)
    app = app.build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    await app.initialize()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    await app.start()
    try:
        start_update = emu.user_message("/start", first_name="Ann")
        reply = await emu.next_message(ANN)
        assert reply["text"] == "Welcome, Ann!"
        assert reply["message_id"] == start_update["message_id"] + 1

        emu.user_presses(reply, "go")
        await emu.wait_for(lambda: emu.messages_to(ANN)[0]["text"] == "Let's go!")
        assert len(emu.callback_answers) == 1
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    assert emu.confirmed_offset == 3  # both updates confirmed, incl. by the final cleanup poll
    assert emu.unknown_calls == []
