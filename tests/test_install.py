"""The image's install steps without Docker (tests/test_image.py builds the image itself, where a
Docker daemon answers).

`make wheels` builds the wheelhouse (the bot and every dependency, plus pip's own wheel); the
Dockerfile's builder stage creates a virtual environment without pip and installs the wheels
into it with pip run from its wheel, and the image runs `python -m bot` from /app. The `install`
tests do the same in a temporary directory and start the Dockerfile's own CMD from a directory
that is not the checkout, against the Bot API emulator. Unlike the image they reuse pip's cache
and skip byte-compiling, so they take tens of seconds, not minutes. They skip, saying so, only
when pip cannot reach a package index.
"""

import asyncio
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, USER_ID
from tests.wheelhouse import WHEELS, run

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each instruction of the Dockerfile, continuation lines
    joined and comments dropped."""
    instructions = []
    current = ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        keyword, _, arguments = (current + line).partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        current = ""
    return instructions


def stages() -> list[list[tuple[str, str]]]:
    """The Dockerfile's stages, each a list of instructions beginning with its FROM."""
    found: list[list[tuple[str, str]]] = []
    for keyword, arguments in dockerfile_instructions():
        if keyword == "FROM":
            found.append([])
        if found:
            found[-1].append((keyword, arguments))
    return found


def builder_sources() -> list[str]:
    """What the builder stage COPYs from the build context, in order."""
    sources = []
    for keyword, arguments in stages()[0]:
        if keyword == "COPY":
            words = [word for word in shlex.split(arguments) if not word.startswith("--")]
            sources.extend(word.rstrip("/") for word in words[:-1])
    return sources


def final_exec_form(keyword: str) -> list[str]:
    """The final stage's CMD, or its HEALTHCHECK's command, in exec (JSON) form."""
    for found, arguments in stages()[-1]:
        if found == keyword:
            if keyword == "HEALTHCHECK":
                arguments = arguments.partition(" CMD ")[2]
            return json.loads(arguments)
    raise AssertionError(f"the Dockerfile's final stage has no {keyword}")


# --- what goes into the image (quick, no network) ---------------------------------------------


def test_the_builder_copies_only_the_wheelhouse() -> None:
    assert builder_sources() == [WHEELS]
    # The final stage copies the builder's virtual environment, nothing from the context.
    final_copies = [arguments for keyword, arguments in stages()[-1] if keyword == "COPY"]
    assert final_copies and all(copy.startswith("--from=builder ") for copy in final_copies)


def test_the_build_context_is_the_wheelhouse_and_no_secrets() -> None:
    rules = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rules[0] == "*", "the .dockerignore is an allowlist: everything out, then let in"
    let_in = {rule[1:] for rule in rules if rule.startswith("!")}
    assert let_in == {f"{WHEELS}/*.whl"}


def test_the_image_runs_python_m_bot_and_checks_healthz_on_metrics_port() -> None:
    assert final_exec_form("CMD") == ["python", "-m", "bot"]
    check = final_exec_form("HEALTHCHECK")
    assert check[:2] == ["python", "-c"]
    assert "/healthz" in check[2] and "METRICS_PORT" in check[2]


# --- the install itself (slow: real wheels, a fresh virtual environment, the real process) ----


@dataclass(frozen=True)
class Installed:
    venv: Path
    app: Path  # the working directory, like the image's /app: not the checkout

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, wheelhouse: Path) -> Installed:
    """The project installed as the image installs it: a real, non-editable install."""
    root = tmp_path_factory.mktemp("install")
    wheels = wheelhouse
    # The builder stage: a virtual environment without pip, filled by pip run from its wheel.
    # (The image also byte-compiles what the bot imports; --no-compile alone saves time here.)
    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], root, "creating the environment")
    (pip_wheel,) = wheels.glob("pip-*.whl")
    pip = [venv / "bin" / "python", pip_wheel / "pip", "--disable-pip-version-check"]
    install = [*pip, "install", "--no-compile", "--no-index", "--find-links", wheels]
    run([*install, "marathon-bot"], root, "pip install of the wheels (the builder stage)")
    run([*pip, "check"], root, "pip check")
    assert not (venv / "bin" / "pip").exists(), "pip is not in the bot's environment"
    app = root / "app"
    app.mkdir()
    return Installed(venv=venv, app=app)


def process_env(**settings: str) -> dict[str, str]:
    """This environment without anything that could point the bot at the checkout or at
    settings of the developer's own, plus `settings`."""
    names = ("TELEGRAM_", "DATABASE_", "BOT_MODE", "WEBHOOK_", "METRICS_", "PYTHON", "VIRTUAL_ENV")
    clean = {key: value for key, value in os.environ.items() if not key.startswith(names)}
    return {**clean, **settings}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.install
def test_the_installed_package_is_self_contained(installed: Installed) -> None:
    script = (
        "import json, bot, db, domain, handlers, scheduler, services, db.migrate\n"
        "modules = [bot, db, domain, handlers, scheduler, services]\n"
        "print(json.dumps({'files': [m.__file__ for m in modules],\n"
        "                  'migrations': str(db.migrate.MIGRATIONS)}))\n"
    )
    result = subprocess.run(
        [str(installed.python), "-c", script],
        cwd=installed.app,
        env=process_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    site_packages = (installed.venv / "lib").resolve()
    for file in found["files"]:
        assert Path(file).resolve().is_relative_to(site_packages), f"{file}: not the installed one"
    # The alembic migrations are package data: every revision, the env and the template.
    migrations = Path(found["migrations"]).resolve()
    assert migrations.is_relative_to(site_packages)
    expected = {path.name for path in (ROOT / "db" / "migrations" / "versions").glob("*.py")}
    assert {path.name for path in (migrations / "versions").glob("*.py")} == expected
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()


@dataclass
class BotRun:
    process: asyncio.subprocess.Process
    logs: str = ""  # its stdout and stderr, once it has exited


@asynccontextmanager
async def running_bot(
    installed: Installed, emulator: BotAPIEmulator, metrics_port: int
) -> AsyncIterator[BotRun]:
    """The Dockerfile's CMD with the venv's python, from the app directory, with the default
    DATABASE_URL (an SQLite file under ./data, as in the image); stopped with SIGINT on exit."""
    command = final_exec_form("CMD")
    assert command[0] == "python"
    env = process_env(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=emulator.base_url,
        LOG_LEVEL="INFO",
        SCHEDULER_TICK_SECONDS="0.5",
        METRICS_PORT=str(metrics_port),
        MPLCONFIGDIR=str(installed.app / "matplotlib"),
    )
    process = await asyncio.create_subprocess_exec(
        installed.python,
        *command[1:],
        cwd=installed.app,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    run = BotRun(process)
    try:
        yield run
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
        except TimeoutError:
            process.kill()
            output, _ = await process.communicate()
        run.logs = output.decode()
        print(run.logs)  # shown when the test fails


@pytest.mark.install
async def test_the_installed_bot_answers_from_any_directory(installed: Installed) -> None:
    async with (
        BotAPIEmulator(TOKEN) as emulator,
        running_bot(installed, emulator, free_port()) as run,
    ):
        await emulator.wait_for(lambda: emulator.commands is not None, timeout=60)
        emulator.user_message("/help", user_id=USER_ID)
        help_text = await emulator.next_message(USER_ID, timeout=30)
        emulator.user_message("/start", user_id=USER_ID)
        welcome = await emulator.next_message(USER_ID, timeout=30)
    assert "Here's what I can do:" in help_text["text"]
    assert welcome["text"].startswith("Hi Ann!")
    assert run.process.returncode == 0, "SIGINT did not end the bot cleanly"
    assert "Marathon is running as @marathon_test_bot" in run.logs
    assert (installed.app / "data" / "marathon.sqlite3").is_file()  # migrated, in ./data


@pytest.mark.install
async def test_the_images_healthcheck_passes_against_the_installed_bot(
    installed: Installed,
) -> None:
    check = final_exec_form("HEALTHCHECK")
    # A fresh container: the emulator numbers updates from 1 again, which the inbox of the
    # test above (same ./data) would take for updates it has already handled.
    shutil.rmtree(installed.app / "data", ignore_errors=True)
    metrics_port = free_port()
    env = process_env(METRICS_PORT=str(metrics_port))
    async with BotAPIEmulator(TOKEN) as emulator, running_bot(installed, emulator, metrics_port):
        emulator.user_message("/help", user_id=USER_ID)
        await emulator.next_message(USER_ID, timeout=60)  # up and handling updates
        for _ in range(3):  # the Dockerfile's --retries=3, with a pause in between
            health = await asyncio.create_subprocess_exec(
                installed.python, *check[1:], env=env, stderr=asyncio.subprocess.PIPE
            )
            _, error = await asyncio.wait_for(health.communicate(), timeout=30)
            if health.returncode == 0:
                break
            await asyncio.sleep(2)
    assert health.returncode == 0, error.decode()[-2000:]
