"""The session-wide token check (tests/token_watch.py) really catches a token in the logs.

The detector is tested directly, and a planted leak is run in a separate pytest process, so
proving that it fails a run does not fail this one. A bot run as a process (tests/process.py)
has its own output checked when it exits.
"""

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN
from tests.process import BotProcess
from tests.token_watch import MASK, TokenWatch, secrets_of

ROOT = Path(__file__).resolve().parents[2]


def make_record(name: str, msg: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)
    record.__dict__.update(extra)
    return record


def test_a_token_in_a_message_its_arguments_an_exception_or_a_stack_is_caught() -> None:
    watch = TokenWatch(secrets_of(TOKEN))
    secret = TOKEN.partition(":")[2]
    try:
        raise RuntimeError(f"POST http://127.0.0.1/bot{TOKEN}/getMe failed")
    except RuntimeError as error:
        failure = (type(error), error, error.__traceback__)
    records = [
        make_record("httpx", f"HTTP Request: POST http://127.0.0.1/bot{TOKEN}/getUpdates"),
        make_record("telegram.ext.Updater", "calling %s with %r", "getMe", {"token": TOKEN}),
        make_record("telegram.ext.Application", "failed", exc_info=failure),
        make_record("apscheduler", "tick", stack_info=f"File x, in y\n  url = '{secret}'"),
        make_record("sqlalchemy.engine.Engine", "[%s]", "only the secret: " + secret),
        make_record("handlers.errors", "%s %s", "malformed args"),  # getMessage raises
    ]
    leaks = [watch.check(record) for record in records]
    assert all(leaks[:5]), leaks
    assert leaks[5] is None
    assert [leak.logger for leak in watch.leaks] == [r.name for r in records[:5]]
    assert all(MASK in leak.excerpt and secret not in leak.excerpt for leak in watch.leaks)


def test_malformed_arguments_are_still_searched() -> None:
    watch = TokenWatch(secrets_of(TOKEN))
    assert watch.check(make_record("telegram", "%s %s", TOKEN)) is not None


def test_clean_records_and_the_tests_own_loggers_are_not_leaks() -> None:
    watch = TokenWatch(secrets_of(TOKEN))
    assert watch.check(make_record("telegram.ext.ExtBot", "Calling Bot API endpoint getMe")) is None
    assert watch.check(make_record("tests.bot.test_logs.redaction", "planted %s", TOKEN)) is None
    assert watch.leaks == []


def run_pytest(folder: Path, test_source: str) -> subprocess.CompletedProcess[str]:
    (folder / "pytest.ini").write_text("[pytest]\n")
    (folder / "test_planted.py").write_text(test_source)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.token_watch", "-p", "no:cacheprovider",
         "-c", str(folder / "pytest.ini"), str(folder / "test_planted.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip


def test_a_planted_debug_line_fails_a_whole_run_whose_tests_pass(tmp_path: Path) -> None:
    leaky = run_pytest(
        tmp_path,
        "import logging\n"
        "from tests.harness import TOKEN\n\n"
        "def test_leaks():\n"
        "    logging.getLogger('scheduler.dispatcher').debug('url: /bot%s/getMe', TOKEN)\n",
    )
    assert "1 passed" in leaky.stdout, leaky.stdout + leaky.stderr
    assert leaky.returncode == 1, leaky.stdout + leaky.stderr
    assert "bot token in the logs" in leaky.stdout
    assert "test_planted.py::test_leaks: scheduler.dispatcher DEBUG: url: /bot<TOKEN>/getMe" in (
        leaky.stdout
    )
    assert TOKEN not in leaky.stdout


def test_a_request_url_that_the_bot_silences_does_not_fail_a_run(tmp_path: Path) -> None:
    clean = run_pytest(
        tmp_path,
        "import logging\n"
        "from tests.harness import TOKEN\n\n"
        "def test_quiet():\n"
        "    logging.getLogger('httpx').info('HTTP Request: POST /bot%s/getMe', TOKEN)\n"
        "    logging.getLogger('telegram').debug('no secret here')\n",
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_it_listens_to_loggers_whose_records_never_reach_the_root() -> None:
    """(The root is covered by the planted runs below; a leak there would fail this run.)"""
    watch = TokenWatch(secrets_of(TOKEN))
    isolated = logging.getLogger("marathon.isolated.for.token_watch")
    isolated.propagate = False
    isolated.setLevel(logging.DEBUG)
    watch.attach()
    try:
        isolated.debug("at /bot%s", TOKEN)
    finally:
        watch.detach()
        isolated.propagate = True
    assert [leak.logger for leak in watch.leaks] == ["marathon.isolated.for.token_watch"]
    assert watch not in logging.getLogger().handlers and watch not in isolated.handlers


async def test_a_bot_process_that_prints_the_token_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "leaky.py").write_text(
        "import os\nprint('starting with', os.environ['TELEGRAM_BOT_TOKEN'])\n"
    )
    leaky = BotProcess(BotAPIEmulator(TOKEN), "sqlite://", tmp_path, module="leaky")
    await leaky.launch()
    with pytest.raises(AssertionError, match="logged the bot token") as failure:
        await leaky.exited()
    assert "starting with <redacted>" in str(failure.value)
    assert TOKEN not in str(failure.value) and TOKEN.partition(":")[2] not in str(failure.value)
