"""/timezone, /checkintime, /days and a shared location: when the daily check-in comes."""

from datetime import time

from telegram import ReplyKeyboardRemove, Update

from bot import callbacks, keyboards, texts
from bot.presenters import account
from bot.presenters.common import format_days
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from domain.timeofday import format_time, parse_time_of_day
from domain.timezones import parse_timezone, zone_from_location
from domain.weekdays import parse_days, toggle
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
from handlers.start import ask_checkin_time, ask_mode
from services import users

ONBOARDING = (Awaiting.ONBOARDING_TIMEZONE, Awaiting.ONBOARDING_TIME)
MAX_ECHO = 64  # how much of an unreadable zone is quoted back

# --- timezone ---------------------------------------------------------------------------------


async def timezone_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    if text := command_argument(update):
        await _apply_timezone(update, context, user, text)
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
    user = await context.user_or_new(update)
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
    zone = parse_timezone(text)
    if zone is None:
        shown = text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…"
        prompt = texts.TIMEZONE_UNKNOWN.format(text=shown, examples=texts.TIMEZONE_EXAMPLES)
        await reply(update, prompt)
        return
    await _set_timezone(update, context, user, zone)


async def _set_timezone(update: Update, context: BotContext, user: User, zone: str) -> None:
    now = context.now()
    onboarding = user.awaiting == Awaiting.ONBOARDING_TIMEZONE
    users.set_timezone(user, zone, now)
    user.awaiting = Awaiting.ONBOARDING_TIME if onboarding else None
    await context.db.commit()
    await reply(update, account.timezone_set(zone, now), reply_markup=ReplyKeyboardRemove())
    if onboarding:
        await ask_checkin_time(update, user)


# --- check-in time ----------------------------------------------------------------------------


async def checkin_time_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    if text := command_argument(update):
        await _apply_time(update, context, user, text)
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
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _set_time(update, context, user, button.at)


async def _apply_time(update: Update, context: BotContext, user: User, text: str) -> None:
    at = parse_time_of_day(text)
    if at is None:
        await reply(update, texts.CHECKIN_TIME_BAD)
        return
    await _set_time(update, context, user, at)


async def _set_time(update: Update, context: BotContext, user: User, at: time) -> None:
    onboarding = user.awaiting in ONBOARDING
    users.set_checkin_time(user, at, context.now())
    user.awaiting = None
    await context.db.commit()
    if onboarding:
        await ask_mode(update, context, user)
    else:
        await reply(update, account.schedule(texts.CHECKIN_TIME_SET, user, context.now()))


# --- networking days --------------------------------------------------------------------------


async def days_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    text = command_argument(update)
    if not text:
        await reply(
            update,
            texts.DAYS_SHOW.format(days=format_days(user.networking_days)),
            reply_markup=keyboards.networking_days(user.networking_days),
        )
        return
    mask = parse_days(text)
    if mask is None:
        await reply(update, texts.DAYS_BAD)
        return
    if mask == 0:
        await reply(update, texts.DAYS_EMPTY)
        return
    await _set_days(context, user, mask)
    await reply(update, account.schedule(texts.DAYS_SET, user, context.now()))


async def days_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    user = await known_user(update, context)
    if user is None:
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
