"""Coaching rules that decide whether a nudge is due. Pure; each names its principle row
(docs/coaching.md)."""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from domain.contacts import (
    HIGH_LEVERAGE_TIERS,
    Channel,
    InteractionKind,
    Tier,
    effective_interval,
)
from domain.stats import Touch

# Row 2: talking to the wrong people. Two weeks with at least two peers and nobody who hires,
# decides or connects.
REACH_WINDOW_DAYS = 14
REACH_MIN_PEERS = 2
# Row 3: relationships, not names.
WARM_WINDOW_DAYS = 90
KEEP_WARM_MAX = 3  # people named in one keep-warm nudge
# Row 5: taking before giving. More asks than gives in two weeks, and at least two asks.
GIVE_FIRST_WINDOW_DAYS = 14
GIVE_FIRST_MIN_ASKS = 2
# Row 9: online only. Two weeks with at least three interactions whose channel is known, and
# none of them in person or by call/video. Interactions without a channel say nothing either way.
ONLINE_WINDOW_DAYS = 14
ONLINE_MIN_INTERACTIONS = 3
LIVE_CHANNELS = frozenset({Channel.IN_PERSON, Channel.CALL})

# Row 6: vague asks ("let me know if you hear of anything"). Each entry is one phrasing that
# asks for nothing in particular; tests/domain/test_coaching.py holds the examples.
VAGUE_ASK_PHRASES: tuple[str, ...] = (
    r"let (?:me|us) know if",
    r"keep (?:me|us) in mind",
    r"keep (?:an|your) (?:eye|eyes|ear|ears) (?:out|open)",
    r"anything (?:comes up|at all)",
    r"any(?:thing| opportunities| openings| leads)\b(?! specific)",
    r"if you hear of",
    r"whatever (?:you can|comes up)",
    r"pick (?:your|his|her|their) brains?",
    r"open to (?:opportunities|anything|whatever)",
)
_VAGUE_ASK = re.compile(r"\b(?:" + "|".join(VAGUE_ASK_PHRASES) + ")", re.IGNORECASE)


def is_vague_ask(text: str) -> bool:
    """An ask with no named person, call or role in it, just "anything" or "let me know"."""
    return _VAGUE_ASK.search(text) is not None


def peers_only(tiers_reached: Mapping[Tier | None, int]) -> bool:
    """At least two peers and nobody who hires, decides or connects."""
    return tiers_reached.get(Tier.PEER, 0) >= REACH_MIN_PEERS and not any(
        tiers_reached.get(tier, 0) for tier in HIGH_LEVERAGE_TIERS
    )


@dataclass(frozen=True)
class GivesAndAsks:
    gives: int
    asks: int


def asks_outweigh_gives(touches: Iterable[Touch], today: date) -> GivesAndAsks | None:
    """The last two weeks' gives and asks when asks outnumber gives (and there are two)."""
    since = today - timedelta(days=GIVE_FIRST_WINDOW_DAYS - 1)
    gives = asks = 0
    for touch in touches:
        if touch.day >= since:
            gives += touch.kind == InteractionKind.GIVE
            asks += touch.kind == InteractionKind.ASK
    return GivesAndAsks(gives, asks) if asks > gives and asks >= GIVE_FIRST_MIN_ASKS else None


def online_only(touches: Iterable[Touch], today: date) -> int | None:
    """How many interactions the last two weeks held, when none of them was live."""
    since = today - timedelta(days=ONLINE_WINDOW_DAYS - 1)
    channels = [t.channel for t in touches if t.day >= since and t.channel is not None]
    if len(channels) < ONLINE_MIN_INTERACTIONS or LIVE_CHANNELS & set(channels):
        return None
    return len(channels)


def keep_warm_due_on(
    last_interaction_on: date | None, added_on: date, tier: Tier | None, own_days: int | None
) -> date | None:
    """The day a contact is due for a keep-warm nudge: its interval after the last time you
    talked (or after it was added); None when it has no interval."""
    interval = effective_interval(own_days, tier)
    if interval is None:
        return None
    return (last_interaction_on or added_on) + timedelta(days=interval)


@dataclass(frozen=True)
class KeepWarmCandidate:
    contact_id: int
    name: str
    tier: Tier | None
    last_interaction_on: date | None
    due_on: date


def keep_warm_picks(
    candidates: Sequence[KeepWarmCandidate], today: date
) -> list[KeepWarmCandidate]:
    """Up to KEEP_WARM_MAX people due on or before today, the longest overdue first."""
    due = sorted((c for c in candidates if c.due_on <= today), key=lambda c: (c.due_on, c.name))
    return due[:KEEP_WARM_MAX]
