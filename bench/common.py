"""What every benchmark shares: the machine it ran on, timing a function repeatedly, and a
fresh database to fill."""

import contextlib
import math
import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any


def machine() -> dict[str, Any]:
    """CPU model, core count and Python version, printed next to every result."""
    return {"cpu": cpu_model(), "cores": os.cpu_count(), "python": platform.python_version()}


def cpu_model() -> str:
    """The first `model name` in /proc/cpuinfo; what platform says elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def timings_ms(action: Callable[[], object], iterations: int) -> list[float]:
    """Wall time of `iterations` calls, in milliseconds."""
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    found = []
    for _ in range(iterations):
        started = time.perf_counter()
        action()
        found.append((time.perf_counter() - started) * 1000)
    return found


def summary(timings: list[float]) -> dict[str, float]:
    """Median, p95 and max of some timings, rounded to 0.1 ms."""
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(nearest_rank(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }


def nearest_rank(values: list[float], fraction: float) -> float:
    """Percentile by nearest rank: defined for one sample, unlike statistics.quantiles."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory of a running process now (VmRSS) and at its peak (VmHWM), in MB."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024  # kB
    return {"rss_mb": found["VmRSS"], "peak_rss_mb": found["VmHWM"]}


@asynccontextmanager
async def fresh_database(backend: str) -> AsyncIterator[str]:
    """The URL of an empty database for one run: an SQLite file in a temporary folder, or a
    new database on TEST_DATABASE_URL's PostgreSQL server, dropped afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        return
    import asyncpg
    from sqlalchemy.engine import make_url

    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        raise SystemExit("PostgreSQL needs TEST_DATABASE_URL (e.g. postgresql+asyncpg://...)")
    url = make_url(server)
    name = f"marathon_bench_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password,
        database=url.database,
    )  # fmt: skip
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        # Flush what earlier runs left dirty (a dropped 100,000-user database is gigabytes),
        # so this run's commits do not wait behind the server writing it out.
        with contextlib.suppress(asyncpg.PostgresError):  # CHECKPOINT needs a superuser
            await admin.execute("CHECKPOINT")
        yield url.set(drivername="postgresql+asyncpg", database=name).render_as_string(False)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
