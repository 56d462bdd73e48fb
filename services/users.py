"""A user's account and daily schedule: created once, rescheduled whenever a setting changes."""

from datetime import date, datetime, time, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from db import users as users_db
from db.models import User
from domain.schedule import local_date, next_occurrence
from domain.timezones import get_zone
from domain.weekdays import MON_FRI


async def get(session: AsyncSession, user_id: int) -> User | None:
    return await users_db.get(session, user_id)


async def create(
    session: AsyncSession,
    *,
    user_id: int,
    chat_id: int,
    first_name: str,
    timezone: str,
    checkin_time: time,
    now: datetime,
    networking_days: int = MON_FRI,
) -> User:
    """A new user with their first check-in scheduled."""
    user = users_db.new_user(
        user_id=user_id,
        chat_id=chat_id,
        first_name=first_name,
        timezone=timezone,
        checkin_time=checkin_time,
        networking_days=networking_days,
        now=now,
    )
    reschedule(user, now)
    session.add(user)
    await session.flush()
    return user


def zone(user: User) -> tzinfo:
    return get_zone(user.timezone)


def today(user: User, now: datetime) -> date:
    """The user's local date at `now`."""
    return local_date(now, zone(user))


def reschedule(user: User, now: datetime) -> None:
    """Point `next_checkin_at` at the next check-in strictly after `now`.

    Called whenever the timezone, the time or the days change. A prompt already sent today keeps
    its outbox key, so moving the time later the same day never sends a second prompt.
    """
    user.next_checkin_at = next_occurrence(now, zone(user), user.checkin_time, user.networking_days)
    user.updated_at = now


def set_timezone(user: User, name: str, now: datetime) -> None:
    user.timezone = name
    reschedule(user, now)


def set_checkin_time(user: User, at: time, now: datetime) -> None:
    user.checkin_time = at
    reschedule(user, now)


def set_networking_days(user: User, mask: int, now: datetime) -> None:
    user.networking_days = mask
    reschedule(user, now)


def reactivate(user: User, now: datetime) -> bool:
    """The user wrote again after blocking us: resume their schedule from now."""
    if user.active:
        return False
    user.active = True
    reschedule(user, now)
    return True
