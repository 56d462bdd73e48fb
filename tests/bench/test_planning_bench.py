"""The planning benchmark still runs (tiny sizes); its timings are reported, never asserted."""

import asyncio

from bench.planning import measure, table


def test_a_tiny_planning_pass_reports_every_figure() -> None:
    rows = [asyncio.run(measure("sqlite", 30, typical)) for typical in (True, False)]
    typical, worst = rows
    assert worst["planned"] == 30 * 4  # prompt, follow-up, review and coaching for everyone
    assert 30 <= typical["planned"] < worst["planned"]
    assert all(row["rss_peak_mb"] >= row["rss_before_mb"] > 0 for row in rows)
    assert table({"rows": rows}).count("\n") == 3
