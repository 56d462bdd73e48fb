"""The inbound benchmark still runs (three chats): every update is answered and counted; its
rates are reported, never asserted."""

import asyncio

from bench.inbound import measure, script, table, verdict


def test_a_tiny_burst_reports_both_bots() -> None:
    echo = asyncio.run(measure("echo", "sqlite", 3))
    ours = asyncio.run(measure("marathon", "sqlite", 3))
    assert echo["replies_per_checkin"] == len(script(0))  # one echo per update
    assert ours["replies_per_checkin"] >= len(script(0))  # a question or a summary each
    for row in (echo, ours):
        assert row["updates"] == 3 * len(script(0))
        assert 0 < row["p50_ms"] <= row["p99_ms"]
        assert row["updates_per_s"] > 0
    ours["ratio"] = round(ours["updates_per_s"] / echo["updates_per_s"], 2)
    echo["ratio"] = 1.0
    result = {"rows": [echo, ours]}
    assert table(result).count("\n") == 3
    assert verdict(result).startswith("sqlite: ")
