from datetime import date

import pytest

from domain.coaching import is_vague_ask, peers_only, warm_relationships
from domain.stats import Touch


def test_peers_only_needs_two_peers_and_no_one_higher() -> None:
    assert peers_only({"peer": 2})
    assert peers_only({"peer": 3, None: 4})  # untiered people do not count either way
    assert not peers_only({"peer": 1})
    assert not peers_only({"peer": 5, "insider": 1})
    assert not peers_only({"peer": 5, "connector": 1})
    assert not peers_only({})


@pytest.mark.parametrize(
    "text",
    [
        "Let me know if you hear of anything",
        "asked Tom to keep me in mind",
        "told Priya I'm open to any opportunities",
        "asked if she could tell me if anything comes up",
        "wanted to pick her brain",
        "let me know if anything comes up",
        "asked Sam to keep an eye out for roles",
        "could you keep your ears open for me?",
    ],
)
def test_vague_asks(text: str) -> None:
    assert is_vague_ask(text)


@pytest.mark.parametrize(
    "text",
    [
        "Asked Priya for an intro to her CTO",
        "Asked Tom for a 20-minute call on Thursday",
        "Asked Sam to refer me for the PM role at Acme",
        "Could you introduce me to the design lead at Acme?",
        "asked Sam to forward my CV to the hiring manager at Acme",
        "for 20 minutes next week on how your team hires",
    ],
)
def test_specific_asks(text: str) -> None:
    assert not is_vague_ask(text)


def test_warm_relationships_count_people_not_touches() -> None:
    day = date(2026, 1, 5)
    pairs = [(1, True), (1, True), (2, False), (3, True), (None, True), (2, False)]
    touches = [Touch(cid, "met", day, two_way, None, None) for cid, two_way in pairs]
    assert warm_relationships(touches) == 2
