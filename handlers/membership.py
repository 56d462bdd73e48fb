"""Telegram tells us when a user blocks (or unblocks) the bot: stop or resume sends at once.
Blocking the bot ends the user's partnerships (each partner is told in one line)."""

from telegram import ChatMember, Update

from bot.presenters import partners as present
from bot.runtime import BotContext
from db.users import mark_unreachable
from services import partners


async def bot_membership_changed(update: Update, context: BotContext) -> None:
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    if change.new_chat_member.status == ChatMember.BANNED:  # "kicked": the user blocked us
        await mark_unreachable(context.db, change.from_user.id, context.now())
        await partners.end_all(context.db, change.from_user.id, context.now(), present.ended)
        await context.db.commit()
    # Unblocking needs nothing here: `common.note_activity` runs for every update.
