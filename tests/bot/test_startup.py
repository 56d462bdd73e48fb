"""Start calmly, fail clearly: `python -m bot` as a real process, started before the Bot API or
the database answers (it waits, one log line per attempt, /healthz saying "starting"), with a
token Telegram rejects or a port already taken (one line, status 2, never the token)."""

import itertools
import re
import signal
import socket
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from bot.startup import pauses
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, USER_ID, both_backends
from tests.process import READY, BotProcess, forward, free_port, refusing_port

ATTEMPT = re.compile(
    r"WARNING bot\.startup: (.+) does not answer \((.+)\); trying again in (\S+) s "
    r"\(attempt (\d+)\)"
)


def attempts(logs: str) -> list[tuple[str, str, float, int]]:
    """Each failed attempt's line: what did not answer, why, the pause, its number."""
    return [
        (what, why, float(pause), int(number)) for what, why, pause, number in ATTEMPT.findall(logs)
    ]


def clean(logs: str) -> None:
    assert "Traceback" not in logs, logs
    assert TOKEN not in logs and TOKEN.partition(":")[2] not in logs


@asynccontextmanager
async def launched(bot: BotProcess) -> AsyncIterator[BotProcess]:
    """The process started; stopped at the end whatever happened (nothing to do if it exited)."""
    await bot.launch()
    try:
        yield bot
    finally:
        await bot.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def healthz(http: aiohttp.ClientSession, port: int) -> tuple[int, dict[str, Any]]:
    async with http.get(f"http://127.0.0.1:{port}/healthz") as answer:
        return answer.status, await answer.json()


async def check_answers(emulator: BotAPIEmulator) -> None:
    emulator.user_message("/start", user_id=USER_ID)
    welcome = await emulator.next_message(USER_ID, timeout=30)
    assert welcome["text"].startswith("Hi Ann!")


async def test_a_bot_api_that_comes_up_late_is_waited_for(
    database_url: str, tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    emulator = BotAPIEmulator(TOKEN)
    metrics = free_port()
    with refusing_port() as late:
        port = late.getsockname()[1]
        bot = BotProcess(
            emulator, database_url, tmp_path,
            TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot", METRICS_PORT=str(metrics),
        )  # fmt: skip
        async with launched(bot):
            await bot.wait_for_log("(attempt 2)")  # refused twice: the pause has grown
            status, report = await healthz(http, metrics)
            assert status == 503
            assert report["ok"] is False and report["status"] == "starting"
            assert f"the Bot API (127.0.0.1:{port})" in report["waiting_for"]
            await emulator.start(late)  # Telegram is back, at the address the bot knows
            try:
                await bot.wait_for_log(READY)
                status, report = await healthz(http, metrics)
                assert status == 200 and report["status"] == "running"
                await check_answers(emulator)
                assert await bot.stop(signal.SIGTERM) == 0
            finally:
                await emulator.stop()
    logs = bot.logs()
    failed = attempts(logs)
    assert len(failed) >= 2  # one line per attempt, numbered, each pause twice the last
    assert [(what, number) for what, _, _, number in failed] == [
        (f"the Bot API (127.0.0.1:{port})", n) for n in range(1, len(failed) + 1)
    ]
    assert [pause for *_, pause, _ in failed] == [
        pause for pause, _ in zip(pauses(), failed, strict=False)
    ]
    assert "ConnectError" in failed[0][1]
    assert f"the Bot API (127.0.0.1:{port}) answers now" in logs
    assert f"listening on 127.0.0.1:{metrics}" in logs  # METRICS_LISTEN's default
    clean(logs)


@both_backends
async def test_a_database_that_comes_up_late_is_waited_for(
    backend: str,
    database_url: str,
    emulator: BotAPIEmulator,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    """SQLite: the file's path is a folder for now, so it cannot be opened. PostgreSQL: the
    bot's DATABASE_URL points at a port that refuses until it forwards to the server."""
    url = make_url(database_url)
    late = refusing_port()
    if backend == "sqlite":
        assert url.database
        blocker = Path(url.database)
        blocker.mkdir()  # noqa: ASYNC240
        refused = "OperationalError: unable to open database file"
    else:
        url = url.set(host="127.0.0.1", port=late.getsockname()[1])
        refused = "ConnectionRefusedError"
    metrics = free_port()
    bot = BotProcess(
        emulator, url.render_as_string(hide_password=False), tmp_path, METRICS_PORT=str(metrics)
    )
    async with AsyncExitStack() as cleanup:
        cleanup.enter_context(late)
        await cleanup.enter_async_context(launched(bot))
        await bot.wait_for_log("(attempt 1)")
        status, report = await healthz(http, metrics)
        assert status == 503
        assert report["status"] == "starting"
        (what,) = [each for each in report["waiting_for"] if each.startswith("the database (")]
        if backend == "sqlite":
            blocker.rmdir()  # noqa: ASYNC240 - the volume is mounted, say
        else:
            real = make_url(database_url)
            proxy = await forward(late, real.host or "127.0.0.1", real.port or 5432)
            cleanup.callback(proxy.close)
        await bot.wait_for_log(READY)
        status, report = await healthz(http, metrics)
        assert status == 200 and report["database"] == "ok"
        await check_answers(emulator)  # migrated, and serving
        assert await bot.stop() == 0
    logs = bot.logs()
    failed = attempts(logs)
    assert failed and {line[0] for line in failed} == {what}
    assert [number for *_, number in failed] == list(range(1, len(failed) + 1))
    assert all(refused in why for _, why, _, _ in failed)
    assert f"{what} answers now" in logs
    clean(logs)


async def test_sigterm_while_waiting_ends_it_at_once_with_status_0(
    database_url: str, tmp_path: Path
) -> None:
    with refusing_port() as never:
        port = never.getsockname()[1]
        bot = BotProcess(
            BotAPIEmulator(TOKEN), database_url, tmp_path,
            TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
        )  # fmt: skip
        async with launched(bot):
            await bot.wait_for_log("(attempt 1)")
            assert await bot.stop(signal.SIGTERM) == 0
    logs = bot.logs()
    assert READY not in logs
    clean(logs)


async def test_a_rejected_token_is_one_line_and_status_2(database_url: str, tmp_path: Path) -> None:
    other_bot = TOKEN.replace("123456:", "654321:")  # the emulator knows another bot only
    async with BotAPIEmulator(other_bot) as emulator:
        bot = BotProcess(emulator, database_url, tmp_path, METRICS_PORT=str(free_port()))
        async with launched(bot):
            assert await bot.exited() == 2
    logs = bot.logs()
    said = [line for line in logs.splitlines() if "TELEGRAM_BOT_TOKEN" in line]
    assert said == [
        "marathon: TELEGRAM_BOT_TOKEN was rejected by the Bot API (Unauthorized). Copy it again "
        "from @BotFather (/mybots, API Token) and put it in .env as TELEGRAM_BOT_TOKEN=<token>."
    ]
    assert logs.strip().splitlines()[-1] == said[0]
    assert "does not answer" not in logs  # not retried: waiting would not make it right
    clean(logs)


@pytest.mark.parametrize("setting", ["METRICS_PORT", "WEBHOOK_PORT"])
async def test_a_port_in_use_is_one_line_naming_its_setting_and_status_2(
    setting: str, database_url: str, emulator: BotAPIEmulator, tmp_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        webhook = {
            "BOT_MODE": "webhook",
            "WEBHOOK_URL": "https://bot.example.org/telegram",
            "WEBHOOK_SECRET": "s3cret",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(free_port()),
        }
        settings = {**webhook, "METRICS_PORT": str(free_port()), setting: str(port)}
        bot = BotProcess(emulator, database_url, tmp_path, **settings)
        async with launched(bot):
            assert await bot.exited() == 2
    logs = bot.logs()
    assert logs.strip().splitlines()[-1] == (
        f"marathon: {setting} {port} is already in use on 127.0.0.1: another program (or "
        f"another bot) listens there. Stop it or set {setting} to a free port."
    )
    clean(logs)


def test_the_pause_between_attempts_doubles_up_to_a_minute() -> None:
    assert list(itertools.islice(pauses(), 9)) == [1, 2, 4, 8, 16, 32, 60, 60, 60]
