"""Inbound: how many updates a second Marathon handles end to end, next to a bare echo bot.

`python -m bench.inbound [--chats 400] [--backend sqlite postgresql]` runs, against the Bot API
emulator (in this process), first the echo bot (bench/echo.py) and then `python -m bot`, each
as a real process, and sends each the same burst: every chat starts a check-in and answers its
four questions (`/checkin`, then four texts), all queued at once. For Marathon every update goes
through the inbox and is handled with its writes (the answer stored, the check-in advanced, the
follow-up created); the echo bot stores nothing and replies with the text. A third bot, the
echo bot writing each update to the same database before it replies (`ECHO_STORE=1`), shows
what the least durable handling costs on this stack: one insert and one commit per update.

Reported per bot: updates/s (all updates over the time from the burst to the last reply) and
the latency of each update (from the burst until its last reply was sent: time spent waiting in
line counts, as a user would feel it), p50 and p99, and the CPU time the bot's process used
per update during the burst (what a faster bot would have to cut). Which replies belong to
which update is learnt from one calibration chat that goes through the same script first.
Marathon runs with its rate limiter off (TELEGRAM_RATE_LIMIT=0): the echo bot has none, and
this measures our work per update, not Telegram's cap of 30 messages a second. Target (issue
7): at least 0.8x the echo bot. This reports; it never fails on time.

Bots, by name: `echo`, `stored-echo` and `marathon`.
"""

import argparse
import asyncio
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select

from bench.common import fresh_database, machine, nearest_rank
from bench.echo import READY as ECHO_READY
from db.models import InboxStatus, InboxUpdate
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, seed_users
from tests.process import BotProcess, in_hours, select_all, until

TARGET_RATIO = 0.8
ROOT = Path(__file__).resolve().parent.parent
REPLY_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
ECHOES = ("echo", "stored-echo")


def script(chat: int) -> list[str]:
    """One check-in: the command and four answers (the last one makes a follow-up)."""
    name = person(chat)
    return [
        "/checkin",
        f"Talked to {name} over coffee",
        f"Sent {name} the article",
        f"Asked {name} for an intro to their team lead",
        f"{name} on Friday: send the slides",
    ]


def person(chat: int) -> str:
    """A different name for every chat, as people are named (no digits)."""
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[int(digit)] for digit in str(chat))
    return f"Sam {letters.capitalize()}"


def replies(emulator: BotAPIEmulator, since: int) -> dict[int, list[float]]:
    """When each chat was sent something, from call number `since` on."""
    found: dict[int, list[float]] = defaultdict(list)
    calls = emulator.calls[since:]
    for (method, params), at in zip(calls, emulator.call_times[since:], strict=True):
        if method in REPLY_METHODS:
            found[int(params["chat_id"])].append(at)
    return found


@asynccontextmanager
async def running(
    bot: str, emulator: BotAPIEmulator, url: str, folder: Path
) -> AsyncIterator[BotProcess]:
    """The bot's process, started and polling; stopped on the way out."""
    settings = {"PYTHONPATH": str(ROOT), "TELEGRAM_RATE_LIMIT": "0"}
    if bot in ECHOES:
        store = "1" if bot == "stored-echo" else "0"
        process = BotProcess(
            emulator, url, folder, bot, module="bench.echo", ready=ECHO_READY,
            ECHO_STORE=store, **settings,
        )  # fmt: skip
    else:
        process = BotProcess(
            emulator, url, folder, "marathon", SCHEDULER_TICK_SECONDS="60", **settings
        )
    polls = len(emulator.calls_of("getUpdates"))
    await process.start()
    try:
        await until(lambda: len(emulator.calls_of("getUpdates")) > polls, timeout=30, what="a poll")
        yield process
    finally:
        await process.stop()


async def burst(emulator: BotAPIEmulator, chats: list[int], per_step: list[int]) -> dict[str, Any]:
    """Queue every chat's script at once; wait for every reply; the figures."""
    since = len(emulator.calls)
    started = time.monotonic()
    for step in range(len(per_step)):
        for chat in chats:
            emulator.user_message(script(chat)[step], user_id=chat, first_name="Ann")
    expected = sum(per_step)

    def answered() -> bool:  # polled while the bot works: one pass over the calls per look
        found = replies(emulator, since)
        return all(len(found.get(chat, ())) >= expected for chat in chats)

    await until(answered, timeout=60 + len(chats), what="every reply")
    found = replies(emulator, since)
    sent = {chat: found[chat] for chat in chats}  # a calibration reply may come late
    ends = [sum(per_step[: step + 1]) - 1 for step in range(len(per_step))]
    latencies = [(times[end] - started) * 1000 for times in sent.values() for end in ends]
    seconds = max(max(times) for times in sent.values()) - started
    updates = len(chats) * len(per_step)
    return {
        "updates": updates,
        "seconds": round(seconds, 2),
        "updates_per_s": round(updates / seconds, 1),
        "p50_ms": round(nearest_rank(latencies, 0.5)),
        "p99_ms": round(nearest_rank(latencies, 0.99)),
    }


async def calibrate(emulator: BotAPIEmulator, bot: str, url: str, chat: int) -> list[int]:
    """How many messages each step of the script gets in reply, one step at a time: an echo
    bot sends one; Marathon answers every step, and has sent all of it once the inbox marks
    the update done and a reply has come (a handler commits, which marks it done, before it
    replies)."""
    counts = []
    for step, text in enumerate(script(chat), start=1):
        since = len(emulator.calls)
        emulator.user_message(text, user_id=chat, first_name="Ann")
        if bot in ECHOES:
            await until(lambda s=since: chat in replies(emulator, s), timeout=30, what="an echo")
        else:
            handled = select(func.count()).where(InboxUpdate.status == InboxStatus.DONE)

            async def done(
                handled: Select[Any] = handled, step: int = step, since: int = since
            ) -> bool:
                if chat not in replies(emulator, since):
                    return False
                return (await select_all(url, handled))[0][0] == step

            await until(done, timeout=30, what="the update handled")
        counts.append(len(replies(emulator, since).get(chat, [])))
    return counts


async def measure(bot: str, backend: str, chats: int) -> dict[str, Any]:
    async with BotAPIEmulator(TOKEN) as emulator, fresh_database(backend) as url:
        with tempfile.TemporaryDirectory() as folder:
            ids = await seed_users(url, emulator, chats + 1, prompt_at=in_hours(6))
            async with running(bot, emulator, url, Path(folder)) as process:
                per_step = await calibrate(emulator, bot, url, ids[0])
                cpu = process.cpu_seconds()
                figures = await burst(emulator, ids[1:], per_step)
                cpu = process.cpu_seconds() - cpu
    figures["cpu_ms_per_update"] = round(cpu * 1000 / figures["updates"], 1)
    return {
        "bot": bot,
        "backend": backend,
        "chats": chats,
        "replies_per_checkin": sum(per_step),
        **figures,
    }


def run(chats: int, backends: list[str]) -> dict[str, Any]:
    rows = []
    for backend in backends:
        echo = asyncio.run(measure("echo", backend, chats))
        echo["ratio"] = 1.0
        rows.append(echo)
        for bot in ("stored-echo", "marathon"):
            row = asyncio.run(measure(bot, backend, chats))
            row["ratio"] = round(row["updates_per_s"] / echo["updates_per_s"], 2)
            rows.append(row)
    return {"rows": rows, **machine()}


def table(result: dict[str, Any]) -> str:
    lines = [
        "| bot | database | chats | updates | updates/s | × echo | p50 (ms) | p99 (ms) "
        "| CPU per update (ms) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:
        database = "none" if row["bot"] == "echo" else row["backend"]
        lines.append(
            f"| {row['bot']} | {database} | {row['chats']:,} | {row['updates']:,} "
            f"| {row['updates_per_s']:,} | {row['ratio']} | {row['p50_ms']:,} | {row['p99_ms']:,} "
            f"| {row['cpu_ms_per_update']} |"
        )
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    found = []
    stored = {row["backend"]: row for row in result["rows"] if row["bot"] == "stored-echo"}
    for row in result["rows"]:
        if row["bot"] == "marathon":
            met = "meets" if row["ratio"] >= TARGET_RATIO else "misses"
            line = (
                f"{row['backend']}: {row['ratio']}× the echo bot, {met} the {TARGET_RATIO}× target"
            )
            if row["backend"] in stored:
                floor = stored[row["backend"]]["ratio"]
                line += f" (the echo bot writing each update: {floor}×)"
            found.append(line)
    return "\n".join(found)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=400)
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args(argv)
    if "postgresql" in args.backend and not os.environ.get("TEST_DATABASE_URL"):
        parser.error("PostgreSQL needs TEST_DATABASE_URL")
    result = run(args.chats, args.backend)
    print(table(result))
    print(verdict(result))
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")


if __name__ == "__main__":
    main()
