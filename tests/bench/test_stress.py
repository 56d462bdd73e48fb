"""The stress loop reports every run and never leaves a burner behind."""

import sys
from pathlib import Path

import pytest

from bench.stress import burning, main, read_outcome, stress

PASSING = "print('=================== 3 passed, 1 skipped in 0.01s ===================')"
FAILING = (
    "print('FAILED tests/test_x.py::test_y - AssertionError: no')\n"
    "print('=================== 1 failed, 2 passed in 0.02s ===================')\n"
    "raise SystemExit(1)"
)


def test_burners_are_stopped_however_the_block_ends() -> None:
    with pytest.raises(KeyboardInterrupt), burning(2) as burners:
        assert all(burner.is_alive() for burner in burners)
        raise KeyboardInterrupt
    assert not any(burner.is_alive() for burner in burners)


def test_each_run_is_reported_with_its_summary_and_failures(tmp_path: Path) -> None:
    passing = stress(2, 1, [sys.executable, "-c", PASSING], tmp_path)
    assert [(run.number, run.passed, run.summary) for run in passing] == [
        (1, True, "3 passed, 1 skipped"),
        (2, True, "3 passed, 1 skipped"),
    ]
    (failing,) = stress(1, 1, [sys.executable, "-c", FAILING], tmp_path / "again")
    assert (failing.returncode, failing.failures) == (1, ["FAILED tests/test_x.py::test_y"])
    assert "run 1: FAILED (exit 1)" in failing.describe()
    assert failing.log.read_text().startswith("FAILED tests/test_x.py::test_y")


def test_the_exit_status_says_whether_every_run_passed(tmp_path: Path) -> None:
    common = ["--runs", "1", "--burners", "1", "--logs", str(tmp_path), "--", sys.executable]
    assert main([*common, "-c", PASSING]) == 0
    assert main([*common, "-c", FAILING]) == 1


def test_a_quiet_summary_line_is_read_too() -> None:
    assert read_outcome("4 passed, 1 skipped in 59.59s\n") == ("4 passed, 1 skipped", [])
    closing = "====== 1 failed, 1814 passed, 55 skipped in 206.10s (0:03:26) ======\n"
    assert read_outcome(closing) == ("1 failed, 1814 passed, 55 skipped", [])


def test_a_run_without_pytest_output_has_no_summary() -> None:
    assert read_outcome("make: *** [Makefile:13: test] Error 2\n") == ("", [])
