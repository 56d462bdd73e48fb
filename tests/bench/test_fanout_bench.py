"""The fan-out benchmark still runs (tiny sizes, real bot processes): every prompt arrives
exactly once and every figure is there; its timings are reported, never asserted."""

import os

import pytest

from bench.fanout import measure, measure_bare, table, verdict
from tests.harness import NEEDS_POSTGRESQL

FIGURES = ("first_send_s", "duration_s", "whole_per_s", "sustained_per_s", "cpu_ms_per_send")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_a_tiny_fan_out_delivers_each_prompt_once_and_reports_every_figure(
    backend: str,
) -> None:
    if backend == "postgresql" and not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip(NEEDS_POSTGRESQL)
    rows = [await measure(backend, 40, limit) for limit in (0, 100)]
    rows.append(await measure_bare(40))
    for row in rows:
        assert (row["sent"], row["missing"], row["doubled"], row["stalled"]) == (40, 0, 0, False)
        assert all(row[figure] is not None for figure in FIGURES), row
    result = {"rows": rows}
    assert table(result).count("\n") == 1 + len(rows)
    lines = verdict(result).splitlines()
    assert len(lines) == len(rows)
    assert "WRONG" not in verdict(result)
    assert "the bare PTB bot's" in lines[0]  # the raw row is set against the baseline
