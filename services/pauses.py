"""Pausing (a holiday, an illness): automatic messages stop and the streak is frozen."""

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Pause, User
from domain.attention import Pause as PauseView
from domain.attention import paused_days
from services import users


async def current(session: AsyncSession, user: User, now: datetime) -> Pause | None:
    """The pause the user is in today, if any."""
    today = users.today(user, now)
    query = (
        select(Pause)
        .where(
            Pause.user_id == user.id,
            Pause.welcomed_at.is_(None),
            Pause.starts_on <= today,
            (Pause.ends_on.is_(None)) | (Pause.ends_on > today),
        )
        .order_by(Pause.starts_on.desc(), Pause.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def pause(session: AsyncSession, user: User, ends_on: date | None, now: datetime) -> Pause:
    """Pause from today until `ends_on` (the day the user is back), or until they say so.

    Pausing again while paused moves the end instead of starting a second pause.
    """
    found = await current(session, user, now)
    if found is None:
        found = Pause(user_id=user.id, starts_on=users.today(user, now), created_at=now)
        session.add(found)
    found.ends_on = ends_on
    users.wake(user, now)
    await session.flush()
    return found


async def resume(session: AsyncSession, user: User, now: datetime) -> bool:
    """End the pause today (the reply welcomes the user back); False if there was none."""
    found = await current(session, user, now)
    if found is None:
        return False
    found.ends_on = users.today(user, now)
    found.welcomed_at = now
    users.reschedule(user, now)
    return True


async def days(session: AsyncSession, user: User, first: date, last: date) -> frozenset[date]:
    """The local days from `first` to `last` that a pause covered: they freeze the streak."""
    query = select(Pause.starts_on, Pause.ends_on).where(
        Pause.user_id == user.id,
        Pause.starts_on <= last,
        (Pause.ends_on.is_(None)) | (Pause.ends_on > first),
    )
    pauses = [PauseView(starts, ends) for starts, ends in await session.execute(query)]
    return paused_days(pauses, first, last) if pauses else frozenset()


def back_on(ends_on: date) -> date:
    """The last paused day, for telling the user (they are back the day after)."""
    return ends_on - timedelta(days=1)
