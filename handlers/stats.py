"""/stats: streaks, what the habit adds up to, the target companies, and a chart of the user's
own history, up to half a year (rendered in a worker thread: drawing takes a few hundred
milliseconds of CPU)."""

import asyncio

from telegram import Update

from bot import texts
from bot.chart import has_data, render_chart, weeks_since
from bot.presenters import charts
from bot.presenters import goals as goals_present
from bot.presenters import partners as partners_present
from bot.presenters import stats as present
from bot.runtime import BotContext
from handlers.common import known_user, reply_long
from services import charts as chart_service
from services import goals, partners, stats


async def stats_command(update: Update, context: BotContext) -> None:
    user = await known_user(update, context)  # a stranger is pointed to /start
    if user is None:
        return
    now = context.now()
    text = present.overview(await stats.overview(context.db, user, now), user.networking_days)
    goal = await goals.view(context.db, user)
    if goal is not None and goal.targets:
        text = f"{text}\n\n{goals_present.coverage(goal)}"
    if together := await partners.views(context.db, user, now):
        text = f"{text}\n\n{partners_present.stats_lines(together)}"
    await reply_long(update, text)
    data = charts.chart_data(await chart_service.activity(context.db, user, now, weeks_since))
    if has_data(data):
        png = await asyncio.to_thread(render_chart, data, charts.labels(data.columns))
        assert update.effective_chat is not None
        await update.effective_chat.send_photo(png, caption=texts.CHART_CAPTION)
