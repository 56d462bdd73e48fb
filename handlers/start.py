"""/start (welcome and a short setup: timezone, check-in time, pace) and /help."""

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters import account
from bot.presenters import settings as settings_present
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from domain.pace import Mode, parse_mode
from handlers.common import (
    edit_quietly,
    message_text,
    pressed_by_user,
    reply,
    stale,
    wait_for_answer,
)
from services import preferences


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


async def ask_mode(update: Update, context: BotContext, user: User) -> None:
    """Onboarding, step three (after the check-in time): job-searching or employed?"""
    await wait_for_answer(
        update,
        context,
        user,
        Awaiting.ONBOARDING_MODE,
        texts.ASK_MODE,
        reply_markup=keyboards.onboarding_mode(),
    )


async def mode_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.OnboardingMode)
    if found is None:
        return
    button, user = found
    if user.awaiting != Awaiting.ONBOARDING_MODE:
        await stale(update)  # onboarding is over: /mode changes the pace
        return
    query = update.callback_query
    assert query is not None
    await query.answer()
    await edit_quietly(query, settings_present.mode_answered(button.mode))
    await _first_mode(update, context, user, button.mode)


async def mode_from_text(update: Update, context: BotContext, user: User) -> None:
    """A typed answer to the pace question ("employed"); anything else asks again."""
    mode = parse_mode(message_text(update))
    if mode is None:
        await reply(update, texts.ASK_MODE, reply_markup=keyboards.onboarding_mode())
        return
    await _first_mode(update, context, user, mode)


async def _first_mode(update: Update, context: BotContext, user: User, mode: Mode) -> None:
    preferences.first_mode(user, mode, context.now())
    user.awaiting = None
    await context.db.commit()
    await finish_onboarding(update, context, user)


async def finish_onboarding(update: Update, context: BotContext, user: User) -> None:
    await reply(
        update,
        account.schedule(texts.ONBOARDING_DONE, user, context.now()),
        reply_markup=keyboards.start_checkin(texts.FIRST_CHECKIN_BUTTON),
    )


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, account.help_text())
