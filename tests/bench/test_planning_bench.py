"""The planning benchmark still runs (tiny sizes); its timings are reported, never asserted."""

import asyncio
import os

import pytest

from bench.planning import measure, table
from tests.harness import NEEDS_POSTGRESQL


def test_a_tiny_planning_pass_reports_every_figure() -> None:
    rows = [asyncio.run(measure("sqlite", 30, typical)) for typical in (True, False)]
    typical, worst = rows
    assert worst["planned"] == 30 * 4  # prompt, follow-up, review and coaching for everyone
    assert 30 <= typical["planned"] < worst["planned"]
    assert all(row["rss_peak_mb"] >= row["rss_before_mb"] > 0 for row in rows)
    assert all(0 < row["statements_s"] <= row["plan_s"] for row in rows)  # a part of the pass
    assert table({"rows": rows}).count("\n") == 3


@pytest.mark.skipif("TEST_DATABASE_URL" not in os.environ, reason=NEEDS_POSTGRESQL)
def test_two_planning_processes_share_the_users_without_doubles() -> None:
    """Side by side (as replicas), two processes plan every message exactly once."""
    alone = asyncio.run(measure("postgresql", 40, typical=False))
    shared = asyncio.run(measure("postgresql", 40, typical=False, processes=2))
    assert shared["processes"] == 2
    assert alone["planned"] == shared["planned"] == 40 * 4
