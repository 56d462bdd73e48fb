"""/stats: streaks and what the habit adds up to."""

from telegram import Update

from bot import texts
from bot.presenters import stats as present
from bot.runtime import BotContext
from handlers.common import reply
from services import stats


async def stats_command(update: Update, context: BotContext) -> None:
    user = context.user
    summary = await stats.streaks(context.db, user, context.now()) if user else None
    if user is None or summary is None or summary.total == 0:
        await reply(update, texts.STATS_EMPTY)
        return
    network = await stats.network(context.db, user, context.now())
    await reply(update, present.streaks(summary, user.networking_days) + present.network(network))
