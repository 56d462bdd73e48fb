"""/start (welcome and a short setup) and /help."""

from telegram import Update

from bot import keyboards, texts
from bot.runtime import BotContext
from db.models import User
from domain.timeofday import format_time
from handlers.common import ensure_user, reply, schedule_text, wait_for_answer

ONBOARDING_TIMEZONE = "onboarding_timezone"
ONBOARDING_TIME = "onboarding_time"


async def start(update: Update, context: BotContext) -> None:
    user, created = await ensure_user(update, context)
    name = user.first_name or "there"
    if not created:
        await context.db.commit()
        await reply(update, schedule_text(texts.WELCOME_BACK, user, context.now()))
        return
    await reply(update, texts.WELCOME.format(name=name))
    await wait_for_answer(
        update,
        context,
        user,
        ONBOARDING_TIMEZONE,
        texts.ASK_TIMEZONE,
        reply_markup=keyboards.ask_location(user.timezone),
    )


async def ask_checkin_time(update: Update, user: User) -> None:
    """Onboarding, step two (after the timezone)."""
    default = format_time(user.checkin_time)
    await reply(update, texts.ASK_CHECKIN_TIME, reply_markup=keyboards.checkin_times(default))


async def finish_onboarding(update: Update, context: BotContext, user: User) -> None:
    await reply(
        update,
        schedule_text(texts.ONBOARDING_DONE, user, context.now()),
        reply_markup=keyboards.start_checkin(texts.FIRST_CHECKIN_BUTTON),
    )


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, texts.help_text())
