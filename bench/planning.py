"""One planning pass over a population due in the same minute: wall time and peak RSS.

`python -m bench.planning [--users 10000 100000] [--backend sqlite postgresql]` builds, for each
size and backend, a fresh database with that many users whose daily moment is due now, one open
follow-up each, five contacts each, two interactions per contact and partnerships (a third of
users with one partner on a typical day, everyone in the worst case; bench/world.py), then runs
one pass of the nudge engine (`scheduler.planner.plan_due`) in a separate process and reports its
wall time and peak resident memory. `--processes 1 2` also runs, on PostgreSQL, two planning
processes side by side on the same users, as two replicas would share them. PostgreSQL needs
TEST_DATABASE_URL (a server to create databases on). Targets (issue 6): 100,000 users planned
in under 5 s, peak RSS under 200 MB and flat in the number of users. This reports; it never
fails on time.

A third case, `floor`, runs on the typical world a pass that only does what no planner can
skip: claim the due users a batch at a time and, for each, write one prompt and move their
daily moment a day on, through the planner's own statements (no loads, no rules, no wording).
Its time is the least a pass costs on this machine and database.
"""

import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event

from bench.common import fresh_database, machine, memory_mb
from bench.world import Shape, partnered, populate

TARGET_SECONDS = 5.0
TARGET_RSS_MB = 200
CASES = ("typical", "worst", "floor")
# The floor's one message per user: a prompt of the usual size.
FLOOR_PAYLOAD = {
    "text": "Good morning, Ann! Time for today's check-in: who did you reach out to, "
    "and what did you give before you asked?",
    "reply_markup": {"inline_keyboard": [[{"text": "Check in", "callback_data": "s"}]]},
}


async def _prepare(url: str, shape: Shape) -> float:
    from db.engine import create_engine
    from db.migrate import upgrade

    engine = create_engine(url)
    try:
        started = time.perf_counter()
        await upgrade(engine)
        await populate(engine, shape)
        if engine.dialect.name == "postgresql":
            async with engine.connect() as connection:
                await connection.exec_driver_sql("ANALYZE")
        return time.perf_counter() - started
    finally:
        await engine.dispose()


def _rss_mb() -> float:
    """Peak resident set size of this process so far: VmHWM, which starts afresh at exec (the
    rusage maximum would carry the parent's peak, the databases it filled, into the child)."""
    return memory_mb(os.getpid())["peak_rss_mb"]


async def _floor_pass(session: Any, now: datetime) -> int:
    """The least a pass does: per batch, claim the due users, write one prompt each and move
    their daily moment a day on, with the planner's statements; nothing loaded, no rules."""
    from db import planning as planning_db
    from db.models import OutboxStatus
    from domain.nudges import NudgeKind
    from scheduler.planner import BATCH

    tomorrow = now + timedelta(days=1)
    planned = 0
    while True:
        users = await planning_db.claim_due(session, now, BATCH)
        prompts = [
            {
                "user_id": user.id,
                "chat_id": user.chat_id,
                "nudge_kind": NudgeKind.CHECKIN,
                "dedupe_key": f"floor:{user.id}:{now:%Y%m%d}",
                "payload": FLOOR_PAYLOAD,
                "status": OutboxStatus.PENDING,
                "due_at": now,
                "not_before": now,
                "expires_at": tomorrow,
                "attempts": 0,
                "created_at": now,
            }
            for user in users
        ]
        await planning_db.insert_outbox(session, prompts)
        moved = [{"id": user.id, "next_daily_at": tomorrow, "wake_at": tomorrow} for user in users]
        await planning_db.update_users(session, moved)
        await session.commit()
        planned += len(users)
        if len(users) < BATCH:
            return planned


async def _plan_once(url: str, now: datetime, floor: bool = False) -> dict[str, Any]:
    """The measured part, in its own process: import, connect, plan everything due."""
    from db.engine import create_engine, create_sessionmaker
    from scheduler.planner import plan_due

    engine = create_engine(url)
    try:
        sessions = create_sessionmaker(engine)
        async with sessions() as session:
            await session.connection()  # connect before the clock starts
        waiting = _time_in_statements(engine.sync_engine)
        gc.freeze()  # as the bot does once started (bot/__main__.py): imports are not garbage
        before = _rss_mb()
        started = time.perf_counter()
        async with sessions() as session:
            planned = await (_floor_pass if floor else plan_due)(session, now)
        seconds = time.perf_counter() - started
        return {
            "seconds": seconds,
            "statements_s": waiting[0],
            "planned": planned,
            "rss_before_mb": before,
        }
    finally:
        await engine.dispose()


def _time_in_statements(engine: Any) -> list[float]:
    """A running total of the time from each statement's execution to its rows (the database
    at work, and the driver), as a one-item list; the rest of the pass is the planner's Python:
    rules, wording, and turning rows into values and back."""
    total = [0.0]

    @event.listens_for(engine, "before_cursor_execute")
    def started(connection: Any, *args: Any) -> None:
        connection.info["statement_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def finished(connection: Any, *args: Any) -> None:
        total[0] += time.perf_counter() - connection.info.pop("statement_started")

    return total


def run_children(url: str, now: datetime, processes: int, floor: bool = False) -> dict[str, Any]:
    """`processes` planning passes side by side on one database, as replicas would run them
    (they share the due users through `FOR UPDATE SKIP LOCKED`): the wall time is the slowest
    one's, the messages are all of theirs."""
    command = [sys.executable, "-m", "bench.planning", "--child", url, "--now", now.isoformat()]
    command += ["--floor"] if floor else []
    children = [
        subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(processes)
    ]
    results = []
    for child in children:
        output, _ = child.communicate()
        if child.returncode:
            raise RuntimeError(f"a planning process failed with exit code {child.returncode}")
        results.append(json.loads(output.strip().splitlines()[-1]))
    return {
        "seconds": max(result["seconds"] for result in results),
        "statements_s": max(result["statements_s"] for result in results),
        "planned": sum(result["planned"] for result in results),
        "rss_before_mb": max(result["rss_before_mb"] for result in results),
        "rss_peak_mb": max(result["rss_peak_mb"] for result in results),
    }


async def measure(
    backend: str, users: int, case: str, processes: int = 1, partnerships: bool = True
) -> dict[str, Any]:
    """One case (`CASES`) at one size: a fresh world, then a pass in `processes` processes."""
    shape = Shape(users=users, typical=case != "worst", partnerships=partnerships)
    async with fresh_database(backend) as url:
        prepared = await _prepare(url, shape)
        result = run_children(url, shape.now, processes, floor=case == "floor")
    return {
        "case": case,
        "backend": backend,
        "processes": processes,
        "users": users,
        "followups": users * shape.followups_per_user,
        "contacts": users * shape.contacts_per_user,
        "interactions": users * shape.contacts_per_user * shape.interactions_per_contact,
        "partnered": partnered(shape),
        "setup_s": round(prepared, 1),
        "plan_s": round(result["seconds"], 2),
        "statements_s": round(result["statements_s"], 2),
        "planned": result["planned"],
        "users_per_s": round(users / result["seconds"]),
        "rss_before_mb": round(result["rss_before_mb"]),
        "rss_peak_mb": round(result["rss_peak_mb"]),
    }


def run(
    sizes: list[int],
    backends: list[str],
    cases: list[str],
    processes: Sequence[int] = (1,),
    partnerships: bool = True,
) -> dict[str, Any]:
    """Every case, backend and size; on PostgreSQL also with several planning processes side by
    side (SQLite runs one process by design)."""
    rows = [
        asyncio.run(measure(backend, users, case, count, partnerships))
        for case in cases
        for backend in backends
        for count in (processes if backend == "postgresql" else (1,))
        for users in sizes
    ]
    return {"rows": rows, **machine()}


def table(result: dict[str, Any]) -> str:
    lines = [
        "| case | backend | processes | users | follow-ups | contacts | interactions "
        "| with a partner | plan (s) | in statements (s) | users/s | messages | RSS before (MB) "
        "| peak RSS (MB) |",
        "| --- | --- " + "| ---: " * 12 + "|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['case']} | {row['backend']} | {row['processes']} | {row['users']:,} "
            f"| {row['followups']:,} | {row['contacts']:,} "
            f"| {row['interactions']:,} | {row['partnered']:,} | {row['plan_s']} "
            f"| {row['statements_s']} "
            f"| {row['users_per_s']:,} "
            f"| {row['planned']:,} | {row['rss_before_mb']} | {row['rss_peak_mb']} |"
        )
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    found = []
    largest = max(row["users"] for row in result["rows"])
    for row in result["rows"]:
        if row["users"] != largest:
            continue
        seconds = row["plan_s"] * 100_000 / row["users"]
        how = "" if row["users"] == 100_000 else f", scaled from {row['users']:,}"
        if row["case"] == "floor":
            met = "the least a pass costs here: one prompt written per user, nothing else"
        else:
            met = f"{'meets' if seconds < TARGET_SECONDS else 'misses'} {TARGET_SECONDS:g} s"
        side_by_side = f" ({row['processes']} processes)" if row["processes"] > 1 else ""
        found.append(
            f"{row['case']} on {row['backend']}{side_by_side}: {row['users_per_s']:,} users/s, "
            f"{seconds:.1f} s for 100,000{how} ({met})"
        )
    peaks = [row["rss_peak_mb"] for row in result["rows"]]
    memory = "under" if max(peaks) < TARGET_RSS_MB else "over"
    found.append(f"peak RSS at most {max(peaks)} MB per process ({memory} {TARGET_RSS_MB} MB)")
    return "\n".join(found)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--case", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument(
        "--processes",
        type=int,
        nargs="+",
        default=[1],
        help="on PostgreSQL, also plan with this many processes side by side",
    )
    parser.add_argument(
        "--without-partners",
        action="store_true",
        help="nobody has a partner (to see what partnerships cost)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--now", help=argparse.SUPPRESS)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        now = datetime.fromisoformat(args.now)
        result = asyncio.run(_plan_once(args.child, now, floor=args.floor))
        result["rss_peak_mb"] = _rss_mb()
        print(json.dumps(result))
        return
    result = run(args.users, args.backend, args.case, args.processes, not args.without_partners)
    print(table(result))
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")
    print(f"target: {TARGET_SECONDS:g} s and under {TARGET_RSS_MB} MB for 100,000 users")


if __name__ == "__main__":
    main()
