"""`python -m bot` as an operator runs it: a real process, its settings, its logs."""

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, USER_ID


def run_bot(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        env={**clean, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_missing_token_is_one_clear_line(tmp_path: Path) -> None:
    result = run_bot({}, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "TELEGRAM_BOT_TOKEN is not set" in lines[0]
    assert "@BotFather" in lines[0]


def test_malformed_token_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=not-a-token\n")
    result = run_bot({}, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "marathon: TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters). Copy it "
        "again from @BotFather and put it in .env as TELEGRAM_BOT_TOKEN=<token>."
    ]
    assert "not-a-token" not in result.stderr


def test_other_bad_settings_are_one_line_too(tmp_path: Path) -> None:
    result = run_bot({"TELEGRAM_BOT_TOKEN": TOKEN, "DEFAULT_TIMEZONE": "Mars/Olympus"}, tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("marathon: DEFAULT_TIMEZONE is not valid")
    assert TOKEN not in result.stderr


async def test_the_real_process_answers_and_never_logs_the_token(tmp_path: Path) -> None:
    async with BotAPIEmulator(TOKEN) as emulator:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "LOG_LEVEL": "DEBUG",
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/data/bot.sqlite3",
            "SCHEDULER_TICK_SECONDS": "0.5",
            "METRICS_PORT": "",  # not 9090: another test run may hold it
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await emulator.wait_for(lambda: emulator.commands is not None, timeout=30)
            emulator.user_message("/start", user_id=USER_ID)
            welcome = await emulator.next_message(USER_ID, timeout=15)
            assert welcome["text"].startswith("Hi Ann!")
            emulator.user_message("/frobnicate", user_id=USER_ID)
            await emulator.next_message(USER_ID, timeout=15)  # the timezone question
            unknown = await emulator.next_message(USER_ID, timeout=15)
            assert "I don't know /frobnicate" in unknown["text"]
        finally:
            process.send_signal(signal.SIGINT)
            stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    logs = (stdout + stderr).decode()
    assert process.returncode == 0, logs
    assert "Marathon is running as @marathon_test_bot" in logs
    assert "DEBUG" in logs  # it really logged at DEBUG…
    secret = TOKEN.split(":", 1)[1]
    assert TOKEN not in logs and secret not in logs  # …and the token never appeared
    assert (tmp_path / "data" / "bot.sqlite3").exists()


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://localhost:8081/bot/", "http://localhost:8081/file/bot"),
    ],
)
def test_file_url_is_derived_from_the_api_url(base: str, expected: str) -> None:
    from bot.config import Settings

    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_api_base_url=base)  # type: ignore[call-arg]
    assert settings.file_url == expected


def test_webhook_mode_without_its_settings_is_explained_in_one_line() -> None:
    from pydantic import ValidationError

    from bot.__main__ import settings_problem
    from bot.config import Settings

    try:
        Settings(_env_file=None, telegram_bot_token=TOKEN, bot_mode="webhook")  # type: ignore[call-arg]
    except ValidationError as error:
        assert settings_problem(error) == (
            "webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET. See .env.example."
        )
    else:
        raise AssertionError("webhook mode without a URL and a secret was accepted")
