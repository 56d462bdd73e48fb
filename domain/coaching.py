"""Coaching rules that decide whether a nudge is due. Pure; each names its principle row."""

import re
from collections.abc import Iterable, Mapping

from domain.contacts import HIGH_LEVERAGE_TIERS
from domain.stats import Touch

# Row 2: talking to the wrong people.
REACH_WINDOW_DAYS = 14
# Row 6: vague asks ("let me know if you hear of anything").
_VAGUE_ASK = re.compile(
    r"\b(?:let (?:me|us) know if|keep (?:me|us) in mind|anything (?:comes up|at all)|"
    r"any(?:thing| opportunities| openings| leads)\b(?! specific)|"
    r"if you hear of|whatever (?:you can|comes up)|pick (?:your|his|her|their) brains?)",
    re.IGNORECASE,
)
# Row 3: relationships, not names.
WARM_WINDOW_DAYS = 90


def peers_only(tiers_reached: Mapping[str | None, int]) -> bool:
    """Two weeks with at least two peers and nobody who hires, decides or connects."""
    return tiers_reached.get("peer", 0) >= 2 and not any(
        tiers_reached.get(tier, 0) for tier in HIGH_LEVERAGE_TIERS
    )


def is_vague_ask(text: str) -> bool:
    """An ask with no named person, call or role in it, just "anything" or "let me know"."""
    return _VAGUE_ASK.search(text) is not None


def warm_relationships(touches: Iterable[Touch]) -> int:
    """People with at least one two-way interaction (they replied, or you met) in the window."""
    return len({t.contact_id for t in touches if t.two_way and t.contact_id is not None})
