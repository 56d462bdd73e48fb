"""The reader scored on labelled check-ins: precision and recall per field, against targets.

`pytest tests/understanding -s` prints the table. The project's own set (`checkins.json`, at
least 150 check-ins written for this project) and two sets written apart from the reader
(`holdout.json`, `blind.json`; their first scores, before any rule they showed was added, are
in docs/understanding.md) are asserted against the targets; the shared sample
(`../shared/understanding/dev.json`) is scored the same way where a checkout has it.
"""

from pathlib import Path

import pytest

from tests.understanding.scoring import (
    BLIND_SET,
    HOLDOUT_SET,
    OWN_SET,
    SHARED_SET,
    Score,
    load,
    score,
)

# The targets: people F1 ≥ 0.90 with precision ≥ 0.95; follow-ups (person and date) F1 ≥ 0.85;
# channels right ≥ 0.85; gives and asks linked to the right person ≥ 0.85.
PEOPLE_F1, PEOPLE_PRECISION, FOLLOWUPS_F1, CHANNELS, EXCHANGES = 0.90, 0.95, 0.85, 0.85, 0.85


def _assert_targets(result: Score, title: str) -> None:
    report = result.report(title)
    print(report)  # the table is the point of this test: `pytest -s` shows it
    misses = "\n".join(result.misses[:15])
    assert result.people.f1 >= PEOPLE_F1, f"{report}\n{misses}"
    assert result.people.precision >= PEOPLE_PRECISION, f"{report}\n{misses}"
    assert result.followups.f1 >= FOLLOWUPS_F1, f"{report}\n{misses}"
    assert result.channels.recall >= CHANNELS, f"{report}\n{misses}"
    assert result.exchanges.f1 >= EXCHANGES, f"{report}\n{misses}"


def test_the_projects_own_set_is_big_enough_and_labelled_consistently() -> None:
    cases = load(OWN_SET)
    assert len(cases) >= 150
    for case in cases:
        assert len(case["answers"]) == 4
        people = set(case["people"])
        named = {*case["channels"], *case["gives"], *case["asks"]}
        named |= {f["person"] for f in case["followups"]}
        assert named <= people, case


@pytest.mark.parametrize("path", [OWN_SET, HOLDOUT_SET, BLIND_SET], ids=["own", "holdout", "blind"])
def test_the_reader_meets_its_targets(path: Path) -> None:
    _assert_targets(score(load(path)), path.name)


@pytest.mark.skipif(
    not SHARED_SET.exists(), reason="../shared/understanding/dev.json is not beside this checkout"
)
def test_the_shared_sample_is_scored_the_same_way() -> None:
    _assert_targets(score(load(SHARED_SET)), "shared dev.json")
