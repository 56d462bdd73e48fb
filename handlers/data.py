"""Your data: /export sends everything the bot holds about you, /forget deletes it.

What belongs to a user is found by walking the schema (db.userdata), so a new table is
exported and forgotten too. The /forget buttons name the user and the account's creation
instant: a press by anyone else, or one kept from an account deleted since, changes nothing.
"""

from datetime import UTC

from telegram import Update
from telegram.error import BadRequest

from bot import callbacks, keyboards, texts
from bot.callbacks import ForgetAnswer
from bot.presenters import partners as partners_present
from bot.presenters.account import forget_question
from bot.runtime import BotContext
from domain.export import filename
from handlers.common import edit_quietly, pressed, reply, stale
from services import partners, userdata, users


async def export(update: Update, context: BotContext) -> None:
    user = context.user
    if user is None:
        await reply(update, texts.NOTHING_STORED)
        return
    now = context.now()
    readme = texts.EXPORT_README.format(exported_at=f"{now.astimezone(UTC):%Y-%m-%d %H:%M}")
    archive = await userdata.export(context.db, user, now, readme)
    day = users.today(user, now)
    assert update.effective_chat is not None
    await update.effective_chat.send_document(
        archive,
        filename=filename(day),
        caption=texts.EXPORT_CAPTION.format(day=day.isoformat()),
    )


async def forget(update: Update, context: BotContext) -> None:
    user = context.user
    if user is None:  # nothing but the messages they sent, which the inbox keeps a week
        assert update.effective_user is not None
        await userdata.forget_stranger(context.db, update.effective_user.id)
        await context.db.commit()
        await reply(update, texts.NOTHING_STORED)
        return
    counts = await userdata.counts(context.db, user)
    await reply(
        update,
        forget_question(counts),
        reply_markup=keyboards.forget_confirm(user.id, userdata.account_since(user)),
    )


async def forget_button(update: Update, context: BotContext) -> None:
    """ "Delete everything" or "Keep my data" under the /forget question."""
    button = await pressed(update, callbacks.Forget)
    if button is None:
        return
    user = context.user
    if user is None or button.user_id != user.id or button.since != userdata.account_since(user):
        await stale(update)
        return
    query = update.callback_query
    assert query is not None
    if button.answer == ForgetAnswer.NO:
        await query.answer()
        await edit_quietly(query, texts.FORGET_KEPT)
        return
    await partners.end_all(context.db, user.id, context.now(), partners_present.ended)
    if not await userdata.forget(context.db, user.id):  # deleted meanwhile
        await stale(update)
        return
    await context.db.commit()
    await query.answer()
    try:
        await query.edit_message_text(texts.FORGET_DONE)
    except BadRequest:  # the question is gone or too old to edit: confirm in a new message
        await reply(update, texts.FORGET_DONE)
