"""The week ahead (/due) and the follow-ups as a calendar file (/calendar), in local dates.

/due lays the next seven days side by side: which are check-in days (the networking days, not
paused) and which follow-ups fall on each. /calendar hands every open follow-up to the calendar
app the user already lives in (principle 7: promised things should not slip).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import followups as followups_db
from db.models import Contact, Followup, User
from domain.schedule import local_date
from domain.weekdays import is_networking_day
from services import followups, pauses, users

DUE_DAYS = 7  # today and the six days after it


@dataclass(frozen=True)
class DueDay:
    day: date
    checkin: bool  # a networking day, not paused
    paused: bool
    done: bool  # a completed check-in that day (only today can have one)
    followups: tuple[tuple[Followup, Contact], ...]  # due that local day, soonest first


@dataclass(frozen=True)
class WeekAhead:
    checkin_time: time
    networking_days: int
    days: tuple[DueDay, ...]
    earlier: int  # open follow-ups due before today


async def week_ahead(session: AsyncSession, user: User, now: datetime) -> WeekAhead:
    tz = users.zone(user)
    today = users.today(user, now)
    last = today + timedelta(days=DUE_DAYS - 1)
    by_day: dict[date, list[tuple[Followup, Contact]]] = {}
    earlier = 0
    for followup, contact in await followups.upcoming(session, user, now):
        day = local_date(followup.due_at, tz)
        if day < today:
            earlier += 1
        elif day <= last:
            by_day.setdefault(day, []).append((followup, contact))
    paused = await pauses.days(session, user, today, last)
    done_today = await checkins_db.completed_on(session, user.id, today)
    days = []
    for offset in range(DUE_DAYS):
        day = today + timedelta(days=offset)
        days.append(
            DueDay(
                day=day,
                checkin=is_networking_day(user.networking_days, day) and day not in paused,
                paused=day in paused,
                done=day == today and done_today,
                followups=tuple(by_day.get(day, ())),
            )
        )
    return WeekAhead(user.checkin_time, user.networking_days, tuple(days), earlier)


async def open_followups(session: AsyncSession, user: User) -> Sequence[tuple[Followup, Contact]]:
    """Every open follow-up (overdue ones too: they are still promised), soonest first."""
    return await followups_db.open_ones(session, user.id)
