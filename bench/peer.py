"""The usual design next to ours at 100,000 users: start-up time and memory.

`python -m bench.peer [--users 1000 100000] [--backend sqlite postgresql]` measures, for each
number of users (by default 1,000 and 100,000; `run()` alone takes 100,000), two bots started
as separate processes against the Bot API emulator:

- the peer (bench/peer_bot.py), a reminder bot as the tutorials write it: at start it reads its
  users from an SQLite file and schedules one `job_queue.run_daily` job per user, at their
  local time in one of six time zones, Monday to Friday, then polls;
- ours, `python -m bot` with its production settings (no metrics port), on a fresh migrated
  database holding that many users with the same zones and times, bulk-inserted (SQLite, and
  PostgreSQL too by default when TEST_DATABASE_URL names a server). Ours keeps no per-user job:
  one planner tick asks the database what is due, so its start-up should not grow with users.

Start-up is the wall time from spawning the process until it says it is running: the peer
prints READY once every job is in the scheduler and the application has started (polling
included); ours logs "Marathon is running as" after its migrations check and bot set-up, right
before its loops start. Then both run `--settle` seconds (ours' first tick comes after one) and
we read the process's resident memory now (VmRSS) and at its peak (VmHWM) from
/proc/<pid>/status, and stop it with SIGINT. Nothing is due during the run: every daily time
is two to three hours ahead. The issue sets no number to beat; the figures sit side by side.
This reports; it never fails on time.
"""

import argparse
import asyncio
import os
import signal
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from bench import peer_bot
from bench.common import fresh_database, machine, memory_mb
from db.engine import create_engine
from db.migrate import upgrade
from db.models import User
from domain.attention import DEFAULT_QUIET_END, DEFAULT_QUIET_START
from domain.pace import DEFAULT_REVIEW_DAY, Mode
from domain.weekdays import MON_FRI
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN
from tests.process import READY as OURS_READY

TARGET_USERS = 100_000  # the size issue 7 names
ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Tokyo",
)
FIRST_ID = 20_000_000
CHUNK = 20_000
SETTLE_SECONDS = 2.0
START_TIMEOUT = 600.0  # seconds; only a broken bot takes that long
PEER_BOT = Path(peer_bot.__file__)


def schedule(users: int, now: datetime) -> list[tuple[int, str, datetime]]:
    """(chat id, zone, next daily instant) per user: two to three hours after `now`, to the
    minute, so nothing is due while the benchmark runs."""
    base = now.replace(second=0, microsecond=0) + timedelta(hours=2)
    return [
        (FIRST_ID + n, ZONES[n % len(ZONES)], base + timedelta(minutes=n % 60))
        for n in range(users)
    ]


def write_peer_users(path: Path, users: list[tuple[int, str, datetime]]) -> None:
    """The peer's own store: one row per user with the local hour and minute of the reminder."""
    rows = []
    for chat_id, zone, due in users:
        local = due.astimezone(ZoneInfo(zone))
        rows.append((chat_id, zone, local.hour, local.minute))
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE users (chat_id INTEGER PRIMARY KEY, timezone TEXT, hour INT, minute INT)"
        )
        connection.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", rows)


async def seed_ours(url: str, users: list[tuple[int, str, datetime]], now: datetime) -> None:
    """Migrate, then insert the users as `services.users.create` and onboarding would leave
    them (their next daily moment and the planner's wake-up at the same instant as the peer's
    reminder)."""
    engine = create_engine(url)
    try:
        await upgrade(engine)
        rows = [
            {
                "id": chat_id,
                "chat_id": chat_id,
                "first_name": f"User {chat_id}",
                "timezone": zone,
                "checkin_time": due.astimezone(ZoneInfo(zone)).time(),
                "networking_days": MON_FRI,
                "next_daily_at": due,
                "wake_at": due,
                "active": True,
                "mode": Mode.SEARCHING,
                "quiet_start": DEFAULT_QUIET_START,
                "quiet_end": DEFAULT_QUIET_END,
                "review_day": DEFAULT_REVIEW_DAY,
                "onboarded_at": now - timedelta(days=30),
                "created_at": now - timedelta(days=30),
                "updated_at": now - timedelta(days=30),
            }
            for chat_id, zone, due in users
        ]
        async with engine.begin() as connection:
            for start in range(0, len(rows), CHUNK):
                await connection.execute(insert(User), rows[start : start + CHUNK])
            if engine.dialect.name == "postgresql":
                await connection.exec_driver_sql("ANALYZE users")
    finally:
        await engine.dispose()


async def start_and_measure(
    argv: list[str], env: dict[str, str], folder: Path, ready: str, settle: float
) -> dict[str, Any]:
    """Spawn, time until `ready` shows in its output, let it run `settle` s, read its memory,
    stop it with SIGINT; its output is returned too."""
    log_path = folder / f"child-{time.monotonic_ns()}.log"
    with log_path.open("wb") as log:
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            *argv, cwd=folder, env=env, stdout=log, stderr=asyncio.subprocess.STDOUT
        )
    try:
        while ready not in log_path.read_text(errors="replace"):
            if process.returncode is not None:
                raise RuntimeError(f"{argv} exited early:\n{log_path.read_text()[-3000:]}")
            if time.perf_counter() - started > START_TIMEOUT:
                raise RuntimeError(f"{argv} never said {ready!r}:\n{log_path.read_text()[-3000:]}")
            await asyncio.sleep(0.01)
        startup = time.perf_counter() - started
        await asyncio.sleep(settle)
        memory = memory_mb(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), timeout=120)
            except TimeoutError:
                process.kill()
                await process.wait()
    return {"startup_s": startup, **memory, "output": log_path.read_text(errors="replace")}


def _child_env(emulator: BotAPIEmulator, **settings: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    return {
        **kept,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        **settings,
    }


def _jobs(output: str) -> int:
    for line in output.splitlines():
        if line.startswith(peer_bot.JOBS):
            return int(line.removeprefix(peer_bot.JOBS))
    raise RuntimeError(f"the peer never said how many jobs it holds:\n{output[-3000:]}")


async def measure_peer(users: int, settle: float = SETTLE_SECONDS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        write_peer_users(folder / "users.sqlite3", schedule(users, datetime.now(UTC)))
        setup = time.perf_counter() - started
        async with BotAPIEmulator(TOKEN) as emulator:
            found = await start_and_measure(
                [sys.executable, str(PEER_BOT), str(folder / "users.sqlite3")],
                _child_env(emulator),
                folder,
                peer_bot.READY,
                settle,
            )
    return _row("peer: run_daily per user", "sqlite (users only)", users, setup, found) | {
        "jobs": _jobs(found["output"])
    }


async def measure_ours(users: int, backend: str, settle: float = SETTLE_SECONDS) -> dict[str, Any]:
    async with fresh_database(backend) as url:
        now = datetime.now(UTC)
        started = time.perf_counter()
        await seed_ours(url, schedule(users, now), now)
        setup = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as name:
            async with BotAPIEmulator(TOKEN) as emulator:
                env = _child_env(emulator, DATABASE_URL=url, METRICS_PORT="", LOG_LEVEL="INFO")
                found = await start_and_measure(
                    [sys.executable, "-m", "bot"], env, Path(name), OURS_READY, settle
                )
    return _row("ours: Marathon", backend, users, setup, found) | {"jobs": 0}


def _row(
    design: str, database: str, users: int, setup: float, found: dict[str, Any]
) -> dict[str, Any]:
    return {
        "design": design,
        "database": database,
        "users": users,
        "setup_s": round(setup, 1),
        "startup_s": round(found["startup_s"], 2),
        "rss_mb": round(found["rss_mb"]),
        "peak_rss_mb": round(found["peak_rss_mb"]),
    }


def run(
    users: int | list[int] = TARGET_USERS,
    backends: list[str] | None = None,
    settle: float = SETTLE_SECONDS,
) -> dict[str, Any]:
    """For each number of users: the peer, then ours on each backend (by default SQLite, and
    PostgreSQL too when TEST_DATABASE_URL is set). `jobs` is the number of per-user jobs the
    process's JobQueue holds (the peer's as it reports it; ours keeps none)."""
    rows = []
    for size in [users] if isinstance(users, int) else users:
        rows.append(asyncio.run(measure_peer(size, settle)))
        rows += [asyncio.run(measure_ours(size, b, settle)) for b in backends or default_backends()]
    return {"rows": rows, "settle_s": settle, **machine()}


def default_backends() -> list[str]:
    return ["sqlite", *(["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])]


def table(result: dict[str, Any]) -> str:
    lines = [
        "| design | database | users | per-user jobs | start-up (s) | RSS (MB) | peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['design']} | {row['database']} | {row['users']:,} | {row['jobs']:,} "
            f"| {row['startup_s']} | {row['rss_mb']} | {row['peak_rss_mb']} |"
        )
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    """Per size: how ours compares with the peer; and how each grew from the smallest size."""
    by_size: dict[int, dict[str, dict[str, Any]]] = {}
    for row in result["rows"]:
        by_size.setdefault(row["users"], {})[f"{row['design']} {row['database']}"] = row
    lines = []
    for users, found in sorted(by_size.items()):
        peer = next(row for key, row in found.items() if key.startswith("peer"))
        for key, ours in found.items():
            if not key.startswith("ours"):
                continue
            lines.append(
                f"{users:,} users: ours ({ours['database']}) starts in {ours['startup_s']} s, "
                f"the peer in {peer['startup_s']} s "
                f"({_times(ours['startup_s'], peer['startup_s'])}); "
                f"peak RSS ours {ours['peak_rss_mb']} MB, the peer {peer['peak_rss_mb']} MB "
                f"({_times(ours['peak_rss_mb'], peer['peak_rss_mb'])})."
            )
    if len(by_size) > 1:
        small, large = min(by_size), max(by_size)
        for key, row in by_size[large].items():
            before = by_size[small].get(key)
            if before is not None:
                lines.append(
                    f"{key.split(':')[0]} on {row['database']}, {small:,} → {large:,} users: "
                    f"start-up {before['startup_s']} → {row['startup_s']} s, "
                    f"peak RSS {before['peak_rss_mb']} → {row['peak_rss_mb']} MB."
                )
    return "\n".join(lines)


def _times(ours: float, peer: float) -> str:
    return f"ours {ours / peer:.2f}x the peer's" if peer else "the peer: nothing"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1_000, TARGET_USERS])
    parser.add_argument("--backend", nargs="+", default=default_backends(), help="ours' database")
    parser.add_argument("--settle", type=float, default=SETTLE_SECONDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    result = run(args.users, args.backend, args.settle)
    print(table(result))
    print(verdict(result))
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")


if __name__ == "__main__":
    main()
