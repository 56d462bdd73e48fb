"""Queries about users (the schedule rules are in `services.users`)."""

from datetime import datetime, time

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage, OutboxStatus, User
from domain.partners import Share


async def get(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


def new_user(
    *,
    user_id: int,
    chat_id: int,
    first_name: str,
    timezone: str,
    checkin_time: time,
    networking_days: int,
    now: datetime,
    language: str = "en",
) -> User:
    return User(
        id=user_id,
        chat_id=chat_id,
        first_name=first_name[:128],
        timezone=timezone,
        checkin_time=checkin_time,
        networking_days=networking_days,
        partner_share=Share.ALL,
        language=language,
        active=True,
        created_at=now,
        updated_at=now,
    )


async def mark_unreachable(session: AsyncSession, user_id: int, now: datetime) -> None:
    """Telegram said the user blocked the bot (or the chat is gone): stop every send to them."""
    await session.execute(
        update(User).where(User.id == user_id).values(active=False, updated_at=now)
    )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.user_id == user_id, OutboxMessage.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.FAILED, last_error="user unreachable")
    )
