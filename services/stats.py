"""What /stats (and the check-in summary) shows: streaks and the last 30 days of the network."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db import followups as followups_db
from db.models import User
from domain.coaching import WARM_WINDOW_DAYS
from domain.stats import NetworkSummary, Summary, summarize, summarize_network
from domain.streaks import FreezeNote, freeze_news
from services import pauses, users

# A follow-up done by the end of the day after it was due counts as on time.
ON_TIME_GRACE = timedelta(days=1)
NETWORK_WINDOW_DAYS = 30


@dataclass(frozen=True)
class NetworkView:
    """The last NETWORK_WINDOW_DAYS of the network (principles 2, 3, 5, 7 and 9)."""

    summary: NetworkSummary
    warm: int  # people with a two-way interaction in the last WARM_WINDOW_DAYS
    on_time: int  # follow-ups done on time …
    done: int  # … out of those done
    overdue: int  # open follow-ups past their time

    @property
    def empty(self) -> bool:
        s = self.summary
        return not (s.gives or s.asks or s.tiers or self.warm or self.done or self.overdue)


async def streaks(session: AsyncSession, user: User, now: datetime) -> Summary:
    dates = await checkins_db.completed_dates(session, user.id)
    today = users.today(user, now)
    paused = await pauses.days(session, user, min(dates, default=today), today)
    return summarize(dates, user.networking_days, today, paused)


async def freeze_note(session: AsyncSession, user: User, now: datetime) -> FreezeNote | None:
    """A freeze that covered a recent day no message named yet, remembered as told now (the
    caller commits with the message it writes)."""
    summary = await streaks(session, user, now)
    news = freeze_news(summary.streaks, user.freeze_noted_on, users.today(user, now))
    if news is not None:
        user.freeze_noted_on = news.day
    return news


async def network(session: AsyncSession, user: User, now: datetime) -> NetworkView:
    today = users.today(user, now)
    since = today - timedelta(days=NETWORK_WINDOW_DAYS - 1)
    window = summarize_network(await contacts_db.recent_interactions(session, user.id, since))
    done = await followups_db.done_since(
        session, user.id, now - timedelta(days=NETWORK_WINDOW_DAYS)
    )
    return NetworkView(
        summary=window,
        warm=await contacts_db.warm_count(
            session, user.id, today - timedelta(days=WARM_WINDOW_DAYS - 1)
        ),
        on_time=sum(1 for due, finished in done if finished <= due + ON_TIME_GRACE),
        done=len(done),
        overdue=await followups_db.overdue_count(session, user.id, now),
    )


@dataclass(frozen=True)
class Overview:
    """Everything /stats says in words."""

    summary: Summary
    network: NetworkView | None  # None while nothing is logged at all (no check-in either)


async def overview(session: AsyncSession, user: User, now: datetime) -> Overview:
    summary = await streaks(session, user, now)
    logged = bool(summary.total) or await anything_logged(session, user)
    return Overview(summary, await network(session, user, now) if logged else None)


async def anything_logged(session: AsyncSession, user: User) -> bool:
    """Whether the user logged anything in their network (an interaction, a give or an ask, a
    follow-up), check-in or not: then /stats has a network to show."""
    return await contacts_db.has_interactions(session, user.id) or await followups_db.has_any(
        session, user.id
    )
