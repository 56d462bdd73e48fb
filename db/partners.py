"""Partnerships and invite links (the rules are in `domain.partners`, the use cases in
`services.partners`)."""

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Partner, PartnerInvite, User


async def of(session: AsyncSession, user_id: int) -> list[tuple[Partner, User]]:
    """The user's partners rows with the partner's own row, oldest partnership first."""
    query = (
        select(Partner, User)
        .join(User, User.id == Partner.partner_id)
        .where(Partner.user_id == user_id)
        .order_by(Partner.since, Partner.id)
    )
    return [(row, partner) for row, partner in (await session.execute(query)).all()]


async def count(session: AsyncSession, user_id: int) -> int:
    query = select(func.count()).select_from(Partner).where(Partner.user_id == user_id)
    return await session.scalar(query) or 0


async def row(session: AsyncSession, row_id: int) -> Partner | None:
    return await session.get(Partner, row_id)


async def between(session: AsyncSession, user_id: int, partner_id: int) -> Partner | None:
    query = select(Partner).where(Partner.user_id == user_id, Partner.partner_id == partner_id)
    return await session.scalar(query)


async def delete_pair(session: AsyncSession, user_id: int, partner_id: int) -> None:
    await session.execute(
        delete(Partner).where(
            or_(
                (Partner.user_id == user_id) & (Partner.partner_id == partner_id),
                (Partner.user_id == partner_id) & (Partner.partner_id == user_id),
            )
        )
    )


async def last_nudged(session: AsyncSession, user_id: int) -> datetime | None:
    """When a partner's nudge last reached (or is set to reach) the user."""
    query = select(func.max(Partner.nudged_at)).where(Partner.partner_id == user_id)
    return await session.scalar(query)


# --- invites ----------------------------------------------------------------------------------


async def invite(session: AsyncSession, token_hash: str) -> PartnerInvite | None:
    query = select(PartnerInvite).where(PartnerInvite.token_hash == token_hash)
    return await session.scalar(query)


async def use_invite(session: AsyncSession, invite_id: int, now: datetime) -> bool:
    """Mark the invite used; False when someone used it first (single use, even in a race)."""
    result = await session.execute(
        update(PartnerInvite)
        .where(PartnerInvite.id == invite_id, PartnerInvite.used_at.is_(None))
        .values(used_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def drop_spent_invites(session: AsyncSession, user_id: int, now: datetime) -> None:
    """The user's invites that can no longer be used: nothing needs them."""
    await session.execute(
        delete(PartnerInvite).where(
            PartnerInvite.user_id == user_id,
            PartnerInvite.used_at.is_not(None) | (PartnerInvite.expires_at <= now),
        )
    )
