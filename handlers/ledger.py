"""/gave and /asked: the give/ask ledger, and the coach's "give first" (principle 5)."""

from telegram import Update

from bot import keyboards, network, texts
from bot.runtime import BotContext
from db import contacts as queries
from db.models import Contact, User
from domain.ledger import split_name_and_what
from handlers.common import edit_quietly, ensure_user, known_user, reply
from handlers.contacts import offer_merges


async def gave(update: Update, context: BotContext) -> None:
    await _log(update, context, "give")


async def asked(update: Update, context: BotContext) -> None:
    await _log(update, context, "ask")


async def _log(update: Update, context: BotContext, kind: str) -> None:
    user, _ = await ensure_user(update, context)
    assert update.effective_message is not None and update.effective_message.text is not None
    text = update.effective_message.text.partition(" ")[2]
    known = await queries.names(context.db, user.id)
    parts = split_name_and_what(text, [name for _, name in known])
    if parts is None:
        await context.db.commit()
        await reply(update, texts.GAVE_USAGE if kind == "give" else texts.ASKED_USAGE)
        return
    name, what = parts
    resolved = await network.resolve(context.db, user.id, name, "ledger", context.now(), known)
    contact = resolved.contact
    if kind == "ask" and await queries.count_kind(context.db, contact.id, "give") == 0:
        user.draft = {"ask_contact_id": contact.id, "ask_what": what}
        await context.db.commit()
        await reply(
            update, texts.give_first(contact.name, contact.id), reply_markup=keyboards.ask_anyway()
        )
    else:
        await _record(context, user, contact, kind, what)
        template = texts.GAVE_LOGGED if kind == "give" else texts.ASKED_LOGGED
        await reply(update, template.format(name=contact.name, what=what))
    await offer_merges(update, [resolved])


async def ask_anyway_button(update: Update, context: BotContext) -> None:
    """The answer to "give first?": log the ask now, or leave it for after a give."""
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await known_user(update, context)
    draft = (user.draft or {}) if user else {}
    contact = (
        await queries.get_owned(context.db, int(draft["ask_contact_id"]), user.id)
        if user and "ask_contact_id" in draft
        else None
    )
    if user is None or contact is None:
        await query.answer(texts.STALE_BUTTON)
        return
    user.draft = None
    await query.answer()
    if query.data == keyboards.ASK_ANYWAY:
        what = str(draft["ask_what"])
        await _record(context, user, contact, "ask", what)
        await edit_quietly(query, texts.ASKED_LOGGED.format(name=contact.name, what=what))
    else:
        await context.db.commit()
        await edit_quietly(query, texts.GIVE_FIRST_OK.format(name=contact.name))


async def _record(context: BotContext, user: User, contact: Contact, kind: str, what: str) -> None:
    now = context.now()
    await queries.add_interaction(
        context.db,
        user_id=user.id,
        contact=contact,
        kind=kind,
        happened_on=network.today_for(user, now),
        now=now,
        note=what,
    )
    await context.db.commit()
