"""Determinism under load: the whole suite, several times in a row, on a machine kept busy.

`python -m bench.stress [--runs 3] [--burners 2] [--logs DIR] [-- COMMAND...]` starts `--burners`
processes that each keep a core busy (a plain busy loop), runs COMMAND (`make test` by default,
with this environment, so TEST_DATABASE_URL applies) `--runs` times one after the other, and
prints each run's outcome: exit status, wall time, pytest's summary line and the tests that
failed. Each run's full output goes to a log file under `--logs` (a new temporary folder by
default). The burners are stopped at the end, on Ctrl-C or any error as well, and die on their
own if this process is killed. Exits 1 if any run failed.

A test that fails here and passes on an idle machine depends on timing: fix its cause (a race,
a wait for the wrong thing), never with a sleep or a retry.
"""

import argparse
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path

DEFAULT_COMMAND = ("make", "test")
# pytest's closing line, with its ===== borders or without them (-q).
_SUMMARY = re.compile(r"^=* ?(\d+ (?:passed|failed|errors?|skipped)\b.*?) in [\d.]+s.*?=*$")
_FAILED = re.compile(r"^(FAILED|ERROR) (\S+)")


def burn(parent: int) -> None:
    """Keep one core busy until the parent is gone (or this process is terminated)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while os.getppid() == parent:
        for _ in range(200_000):
            pass


@contextmanager
def burning(count: int) -> Iterator[list[BaseProcess]]:
    """`count` busy processes for the duration of the block, stopped however it ends."""
    context = multiprocessing.get_context("spawn")  # nothing of this process's state shared
    burners: list[BaseProcess] = [
        context.Process(target=burn, args=(os.getpid(),), name=f"burner-{n}", daemon=True)
        for n in range(count)
    ]
    try:
        for burner in burners:
            burner.start()
        yield burners
    finally:
        for burner in burners:
            if burner.is_alive():
                burner.terminate()
        for burner in burners:
            if burner.pid is not None:
                burner.join(timeout=10)


@dataclass
class Run:
    number: int
    returncode: int
    seconds: float
    log: Path
    summary: str = ""
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def describe(self) -> str:
        verdict = "passed" if self.passed else f"FAILED (exit {self.returncode})"
        line = f"run {self.number}: {verdict} in {self.seconds:.0f} s"
        line += f" — {self.summary}" if self.summary else ""
        failing = "".join(f"\n    {name}" for name in self.failures)
        return f"{line}{failing}\n    log: {self.log}"


def read_outcome(output: str) -> tuple[str, list[str]]:
    """pytest's closing summary ("1800 passed, 50 skipped") and the tests it lists as failed."""
    summary = ""
    failures: list[str] = []
    for line in output.splitlines():
        if match := _SUMMARY.match(line.strip()):
            summary = match.group(1)
        elif match := _FAILED.match(line):
            failures.append(f"{match.group(1)} {match.group(2)}")
    return summary, failures


def run_once(number: int, command: Sequence[str], logs: Path) -> Run:
    log = logs / f"run-{number}.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        completed = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)
    seconds = time.monotonic() - started
    summary, failures = read_outcome(log.read_text(encoding="utf-8", errors="replace"))
    return Run(number, completed.returncode, seconds, log, summary, failures)


def stress(runs: int, burners: int, command: Sequence[str], logs: Path) -> list[Run]:
    """Run `command` `runs` times while `burners` processes keep the cores busy."""
    logs.mkdir(parents=True, exist_ok=True)
    results: list[Run] = []
    with burning(burners):
        for number in range(1, runs + 1):
            print(f"run {number}/{runs}: {' '.join(command)} …", flush=True)
            results.append(run_once(number, command, logs))
            print(results[-1].describe(), flush=True)
    return results


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through `burning`, which stops the burners


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stress", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--burners", type=int, default=2, help="busy processes (one core each)")
    parser.add_argument("--logs", type=Path, help="where each run's output goes")
    parser.add_argument("command", nargs="*", help=f"default: {' '.join(DEFAULT_COMMAND)}")
    args = parser.parse_args(argv)
    command = args.command or list(DEFAULT_COMMAND)
    logs = args.logs or Path(tempfile.mkdtemp(prefix="marathon-stress-"))
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    print(f"{args.burners} burners on {os.cpu_count()} cores; logs in {logs}", flush=True)
    try:
        results = stress(args.runs, args.burners, command, logs)
    except KeyboardInterrupt:
        print("interrupted: burners stopped", file=sys.stderr)
        return 130
    failed = [run for run in results if not run.passed]
    print(f"{len(results) - len(failed)} of {len(results)} runs passed under load", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
