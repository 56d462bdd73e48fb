"""Buttons under automatic nudges: switch a kind off, and the one-tap quick check-in."""

from telegram import InlineKeyboardMarkup, Update

from bot import callbacks, texts
from bot.runtime import BotContext
from domain.nudges import SWITCHABLE
from handlers.common import edit_quietly, pressed_by_user, reply, stale
from services import checkins, nudges


async def kind_off_button(update: Update, context: BotContext) -> None:
    """No more nudges of this kind (undo in /settings); the button leaves the message."""
    found = await pressed_by_user(update, context, callbacks.KindOff)
    if found is None:
        return
    button, user = found
    if button.kind not in SWITCHABLE:  # forged: only some kinds can be switched off
        await stale(update)
        return
    await nudges.switch(context.db, user, button.kind, False, context.now())
    await context.db.commit()
    query = update.callback_query
    assert query is not None
    await query.answer(texts.KIND_OFF_DONE.format(kind=texts.KIND_NAMES[button.kind]))
    message = query.message
    markup = getattr(message, "reply_markup", None)
    if isinstance(markup, InlineKeyboardMarkup) and query.data is not None:
        rows = [
            row for row in markup.inline_keyboard if all(b.callback_data != query.data for b in row)
        ]
        text = getattr(message, "text", None)
        if text:
            await edit_quietly(query, text, reply_markup=InlineKeyboardMarkup(rows))


async def quick_checkin_button(update: Update, context: BotContext) -> None:
    """One tap under a re-engagement message logs today's check-in: the easy way back."""
    found = await pressed_by_user(update, context, callbacks.QuickCheckin)
    if found is None:
        return
    _, user = found
    logged = await checkins.quick(context.db, user, context.now())
    await context.db.commit()
    assert update.callback_query is not None
    await update.callback_query.answer()
    await reply(update, texts.QUICK_CHECKIN_DONE if logged else texts.QUICK_CHECKIN_ALREADY)
