"""The /stats benchmark still runs (a month of history, 50 contacts); its timings are reported,
never asserted."""

import asyncio

from bench.history import History
from bench.stats import measure, table, verdict


def test_a_small_history_reports_every_figure() -> None:
    history = History(days=30, contacts=50)
    row = asyncio.run(measure("sqlite", history, iterations=2))
    checkins = len(history.checkin_days)
    assert row["checkins"] == checkins
    assert row["answers"] == 4 * checkins
    assert row["contacts"] == 50
    assert row["interactions"] == 4 * checkins + 3 * 50
    # The reply is the user's: every networking day checked in, today included.
    assert row["reply_checkins"] == checkins
    assert row["reply_streak"] == checkins
    assert row["service_text_is_reply"]
    for figure in ("text", "photo", "service", "service_cpu"):
        timings = row[figure]
        assert 0 < timings["median_ms"] <= timings["p95_ms"] <= timings["max_ms"]
    assert row["photo"]["median_ms"] > row["text"]["median_ms"]  # the chart comes second
    result = {"rows": [row], "target_ms": 100}
    assert table(result).count("\n") == 2
    assert "/stats on sqlite" in verdict(result)
