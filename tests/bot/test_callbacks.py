"""Button data is parsed back only into values the database can hold."""

import pytest

from bot.callbacks import ContactTier, FollowupButton, Forget, ForgetAnswer, PauseFor
from domain.contacts import Tier
from domain.followups import FollowupAct


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 10**20 - 1, -(10**20 - 1)])
def test_a_number_past_what_a_bigint_holds_is_not_a_button(number: int) -> None:
    """Found by tests/fuzz: such ids reached the database, which refused them."""
    assert ContactTier.parse(f"ct:tier:{number}:peer") is None
    assert PauseFor.parse(f"pause:for:{number}") is None
    assert Forget.parse(f"forget:yes:1:{number}") is None
    assert FollowupButton.parse(f"fu:done:{number}") is None


def test_the_bounds_themselves_still_parse() -> None:
    assert ContactTier.parse(f"ct:tier:{2**63 - 1}:peer") == ContactTier(2**63 - 1, Tier.PEER)
    assert Forget.parse(f"forget:no:{-(2**63)}:0") == Forget(ForgetAnswer.NO, -(2**63), 0)
    assert FollowupButton.parse("fu:done:42") == FollowupButton(FollowupAct.DONE, 42)
