"""The chart benchmark still runs; its timings are reported, never asserted."""

from bench.chart import run

KEYS = {
    "iterations",
    "first_render_ms",
    "median_ms",
    "p95_ms",
    "max_ms",
    "png_bytes",
    "target_ms",
    "cpu",
    "cores",
    "python",
    "matplotlib",
}


def test_one_iteration_reports_every_key() -> None:
    result = run(iterations=1)
    assert result.keys() >= KEYS
    assert result["iterations"] == 1
    assert 0 < result["png_bytes"] < 1_000_000
