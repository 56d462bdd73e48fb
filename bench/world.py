"""A population of users due in the same minute, for the planning benchmark and its tests.

Every user has their daily moment due now, open follow-ups due now, contacts (some due for a
keep-warm, all with a tier) and interactions spread over the last 90 days (more asks than
gives, messages only, peers only: every coaching rule fires). Rows are inserted in bulk.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from db.models import Contact, Followup, Interaction, User
from domain.contacts import Channel, ContactSource, InteractionKind, Tier
from domain.followups import FollowupStatus
from domain.pace import Mode
from domain.weekdays import MON_FRI

# Friday 13 March 2026, 09:00 in Berlin: a networking day, and the default review day.
NOW = datetime(2026, 3, 13, 8, 0, tzinfo=UTC)
TODAY = date(2026, 3, 13)
FIRST_ID = 10_000_000
CHUNK = 20_000  # rows per executemany


@dataclass(frozen=True)
class Shape:
    users: int
    followups_per_user: int = 1
    contacts_per_user: int = 5
    interactions_per_contact: int = 2


async def populate(engine: AsyncEngine, shape: Shape) -> None:
    """Insert the users, contacts, interactions and follow-ups of `shape`."""
    async with engine.begin() as connection:
        for model, rows in (
            (User, _users(shape)),
            (Contact, _contacts(shape)),
            (Interaction, _interactions(shape)),
            (Followup, _followups(shape)),
        ):
            for start in range(0, len(rows), CHUNK):
                await connection.execute(insert(model), rows[start : start + CHUNK])


def user_ids(shape: Shape) -> range:
    return range(FIRST_ID, FIRST_ID + shape.users)


def _users(shape: Shape) -> list[dict[str, Any]]:
    due = NOW - timedelta(seconds=30)
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
            "created_at": NOW - timedelta(days=200),
            "updated_at": NOW - timedelta(days=200),
        }
        for uid in user_ids(shape)
    ]


def _contact_id(shape: Shape, user_index: int, contact: int) -> int:
    return 1 + user_index * shape.contacts_per_user + contact


def _contacts(shape: Shape) -> list[dict[str, Any]]:
    return [
        {
            "id": _contact_id(shape, index, c),
            "user_id": uid,
            "name": f"Contact {c} of {uid}",
            "name_key": f"contact {c} of {uid}",
            "tier": Tier.PEER,
            "source": ContactSource.MANUAL,
            "last_interaction_on": TODAY - timedelta(days=70),
            "keep_warm_due_on": TODAY - timedelta(days=c) if c < 2 else TODAY + timedelta(days=20),
            "created_at": NOW - timedelta(days=200),
        }
        for index, uid in enumerate(user_ids(shape))
        for c in range(shape.contacts_per_user)
    ]


def _interactions(shape: Shape) -> list[dict[str, Any]]:
    kinds = (InteractionKind.ASK, InteractionKind.MET, InteractionKind.ASK, InteractionKind.GIVE)
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
                        "channel": Channel.MESSAGE,
                        "two_way": kind == InteractionKind.MET,
                        "happened_on": TODAY - timedelta(days=(c * 7 + n * 3) % 90),
                        "created_at": NOW - timedelta(days=1),
                    }
                )
    return rows


def _followups(shape: Shape) -> list[dict[str, Any]]:
    due = NOW - timedelta(minutes=1)
    return [
        {
            "user_id": uid,
            "contact_id": _contact_id(shape, index, f % shape.contacts_per_user),
            "note": "send the article",
            "due_at": due,
            "status": FollowupStatus.OPEN,
            "nudges_sent": 0,
            "next_nudge_at": due,
            "at_chosen_time": True,
            "created_at": NOW - timedelta(days=3),
        }
        for index, uid in enumerate(user_ids(shape))
        for f in range(shape.followups_per_user)
    ]
