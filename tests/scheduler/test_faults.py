"""Telegram misbehaving under a 200-prompt fan-out: flood control (429) holds every send until
`retry_after` has passed and drops nothing; 5xx answers and timeouts are retried and each
message arrives once; a user who blocked the bot gets nothing more."""

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from db.models import OutboxMessage, OutboxStatus
from scheduler.tick import run_tick
from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import RunningBot, make_settings, seed_users
from tests.process import BotProcess, due_now, select_all, until

FANOUT = 200
RETRY_AFTER = 5
# Sends already on their way when the 429 came back may land just after it; none may start
# later, so a wider gap than this means the dispatcher held everything for `retry_after`.
ON_THE_WAY = 1.0
SLOW = 1.0
MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def prompts_per_chat(emulator: BotAPIEmulator) -> Counter[int]:
    return Counter(message["chat"]["id"] for message in emulator.sent)


def send_calls(emulator: BotAPIEmulator) -> Counter[int]:
    """Every sendMessage that reached Telegram, answered or refused."""
    return Counter(
        params["chat_id"] for method, params in emulator.calls if method == "sendMessage"
    )


async def outbox_statuses(database_url: str) -> Counter[str]:
    query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    return Counter({str(status): count for status, count in await select_all(database_url, query)})


async def test_flood_control_holds_every_send_for_retry_after_and_drops_nothing(
    emulator: BotAPIEmulator, database_url: str, tmp_path: Path
) -> None:
    ids = await seed_users(database_url, emulator, FANOUT, prompt_at=due_now())
    bot = BotProcess(emulator, database_url, tmp_path)  # the production limiter: 30/s
    await bot.start()
    await until(lambda: len(emulator.sent) >= 60, timeout=120, what="sending at full rate")
    flood_call = len(emulator.calls)  # the next sendMessage is the one that gets the 429
    emulator.fail_next(
        "sendMessage",
        status=429,
        description=f"Too Many Requests: retry after {RETRY_AFTER}",
        retry_after=RETRY_AFTER,
    )
    # A slow moment: that answer and the next ten come a second late, so sends are still in
    # flight, and finishing, after the 429 is known. None of them may reopen the gate early.
    emulator.delay_next("sendMessage", SLOW, times=11)

    async def settled() -> bool:
        return (await outbox_statuses(database_url))[OutboxStatus.SENT] == FANOUT

    await until(settled, timeout=120, what="every prompt sent")
    await bot.stop()

    sends = [
        (index, at)
        for index, ((method, _), at) in enumerate(
            zip(emulator.calls, emulator.call_times, strict=True)
        )
        if method == "sendMessage"
    ]
    flood = next(at for index, at in sends if index >= flood_call) + SLOW  # 429 answered
    held = [at - flood for _, at in sends if flood + ON_THE_WAY <= at < flood + RETRY_AFTER]
    assert held == [], f"sent during the pause, seconds after the 429: {held}"
    assert any(at >= flood + RETRY_AFTER for _, at in sends)  # and sending went on after it
    assert prompts_per_chat(emulator) == Counter({user: 1 for user in ids})


async def test_5xx_and_timeouts_are_retried_once_and_blocked_users_get_nothing_more(
    emulator: BotAPIEmulator, database_url: str, clock: ManualClock
) -> None:
    settings = make_settings(  # limiter on, at a paid rate
        emulator, database_url, telegram_rate_limit=100, telegram_paid_broadcast=True
    )
    bot = RunningBot(emulator, settings, clock)
    await bot.start()
    try:
        ids = await seed_users(database_url, emulator, FANOUT, prompt_at=MORNING)
        blocked = ids[:5]
        for user in blocked:
            emulator.block(user)
        emulator.fail_next("sendMessage", status=502, description="Bad Gateway", times=10)
        emulator.fail_next("sendMessage", status=500, description="Internal Server Error", times=5)
        emulator.stall_next("sendMessage", seconds=7, times=5)  # past PTB's 5 s read timeout
        assert bot.app is not None
        clock.set(MORNING)
        reports = [await run_tick(bot.app)]
        for _ in range(10):  # back-offs of 30 s, 1 min, 2 min…: a few minutes bring them all
            if sum(report.dispatched.sent for report in reports) >= FANOUT - len(blocked):
                break
            clock.advance(minutes=3)
            reports.append(await run_tick(bot.app))

        assert sum(report.dispatched.retrying for report in reports) == 20
        answered = Counter(description for _, description in emulator.errors)
        assert answered["Bad Gateway"] == 10 and answered["Internal Server Error"] == 5
        # every call was a delivery (195), one of the 20 faults, or a blocked user's 403 (5)
        tried = send_calls(emulator)
        assert tried.total() == FANOUT + 20
        assert prompts_per_chat(emulator) == Counter({user: 1 for user in ids[5:]})
        statuses = await outbox_statuses(database_url)
        assert statuses == Counter({"sent": FANOUT - 5, "failed": 5})

        clock.set(MORNING.replace(day=3))  # the next day's prompts: none to the blocked
        await run_tick(bot.app)
        assert prompts_per_chat(emulator) == Counter({user: 2 for user in ids[5:]})
        assert {user: send_calls(emulator)[user] for user in blocked} == {
            user: tried[user] for user in blocked
        }
    finally:
        await bot.stop()
