"""Run every benchmark and write docs/benchmarks.md: `make bench`.

Each benchmark module has `run(...)` (its figures, with the machine), `table(result)` (markdown)
and `verdict(result)` (one line against its target). This runs them one after another, never
two at once (they would measure each other), and writes one page with the machine, the date,
each table and verdict, and how to run it alone. PostgreSQL rows need TEST_DATABASE_URL; without
it they are left out and the page says so. `--quick` runs tiny sizes (a smoke run, not figures
worth keeping). Nothing here fails on time.
"""

import argparse
import importlib
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import machine

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Benchmark:
    module: str  # bench.<name>, with run, table and verdict
    title: str
    what: str  # what is measured, and the target, in a sentence or two
    full: Callable[[list[str]], dict[str, Any]]  # the run's arguments, given the backends
    quick: Callable[[list[str]], dict[str, Any]]
    reading: str = ""  # how to read the figures: what bounds them (no figures: they change)


BENCHMARKS = (
    Benchmark(
        "bench.inbound",
        "Inbound: updates handled per second",
        "A burst of check-ins (`/checkin` and four answers from every chat, all at once) "
        "through the inbox, each answer stored, next to a bare PTB echo bot and the same echo "
        "bot writing each update to the database before it replies, on the same emulator in "
        "the same run. Target: at least 0.8× the echo bot.",
        lambda backends: {"chats": 400, "backends": backends},
        lambda backends: {"chats": 5, "backends": backends},
        "Every bot uses all the CPU of one core during the burst, so each rate is its CPU per "
        "update read upside down. The echo bot parses an update and sends one reply. The stored "
        'echo bot first does the least that "a crash loses no update" asks for: one insert '
        "and one commit through SQLAlchemy, nothing read, no logic. That alone takes it well "
        "below the 0.8× target: on this stack the target leaves less CPU per update than "
        "durability itself costs. Marathon stores the update in the inbox, claims it, loads the "
        "sender, marks the update done in the transaction of its effects (an answer is six "
        "statements through SQLAlchemy's ORM in that transaction, plus the inbox's own, shared "
        "by the updates of a poll), sends a reply, and commits. Profiled (py-spy), sending the "
        "reply through PTB and httpx takes the largest share, then the ORM and the database "
        "driver, then PTB's objects and the handlers. What this buys is the inbox: nothing lost "
        "in a crash, nothing handled twice. Capacity grows with processes, not within one: on "
        "PostgreSQL every replica takes updates from the inbox.",
    ),
    Benchmark(
        "bench.fanout",
        "Fan-out: prompts sent per second",
        "10,000 prompts due in the same minute, planned and dispatched by a real bot process "
        "with the production limiter (30/s), then the same with the limiter off. "
        "Target: at least 29/s sustained; every user exactly one prompt.",
        lambda backends: {"prompts": 10_000, "backends": backends, "limits": [30, 0]},
        lambda backends: {"prompts": 20, "backends": ["sqlite"], "limits": [0]},
    ),
    Benchmark(
        "bench.planning",
        "Planning: one pass of the nudge engine",
        "Users whose daily moment is due in the same minute, planned in one pass: the typical "
        "Wednesday, the worst case (every rule fires for everyone), and the floor (only one "
        "prompt written per user), each with the part of it spent in statements. Target "
        "(issue 6): 100,000 users in under 5 s, peak RSS under 200 MB.",
        lambda backends: {
            "sizes": [10_000, 100_000],
            "backends": backends,
            "cases": ["typical", "worst", "floor"],
            "processes": [1, 2],
        },
        lambda backends: {"sizes": [30], "backends": backends, "cases": ["typical"]},
        "The floor is the least any pass does on this stack: claim the due users a batch at a "
        "time and write one prompt each through the planner's own statements, with nothing "
        "loaded and no rules. On this machine that alone takes longer than the 5 s target for "
        "100,000 users in one process, most of it in the statements on PostgreSQL, so a "
        "planner that also loads each user's history, runs the rules and words the messages "
        "cannot meet it here. The statements per batch of 1,000 users are "
        "fixed (`tests/scheduler` counts them for 50 and 500); the rest of a pass is Python per "
        "user: turning rows into values and back through SQLAlchemy, the rules, the attention "
        "policy and the wording. The rules stay pure Python functions, unit-tested on "
        "hand-built histories, not SQL. Planning grows with processes instead: on PostgreSQL "
        "every replica plans, and replicas share the due users through `FOR UPDATE SKIP "
        "LOCKED`, so with a core each, two processes take about half the time. Each batch "
        "commits on its own and the dispatcher runs beside the planner, so the first prompts "
        "leave after the first batch; sending 100,000 prompts at Telegram's 30 a second takes "
        "55 minutes, so the pass is never what the last user waits for. The worst case fires "
        "every rule for everyone, which no real day does.",
    ),
    Benchmark(
        "bench.stats",
        "/stats for a long history",
        "`/stats` for a user with two years of daily check-ins and 5,000 contacts. "
        "Target: the text in under 100 ms.",
        lambda backends: {"backends": backends},
        lambda backends: {"backends": backends, "quick": True},
    ),
    Benchmark(
        "bench.peer",
        "Baseline peer: a JobQueue job per user",
        "The usual design (one `run_daily` job per user) at 100,000 users, next to Marathon "
        "(no job per user; the schedule is in the database): start-up time and memory.",
        lambda backends: {"users": [1_000, 100_000], "backends": backends},
        lambda backends: {"users": 200, "backends": ["sqlite"]},
        "Ours is flat in users: it keeps no job per user, and most of its start-up is imports "
        "(matplotlib, the ORM) and the migration check, so at a few users the peer starts "
        "first. The peer builds a cron trigger per job and computes every next run time when "
        "its scheduler starts: time and memory grow with users, and a restart does it again.",
    ),
    Benchmark(
        "bench.image",
        "The image: size, and what takes the space",
        "The image built as tests/test_image.py builds it (`make wheels`, then `docker build`), "
        "on the Dockerfile's default base where it can be had, else on Debian's bookworm with "
        "its python3; the bot's environment by distribution, bytecode included (`du` inside "
        "the image). Target: under 400 MB on the official slim base.",
        lambda backends: {},
        lambda backends: {},
        "The base is the same whichever Dockerfile runs on it, so what the Dockerfile adds is "
        "the figure to watch: the bot's virtual environment, nothing else (no pip, setuptools, "
        "compilers, wheels, caches or test suites; bytecode only for the modules the bot "
        "imports). Most of it is what the charts and the time zone lookup need: numpy with its "
        "OpenBLAS, matplotlib with Pillow, fontTools and kiwisolver, and timezonefinder's "
        "boundary data. The compiled extensions keep their debug symbols (about 45 MB over all "
        "wheels): stripping them needs binutils in the build, which neither base has.",
    ),
    Benchmark(
        "bench.chart",
        "The /stats chart",
        "One 26-week chart rendered with matplotlib (Agg). Target: under 800 ms.",
        lambda backends: {"iterations": 20},
        lambda backends: {"iterations": 2},
    ),
    Benchmark(
        "bench.parsing",
        "Text readers",
        "The check-in reader on every labelled check-in (target: under 5 ms at the median), "
        "in each language it reads, and each reader on the inputs that were once quadratic, "
        "at their largest size; the bot's resident memory once it has read a check-in in every "
        "language (target: under 200 MB).",
        lambda backends: {"iterations": 5},
        lambda backends: {"iterations": 1},
    ),
)


@dataclass(frozen=True)
class Outcome:
    benchmark: Benchmark
    table: str
    verdict: str
    minutes: float


def measure(benchmark: Benchmark, backends: list[str], *, quick: bool) -> Outcome:
    module = importlib.import_module(benchmark.module)
    arguments = (benchmark.quick if quick else benchmark.full)(backends)
    started = time.monotonic()
    result = module.run(**arguments)
    minutes = (time.monotonic() - started) / 60
    return Outcome(benchmark, module.table(result), module.verdict(result), minutes)


def render(outcomes: list[Outcome], backends: list[str], when: datetime) -> str:
    about = machine()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench.report`); every figure below is from one run "
        "on the machine named here, against the Bot API emulator (`tests/emulator.py`), never "
        "Telegram. Each benchmark runs alone; run one with `python -m bench.<name> --help`.",
        "",
        f"- Run: {when:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {about['cpu']}, {about['cores']} cores, {platform.system()} "
        f"{platform.release()}",
        f"- Python {about['python']}; databases: {', '.join(backends)}",
    ]
    if "postgresql" not in backends:
        lines.append("- PostgreSQL rows left out: TEST_DATABASE_URL was not set")
    for outcome in outcomes:
        benchmark = outcome.benchmark
        lines += [
            "",
            f"## {benchmark.title}",
            "",
            f"{benchmark.what} (`python -m {benchmark.module}`, {outcome.minutes:.1f} min)",
            "",
            outcome.table,
            "",
            "**Verdict:**",
            "",
            *(f"- {line}" for line in outcome.verdict.splitlines()),
        ]
        if benchmark.reading:
            lines += ["", f"**Reading it.** {benchmark.reading}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [benchmark.module.removeprefix("bench.") for benchmark in BENCHMARKS]
    parser.add_argument("--only", nargs="+", choices=names, default=names)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
    outcomes = []
    for benchmark in BENCHMARKS:
        if benchmark.module.removeprefix("bench.") in args.only:
            print(f"running {benchmark.module}…", flush=True)
            outcomes.append(measure(benchmark, backends, quick=args.quick))
            print(f"  {outcomes[-1].verdict}", flush=True)
    args.output.write_text(render(outcomes, backends, datetime.now(UTC)), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
