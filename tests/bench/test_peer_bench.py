"""The baseline-peer benchmark still runs (200 users); its timings are reported, never
asserted."""

import asyncio

from bench.peer import measure_ours, measure_peer, table, verdict


def test_both_designs_start_with_200_users_and_report_every_figure() -> None:
    peer = asyncio.run(measure_peer(200, settle=0.2))
    ours = asyncio.run(measure_ours(200, "sqlite", settle=0.2))
    assert peer["jobs"] == 200  # one run_daily job per user, as the scheduler holds them
    assert ours["jobs"] == 0
    for row in (peer, ours):
        assert row["users"] == 200
        assert row["startup_s"] > 0
        assert row["peak_rss_mb"] >= row["rss_mb"] > 0
    result = {"rows": [peer, ours]}
    assert table(result).count("\n") == 3
    assert verdict(result).startswith("200 users: ours (sqlite) starts in")
