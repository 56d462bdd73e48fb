"""The scheduler end to end: prompts arrive at the user's local time, once, and survive
downtime, restarts, flood control, server errors and users who blocked the bot."""

from datetime import UTC, datetime, timedelta

import pytest

from db.models import OutboxMessage, User
from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_labels,
    make_settings,
    onboard,
)

# 18:00 in Berlin on Monday 2026-01-05 (winter time, UTC+1).
DUE = datetime(2026, 1, 5, 17, 0, tzinfo=UTC)


async def berlin_user(chat: Chat) -> None:
    await onboard(chat, zone="Berlin", at="18:00")


def prompts(chat: Chat) -> list[dict]:
    return [m for m in chat.emulator.messages_to(USER_ID) if "Start check-in" in str(m)]


@both_backends
async def test_prompt_arrives_at_local_time_once(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    clock.set(DUE - timedelta(seconds=1))
    assert (await bot.tick()).planned == 0
    assert prompts(chat) == []

    clock.set(DUE + timedelta(seconds=5))
    report = await bot.tick()
    assert (report.planned, report.dispatched.sent) == (1, 1)
    prompt = await chat.reply()
    assert "check-in" in prompt["text"].lower()
    assert "(You chose 18:00 on Mon–Fri." in prompt["text"]
    assert button_labels(prompt) == ["Start check-in", "🔕 No more daily check-in prompts"]

    await bot.tick()
    await bot.restart()
    await bot.tick()
    assert len(prompts(chat)) == 1
    (row,) = await bot.rows(OutboxMessage)
    assert (row.status, row.dedupe_key) == ("sent", f"checkin:{USER_ID}:2026-01-05")
    (user,) = await bot.rows(User)
    assert user.next_daily_at == datetime(2026, 1, 6, 17, 0, tzinfo=UTC)

    question = await chat.tap(prompt, "Start check-in")
    assert question["text"].startswith("1/4 ·")


@both_backends
@pytest.mark.parametrize("paid", [False, True], ids=["free", "paid"])
async def test_paid_broadcast_goes_with_prompts_only_and_only_when_set(
    emulator: BotAPIEmulator, database_url: str, clock: ManualClock, paid: bool
) -> None:
    settings = make_settings(emulator, database_url, telegram_paid_broadcast=paid)
    bot = RunningBot(emulator, settings, clock)
    chat = Chat(emulator)
    await bot.start()
    try:
        await berlin_user(chat)  # replies to the user's commands and answers
        replies = len(emulator.calls_of("sendMessage"))
        clock.set(DUE + timedelta(seconds=5))
        assert (await bot.tick()).dispatched.sent == 1
        prompt = await chat.reply()
        await chat.tap(prompt, "Start check-in")
        await chat.say("/help")  # and more replies, after the prompt
    finally:
        await bot.stop()

    sends = emulator.calls_of("sendMessage")
    [scheduled] = [params for params in sends if params["text"] == prompt["text"]]
    assert sends.index(scheduled) == replies  # the prompt is the tick's one send
    if paid:
        assert scheduled["allow_paid_broadcast"] is True
    else:
        assert "allow_paid_broadcast" not in scheduled
    answers = [params for params in sends if params is not scheduled]
    assert len(answers) > replies  # replies before the prompt and after it
    assert [params for params in answers if "allow_paid_broadcast" in params] == []


async def test_no_prompt_on_weekends_or_after_a_checkin(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    await chat.say("/checkin")
    for answer in ("a", "b", "c", "d"):
        await chat.say(answer)
    clock.set(DUE + timedelta(minutes=1))
    assert (await bot.tick()).planned == 0  # already checked in today
    (row,) = await bot.rows(OutboxMessage)
    assert row.status == "skipped"
    clock.set(datetime(2026, 1, 10, 17, 1, tzinfo=UTC))  # Saturday
    await bot.tick()
    assert prompts(chat) == []
    (user,) = await bot.rows(User)
    assert user.next_daily_at == datetime(2026, 1, 11, 17, 0, tzinfo=UTC)  # every day


async def test_after_downtime_a_late_prompt_is_sent_once_and_a_stale_one_is_missed(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    await bot.stop()
    clock.set(DUE + timedelta(hours=2, minutes=30))  # still within the 3-hour window
    await bot.start()
    assert (await bot.tick()).dispatched.sent == 1
    assert len(prompts(chat)) == 1

    await bot.stop()
    clock.set(DUE + timedelta(days=1, hours=4))  # Tuesday, four hours late
    await bot.start()
    assert (await bot.tick()).dispatched.sent == 0
    assert len(prompts(chat)) == 1
    rows = await bot.rows(OutboxMessage, OutboxMessage.dedupe_key.like("%2026-01-06"))
    assert [r.status for r in rows] == ["missed"]
    (user,) = await bot.rows(User)
    assert user.next_daily_at == datetime(2026, 1, 7, 17, 0, tzinfo=UTC)


async def test_flood_control_waits_retry_after(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    clock.set(DUE)
    chat.emulator.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 7", retry_after=7
    )
    report = await bot.tick()
    assert (report.dispatched.sent, report.dispatched.retrying) == (0, 1)
    (row,) = await bot.rows(OutboxMessage)
    assert (row.status, row.not_before) == ("pending", DUE + timedelta(seconds=7))
    clock.advance(seconds=6)
    assert (await bot.tick()).dispatched.sent == 0
    clock.advance(seconds=1)
    assert (await bot.tick()).dispatched.sent == 1
    assert len(prompts(chat)) == 1


async def test_server_errors_back_off_then_send(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    clock.set(DUE)
    chat.emulator.fail_next(
        "sendMessage", status=502, description="Bad Gateway", times=2, chat_id=USER_ID
    )
    assert (await bot.tick()).dispatched.retrying == 1
    clock.advance(seconds=30)
    assert (await bot.tick()).dispatched.retrying == 1
    (row,) = await bot.rows(OutboxMessage)
    assert (row.attempts, row.not_before) == (2, DUE + timedelta(seconds=90))
    clock.advance(seconds=60)
    assert (await bot.tick()).dispatched.sent == 1


async def test_a_prompt_that_cannot_go_out_in_time_expires(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    clock.set(DUE)
    chat.emulator.fail_next("sendMessage", status=500, description="Internal Server Error")
    await bot.tick()
    clock.advance(hours=4)
    assert (await bot.tick()).dispatched.sent == 0
    (row,) = await bot.rows(OutboxMessage)
    assert row.status == "expired"


@both_backends
async def test_blocked_user_stops_getting_sends_until_they_write(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    chat.emulator.block(USER_ID)
    clock.set(DUE)
    report = await bot.tick()
    assert report.dispatched.failed == 1
    (user,) = await bot.rows(User)
    assert user.active is False

    calls = len(chat.emulator.calls_of("sendMessage"))
    clock.set(DUE + timedelta(days=1))
    await bot.tick()
    assert len(chat.emulator.calls_of("sendMessage")) == calls  # not even tried

    chat.emulator.unblock(USER_ID)
    await chat.say("/stats")  # they came back
    (user,) = await bot.rows(User)
    assert user.active is True
    assert user.next_daily_at == datetime(2026, 1, 7, 17, 0, tzinfo=UTC)
    clock.set(datetime(2026, 1, 7, 17, 0, tzinfo=UTC))
    assert (await bot.tick()).dispatched.sent == 1


async def test_a_chat_that_is_gone_marks_the_user_unreachable(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    chat.emulator.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    clock.set(DUE)
    assert (await bot.tick()).dispatched.failed == 1
    (user,) = await bot.rows(User)
    assert user.active is False


def membership_update(status: str, old: str) -> dict:
    ann = {"id": USER_ID, "is_bot": False, "first_name": "Ann"}
    bot_user = {"id": 123456, "is_bot": True, "first_name": "Marathon"}
    return {
        "my_chat_member": {
            "chat": {"id": USER_ID, "type": "private", "first_name": "Ann"},
            "from": ann,
            "date": 1767614400,
            "old_chat_member": {"status": old, "user": bot_user, "until_date": 0},
            "new_chat_member": {"status": status, "user": bot_user, "until_date": 0},
        }
    }


async def test_blocking_and_unblocking_is_noticed_before_any_send(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await berlin_user(chat)
    chat.emulator.queue_update(membership_update("kicked", old="member"))
    await bot.settled()
    (user,) = await bot.rows(User)
    assert user.active is False
    clock.set(DUE)
    assert (await bot.tick()).planned == 0
    sends = len(chat.emulator.calls_of("sendMessage"))
    assert chat.emulator.calls_of("sendMessage")[-1]["chat_id"] == USER_ID  # nothing new

    chat.emulator.queue_update(membership_update("member", old="kicked"))
    await bot.settled()
    assert len(chat.emulator.calls_of("sendMessage")) == sends
    (user,) = await bot.rows(User)
    assert user.active is True
