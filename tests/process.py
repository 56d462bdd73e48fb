"""`python -m bot` as a real process against the Bot API emulator: for crashes (SIGKILL) and
for several replicas sharing one database."""

import asyncio
import inspect
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Executable, Row

from bot.logs import redact
from db.engine import create_engine
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN
from tests.token_watch import secrets_of

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
        await self.launch()
        await self.wait_for_log(self._ready, timeout=timeout)

    async def launch(self) -> None:
        """Start a fresh run without waiting for anything."""
        self._runs += 1
        with self.log_path.open("wb") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", self._module, cwd=self._folder, env=self.env,
                stdout=log, stderr=asyncio.subprocess.STDOUT,
            )  # fmt: skip

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
        await self.exited()

    async def stop(self, signal_number: int = signal.SIGINT) -> int:
        """SIGINT, as an operator stops it (or `docker stop`'s SIGTERM); returns the exit code."""
        if self._process is None:
            return 0
        self._process.send_signal(signal_number)
        return await self.exited()

    async def exited(self, *, timeout: float = 60) -> int:  # noqa: ASYNC109 - a deadline
        """Wait for the run to end; its exit code. Whatever the run, its log never held the bot
        token (tests/token_watch.py watches this process's records; this, the child's)."""
        assert self._process is not None
        code = await asyncio.wait_for(self._process.wait(), timeout=timeout)
        self._process = None
        logs = self.logs()
        leaked = [secret for secret in secrets_of(TOKEN) if secret in logs]
        assert not leaked, f"{self._name} logged the bot token:\n{redact(logs, tuple(leaked))}"
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


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on right now, for a server the bot opens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def refusing_port() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1 but not listening: connecting to it is refused
    until a server starts on it (`BotAPIEmulator.start(sock)`, `forward`). A service can come up
    late at an address known in advance, and no other test can take the port meanwhile."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


async def forward(sock: socket.socket, host: str, port: int) -> asyncio.Server:
    """Serve `sock` by passing each connection through to `host:port`, both ways: a database
    that comes up late."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    return await asyncio.start_server(connection, sock=sock)
