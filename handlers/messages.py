"""Messages that are not commands: answers to the bot's questions, and everything unexpected."""

from collections.abc import Awaitable, Callable

from telegram import Update

from bot import texts
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from handlers import checkins, contacts, followups, goals, pitch, settings, start, summary
from handlers.common import reply
from services import checkins as checkin_service

TextAnswer = Callable[[Update, BotContext, User], Awaitable[None]]

# Which handler reads the free-text answer to each question the bot can be waiting on.
TEXT_ANSWERS: dict[Awaiting, TextAnswer] = {
    Awaiting.ONBOARDING_TIMEZONE: settings.timezone_from_text,
    Awaiting.TIMEZONE: settings.timezone_from_text,
    Awaiting.ONBOARDING_TIME: settings.checkin_time_from_text,
    Awaiting.CHECKIN_TIME: settings.checkin_time_from_text,
    Awaiting.ONBOARDING_MODE: start.mode_from_text,
    Awaiting.FOLLOWUP_NAME: followups.name_from_text,
    Awaiting.FOLLOWUP_WHEN: followups.when_from_text,
    Awaiting.FOLLOWUP_NOTE: followups.note_from_text,
    Awaiting.CONTACT_COMPANY: contacts.field_from_text,
    Awaiting.CONTACT_HOW_MET: contacts.field_from_text,
    Awaiting.PITCH: pitch.pitch_from_text,
    Awaiting.GOAL_WANT: goals.answer_from_text,
    Awaiting.GOAL_WHO: goals.answer_from_text,
    Awaiting.GOAL_WHERE: goals.answer_from_text,
    Awaiting.CHECKIN_PERSON: summary.person_from_text,
}


async def route_text(update: Update, context: BotContext) -> None:
    """Free text goes to the question the user was asked (/timezone, /followup, …), else to an
    open check-in; anything else gets a pointer to /help."""
    user = context.user
    if user is not None:
        if user.awaiting is not None:
            await TEXT_ANSWERS[user.awaiting](update, context, user)
            return
        running = await checkin_service.open_checkin(context.db, user.id)
        if running is not None:
            await checkins.answer_text(update, context, user, running)
            return
    await reply(update, texts.STRAY_TEXT)


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice notes…: nothing is stored, and the user learns what works."""
    user = context.user
    running = await checkin_service.open_checkin(context.db, user.id) if user else None
    await reply(update, texts.ANSWER_NOT_TEXT if running else texts.NOT_TEXT)


async def unknown_command(update: Update, context: BotContext) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    command = update.effective_message.text.split()[0].split("@")[0][:32]
    await reply(update, texts.UNKNOWN_COMMAND.format(command=command))
