"""/pitch: the elevator pitch, stored as versions and reviewed (principle 10).

`/pitch <text>` saves a new version and replies with the review; `/pitch` alone shows the
current one (or asks for one, and the next message is the pitch). The coach quotes what it
flags and never changes the user's words.
"""

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters import pitch as present
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting
from handlers.common import command_argument, message_text, pressed, reply, stale, wait_for_answer
from services import pitches, users
from services.pitches import MAX_PITCH_LENGTH, PitchProblem

PROBLEMS = {
    PitchProblem.EMPTY: texts.PITCH_EMPTY,
    PitchProblem.TOO_LONG: texts.PITCH_TOO_LONG.format(limit=MAX_PITCH_LENGTH),
}


async def pitch_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    if text := command_argument(update):
        await _save(update, context, user, text)
        return
    found = await pitches.current(context.db, user)
    if found is None:
        await wait_for_answer(update, context, user, Awaiting.PITCH, texts.PITCH_ASK)
        return
    written_on = users.today(user, found.pitch.created_at)
    await reply(
        update,
        present.current(found, written_on),
        reply_markup=keyboards.pitch_replace(found.pitch.id),
    )


async def pitch_from_text(update: Update, context: BotContext, user: User) -> None:
    """The pitch the bot asked for (after /pitch alone or "Write a new version")."""
    await _save(update, context, user, message_text(update))


async def replace_button(update: Update, context: BotContext) -> None:
    """ "Write a new version": the next message is the new pitch."""
    button = await pressed(update, callbacks.PitchReplace)
    user = context.user
    if button is None:
        return
    if user is None or await pitches.owned(context.db, button.pitch_id, user) is None:
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await wait_for_answer(update, context, user, Awaiting.PITCH, texts.PITCH_ASK)


async def _save(update: Update, context: BotContext, user: User, text: str) -> None:
    result = await pitches.save(context.db, user, text, context.now())
    if isinstance(result, PitchProblem):
        await reply(update, PROBLEMS[result])  # a question the bot asked stays open
        return
    if user.awaiting == Awaiting.PITCH:
        user.awaiting, user.draft = None, None
    await context.db.commit()
    await reply(update, present.saved(result))
