"""How long one /stats chart takes to render, on this machine.

`python -m bench.chart [-n 20]` renders a realistic 26-week chart after one warm-up render
(which pays for font loading) and prints the median and p95 in ms, the PNG size and the machine.
The target is under 800 ms per render; this reports and never fails on time.
"""

import argparse
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Any

import matplotlib

from bench.common import machine, summary, timings_ms
from bot.chart import WEEKS, ChartData, ChartLabels, WeekBar, render_chart, week_starts
from domain.weekdays import MON_FRI

TARGET_MS = 800
TODAY = date(2025, 11, 27)  # fixed, so every run draws the same picture

LABELS = ChartLabels(
    title=f"Your last {WEEKS} weeks",
    calendar_title="Check-ins",
    gives_asks_title="Gives and asks per week",
    interactions_title="Interactions per week",
    gives="gives",
    asks="asks",
    in_person_or_call="in person or call",
    messages="messages",
    checked_in="check-in",
    missed="no check-in",
    frozen="covered by a freeze",
    rest_day="not a networking day",
    today="today",
    weekdays=("M", "T", "W", "T", "F", "S", "S"),
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    week_start="{day} {month}",
)


def sample_data(today: date = TODAY) -> ChartData:
    """A busy Mon–Fri networker, so every panel has something in every week to draw."""
    starts = week_starts(today)
    days = (starts[0] + timedelta(days=offset) for offset in range((today - starts[0]).days + 1))
    checkins = frozenset(
        day
        for day in days
        if (day.weekday() < 5 and day.toordinal() % 5 != 0) or day.toordinal() % 17 == 0
    )
    weeks = tuple(
        WeekBar(
            week_start=monday,
            gives=1 + index % 5,
            asks=(index * 3) % 4,
            in_person_or_call=1 + (index * 7) % 5,
            messages=2 + (index * 5) % 11,
        )
        for index, monday in enumerate(starts)
    )
    return ChartData(today=today, checkin_days=checkins, networking_days=MON_FRI, weeks=weeks)


def run(iterations: int = 20) -> dict[str, Any]:
    """Render once to warm up, then `iterations` times; timings in ms, size in bytes."""
    data = sample_data()
    started = time.perf_counter()
    png = render_chart(data, LABELS)
    first_ms = (time.perf_counter() - started) * 1000
    timings = timings_ms(lambda: render_chart(data, LABELS), iterations)
    return {
        "iterations": iterations,
        "first_render_ms": round(first_ms, 1),
        **summary(timings),
        "png_bytes": len(png),
        "target_ms": TARGET_MS,
        **machine(),
        "matplotlib": matplotlib.__version__,
    }


def table(result: dict[str, Any]) -> str:
    return "\n".join(
        [
            "| renders | first (ms) | median (ms) | p95 (ms) | max (ms) | PNG (KiB) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {result['iterations']} | {result['first_render_ms']} | {result['median_ms']} "
            f"| {result['p95_ms']} | {result['max_ms']} | {result['png_bytes'] / 1024:.0f} |",
        ]
    )


def verdict(result: dict[str, Any]) -> str:
    met = "meets" if result["p95_ms"] < TARGET_MS else "misses"
    return f"p95 {result['p95_ms']} ms: {met} the {TARGET_MS} ms target"


def import_ms() -> float:
    """Cold import of the renderer (matplotlib included) in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import bot.chart; print(time.perf_counter() - t)"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return float(output) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--iterations", type=int, default=20, help="timed renders")
    args = parser.parse_args(argv)
    result = run(args.iterations)
    verdict = "under" if result["p95_ms"] < TARGET_MS else "OVER"
    print(f"chart render, {result['iterations']} iterations after 1 warm-up")
    print(f"  median       {result['median_ms']:8.1f} ms")
    print(f"  p95          {result['p95_ms']:8.1f} ms  ({verdict} the {TARGET_MS} ms target)")
    print(f"  max          {result['max_ms']:8.1f} ms")
    print(f"  first render {result['first_render_ms']:8.1f} ms  (warm-up, loads fonts)")
    print(f"  import       {import_ms():8.1f} ms  (bot.chart with matplotlib, fresh process)")
    print(f"  PNG          {result['png_bytes'] / 1024:8.1f} KiB")
    print(f"machine: {result['cpu']}, {result['cores']} cores")
    print(f"python {result['python']}, matplotlib {result['matplotlib']}")


if __name__ == "__main__":
    main()
