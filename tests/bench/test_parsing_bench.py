"""The parsing benchmark still runs; its timings are reported, never asserted."""

from bench.parsing import CASES, run


def test_one_iteration_reports_every_case() -> None:
    result = run(iterations=1)
    assert set(result["cases"]) == set(CASES)
    assert result["reading"]["checkins"] >= 150 and result["reading"]["median_ms"] > 0
    assert all(times["max_ms"] >= 0 for times in result["cases"].values())
    assert result["cores"] and result["cpu"]
