"""A population of users due in the same minute, for the planning benchmark and its tests.

Every user's daily moment is due now. In the worst case (the default) everything else is due
too: their open follow-ups, a weekly review (it is Friday), keep-warm contacts, and
interactions over the last 90 days with more asks than gives, messages only and peers only, so
every coaching rule fires for everyone; and everyone has one partner, quiet for two days (a
suggestion), who asked to nudge them (a nudge, and the digest in the review). The typical case
is a Wednesday: one follow-up in 30 is due, one user in ten has a keep-warm due, and the
interactions are balanced (gives and asks, some in person, someone who can hire among the
contacts), and a third of users have one partner (one pair in five with a nudge waiting).
Rows are inserted in bulk, with explicit ids: add nothing else to such a database.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from db.models import Contact, Followup, Interaction, Partner, User
from domain.contacts import Channel, ContactSource, InteractionKind, Tier
from domain.followups import FollowupStatus
from domain.pace import Mode
from domain.weekdays import MON_FRI

# Friday 13 March 2026, 09:00 in Berlin: a networking day, and the default review day.
NOW = datetime(2026, 3, 13, 8, 0, tzinfo=UTC)
TODAY = date(2026, 3, 13)
# The typical case: Wednesday 11 March, 09:00 in Berlin.
TYPICAL_NOW = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
FIRST_ID = 10_000_000
CHUNK = 20_000  # rows per executemany


@dataclass(frozen=True)
class Shape:
    users: int
    followups_per_user: int = 1
    contacts_per_user: int = 5
    interactions_per_contact: int = 2
    typical: bool = False
    partnerships: bool = True

    @property
    def now(self) -> datetime:
        return TYPICAL_NOW if self.typical else NOW

    @property
    def today(self) -> date:
        return self.now.date()


async def populate(engine: AsyncEngine, shape: Shape) -> None:
    """Insert the users, contacts, interactions and follow-ups of `shape`."""
    async with engine.begin() as connection:
        for model, rows in (
            (User, _users(shape)),
            (Contact, _contacts(shape)),
            (Interaction, _interactions(shape)),
            (Followup, _followups(shape)),
            (Partner, _partners(shape)),
        ):
            for start in range(0, len(rows), CHUNK):
                await connection.execute(insert(model), rows[start : start + CHUNK])


def user_ids(shape: Shape) -> range:
    return range(FIRST_ID, FIRST_ID + shape.users)


def _users(shape: Shape) -> list[dict[str, Any]]:
    due = shape.now - timedelta(seconds=30)
    return [
        {
            "id": uid,
            "chat_id": uid,
            "first_name": f"User {uid}",
            "timezone": "Europe/Berlin",
            "checkin_time": time(9),
            "networking_days": MON_FRI,
            "next_daily_at": due,
            "wake_at": due,
            "active": True,
            "mode": Mode.SEARCHING,
            "quiet_start": time(21),
            "quiet_end": time(8),
            "review_day": 4,
            "onboarded_at": shape.now - timedelta(days=200),
            "created_at": shape.now - timedelta(days=200),
            "updated_at": shape.now - timedelta(days=200),
        }
        for uid in user_ids(shape)
    ]


def _contact_id(shape: Shape, user_index: int, contact: int) -> int:
    return 1 + user_index * shape.contacts_per_user + contact


def _contacts(shape: Shape) -> list[dict[str, Any]]:
    today = shape.today

    def due_on(index: int, c: int) -> date:
        due = (c == 0 and index % 10 == 0) if shape.typical else c < 2
        return today - timedelta(days=c) if due else today + timedelta(days=20)

    def tier(c: int) -> Tier:
        return Tier.DECISION_MAKER if shape.typical and c == 0 else Tier.PEER

    return [
        {
            "id": _contact_id(shape, index, c),
            "user_id": uid,
            "name": f"Contact {c} of {uid}",
            "name_key": f"contact {c} of {uid}",
            "tier": tier(c),
            "source": ContactSource.MANUAL,
            "last_interaction_on": today - timedelta(days=70),
            "keep_warm_due_on": due_on(index, c),
            "created_at": shape.now - timedelta(days=200),
        }
        for index, uid in enumerate(user_ids(shape))
        for c in range(shape.contacts_per_user)
    ]


def _interactions(shape: Shape) -> list[dict[str, Any]]:
    if shape.typical:
        kinds = (
            InteractionKind.MET,
            InteractionKind.GIVE,
            InteractionKind.ASK,
            InteractionKind.MET,
        )
    else:
        kinds = (
            InteractionKind.ASK,
            InteractionKind.MET,
            InteractionKind.ASK,
            InteractionKind.GIVE,
        )
    channels = (Channel.IN_PERSON, Channel.MESSAGE) if shape.typical else (Channel.MESSAGE,)
    rows = []
    for index, uid in enumerate(user_ids(shape)):
        for c in range(shape.contacts_per_user):
            for n in range(shape.interactions_per_contact):
                kind = kinds[(c + n) % len(kinds)]
                rows.append(
                    {
                        "user_id": uid,
                        "contact_id": _contact_id(shape, index, c),
                        "kind": kind,
                        "channel": channels[(c + n) % len(channels)],
                        "two_way": kind == InteractionKind.MET,
                        "happened_on": shape.today - timedelta(days=(c * 7 + n * 3) % 90),
                        "created_at": shape.now - timedelta(days=1),
                    }
                )
    return rows


def _followups(shape: Shape) -> list[dict[str, Any]]:
    def due(index: int) -> datetime:
        later = index % 30 if shape.typical else 0  # typical: one in 30 is due now
        return shape.now - timedelta(minutes=1) + timedelta(days=later)

    return [
        {
            "user_id": uid,
            "contact_id": _contact_id(shape, index, f % shape.contacts_per_user),
            "note": "send the article",
            "due_at": due(index),
            "status": FollowupStatus.OPEN,
            "nudges_sent": 0,
            "next_nudge_at": due(index),
            "at_chosen_time": True,
            "created_at": shape.now - timedelta(days=3),
        }
        for index, uid in enumerate(user_ids(shape))
        for f in range(shape.followups_per_user)
    ]


def partnered(shape: Shape) -> int:
    """How many users have a partner."""
    return len(_partners(shape))


def _partners(shape: Shape) -> list[dict[str, Any]]:
    """Pairs of neighbours: every user (worst case) or a third of them (typical), each pair two
    rows; the worst case has a nudge waiting both ways, the typical one in one pair in five."""
    if not shape.partnerships:
        return []
    ids = list(user_ids(shape))
    every = 6 if shape.typical else 2
    since = shape.now - timedelta(days=60)
    asked = shape.now - timedelta(hours=1)
    rows = []
    for pair, index in enumerate(range(0, len(ids) - 1, every)):
        a, b = ids[index], ids[index + 1]
        waiting = asked if not shape.typical or pair % 5 == 0 else None
        rows += [
            {"user_id": a, "partner_id": b, "since": since, "nudge_requested_at": waiting},
            {"user_id": b, "partner_id": a, "since": since, "nudge_requested_at": waiting},
        ]
    return rows
