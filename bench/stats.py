"""/stats for a user with two years of daily history and 5,000 contacts: how long until the
text arrives, and until the chart.

`python -m bench.stats [-n 20] [--backend sqlite postgresql] [--days 730] [--contacts 5000]`
builds, per backend (by default SQLite, and PostgreSQL too when TEST_DATABASE_URL names a
server to create databases on), a fresh migrated database holding one user with a check-in and its
four answers on every networking day of the last `--days` days, `--contacts` contacts with three
interactions each spread over those days (plus the four a check-in adds), one follow-up per ten
contacts and a goal with three target companies (bench/history.py).

What is measured, end to end as the user sees it: the real application (PTB, the inbox, the
handlers, the database) runs in this process against the Bot API emulator, with its scheduler
tick off and a fixed clock; the user sends "/stats" and we time until the text reply reaches the
emulator, then until the chart photo does. One warm-up, then `-n` times; median, p95 and max.
A reply counts as arrived when the emulator has read its request (when Telegram would have
it). The emulator shares this process and its CPU with the bot, as Telegram would not, so this
is an upper bound.
Also measured, in the same process without Telegram: the service part alone, i.e. the queries
and presenters that build the text (a fresh session loads the user, `services.stats.overview`,
`services.goals.view`, the presenters), so a slow figure can be told apart from the transport;
its CPU time too, which a busy machine inflates less than wall time.
Target (issue 7): the text in under 100 ms. This reports; it never fails on time.
"""

import argparse
import asyncio
import os
import re
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bench.common import fresh_database, machine, summary
from bench.history import NOW, USER_ID, History, populate
from bot.presenters import goals as goals_present
from bot.presenters import stats as present
from db.engine import create_engine
from db.migrate import upgrade
from db.models import User
from services import goals, stats
from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, Chat, RunningBot, make_settings

TARGET_MS = 100
REPLY_TIMEOUT = 60.0  # seconds; only a broken bot takes that long
ALL_TIME = re.compile(r"All time: (\d+) check-ins")
STREAK = re.compile(r"Current streak: (\d+) days?")


async def _prepare(url: str, history: History) -> tuple[float, dict[str, int]]:
    engine = create_engine(url)
    try:
        started = time.perf_counter()
        await upgrade(engine)
        counts = await populate(engine, history)
        if engine.dialect.name == "postgresql":
            async with engine.connect() as connection:
                await connection.exec_driver_sql("ANALYZE")
        return time.perf_counter() - started, counts
    finally:
        await engine.dispose()


async def stats_text(session: AsyncSession) -> str:
    """What the /stats handler replies, built the way it builds it (handlers/stats.py)."""
    user = await session.get(User, USER_ID)
    assert user is not None
    text = present.overview(await stats.overview(session, user, NOW), user.networking_days)
    goal = await goals.view(session, user)
    if goal is not None and goal.targets:
        text = f"{text}\n\n{goals_present.coverage(goal)}"
    return text


async def _end_to_end(chat: Chat, iterations: int) -> dict[str, Any]:
    """Send /stats `iterations` times: ms until the text and until the chart reached the
    emulator (once it had read each request: when Telegram would have the message), and the
    last text."""
    emulator = chat.emulator
    found: dict[str, Any] = {"text": [], "photo": [], "reply": ""}
    for _ in range(iterations):
        first_call = len(emulator.calls)
        started = time.monotonic()
        chat.send("/stats")
        reply = await chat.reply(timeout=REPLY_TIMEOUT)
        chart = await chat.reply(timeout=REPLY_TIMEOUT)
        assert "photo" in chart, f"expected the chart after the text, got {chart}"
        calls = zip(emulator.calls[first_call:], emulator.call_times[first_call:], strict=True)
        arrived: dict[str, float] = {}
        for (method, _), at in calls:
            arrived.setdefault(method, at)  # the first of each method since /stats was sent
        found["text"].append((arrived["sendMessage"] - started) * 1000)
        found["photo"].append((arrived["sendPhoto"] - started) * 1000)
        found["reply"] = reply["text"]
    return found


async def _service(bot: RunningBot, iterations: int) -> dict[str, Any]:
    """The text built `iterations` times: wall and CPU ms (CPU counts this process's threads,
    SQLite's included, and not a PostgreSQL server's work), and the text."""
    found: dict[str, Any] = {"wall": [], "cpu": [], "text": ""}
    for _ in range(iterations):
        started, cpu_started = time.perf_counter(), time.process_time()
        async with bot.session() as session:
            found["text"] = await stats_text(session)
        found["wall"].append((time.perf_counter() - started) * 1000)
        found["cpu"].append((time.process_time() - cpu_started) * 1000)
    return found


def _number(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return int(match.group(1)) if match else None


async def measure(backend: str, history: History, iterations: int) -> dict[str, Any]:
    async with fresh_database(backend) as url:
        setup_s, counts = await _prepare(url, history)
        async with BotAPIEmulator(TOKEN) as emulator:
            settings = make_settings(emulator, url, log_level="WARNING")
            bot = RunningBot(emulator, settings, ManualClock(NOW))
            await bot.start()
            try:
                chat = Chat(emulator, USER_ID, "Ann")
                await _end_to_end(chat, 1)  # warm-up: connections, caches, fonts
                measured = await _end_to_end(chat, iterations)
                await _service(bot, 1)
                service = await _service(bot, iterations)
            finally:
                await bot.stop()
    text = measured["reply"]
    return {
        "backend": backend,
        "days": history.days,
        "checkins": counts["checkins"],
        "answers": counts["checkin_answers"],
        "contacts": counts["contacts"],
        "interactions": counts["interactions"],
        "followups": counts["followups"],
        "setup_s": round(setup_s, 1),
        "iterations": iterations,
        "text": summary(measured["text"]),
        "photo": summary(measured["photo"]),
        "service": summary(service["wall"]),
        "service_cpu": summary(service["cpu"]),
        "reply_checkins": _number(ALL_TIME, text),
        "reply_streak": _number(STREAK, text),
        "reply_chars": len(text),
        "service_text_is_reply": service["text"] == text,  # the service part is what was sent
    }


def default_backends() -> list[str]:
    """SQLite, and PostgreSQL too when TEST_DATABASE_URL names a server."""
    return ["sqlite", *(["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])]


def run(
    iterations: int = 20,
    backends: list[str] | None = None,
    days: int = 730,
    contacts: int = 5_000,
    quick: bool = False,
) -> dict[str, Any]:
    """One row per backend (by default `default_backends()`); timings in ms, each a
    median/p95/max summary. `quick`: a month, 50 contacts, two iterations (a smoke run)."""
    if quick:
        iterations, days, contacts = 2, 30, 50
    history = History(days=days, contacts=contacts)
    rows = [
        asyncio.run(measure(backend, history, iterations))
        for backend in backends or default_backends()
    ]
    return {"rows": rows, "target_ms": TARGET_MS, **machine()}


def table(result: dict[str, Any]) -> str:
    lines = [
        "| backend | days | check-ins | contacts | interactions | n "
        "| text median (ms) | text p95 | text max | chart median (ms) | chart p95 "
        "| service median (ms) | service p95 | service CPU median (ms) |",
        "| --- |" + " ---: |" * 13,
    ]
    for row in result["rows"]:
        text, photo, service = row["text"], row["photo"], row["service"]
        lines.append(
            f"| {row['backend']} | {row['days']:,} | {row['checkins']:,} | {row['contacts']:,} "
            f"| {row['interactions']:,} | {row['iterations']} "
            f"| {text['median_ms']} | {text['p95_ms']} | {text['max_ms']} "
            f"| {photo['median_ms']} | {photo['p95_ms']} "
            f"| {service['median_ms']} | {service['p95_ms']} "
            f"| {row['service_cpu']['median_ms']} |"
        )
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    """One line per backend: the text's p95 against the target."""
    target = result.get("target_ms", TARGET_MS)
    lines = []
    for row in result["rows"]:
        p95 = row["text"]["p95_ms"]
        word = "meets" if p95 < target else "MISSES"
        lines.append(
            f"/stats on {row['backend']} ({row['days']:,} days, {row['contacts']:,} contacts): "
            f"the text arrives in {row['text']['median_ms']} ms median, {p95} ms p95: {word} "
            f"the {target} ms target; the chart follows at {row['photo']['median_ms']} ms median."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--iterations", type=int, default=20, help="timed /stats")
    parser.add_argument("--backend", nargs="+", default=default_backends())
    parser.add_argument("--days", type=int, default=730, help="days of daily history")
    parser.add_argument("--contacts", type=int, default=5_000)
    args = parser.parse_args(argv)
    result = run(args.iterations, args.backend, args.days, args.contacts)
    print(table(result))
    print(verdict(result))
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")


if __name__ == "__main__":
    main()
