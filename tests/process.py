"""`python -m bot` as a real process against the Bot API emulator: for crashes (SIGKILL) and
for several replicas sharing one database."""

import asyncio
import inspect
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Executable, Row

from db.engine import create_engine
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN

READY = "Marathon is running as"


class BotProcess:
    def __init__(
        self, emulator: BotAPIEmulator, database_url: str, folder: Path, name: str = "bot",
        *, module: str = "bot", ready: str = READY, **settings: str,
    ) -> None:  # fmt: skip
        """`module` and `ready`: another bot to run the same way (the benchmarks' echo bot)."""
        self._folder = folder
        self._name = name
        self._module = module
        self._ready = ready
        self._runs = 0
        self._process: asyncio.subprocess.Process | None = None
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "DATABASE_URL": database_url,
            "SCHEDULER_TICK_SECONDS": "0.5",
            "METRICS_PORT": "",
            "LOG_LEVEL": "INFO",
            **settings,
        }

    @property
    def log_path(self) -> Path:
        return self._folder / f"{self._name}-{self._runs}.log"

    async def start(self, *, timeout: float = 60) -> None:  # noqa: ASYNC109 - a deadline
        """Start a fresh run and wait until it says it is running."""
        self._runs += 1
        with self.log_path.open("wb") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", self._module, cwd=self._folder, env=self.env,
                stdout=log, stderr=asyncio.subprocess.STDOUT,
            )  # fmt: skip
        await self.wait_for_log(self._ready, timeout=timeout)

    async def wait_for_log(self, text: str, *, timeout: float = 60) -> None:  # noqa: ASYNC109
        deadline = asyncio.get_running_loop().time() + timeout
        while text not in self.logs():
            if self._process is not None and self._process.returncode is not None:
                raise AssertionError(f"{self._name} exited early:\n{self.logs()[-3000:]}")
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{self._name} never logged {text!r}:\n{self.logs()[-3000:]}")
            await asyncio.sleep(0.05)

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the running process has used so far (Linux)."""
        assert self._process is not None
        fields = Path(f"/proc/{self._process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    async def kill(self) -> None:
        """SIGKILL: no cleanup, no goodbye; whatever was in flight stays in flight."""
        assert self._process is not None
        self._process.send_signal(signal.SIGKILL)
        await self._process.wait()
        self._process = None

    async def stop(self) -> int:
        """SIGINT, as an operator stops it; returns the exit code."""
        if self._process is None:
            return 0
        self._process.send_signal(signal.SIGINT)
        code = await asyncio.wait_for(self._process.wait(), timeout=60)
        self._process = None
        return code


async def select_all(database_url: str, query: Executable) -> list[Row[Any]]:
    """Read what a bot process left in its database."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return list((await connection.execute(query)).all())
    finally:
        await engine.dispose()


async def until(
    predicate: Callable[[], bool | Awaitable[bool]],
    *,
    timeout: float,  # noqa: ASYNC109 - a deadline for polling, not for one awaitable
    what: str,
) -> None:
    """Poll `predicate` (sync or async) until it holds; the emulator serves meanwhile."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = predicate()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def due_now() -> datetime:
    """A daily prompt time that is due right now (real time, as the process's clock runs)."""
    return datetime.now(UTC) - timedelta(minutes=2)


def in_hours(hours: float) -> datetime:
    return datetime.now(UTC) + timedelta(hours=hours)
