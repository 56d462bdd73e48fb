"""Real bot processes killed with SIGKILL mid fan-out, and two processes sharing one database:
nothing is sent twice, and nothing is lost except what was truly in flight (and that is
recorded and logged as ambiguous, never retried)."""

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import OutboxMessage, OutboxStatus
from tests.emulator import BotAPIEmulator
from tests.harness import both_backends, seed_users
from tests.process import BotProcess, due_now, select_all, until

AMBIGUOUS_LOG = "with no outcome: ambiguous"
CONCURRENCY = 30  # the dispatcher's sends in flight at once at 100/s (bot.app.in_flight)
PAID_100 = {"TELEGRAM_RATE_LIMIT": "100", "TELEGRAM_PAID_BROADCAST": "true"}  # above 30: paid


async def statuses(database_url: str) -> Counter[str]:
    query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    return Counter({str(status): count for status, count in await select_all(database_url, query)})


def prompts_per_user(emulator: BotAPIEmulator) -> Counter[int]:
    return Counter(message["chat"]["id"] for message in emulator.sent)


@both_backends
async def test_a_kill_mid_fan_out_loses_only_what_was_in_flight(
    emulator: BotAPIEmulator, database_url: str, tmp_path: Path
) -> None:
    ids = await seed_users(database_url, emulator, 1000, prompt_at=due_now())
    # The production limiter, at a paid 100/s so the test takes seconds, not half a minute.
    bot = BotProcess(emulator, database_url, tmp_path, LEASE_SECONDS="3", **PAID_100)
    await bot.start()
    await until(lambda: len(emulator.sent) >= 300, timeout=120, what="300 prompts")
    await bot.kill()
    sent_before_kill = len(emulator.sent)
    assert sent_before_kill < len(ids), "the kill came after the fan-out ended"

    await bot.start()  # a restart: the dead process's leases run out, the rest goes out

    async def settled() -> bool:
        return (await statuses(database_url))[OutboxStatus.PENDING] == 0

    await until(settled, timeout=180, what="every prompt settled")
    await bot.stop()

    counts = prompts_per_user(emulator)
    ambiguous = {
        chat_id
        for (chat_id,) in await select_all(
            database_url,
            select(OutboxMessage.chat_id).where(OutboxMessage.status == OutboxStatus.AMBIGUOUS),
        )
    }
    missing = [user for user in ids if counts[user] == 0]
    doubled = [user for user in ids if counts[user] > 1]
    assert doubled == []
    assert set(missing) <= ambiguous  # every lost prompt is one recorded as ambiguous
    assert len(missing) + len(doubled) <= len(ambiguous) <= CONCURRENCY
    assert bot.logs().count(AMBIGUOUS_LOG) == len(ambiguous)  # and each is logged
    assert (await statuses(database_url))[OutboxStatus.SENT] == len(ids) - len(ambiguous)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_two_processes_on_postgresql_send_each_of_2000_prompts_once(
    emulator: BotAPIEmulator, database_url: str, tmp_path: Path
) -> None:
    # each replica's share of the bot's (paid) rate
    replicas = [BotProcess(emulator, database_url, tmp_path, f"bot{n}", **PAID_100) for n in (1, 2)]
    await asyncio.gather(*(replica.start() for replica in replicas))  # they migrate in turns
    try:
        ids = await seed_users(
            database_url, emulator, 2000, prompt_at=due_now()
        )  # due the same minute

        async def settled() -> bool:
            return (await statuses(database_url))[OutboxStatus.SENT] == len(ids)

        await until(settled, timeout=180, what="2000 prompts sent")
    finally:
        for replica in replicas:
            await replica.stop()
    assert prompts_per_user(emulator) == Counter({user: 1 for user in ids})
    assert all("dispatched:" in replica.logs() for replica in replicas), "one did it all"
