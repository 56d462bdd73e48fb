"""/start (welcome and a short setup: timezone, check-in time, pace) and /help.

Onboarding is three questions, each a state in `users.awaiting`; answering (or skipping) the
last one marks the user onboarded, and only then do automatic messages begin. A settings
command given meanwhile does what it says, says so in one line, and onboarding goes on with
its next question (`go_on`); someone neither onboarded nor onboarding is pointed to /start by
the settings commands (`set_up_user`).
"""

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters import account
from bot.presenters import settings as settings_present
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from domain.pace import Mode, parse_mode
from handlers import partners as partner_handlers
from handlers.common import (
    command_argument,
    edit_quietly,
    known_user,
    message_text,
    pressed_by_user,
    reply,
    stale,
    wait_for_answer,
)
from services import partners, preferences, users

# Onboarding's questions, in the order they are asked.
STEPS = (Awaiting.ONBOARDING_TIMEZONE, Awaiting.ONBOARDING_TIME, Awaiting.ONBOARDING_MODE)


async def start(update: Update, context: BotContext) -> None:
    """Onboarding for someone new, or whose row another command made (its data is kept);
    a welcome back for someone onboarded. From a partner's invite link (/start p-<token>), the
    invite comes first for someone onboarded, and right after the welcome for someone new (who
    then answers onboarding's questions: the invite's buttons wait)."""
    user = context.user
    token = partners.invite_token(command_argument(update))
    if user is not None and users.onboarded(user):
        if token is not None:
            await partner_handlers.show_invite(update, context, user, token)
            return
        await reply(update, account.schedule(texts.WELCOME_BACK, user, context.now()))
        return
    user = user or await context.create_user(update)
    await reply(update, texts.WELCOME.format(name=user.first_name or texts.NAME_FALLBACK))
    if token is not None:
        await partner_handlers.show_invite(update, context, user, token)
    await ask(update, context, user, Awaiting.ONBOARDING_TIMEZONE)


def onboarding(user: User) -> bool:
    """Whether one of onboarding's questions is waiting for its answer."""
    return user.awaiting in STEPS


def set_up(user: User) -> bool:
    """Onboarded, or onboarding: someone whose schedule means something (it will bring
    messages), so its settings may change."""
    return users.onboarded(user) or onboarding(user)


async def set_up_user(update: Update, context: BotContext) -> User | None:
    """The sender's row for a command about their schedule, if `set_up`. Anyone else is pointed
    to /start (None): their settings would promise messages that never come."""
    user = await known_user(update, context)
    if user is None or set_up(user):
        return user
    await reply(update, texts.SETTINGS_NEED_START)
    return None


async def ask(update: Update, context: BotContext, user: User, step: Awaiting) -> None:
    """Ask onboarding's question `step` and wait for its answer."""
    match step:
        case Awaiting.ONBOARDING_TIMEZONE:
            prompt, markup = texts.ASK_TIMEZONE, keyboards.ask_location(user.timezone)
        case Awaiting.ONBOARDING_TIME:
            prompt, markup = texts.ASK_CHECKIN_TIME, keyboards.checkin_times(user.checkin_time)
        case _:
            prompt, markup = texts.ASK_MODE, keyboards.onboarding_mode()
    await wait_for_answer(update, context, user, step, prompt, reply_markup=markup)


async def go_on(
    update: Update, context: BotContext, user: User, answered: Awaiting | None = None
) -> None:
    """Onboarding after a setting was given during it: the question after `answered` when
    that was the one waiting (the last one finishes onboarding), else the waiting one again."""
    waiting = user.awaiting
    assert waiting in STEPS
    if answered != waiting:
        await ask(update, context, user, waiting)
    elif waiting == STEPS[-1]:
        await _finish(update, context, user)
    else:
        await ask(update, context, user, STEPS[STEPS.index(waiting) + 1])


async def skip_step(update: Update, context: BotContext, user: User) -> None:
    """/skip during onboarding: that question keeps its default, and onboarding goes on
    (skipping the last finishes it: the questions were skipped on purpose)."""
    waiting = user.awaiting
    assert waiting in STEPS
    await reply(update, texts.ONBOARDING_SKIPPED)
    if waiting == Awaiting.ONBOARDING_MODE:
        await _first_mode(update, context, user, user.mode or Mode.SEARCHING)
    else:
        await go_on(update, context, user, waiting)


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
    mode = parse_mode(message_text(update), user.language)
    if mode is None:
        await reply(update, texts.ASK_MODE, reply_markup=keyboards.onboarding_mode())
        return
    await _first_mode(update, context, user, mode)


async def _first_mode(update: Update, context: BotContext, user: User, mode: Mode) -> None:
    preferences.first_mode(user, mode, context.now())
    await go_on(update, context, user, Awaiting.ONBOARDING_MODE)


async def _finish(update: Update, context: BotContext, user: User) -> None:
    now = context.now()
    users.finish_onboarding(user, now)
    user.awaiting = None
    await context.db.commit()
    await reply(
        update,
        account.schedule(texts.ONBOARDING_DONE, user, now),
        reply_markup=keyboards.start_checkin(texts.FIRST_CHECKIN_BUTTON),
    )


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, account.help_text())
