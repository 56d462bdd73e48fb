"""/timezone, /checkintime, /days and a shared location: when the daily check-in comes."""

import re
from datetime import time

from telegram import ReplyKeyboardRemove, Update

from bot import keyboards, texts
from bot.runtime import BotContext
from db.models import User
from db.users import reschedule
from domain.timeofday import format_time, parse_time_of_day
from domain.timezones import TIMEZONE_EXAMPLES, parse_timezone, zone_from_location
from domain.weekdays import format_days, parse_days, toggle
from handlers.common import (
    edit_quietly,
    ensure_user,
    known_user,
    reply,
    schedule_text,
    wait_for_answer,
)
from handlers.start import ONBOARDING_TIME, ONBOARDING_TIMEZONE, ask_checkin_time, finish_onboarding

AWAITING_TIMEZONE = "timezone"
AWAITING_TIME = "checkin_time"
TIMEZONE_STATES = (AWAITING_TIMEZONE, ONBOARDING_TIMEZONE)
TIME_STATES = (AWAITING_TIME, ONBOARDING_TIME)


# --- timezone ---------------------------------------------------------------------------------


async def timezone_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    if context.args:
        await _apply_timezone(update, context, user, " ".join(context.args))
        return
    await wait_for_answer(
        update,
        context,
        user,
        AWAITING_TIMEZONE,
        texts.TIMEZONE_ASK.format(zone=user.timezone, examples=TIMEZONE_EXAMPLES),
        reply_markup=keyboards.ask_location(user.timezone),
    )


async def timezone_from_text(update: Update, context: BotContext, user: User) -> None:
    """A free-text answer while the bot waits for a timezone (after /timezone or /start)."""
    assert update.effective_message is not None and update.effective_message.text is not None
    text = update.effective_message.text.strip()
    if text == texts.KEEP_TIMEZONE_BUTTON.format(zone=user.timezone):
        await _set_timezone(update, context, user, user.timezone)
    else:
        await _apply_timezone(update, context, user, text)


async def location(update: Update, context: BotContext) -> None:
    assert update.effective_message is not None and update.effective_message.location is not None
    user, _ = await ensure_user(update, context)
    spot = update.effective_message.location
    zone = zone_from_location(spot.latitude, spot.longitude)
    if zone is None:
        await context.db.commit()
        await reply(update, texts.LOCATION_UNKNOWN)
        return
    await _set_timezone(update, context, user, zone)


async def _apply_timezone(update: Update, context: BotContext, user: User, text: str) -> None:
    zone = parse_timezone(text)
    if zone is None:
        await context.db.commit()
        shown = text if len(text) <= 64 else text[:64] + "…"
        await reply(update, texts.TIMEZONE_UNKNOWN.format(text=shown, examples=TIMEZONE_EXAMPLES))
        return
    await _set_timezone(update, context, user, zone)


async def _set_timezone(update: Update, context: BotContext, user: User, zone: str) -> None:
    now = context.now()
    onboarding = user.awaiting == ONBOARDING_TIMEZONE
    user.timezone = zone
    user.awaiting = ONBOARDING_TIME if onboarding else None
    reschedule(user, now)
    await context.db.commit()
    await reply(update, texts.timezone_set(zone, now), reply_markup=ReplyKeyboardRemove())
    if onboarding:
        await ask_checkin_time(update, user)


# --- check-in time ----------------------------------------------------------------------------


async def checkin_time_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    if context.args:
        await _apply_time(update, context, user, " ".join(context.args))
        return
    prompt = texts.CHECKIN_TIME_ASK.format(time=format_time(user.checkin_time), zone=user.timezone)
    await wait_for_answer(update, context, user, AWAITING_TIME, prompt)


async def checkin_time_from_text(update: Update, context: BotContext, user: User) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await _apply_time(update, context, user, update.effective_message.text)


async def checkin_time_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    match = re.fullmatch(r"time:(\d\d)(\d\d)", query.data)
    user = await known_user(update, context)
    at = parse_time_of_day(f"{match[1]}:{match[2]}") if match else None
    if user is None or at is None:
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    await _set_time(update, context, user, at)


async def _apply_time(update: Update, context: BotContext, user: User, text: str) -> None:
    at = parse_time_of_day(text)
    if at is None:
        await context.db.commit()
        await reply(update, texts.CHECKIN_TIME_BAD)
        return
    await _set_time(update, context, user, at)


async def _set_time(update: Update, context: BotContext, user: User, at: time) -> None:
    onboarding = user.awaiting in (ONBOARDING_TIME, ONBOARDING_TIMEZONE)
    user.checkin_time = at
    user.awaiting = None
    reschedule(user, context.now())
    await context.db.commit()
    if onboarding:
        await finish_onboarding(update, context, user)
    else:
        await reply(update, schedule_text(texts.CHECKIN_TIME_SET, user, context.now()))


# --- networking days --------------------------------------------------------------------------


async def days_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    await context.db.commit()
    if not context.args:
        await reply(
            update,
            texts.DAYS_SHOW.format(days=format_days(user.networking_days)),
            reply_markup=keyboards.networking_days(user.networking_days),
        )
        return
    mask = parse_days(" ".join(context.args))
    if mask is None:
        await reply(update, texts.DAYS_BAD)
        return
    if mask == 0:
        await reply(update, texts.DAYS_EMPTY)
        return
    await _set_days(context, user, mask)
    await reply(update, schedule_text(texts.DAYS_SET, user, context.now()))


async def days_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await known_user(update, context)
    match = re.fullmatch(r"days:(?:(done)|([0-6]))", query.data)
    if user is None or match is None:
        await query.answer(texts.STALE_BUTTON)
        return
    if match[1]:
        await query.answer()
        await edit_quietly(query, schedule_text(texts.DAYS_SET, user, context.now()))
        return
    mask = toggle(user.networking_days, int(match[2]))
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
    user.networking_days = mask
    reschedule(user, context.now())
    await context.db.commit()
