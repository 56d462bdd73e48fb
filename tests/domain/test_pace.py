"""The pace of networking: the answer to "searching or employed?" and the days it proposes."""

import pytest

from domain.pace import DEFAULT_DAYS, TUE_THU, Mode, days_to_propose, parse_mode
from domain.weekdays import MON_FRI

MON_WED_FRI = 0b0010101


def test_default_days_are_never_empty() -> None:
    assert DEFAULT_DAYS == {Mode.SEARCHING: MON_FRI, Mode.EMPLOYED: TUE_THU}
    assert all(DEFAULT_DAYS[mode] for mode in Mode)


def test_switching_proposes_the_new_modes_days() -> None:
    assert days_to_propose(Mode.SEARCHING, Mode.EMPLOYED, MON_FRI) == TUE_THU
    assert days_to_propose(Mode.EMPLOYED, Mode.SEARCHING, TUE_THU) == MON_FRI
    assert days_to_propose(Mode.EMPLOYED, Mode.SEARCHING, MON_WED_FRI) == MON_FRI


def test_nothing_to_propose_without_a_switch_or_when_the_days_already_fit() -> None:
    assert days_to_propose(Mode.SEARCHING, Mode.SEARCHING, TUE_THU) is None
    assert days_to_propose(Mode.SEARCHING, Mode.EMPLOYED, TUE_THU) is None


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("searching", Mode.SEARCHING),
        ("Job-searching", Mode.SEARCHING),
        ("  job   searching. ", Mode.SEARCHING),
        ("looking", Mode.SEARCHING),
        ("Employed", Mode.EMPLOYED),
        ("working!", Mode.EMPLOYED),
        ("I have a job", Mode.EMPLOYED),
    ],
)
def test_typed_answers(text: str, mode: Mode) -> None:
    assert parse_mode(text) == mode


@pytest.mark.parametrize("text", ["", "maybe", "not searching", "unemployed", "both"])
def test_answers_that_name_neither(text: str) -> None:
    assert parse_mode(text) is None
