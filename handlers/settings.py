"""/timezone, /checkintime, /days and a shared location: when the daily check-in comes.

During onboarding each change is confirmed in one line and onboarding goes on with its next
question (`handlers.start.go_on`); without a value, /timezone and /checkintime ask onboarding's
own question for it, so the user never leaves onboarding without noticing.
"""

from datetime import time

from telegram import ReplyKeyboardRemove, Update

from bot import callbacks, keyboards, texts
from bot.presenters import account
from bot.presenters import settings as settings_present
from bot.presenters.common import format_days
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from domain.timeofday import format_time, parse_time_of_day
from domain.timezones import parse_timezone, zone_from_location
from domain.weekdays import parse_days, toggle
from handlers import start
from handlers.common import (
    command_argument,
    edit_quietly,
    known_user,
    message_text,
    pressed,
    pressed_by_user,
    reply,
    stale,
    wait_for_answer,
)
from services import users

MAX_ECHO = 64  # how much of an unreadable zone is quoted back

# --- timezone ---------------------------------------------------------------------------------


async def timezone_command(update: Update, context: BotContext) -> None:
    user = await start.set_up_user(update, context)
    if user is None:
        return
    if text := command_argument(update):
        await _apply_timezone(update, context, user, text)
        return
    if start.onboarding(user):
        await start.ask(update, context, user, Awaiting.ONBOARDING_TIMEZONE)
        return
    await wait_for_answer(
        update,
        context,
        user,
        Awaiting.TIMEZONE,
        texts.TIMEZONE_ASK.format(zone=user.timezone, examples=texts.TIMEZONE_EXAMPLES),
        reply_markup=keyboards.ask_location(user.timezone),
    )


async def timezone_from_text(update: Update, context: BotContext, user: User) -> None:
    """A free-text answer while the bot waits for a timezone (after /timezone or /start)."""
    text = message_text(update).strip()
    if text == texts.KEEP_TIMEZONE_BUTTON.format(zone=user.timezone):
        await _set_timezone(update, context, user, user.timezone)
    else:
        await _apply_timezone(update, context, user, text)


async def location(update: Update, context: BotContext) -> None:
    assert update.effective_message is not None and update.effective_message.location is not None
    user = await start.set_up_user(update, context)
    if user is None:
        return
    spot = update.effective_message.location
    try:
        zone = zone_from_location(spot.latitude, spot.longitude)
    except ValueError:  # off the globe (a forged or broken client): no zone to tell
        zone = None
    if zone is None:
        await reply(update, texts.LOCATION_UNKNOWN)
        return
    await _set_timezone(update, context, user, zone)


async def _apply_timezone(update: Update, context: BotContext, user: User, text: str) -> None:
    zone = parse_timezone(text, user.language)
    if zone is None:
        shown = text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…"
        prompt = texts.TIMEZONE_UNKNOWN.format(text=shown, examples=texts.TIMEZONE_EXAMPLES)
        await reply(update, prompt)
        return
    await _set_timezone(update, context, user, zone)


async def _set_timezone(update: Update, context: BotContext, user: User, zone: str) -> None:
    now = context.now()
    onboarding = start.onboarding(user)
    users.set_timezone(user, zone, now)
    if not onboarding:
        user.awaiting = None
    await context.db.commit()
    await reply(update, account.timezone_set(zone, now), reply_markup=ReplyKeyboardRemove())
    if onboarding:
        await start.go_on(update, context, user, Awaiting.ONBOARDING_TIMEZONE)


# --- check-in time ----------------------------------------------------------------------------


async def checkin_time_command(update: Update, context: BotContext) -> None:
    user = await start.set_up_user(update, context)
    if user is None:
        return
    if text := command_argument(update):
        await _apply_time(update, context, user, text)
        return
    if start.onboarding(user):
        await start.ask(update, context, user, Awaiting.ONBOARDING_TIME)
        return
    prompt = texts.CHECKIN_TIME_ASK.format(time=format_time(user.checkin_time), zone=user.timezone)
    await wait_for_answer(update, context, user, Awaiting.CHECKIN_TIME, prompt)


async def checkin_time_from_text(update: Update, context: BotContext, user: User) -> None:
    await _apply_time(update, context, user, message_text(update))


async def checkin_time_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.SetCheckinTime)
    if found is None:
        return
    button, user = found
    if not start.set_up(user):  # an abandoned onboarding's keyboard: /start asks again
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _set_time(update, context, user, button.at)


async def _apply_time(update: Update, context: BotContext, user: User, text: str) -> None:
    at = parse_time_of_day(text, user.language)
    if at is None:
        await reply(update, texts.CHECKIN_TIME_BAD)
        return
    await _set_time(update, context, user, at)


async def _set_time(update: Update, context: BotContext, user: User, at: time) -> None:
    now = context.now()
    onboarding = start.onboarding(user)
    users.set_checkin_time(user, at, now)
    if not onboarding:
        user.awaiting = None
    await context.db.commit()
    if not onboarding:
        await reply(update, account.schedule(texts.CHECKIN_TIME_SET, user, now))
        return
    await reply(update, texts.ONBOARDING_TIME_SET.format(time=format_time(at)))
    await start.go_on(update, context, user, Awaiting.ONBOARDING_TIME)


# --- networking days --------------------------------------------------------------------------


async def days_command(update: Update, context: BotContext) -> None:
    user = await start.set_up_user(update, context)
    if user is None:
        return
    if await _days(update, context, user, command_argument(update)) and start.onboarding(user):
        await start.go_on(update, context, user)


async def _days(update: Update, context: BotContext, user: User, text: str) -> bool:
    """Show the days with buttons (no text) or set them; False if `text` sets no day."""
    if not text:
        await reply(
            update,
            texts.DAYS_SHOW.format(days=format_days(user.networking_days)),
            reply_markup=keyboards.networking_days(user.networking_days),
        )
        return True
    mask = parse_days(text, user.language)
    if not mask:
        await reply(update, texts.DAYS_BAD if mask is None else texts.DAYS_EMPTY)
        return False
    await _set_days(context, user, mask)
    if start.onboarding(user):  # no check-in is planned before onboarding ends
        await reply(update, settings_present.days_changed(mask))
    else:
        await reply(update, account.schedule(texts.DAYS_SET, user, context.now()))
    return True


async def days_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    user = await known_user(update, context)
    if user is None or not start.set_up(user):
        await stale(update)
        return
    if callbacks.DaysDone.parse(query.data):
        await query.answer()
        await edit_quietly(query, account.schedule(texts.DAYS_SET, user, context.now()))
        return
    button = await pressed(update, callbacks.ToggleDay)
    if button is None:
        return
    try:
        mask = toggle(user.networking_days, button.weekday)
    except ValueError:
        await stale(update)
        return
    if mask == 0:
        await query.answer(texts.DAYS_EMPTY, show_alert=True)
        return
    await _set_days(context, user, mask)
    await query.answer()
    await edit_quietly(
        query,
        texts.DAYS_SHOW.format(days=format_days(mask)),
        reply_markup=keyboards.networking_days(mask),
    )


async def _set_days(context: BotContext, user: User, mask: int) -> None:
    users.set_networking_days(user, mask, context.now())
    await context.db.commit()
