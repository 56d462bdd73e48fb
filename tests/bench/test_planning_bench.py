"""The planning benchmark still runs (tiny sizes); its timings are reported, never asserted."""

import asyncio
import os

import pytest

from bench.planning import CASES, measure, table, verdict
from tests.harness import NEEDS_POSTGRESQL


def test_a_tiny_planning_pass_reports_every_figure() -> None:
    rows = [asyncio.run(measure("sqlite", 30, case)) for case in CASES]
    typical, worst, floor = rows
    # For everyone: the prompt (with the review inside), a follow-up, coaching, a partner's nudge.
    assert worst["planned"] == 30 * 4
    assert (worst["partnered"], typical["partnered"]) == (30, 10)
    assert 30 <= typical["planned"] < worst["planned"]
    assert floor["planned"] == 30  # one prompt each, nothing else
    assert all(row["rss_peak_mb"] >= row["rss_before_mb"] > 0 for row in rows)
    assert all(0 <= row["statements_s"] <= row["plan_s"] for row in rows)  # a part of the pass
    assert table({"rows": rows}).count("\n") == 4
    assert "floor on sqlite" in verdict({"rows": rows})


@pytest.mark.skipif("TEST_DATABASE_URL" not in os.environ, reason=NEEDS_POSTGRESQL)
def test_two_planning_processes_share_the_users_without_doubles() -> None:
    """Side by side (as replicas), two processes plan every message exactly once."""
    alone = asyncio.run(measure("postgresql", 40, "worst"))
    shared = asyncio.run(measure("postgresql", 40, "worst", processes=2))
    assert shared["processes"] == 2
    assert alone["planned"] == shared["planned"] == 40 * 4
