"""Fan-out: how fast the real bot sends a crowd of due prompts, with the rate limiter and without.

`python -m bench.fanout [--prompts 10000] [--backend sqlite postgresql] [--limits 30 1000 0]
[--no-baseline]` seeds, for each backend and limit, a fresh database with that many users whose
daily check-in prompt is due now (and nothing else), starts `python -m bot` as a real process
(tests/process.py) against the Bot API emulator running in this process, with
TELEGRAM_RATE_LIMIT set to the limit (30 is production; above 30 with TELEGRAM_PAID_BROADCAST,
as Telegram's paid broadcasts allow up to 1,000; 0 turns the limiter off), and lets it plan and
dispatch on its own clock until every prompt arrived. The SQLite database is a file, as
in production; PostgreSQL needs TEST_DATABASE_URL (a server to create databases on). The
baseline, in the same run on the same emulator: a bare python-telegram-bot process (no
database, no limiter) sending as many messages, as many in flight as the dispatcher.

Every figure comes from the emulator's side, the arrival time of each sendMessage to a seeded
chat: `first send` is the time from starting the process to the first prompt (start-up, the
first planning pass over everyone, the first claim); sends/s is (count - 1) / (last - first),
over the whole run and over its middle 80% (the first and last 10% of sends left out: the
limiter's opening burst and the tail), the sustained rate the target is about. `missing` and
`doubled` count users with no prompt and with more than one: a fast run that delivered wrongly
is worth nothing. CPU per send is the CPU time the sending process used from its start-up's end
to the last prompt (Marathon's planning included), per prompt: it moves less than a rate when
other work shares the machine. A run waits for the slowest machine, but gives up (and says
it stalled) when nothing arrived for a minute. Targets: with the production limiter, at least 29
sends/s sustained, against Telegram's 30/s (issue 7), and as much of any higher limit; with the
limiter off, at least 0.6x the bare bot's rate (issue 16: the dispatcher is not what holds a
paid broadcast back). 10,000 prompts at 30/s take about six minutes. This reports; it never
fails on time.
"""

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import ApplicationBuilder

from bench.common import fresh_database, machine
from db.engine import create_engine
from db.models import OutboxMessage, OutboxStatus
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, seed_users
from tests.process import BotProcess, due_now

TELEGRAM_RATE = 30.0  # messages per second Telegram allows a bot (and the production limit)
PAID_RATE = 1000.0  # what Telegram allows a bot that pays for it (allow_paid_broadcast)
TARGET_SENDS_PER_S = 29.0  # sustained, with the limiter at TELEGRAM_RATE
RAW_SHARE = 0.6  # with the limiter off: at least this share of the bare PTB bot's rate
STEADY = 0.8  # the middle share of the sends the sustained rate is measured over
CONCURRENCY = 30  # sends in flight at once, as the dispatcher (scheduler.dispatcher.Dispatcher)
STALL = 60.0  # seconds without a send after which a run is given up (and says so)
FIRST_ID = 7000
MARATHON = "Marathon"
BARE = "bare PTB"
BARE_TEXT = "Time for today's check-in: who did you talk to?"
ROOT = Path(__file__).resolve().parents[1]  # where `python -m bench.fanout` is found


def rate(times: list[float], share: float = 1.0) -> float | None:
    """Sends per second, (count - 1) / (last - first), over the middle `share` of `times`
    (sorted); None with fewer than two sends in it or no time between them."""
    cut = round(len(times) * (1 - share) / 2)
    middle = times[cut : len(times) - cut]
    if len(middle) < 2 or middle[-1] <= middle[0]:
        return None
    return (len(middle) - 1) / (middle[-1] - middle[0])


async def _pending(engine: AsyncEngine) -> tuple[int, int]:
    """Outbox rows in all, and those still to settle (pending, or handed over unanswered)."""
    async with engine.connect() as connection:
        total = await connection.scalar(select(func.count()).select_from(OutboxMessage))
        open_ = await connection.scalar(
            select(func.count()).where(OutboxMessage.status == OutboxStatus.PENDING)
        )
    return int(total or 0), int(open_ or 0)


async def _fan_out(emulator: BotAPIEmulator, database_url: str, ids: list[int]) -> bool:
    """Wait until every seeded chat got a prompt and the outbox has settled, or until it has
    settled short of that and stayed so for two looks (planning wrote all it would): True.
    False when nothing arrived for STALL seconds (before the first send too): the row reports
    what is missing, and that it stalled. A slow machine is waited for, however slow."""
    wanted = set(ids)
    reached: set[int] = set()
    seen = 0
    loop = asyncio.get_running_loop()
    progress = loop.time()
    next_look = loop.time() + 2
    before = -1  # the outbox's size when it was last seen settled
    engine = create_engine(database_url)
    try:
        while loop.time() - progress < STALL:
            if len(emulator.sent) > seen:
                progress = loop.time()
            for message in emulator.sent[seen:]:
                if message["chat"]["id"] in wanted:
                    reached.add(message["chat"]["id"])
            seen = len(emulator.sent)
            everyone = len(reached) == len(wanted)
            if everyone or loop.time() >= next_look:
                total, open_ = await _pending(engine)
                if total and not open_ and (everyone or total == before):
                    return True
                before = -1 if open_ else total
                next_look = loop.time() + 2
            await asyncio.sleep(0.05)
        return False
    finally:
        await engine.dispose()


def _sends(emulator: BotAPIEmulator, ids: list[int]) -> list[float]:
    """Arrival times of the sendMessage calls to seeded chats, in order."""
    wanted = set(ids)
    return sorted(
        at
        for (method, params), at in zip(emulator.calls, emulator.call_times, strict=True)
        if method == "sendMessage" and params.get("chat_id") in wanted
    )


def _row(
    bot: str,
    backend: str,
    limit: float,
    emulator: BotAPIEmulator,
    ids: list[int],
    started: float,
    cpu_s: float,
    *,
    stalled: bool = False,
) -> dict[str, Any]:
    times = _sends(emulator, ids)
    counts = Counter(message["chat"]["id"] for message in emulator.sent)
    whole, steady = rate(times), rate(times, STEADY)
    return {
        "bot": bot,
        "backend": backend,
        "limit": limit,
        "prompts": len(ids),
        "sent": len(times),
        "missing": sum(counts[user] == 0 for user in ids),
        "doubled": sum(counts[user] > 1 for user in ids),
        "stalled": stalled,
        "first_send_s": round(times[0] - started, 2) if times else None,
        "duration_s": round(times[-1] - times[0], 1) if times else None,
        "whole_per_s": None if whole is None else round(whole, 1),
        "sustained_per_s": None if steady is None else round(steady, 1),
        "cpu_ms_per_send": round(cpu_s * 1000 / len(times), 2) if times else None,
    }


async def measure(backend: str, prompts: int, limit: float) -> dict[str, Any]:
    """One fan-out of `prompts` prompts by a real bot process with TELEGRAM_RATE_LIMIT=`limit`."""
    async with fresh_database(backend) as url, BotAPIEmulator(TOKEN) as emulator:
        ids = await seed_users(url, emulator, prompts, prompt_at=due_now())
        with tempfile.TemporaryDirectory() as folder:
            bot = BotProcess(
                emulator, url, Path(folder), TELEGRAM_RATE_LIMIT=f"{limit:g}",
                TELEGRAM_PAID_BROADCAST=str(paid(limit)).lower(),
            )  # fmt: skip
            started = time.monotonic()
            await bot.start()
            try:
                cpu = bot.cpu_seconds()
                finished = await _fan_out(emulator, url, ids)
                cpu = bot.cpu_seconds() - cpu
            finally:
                await bot.stop()
    return _row(MARATHON, backend, limit, emulator, ids, started, cpu, stalled=not finished)


async def measure_bare(prompts: int) -> dict[str, Any]:
    """The baseline: a bare python-telegram-bot process (no database, no limiter) sending the
    same number of messages as fast as it can, as many in flight as the dispatcher."""
    async with BotAPIEmulator(TOKEN) as emulator:
        ids = list(range(FIRST_ID, FIRST_ID + prompts))
        for chat_id in ids:
            emulator.add_chat(chat_id)
        started = time.monotonic()
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.fanout", "--bare", emulator.base_url,
            "--prompts", str(prompts), cwd=ROOT,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        output, errors = await child.communicate()
        if child.returncode:
            raise RuntimeError(f"the bare bot failed:\n{errors.decode(errors='replace')[-3000:]}")
    return _row(BARE, "–", 0, emulator, ids, started, float(output))


async def _bare(base_url: str, prompts: int) -> None:
    """The bare bot itself (in its own process): PTB's Application, nothing else."""
    app = ApplicationBuilder().token(TOKEN).base_url(base_url).updater(None).build()
    slots = asyncio.Semaphore(CONCURRENCY)

    async def send(chat_id: int) -> None:
        async with slots:
            await app.bot.send_message(chat_id, BARE_TEXT)

    async with app:
        cpu = time.process_time()
        await asyncio.gather(*(send(chat_id) for chat_id in range(FIRST_ID, FIRST_ID + prompts)))
        print(time.process_time() - cpu)  # the CPU seconds its sends took, for the report


def run(
    prompts: int, backends: list[str], limits: list[float], *, baseline: bool = True
) -> dict[str, Any]:
    """A row per backend and limit, then (with `baseline`) the bare PTB bot's row."""
    rows = [
        asyncio.run(measure(backend, prompts, limit)) for backend in backends for limit in limits
    ]
    if baseline:
        rows.append(asyncio.run(measure_bare(prompts)))
    return {"rows": rows, **machine()}


def paid(limit: float) -> bool:
    """Above Telegram's free rate the bot must pay (TELEGRAM_PAID_BROADCAST)."""
    return limit > TELEGRAM_RATE


def _limiter(limit: float) -> str:
    if not limit:
        return "off"
    return f"{limit:g}/s paid" if paid(limit) else f"{limit:g}/s"


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def table(result: dict[str, Any]) -> str:
    lines = [
        "| bot | backend | limiter | prompts | first send (s) | duration (s) "
        "| sends/s whole run | sends/s sustained (middle 80%) | CPU per send (ms) "
        "| missing | doubled |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['bot']} | {row['backend']} | {_limiter(row['limit'])} | {row['prompts']:,} "
            f"| {_figure(row['first_send_s'])} | {_figure(row['duration_s'])} "
            f"| {_figure(row['whole_per_s'])} | {_figure(row['sustained_per_s'])} "
            f"| {_figure(row['cpu_ms_per_send'])} "
            f"| {row['missing']}{' (stalled)' if row['stalled'] else ''} | {row['doubled']} |"
        )
    return "\n".join(lines)


def target(limit: float) -> float:
    """The sustained rate a limiter at `limit` should reach: 29/s at Telegram's 30/s."""
    return TARGET_SENDS_PER_S * limit / TELEGRAM_RATE


def verdict(result: dict[str, Any]) -> str:
    """One line per row: wrong delivery first, then the sustained rate against the target (with
    the limiter) or against the bare PTB bot's (without it)."""
    bare = next((row for row in result["rows"] if row["bot"] == BARE), None)
    lines = []
    for row in result["rows"]:
        name = f"{row['bot']}, {row['backend']}, limiter {_limiter(row['limit'])}"
        name += f", {row['prompts']:,} prompts"
        steady = row["sustained_per_s"]
        if row["stalled"]:
            lines.append(
                f"{name}: STALLED, nothing arrived for {STALL:g} s; {row['sent']:,} sends, "
                f"{row['missing']} missing and {row['doubled']} doubled"
            )
        elif row["missing"] or row["doubled"]:
            lines.append(
                f"{name}: WRONG, {row['missing']} missing and {row['doubled']} doubled "
                "(the rate means nothing)"
            )
        elif steady is None:
            lines.append(f"{name}: too few sends to measure a rate")
        elif row["limit"]:
            goal = target(row["limit"])
            met = "meets" if steady >= goal else "BELOW"
            lines.append(f"{name}: {steady:g} sends/s sustained, {met} the target of {goal:.3g}/s")
        elif row is bare or bare is None or not bare["sustained_per_s"]:
            lines.append(f"{name}: {steady:g} sends/s raw (reported, no target)")
        else:
            share = steady / bare["sustained_per_s"]
            met = "meets" if share >= RAW_SHARE else "BELOW"
            lines.append(
                f"{name}: {steady:g} sends/s raw, {share:.2f}x the bare PTB bot's "
                f"{bare['sustained_per_s']:g}/s, {met} the target of {RAW_SHARE:g}x"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=10_000)
    parser.add_argument("--backend", nargs="+", default=["sqlite"])
    parser.add_argument("--limits", type=float, nargs="+", default=[TELEGRAM_RATE, PAID_RATE, 0])
    parser.add_argument("--no-baseline", action="store_true", help="skip the bare PTB bot")
    parser.add_argument("--bare", metavar="BASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare:
        asyncio.run(_bare(args.bare, args.prompts))
        return
    result = run(args.prompts, args.backend, args.limits, baseline=not args.no_baseline)
    print(table(result))
    print(verdict(result))
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")
    print(
        f"targets: at least {TARGET_SENDS_PER_S:g} sends/s sustained at {TELEGRAM_RATE:g}/s; "
        f"with the limiter off, {RAW_SHARE:g}x the bare PTB bot"
    )


if __name__ == "__main__":
    main()
