"""What every benchmark shares: the machine it ran on, and timing a function repeatedly."""

import math
import os
import platform
import statistics
import time
from collections.abc import Callable
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
