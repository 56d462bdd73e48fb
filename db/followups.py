"""Queries about follow-ups."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Contact, Followup, Interaction, User
from domain.followups import FollowupStatus


async def get_owned(session: AsyncSession, followup_id: int, user_id: int) -> Followup | None:
    """The follow-up, only if it belongs to `user_id`."""
    followup = await session.get(Followup, followup_id)
    return followup if followup is not None and followup.user_id == user_id else None


async def create(
    session: AsyncSession,
    *,
    user_id: int,
    contact_id: int,
    note: str | None,
    due_at: datetime,
    now: datetime,
    checkin_id: int | None = None,
) -> Followup:
    followup = Followup(
        user_id=user_id,
        contact_id=contact_id,
        note=note,
        due_at=due_at,
        checkin_id=checkin_id,
        status=FollowupStatus.OPEN,
        nudges_sent=0,
        next_nudge_at=due_at,
        created_at=now,
    )
    session.add(followup)
    await session.flush()
    return followup


async def open_until(
    session: AsyncSession, user_id: int, until: datetime
) -> Sequence[tuple[Followup, Contact]]:
    """Open follow-ups due before `until` (overdue included), soonest first."""
    query = (
        select(Followup, Contact)
        .join(Contact, Contact.id == Followup.contact_id)
        .where(
            Followup.user_id == user_id,
            Followup.status == FollowupStatus.OPEN,
            Followup.due_at < until,
        )
        .order_by(Followup.due_at, Followup.id)
    )
    return [(f, c) for f, c in await session.execute(query)]


async def due_nudges(
    session: AsyncSession, now: datetime, limit: int
) -> Sequence[tuple[Followup, Contact, User]]:
    """Open follow-ups whose next nudge has come, for active users, locked for this replica."""
    query = (
        select(Followup, Contact, User)
        .join(Contact, Contact.id == Followup.contact_id)
        .join(User, User.id == Followup.user_id)
        .where(
            Followup.next_nudge_at <= now,
            Followup.status == FollowupStatus.OPEN,
            User.active.is_(True),
        )
        .order_by(Followup.next_nudge_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Followup)
    )
    return [(f, c, u) for f, c, u in await session.execute(query)]


async def done_since(
    session: AsyncSession, user_id: int, since: datetime
) -> Sequence[tuple[datetime, datetime]]:
    """(due, done) of follow-ups due since `since` and done."""
    query = select(Followup.due_at, Followup.done_at).where(
        Followup.user_id == user_id,
        Followup.status == FollowupStatus.DONE,
        Followup.due_at >= since,
    )
    return [(due, done) for due, done in await session.execute(query) if done is not None]


async def overdue_count(session: AsyncSession, user_id: int, now: datetime) -> int:
    query = select(func.count(Followup.id)).where(
        Followup.user_id == user_id, Followup.status == FollowupStatus.OPEN, Followup.due_at < now
    )
    return int(await session.scalar(query) or 0)


async def count_since_reply(session: AsyncSession, contact_id: int) -> int:
    """Follow-ups logged for a contact since they last answered (or the two of you met)."""
    last_reply = (
        select(func.max(Interaction.created_at))
        .where(Interaction.contact_id == contact_id, Interaction.two_way.is_(True))
        .scalar_subquery()
    )
    query = select(func.count(Followup.id)).where(
        Followup.contact_id == contact_id,
        (last_reply.is_(None)) | (Followup.created_at > last_reply),
    )
    return int(await session.scalar(query) or 0)


async def has_any(session: AsyncSession, user_id: int) -> bool:
    """Whether the user ever set a follow-up."""
    query = select(Followup.id).where(Followup.user_id == user_id).limit(1)
    return await session.scalar(query) is not None


async def open_ones(session: AsyncSession, user_id: int) -> Sequence[tuple[Followup, Contact]]:
    """Every open follow-up with its contact, soonest first."""
    query = (
        select(Followup, Contact)
        .join(Contact, Contact.id == Followup.contact_id)
        .where(Followup.user_id == user_id, Followup.status == FollowupStatus.OPEN)
        .order_by(Followup.due_at, Followup.id)
    )
    return [(f, c) for f, c in await session.execute(query)]
