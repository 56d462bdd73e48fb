"""Polling with several replicas on PostgreSQL: exactly one polls, and when it dies another
takes over within a minute, losing nothing."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import InboxStatus, InboxUpdate
from tests.emulator import BotAPIEmulator
from tests.harness import USER_ID
from tests.process import BotProcess, select_all, until

POLLS = "this replica polls Telegram"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_one_replica_polls_and_another_takes_over_when_it_dies(
    emulator: BotAPIEmulator, database_url: str, tmp_path: Path
) -> None:
    replicas = [BotProcess(emulator, database_url, tmp_path, name) for name in ("a", "b")]
    for replica in replicas:
        await replica.start()
    try:
        emulator.user_message("/help", user_id=USER_ID)  # one reply, one commit
        assert "/checkin" in (await emulator.next_message(USER_ID, timeout=60))["text"]
        handled = select(func.count()).where(InboxUpdate.status == InboxStatus.DONE)

        async def done() -> bool:  # the kill must not cut a handler short: not this test's point
            return (await select_all(database_url, handled))[0][0] == 1

        await until(done, timeout=60, what="the first update marked done")
        polling = [replica for replica in replicas if POLLS in replica.logs()]
        assert len(polling) == 1
        assert not any("Conflict" in error for _, error in emulator.errors)  # never both

        (dead,) = polling
        (survivor,) = [replica for replica in replicas if replica is not dead]
        await dead.kill()
        emulator.user_message("/help", user_id=USER_ID)  # while nobody polls
        await until(lambda: POLLS in survivor.logs(), timeout=60, what="a takeover")
        help_text = await emulator.next_message(USER_ID, timeout=30)
        assert "/checkin" in help_text["text"]
    finally:
        for replica in replicas:
            await replica.stop()
