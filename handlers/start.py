"""/start (welcome and a short setup) and /help."""

from telegram import Update

from bot import keyboards, texts
from bot.presenters import account
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from handlers.common import reply, wait_for_answer


async def start(update: Update, context: BotContext) -> None:
    if context.user is not None:
        await reply(update, account.schedule(texts.WELCOME_BACK, context.user, context.now()))
        return
    user = await context.create_user(update)
    await reply(update, texts.WELCOME.format(name=user.first_name or texts.NAME_FALLBACK))
    await wait_for_answer(
        update,
        context,
        user,
        Awaiting.ONBOARDING_TIMEZONE,
        texts.ASK_TIMEZONE,
        reply_markup=keyboards.ask_location(user.timezone),
    )


async def ask_checkin_time(update: Update, user: User) -> None:
    """Onboarding, step two (after the timezone)."""
    await reply(
        update, texts.ASK_CHECKIN_TIME, reply_markup=keyboards.checkin_times(user.checkin_time)
    )


async def finish_onboarding(update: Update, context: BotContext, user: User) -> None:
    await reply(
        update,
        account.schedule(texts.ONBOARDING_DONE, user, context.now()),
        reply_markup=keyboards.start_checkin(texts.FIRST_CHECKIN_BUTTON),
    )


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, account.help_text())
