"""/stats: streaks and what the habit adds up to."""

from telegram import Update

from bot import texts
from bot.domain.schedule import local_date
from bot.domain.stats import Summary, summarize
from bot.domain.timezones import get_zone
from bot.runtime import BotContext
from db.checkins import completed_dates
from db.models import User
from handlers.common import reply


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
    await reply(update, texts.stats(summary, user.networking_days))
