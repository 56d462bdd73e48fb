"""Queries about the elevator pitch: every version is a row, the newest is the current one."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Pitch


async def current(session: AsyncSession, user_id: int) -> Pitch | None:
    query = (
        select(Pitch)
        .where(Pitch.user_id == user_id)
        .order_by(Pitch.created_at.desc(), Pitch.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def get_owned(session: AsyncSession, pitch_id: int, user_id: int) -> Pitch | None:
    """The version, only if it belongs to `user_id` (buttons carry ids anyone could forge)."""
    pitch = await session.get(Pitch, pitch_id)
    return pitch if pitch is not None and pitch.user_id == user_id else None


async def count(session: AsyncSession, user_id: int) -> int:
    """How many versions the user has written."""
    query = select(func.count(Pitch.id)).where(Pitch.user_id == user_id)
    return int(await session.scalar(query) or 0)


async def add(session: AsyncSession, user_id: int, text: str, now: datetime) -> Pitch:
    pitch = Pitch(user_id=user_id, text=text, created_at=now)
    session.add(pitch)
    await session.flush()
    return pitch
