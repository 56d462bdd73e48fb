"""What the /stats chart draws: the user's own history of check-ins (up to half a year) and
weekly network activity, in their local dates (the drawing itself is presentation: `bot.chart`)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db.models import User
from domain.schedule import local_date
from domain.stats import WeekCounts, mondays, weekly_counts
from services import stats, users


@dataclass(frozen=True)
class Activity:
    today: date
    since: date  # the user's first local day: earlier days are not "missed"
    networking_days: int
    checkin_days: frozenset[date]  # completed check-ins within the weeks
    weeks: tuple[WeekCounts, ...]  # oldest first, the current week last
    frozen: frozenset[date]  # missed networking days a streak freeze covered


async def activity(
    session: AsyncSession, user: User, now: datetime, weeks: Callable[[date, date], int]
) -> Activity:
    """The weeks (Monday to Sunday, the current one last) from the user's first, as many as
    `weeks(first day, today)` says."""
    today = users.today(user, now)
    since = local_date(user.created_at, users.zone(user))
    dates = await checkins_db.completed_dates(session, user.id)
    starts = mondays(today, weeks(min([since, *dates[:1]]), today))
    touches = await contacts_db.recent_interactions(session, user.id, starts[0])
    summary = await stats.streaks(session, user, now)
    return Activity(
        today=today,
        since=since,
        networking_days=user.networking_days,
        checkin_days=frozenset(day for day in dates if starts[0] <= day <= today),
        weeks=weekly_counts(touches, starts),
        frozen=frozenset(day for day in summary.streaks.frozen if day >= starts[0]),
    )
