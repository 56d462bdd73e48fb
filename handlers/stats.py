"""/stats: streaks and what the habit adds up to."""

from datetime import timedelta

from telegram import Update

from bot import texts
from bot.runtime import BotContext
from db import contacts as contact_queries
from db import followups as followup_queries
from db.checkins import completed_dates
from db.models import User
from domain.coaching import WARM_WINDOW_DAYS, warm_relationships
from domain.schedule import local_date
from domain.stats import Summary, summarize, summarize_network
from domain.timezones import get_zone
from handlers.common import reply

# A follow-up done by the end of the day after it was due counts as on time.
ON_TIME_GRACE = timedelta(days=1)


async def summary_for(context: BotContext, user: User) -> Summary:
    dates = await completed_dates(context.db, user.id)
    today = local_date(context.now(), get_zone(user.timezone))
    return summarize(dates, user.networking_days, today)


async def stats(update: Update, context: BotContext) -> None:
    assert update.effective_user is not None
    user = await context.db.get(User, update.effective_user.id)
    summary = await summary_for(context, user) if user else None
    if user is None or summary is None or summary.total == 0:
        await reply(update, texts.STATS_EMPTY)
        return
    await reply(update, texts.stats(summary, user.networking_days) + await _network(context, user))


async def _network(context: BotContext, user: User) -> str:
    now = context.now()
    today = local_date(now, get_zone(user.timezone))
    rows = await contact_queries.recent_interactions(
        context.db, user.id, today - timedelta(days=WARM_WINDOW_DAYS - 1)
    )
    month = today - timedelta(days=29)
    network = summarize_network(rows, since=month)
    warm = warm_relationships(rows)
    done = await followup_queries.done_since(context.db, user.id, now - timedelta(days=30))
    on_time = sum(1 for due, finished in done if finished <= due + ON_TIME_GRACE)
    overdue = await followup_queries.overdue_count(context.db, user.id, now)
    return texts.network_stats(network, warm=warm, on_time=on_time, done=len(done), overdue=overdue)
