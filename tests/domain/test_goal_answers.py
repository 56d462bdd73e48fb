"""The /goal conversation's pure parts: reading "who can help", and the one suggestion at a
target where the user knows nobody yet."""

import pytest

from domain.goals import (
    MAX_COMPANIES,
    MAX_ROLES,
    GoalPart,
    Helpers,
    NextStep,
    Suggestion,
    next_step,
    read_helpers,
)


@pytest.mark.parametrize(
    ("text", "companies", "roles"),
    [
        (
            "Stripe, Adyen, N26; hiring managers, team leads",
            ("Stripe", "Adyen", "N26"),
            ("hiring managers", "team leads"),
        ),
        (
            "hiring managers and team leads at Stripe or Adyen",
            ("Stripe", "Adyen"),
            ("hiring managers", "team leads"),
        ),
        ("engineers from Adyen, CTOs", ("Adyen",), ("engineers", "CTOs")),
        ("people at Stripe", ("Stripe",), ()),  # "people" names no role
        ("Stripe (Berlin office)\n- recruiters", ("Stripe",), ("recruiters",)),
        ("1. Acme Inc.\n2. ACME\n3. Globex", ("Acme Inc.", "Globex"), ()),  # each company once
        ("Head of Design, head of design", (), ("Head of Design",)),  # each role once
        ("not sure", (), ()),
        ("", (), ()),
    ],
)
def test_read_helpers(text: str, companies: tuple[str, ...], roles: tuple[str, ...]) -> None:
    assert read_helpers(text) == Helpers(companies, roles)


def test_read_helpers_caps_both_lists() -> None:
    many = ", ".join(f"Company{i}" for i in range(MAX_COMPANIES + 5))
    assert len(read_helpers(many).companies) == MAX_COMPANIES
    roles = ", ".join(f"manager of team {i}" for i in range(MAX_ROLES + 5))
    assert len(read_helpers(roles).roles) == MAX_ROLES
    assert read_helpers("a " * 40 + "manager").roles == ()  # a sentence, not a role


def test_empty_helpers() -> None:
    assert read_helpers("n/a").empty
    assert not read_helpers("Stripe").empty


def test_parts_are_asked_in_order() -> None:
    assert list(GoalPart) == [GoalPart.WANT, GoalPart.WHO, GoalPart.WHERE]


def test_next_step_names_a_connector_or_the_place() -> None:
    connectors, place = ("Carl", "Dee"), "Berlin Fintech Meetup"
    steps = [next_step(i, connectors, place) for i in range(4)]
    assert steps == [
        NextStep(Suggestion.ASK_CONNECTOR, "Carl"),
        NextStep(Suggestion.GO_WHERE_THEY_GATHER),
        NextStep(Suggestion.ASK_CONNECTOR, "Dee"),
        NextStep(Suggestion.GO_WHERE_THEY_GATHER),
    ]
    assert next_step(1, connectors, None) == NextStep(Suggestion.ASK_CONNECTOR, "Dee")
    assert next_step(3, (), place) == NextStep(Suggestion.GO_WHERE_THEY_GATHER)
    assert next_step(0, (), None) == NextStep(Suggestion.ASK_FOR_INTRO)
    assert next_step(0, (), "") == NextStep(Suggestion.ASK_FOR_INTRO)
