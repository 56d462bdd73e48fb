"""What the /stats chart draws: half a year of check-ins and weekly network activity, in the
user's local dates (the drawing itself is presentation: `bot.chart`)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db.models import User
from domain.schedule import local_date
from domain.stats import WeekCounts, mondays, weekly_counts
from services import users


@dataclass(frozen=True)
class Activity:
    today: date
    since: date  # the user's first local day: earlier days are not "missed"
    networking_days: int
    checkin_days: frozenset[date]  # completed check-ins within the weeks
    weeks: tuple[WeekCounts, ...]  # oldest first, the current week last


async def activity(session: AsyncSession, user: User, now: datetime, weeks: int) -> Activity:
    """The last `weeks` weeks (Monday to Sunday, the current one last)."""
    today = users.today(user, now)
    starts = mondays(today, weeks)
    dates = await checkins_db.completed_dates(session, user.id)
    touches = await contacts_db.recent_interactions(session, user.id, starts[0])
    return Activity(
        today=today,
        since=local_date(user.created_at, users.zone(user)),
        networking_days=user.networking_days,
        checkin_days=frozenset(day for day in dates if starts[0] <= day <= today),
        weeks=weekly_counts(touches, starts),
    )
