"""/start (welcome and a short setup) and /help."""

from telegram import Update

from bot import keyboards, texts
from bot.domain.timeofday import format_time
from bot.runtime import BotContext
from db.models import User
from handlers.common import ensure_user, reply

ONBOARDING_TIMEZONE = "onboarding_timezone"
ONBOARDING_TIME = "onboarding_time"


async def start(update: Update, context: BotContext) -> None:
    user, created = await ensure_user(update, context)
    name = user.first_name or "there"
    if not created:
        await context.db.commit()
        await reply(
            update,
            texts.schedule_line(
                texts.WELCOME_BACK,
                at=user.checkin_time,
                zone=user.timezone,
                days=user.networking_days,
                name=name,
                next=texts.when(user.next_checkin_at, user.timezone, context.now()),
            ),
        )
        return
    user.awaiting = ONBOARDING_TIMEZONE
    await context.db.commit()
    await reply(update, texts.WELCOME.format(name=name))
    await reply(update, texts.ASK_TIMEZONE, reply_markup=keyboards.ask_location(user.timezone))


async def ask_checkin_time(update: Update, user: User) -> None:
    """Onboarding, step two (after the timezone)."""
    default = format_time(user.checkin_time)
    await reply(update, texts.ASK_CHECKIN_TIME, reply_markup=keyboards.checkin_times(default))


async def finish_onboarding(update: Update, context: BotContext, user: User) -> None:
    await reply(
        update,
        texts.schedule_line(
            texts.ONBOARDING_DONE,
            at=user.checkin_time,
            zone=user.timezone,
            days=user.networking_days,
            next=texts.when(user.next_checkin_at, user.timezone, context.now()),
        ),
        reply_markup=keyboards.start_checkin(texts.FIRST_CHECKIN_BUTTON),
    )


async def help_command(update: Update, context: BotContext) -> None:
    await reply(update, texts.help_text())
