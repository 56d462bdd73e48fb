from datetime import date

from bot.domain.coaching import peers_only, warm_relationships
from bot.domain.stats import Touch


def test_peers_only_needs_two_peers_and_no_one_higher() -> None:
    assert peers_only({"peer": 2})
    assert peers_only({"peer": 3, None: 4})  # untiered people do not count either way
    assert not peers_only({"peer": 1})
    assert not peers_only({"peer": 5, "insider": 1})
    assert not peers_only({"peer": 5, "connector": 1})
    assert not peers_only({})


def test_warm_relationships_count_people_not_touches() -> None:
    day = date(2026, 1, 5)
    pairs = [(1, True), (1, True), (2, False), (3, True), (None, True), (2, False)]
    touches = [Touch(cid, "met", day, two_way, None, None) for cid, two_way in pairs]
    assert warm_relationships(touches) == 2
