"""The inbound benchmark still runs (three chats): every update is answered and counted; its
rates are reported, never asserted."""

import asyncio
import os
import tempfile
from pathlib import Path

from sqlalchemy import func, select

from bench.echo import STORED
from bench.inbound import measure, running, script, table, verdict
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN
from tests.process import select_all, until


def test_a_tiny_burst_reports_every_bot() -> None:
    echo = asyncio.run(measure("echo", "sqlite", 3))
    echo["ratio"] = 1.0
    rows = [echo]
    for bot in ("stored-echo", "marathon"):
        row = asyncio.run(measure(bot, "sqlite", 3))
        row["ratio"] = round(row["updates_per_s"] / echo["updates_per_s"], 2)
        rows.append(row)
    stored, ours = rows[1:]
    assert echo["replies_per_checkin"] == stored["replies_per_checkin"] == len(script(0))
    assert ours["replies_per_checkin"] >= len(script(0))  # a question or a summary each
    for row in rows:
        assert row["updates"] == 3 * len(script(0))
        assert 0 < row["p50_ms"] <= row["p99_ms"]
        assert row["updates_per_s"] > 0
    result = {"rows": rows}
    assert [line.split(" | ")[:2] for line in table(result).splitlines()[2:]] == [
        ["| echo", "none"],
        ["| stored-echo", "sqlite"],
        ["| marathon", "sqlite"],
    ]
    assert verdict(result).startswith("sqlite: ")
    assert "the echo bot writing each update" in verdict(result)


def test_the_stored_echo_writes_each_update_before_it_replies() -> None:
    async def scenario() -> None:
        async with BotAPIEmulator(TOKEN) as emulator:
            with tempfile.TemporaryDirectory() as folder:
                url = f"sqlite+aiosqlite:///{os.path.join(folder, 'echo.sqlite3')}"
                async with running("stored-echo", emulator, url, Path(folder)):
                    for text in ("one", "two", "three"):
                        emulator.user_message(text, user_id=7, first_name="Ann")
                    await until(
                        lambda: len(emulator.calls_of("sendMessage")) == 3,
                        timeout=30,
                        what="three echoes",
                    )
                    stored = await select_all(url, select(func.count()).select_from(STORED))
        assert [call["text"] for call in emulator.calls_of("sendMessage")] == [
            "one",
            "two",
            "three",
        ]
        assert stored[0][0] == 3

    asyncio.run(scenario())
