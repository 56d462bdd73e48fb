"""Telegram tells us when a user blocks (or unblocks) the bot: stop or resume sends at once."""

from telegram import ChatMember, Update

from bot.runtime import BotContext
from db.users import mark_unreachable


async def bot_membership_changed(update: Update, context: BotContext) -> None:
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    if change.new_chat_member.status == ChatMember.BANNED:  # "kicked": the user blocked us
        await mark_unreachable(context.db, change.from_user.id, context.now())
        await context.db.commit()
    # Unblocking needs nothing here: `common.note_activity` runs for every update.
