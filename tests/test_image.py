"""The image itself: built from the repository as the README says, then run against the emulator.

`make wheels` builds the wheelhouse and `docker build` the image (the Dockerfile's default base,
the official slim Python image, when the daemon has it or can pull it; otherwise a base made
from Debian's own packages, below). The container runs with the host's network, so the bot
reaches the emulator on 127.0.0.1 and the test reaches /healthz: migrations run, /healthz
answers 200, Docker finds the container healthy by the image's own HEALTHCHECK, a /start gets
its reply, and `docker stop` (SIGTERM, then SIGKILL after 10 s) ends it with status 0. Skipped,
saying why, where no Docker daemon answers or no base image can be had. Cold (no base, no build
cache) it takes about 4 minutes; with the code changed about 70 s, unchanged about 35 s.
"""

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
import urllib.request
import uuid
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from db.migrate import alembic_config
from tests.emulator import BotAPIEmulator
from tests.harness import TOKEN, USER_ID
from tests.test_install import free_port
from tests.wheelhouse import WHEELS

pytestmark = pytest.mark.image

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE = "python:3.11-slim-bookworm"  # the Dockerfile's ARG BASE_IMAGE
# The stand-in base where no registry is reachable: Debian bookworm with its python3 (3.11,
# like the default base), made by mmdebstrap and imported. Made once per recipe and kept,
# outside the repository, as a tarball and as a tagged image.
DEBIAN_BASE_RECIPE = [
    "mmdebstrap",
    "--quiet",
    "--variant=minbase",
    "--include=python3,ca-certificates",
    "--dpkgopt=path-exclude=/usr/share/doc/*",
    "--dpkgopt=path-exclude=/usr/share/man/*",
    "--dpkgopt=path-exclude=/usr/share/locale/*",
    "bookworm",
]
STANDARD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
BUILD_TIMEOUT = 1800  # seconds; a cold wheelhouse and base download everything
STOP_GRACE = 10  # seconds between docker stop's SIGTERM and its SIGKILL


def docker_result(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["docker", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def docker(*args: str, timeout: float = 120) -> str:
    """What a docker command printed; it must succeed."""
    result = docker_result(*args, timeout=timeout)
    assert result.returncode == 0, (
        f"docker {args[0]} failed ({result.returncode}):\n{result.stderr}"
    )
    return result.stdout.strip()


def docker_problem() -> str | None:
    """Why no image can be built here, or None when a daemon answers."""
    if shutil.which("docker") is None:
        return "no docker command"
    try:
        result = subprocess.run(
            ["docker", "version", "--format", "{{.Server.Version}}"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "the Docker daemon does not answer within 30 s"
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        return f"no Docker daemon answers: {lines[-1]}"
    return None


def image_exists(name: str) -> bool:
    return docker_result("image", "inspect", name, timeout=30).returncode == 0


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "marathon"


def debian_base() -> str:
    """Debian's bookworm with python3 as a tagged image, from the cached tarball, made with
    mmdebstrap if neither exists yet."""
    recipe = hashlib.sha256(json.dumps(DEBIAN_BASE_RECIPE).encode()).hexdigest()[:12]
    tag = f"marathon-test-base:bookworm-{recipe}"
    if image_exists(tag):
        return tag
    tarball = cache_folder() / f"base-bookworm-{recipe}.tar"
    if not tarball.is_file():
        if shutil.which("mmdebstrap") is None:
            raise NoImage(f"cannot pull {DEFAULT_BASE} and mmdebstrap is not installed")
        tarball.parent.mkdir(parents=True, exist_ok=True)
        partial = tarball.with_suffix(".partial.tar")
        made = subprocess.run(
            [*DEBIAN_BASE_RECIPE, str(partial)],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
        if made.returncode != 0:
            partial.unlink(missing_ok=True)
            lines = made.stderr.strip().splitlines() or ["no output"]
            raise NoImage(f"cannot pull {DEFAULT_BASE}, and mmdebstrap failed: {lines[-1]}")
        partial.rename(tarball)
    docker("import", "--change", f"ENV PATH={STANDARD_PATH}", str(tarball), tag, timeout=600)
    return tag


def base_image() -> str:
    """The Dockerfile's default base where the daemon has it or pulls it, else Debian's."""
    if image_exists(DEFAULT_BASE):
        return DEFAULT_BASE
    if docker_result("pull", "--quiet", DEFAULT_BASE, timeout=600).returncode == 0:
        return DEFAULT_BASE
    return debian_base()


def build(context: Path, base: str, tag: str, *options: str) -> str:
    """`docker build` of `context` under `tag`; returns the image's id. The image the tag named
    before (an earlier run's) is removed, with its untagged layers: one build is kept, as the
    cache for the next."""
    before = docker_result("image", "inspect", "--format", "{{.Id}}", tag, timeout=30).stdout
    iidfile = context.parent / f"{context.name}.iid"
    docker(
        "build",
        "--quiet",
        *("--build-arg", f"BASE_IMAGE={base}", "--iidfile", str(iidfile), "--tag", tag),
        *options,
        str(context),
        timeout=BUILD_TIMEOUT,
    )
    built = iidfile.read_text().strip()
    if before.strip() not in ("", built):
        docker_result("rmi", before.strip())  # fails harmlessly if another run still uses it
    return built


class NoImage(Exception):
    """Why the image cannot be built here (no daemon, no index, no base): a skip, not a failure."""


def build_image(folder: Path, wheels: Path) -> tuple[str, str]:
    """The image, built as the README says: `docker build` with the Dockerfile and
    .dockerignore of the repository and the wheelhouse `wheels` (from `make wheels`), in a
    context of their own under `folder`. Returns its id and its base."""
    problem = docker_problem()
    if problem:
        raise NoImage(problem)
    context = folder / "context"
    context.mkdir()
    for name in ("Dockerfile", ".dockerignore"):
        shutil.copy2(ROOT / name, context / name)
    shutil.copytree(wheels, context / WHEELS)
    base = base_image()
    # The builder stage under a tag of its own, so that an older one can be removed too.
    build(context, base, "marathon-test:builder", "--target", "builder")
    return build(context, base, "marathon-test:latest"), base


@pytest.fixture(scope="module")
def image(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    problem = docker_problem()
    if problem:
        pytest.skip(problem)  # before the wheelhouse, which takes half a minute
    wheelhouse: Path = request.getfixturevalue("wheelhouse")
    try:
        built, _base = build_image(tmp_path_factory.mktemp("image"), wheelhouse)
    except NoImage as error:
        pytest.skip(str(error))
    return built


async def health_status(container: str) -> dict[str, object]:
    """The container's health (`docker inspect`) once Docker's checks have settled it: healthy,
    or unhealthy after the image's --retries failures; "starting" only past 120 s."""
    health: dict[str, object] = {}
    for _ in range(240):
        state = await asyncio.to_thread(docker, "inspect", "--format", "{{json .State}}", container)
        health = json.loads(state)["Health"]
        if health["Status"] != "starting":
            break
        await asyncio.sleep(0.5)
    return health


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


# Run inside the container: the schema's revision in the default SQLite file, under /app/data.
REVISION = (
    "import sqlite3; print(sqlite3.connect('data/marathon.sqlite3')"
    ".execute('SELECT version_num FROM alembic_version').fetchone()[0])"
)


def fetch_healthz(port: int) -> tuple[int, dict[str, object]]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
        return response.status, json.loads(response.read())


async def test_the_image_migrates_answers_and_stops_on_sigterm(image: str) -> None:
    metrics_port = free_port()
    name = f"marathon-test-{uuid.uuid4().hex[:12]}"
    settings = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "METRICS_PORT": str(metrics_port),
        "LOG_LEVEL": "INFO",
    }
    # Every docker command runs in a thread: the emulator shares this event loop, and the bot
    # talks to it while starting and while stopping.
    async with BotAPIEmulator(TOKEN) as emulator:
        settings["TELEGRAM_API_BASE_URL"] = emulator.base_url
        environment = [
            word for key, value in settings.items() for word in ("--env", f"{key}={value}")
        ]
        # The host's network: the emulator and /healthz are on its 127.0.0.1.
        # The image's HEALTHCHECK, checked every second instead of every 30 s.
        run = ["run", "--detach", "--name", name, "--network", "host", "--health-interval=1s"]
        run += [*environment, image]
        await asyncio.to_thread(docker, *run)
        try:
            await emulator.wait_for(lambda: emulator.commands is not None, timeout=120)
            emulator.user_message("/start", user_id=USER_ID)
            welcome = await emulator.next_message(USER_ID, timeout=60)

            status, report = await asyncio.to_thread(fetch_healthz, metrics_port)
            health = await health_status(name)
            revision = await asyncio.to_thread(docker, "exec", name, "python", "-c", REVISION)
            stop = ("stop", "--time", str(STOP_GRACE), name)
            await asyncio.to_thread(docker, *stop, timeout=STOP_GRACE + 60)
            state = json.loads(docker("inspect", "--format", "{{json .State}}", name))
        finally:
            output = await asyncio.to_thread(docker_result, "logs", name, timeout=60)
            logs = output.stdout + output.stderr
            print(logs)  # shown when the test fails
            await asyncio.to_thread(docker_result, "rm", "--force", name)

    assert welcome["text"].startswith("Hi Ann!")
    assert revision == head_revision()  # migrated to the head at start, in /app/data
    assert status == 200, report
    assert health["Status"] == "healthy", health  # the image's own HEALTHCHECK, run by Docker
    # docker stop sends SIGTERM, then SIGKILL after STOP_GRACE seconds (exit 137).
    assert state["ExitCode"] == 0, state
    assert not state["OOMKilled"]
    assert "Marathon is running as @marathon_test_bot" in logs
    assert TOKEN not in logs
