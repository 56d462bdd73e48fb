from datetime import date, timedelta

import pytest

from domain.coaching import (
    GivesAndAsks,
    KeepWarmCandidate,
    asks_outweigh_gives,
    is_vague_ask,
    keep_warm_due_on,
    keep_warm_picks,
    online_only,
    peers_only,
)
from domain.contacts import Tier
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


def test_keep_warm_due_day_follows_the_interval() -> None:
    added = date(2026, 1, 1)
    assert keep_warm_due_on(None, added, Tier.INSIDER, None) == date(2026, 1, 22)  # 21 days
    assert keep_warm_due_on(date(2026, 2, 1), added, Tier.PEER, None) == date(2026, 4, 2)
    assert keep_warm_due_on(date(2026, 2, 1), added, Tier.PEER, 14) == date(2026, 2, 15)
    assert keep_warm_due_on(date(2026, 2, 1), added, Tier.PEER, 0) is None  # "no reminders"
    assert keep_warm_due_on(date(2026, 2, 1), added, None, None) is None  # no tier, no interval


def test_keep_warm_picks_the_three_longest_overdue() -> None:
    today = date(2026, 3, 10)
    people = [
        KeepWarmCandidate(i, name, None, None, today - timedelta(days=days))
        for i, (name, days) in enumerate(
            [("Ann", 1), ("Ben", 9), ("Cat", 0), ("Dan", 5), ("Eve", -2)]
        )
    ]
    assert [p.name for p in keep_warm_picks(people, today)] == ["Ben", "Dan", "Ann"]


def test_asks_outweigh_gives_in_two_weeks() -> None:
    today = date(2026, 3, 10)

    def ledger(*entries: tuple[str, int]) -> list[Touch]:
        return [
            Touch(None, kind, today - timedelta(days=ago), False, None, None)
            for kind, ago in entries
        ]

    assert asks_outweigh_gives(ledger(("ask", 1), ("ask", 13)), today) == GivesAndAsks(0, 2)
    assert asks_outweigh_gives(ledger(("ask", 1), ("ask", 14)), today) is None  # 15 days ago
    assert (
        asks_outweigh_gives(ledger(("ask", 1), ("ask", 2), ("give", 3), ("give", 4)), today) is None
    )


def test_online_only_ignores_interactions_without_a_channel() -> None:
    today = date(2026, 3, 10)
    messages = [Touch(1, "met", today, True, "message", None) for _ in range(3)]
    unknown = [Touch(1, "met", today, True, None, None) for _ in range(5)]
    assert online_only(messages + unknown, today) == 3
    assert online_only(messages[:2] + unknown, today) is None
    assert online_only([*messages, Touch(1, "met", today, True, "call", None)], today) is None
