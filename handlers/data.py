"""Your data: /export sends everything the bot holds about you, /forget deletes it.

What belongs to a user is found by walking the schema (db.userdata), so a new table is
exported and forgotten too. The /forget buttons name the user and the account's creation
instant: a press by anyone else, or one kept from an account deleted since, changes nothing.
"""

import re
from datetime import UTC, datetime, timedelta

from telegram import Update
from telegram.error import BadRequest

from bot import keyboards, texts
from bot.runtime import BotContext
from db import userdata
from db.models import User
from db.users import get_user
from domain.export import build_export, filename
from domain.schedule import local_date
from domain.timezones import get_zone
from handlers.common import edit_quietly, reply

_FORGET = re.compile(r"forget:(yes|no):(\d+):(\d+)")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


async def export(update: Update, context: BotContext) -> None:
    assert update.effective_user is not None and update.effective_chat is not None
    user = await get_user(context.db, update.effective_user.id)
    if user is None:
        await reply(update, texts.NOTHING_STORED)
        return
    now = context.now()
    tables = await userdata.collect(context.db, user.id)
    archive = build_export(
        tables,
        user_id=user.id,
        exported_at=now,
        readme=texts.EXPORT_README.format(exported_at=f"{now.astimezone(UTC):%Y-%m-%d %H:%M}"),
    )
    day = local_date(now, get_zone(user.timezone))
    await update.effective_chat.send_document(
        archive,
        filename=filename(day),
        caption=texts.EXPORT_CAPTION.format(day=day.isoformat()),
    )


async def forget(update: Update, context: BotContext) -> None:
    assert update.effective_user is not None
    user = await get_user(context.db, update.effective_user.id)
    if user is None:
        await reply(update, texts.NOTHING_STORED)
        return
    counts = await userdata.count(context.db, user.id)
    await reply(
        update,
        texts.forget_ask(
            checkins=counts.get("checkins", 0),
            contacts=counts.get("contacts", 0),
            followups=counts.get("followups", 0),
        ),
        reply_markup=keyboards.forget_confirm(user.id, account_since(user)),
    )


async def forget_button(update: Update, context: BotContext) -> None:
    """ "Delete everything" or "Keep my data" under the /forget question."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    match = _FORGET.fullmatch(query.data)
    user = await get_user(context.db, update.effective_user.id)
    if (
        match is None
        or user is None
        or int(match[2]) != update.effective_user.id
        or int(match[3]) != account_since(user)
    ):
        await query.answer(texts.STALE_BUTTON)
        return
    if match[1] == keyboards.FORGET_NO:
        await query.answer()
        await edit_quietly(query, texts.FORGET_KEPT)
        return
    if await userdata.delete_all(context.db, user.id) is None:  # deleted meanwhile
        await query.answer(texts.STALE_BUTTON)
        return
    await context.db.commit()
    await query.answer()
    try:
        await query.edit_message_text(texts.FORGET_DONE)
    except BadRequest:  # the question is gone or too old to edit: confirm in a new message
        await reply(update, texts.FORGET_DONE)


def account_since(user: User) -> int:
    """The account's creation instant in microseconds: tells this account from a later one."""
    return (user.created_at - _EPOCH) // timedelta(microseconds=1)
