"""/gave and /asked: the give/ask ledger, and the coach's "give first" (principle 5)."""

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters.contacts import give_first
from bot.presenters.ledger import with_vague_ask_tip
from bot.runtime import BotContext
from db.models import Contact, User
from domain.contacts import InteractionKind
from domain.conversation import AskDraft
from handlers.common import command_argument, edit_quietly, pressed_by_user, reply, stale
from handlers.contacts import offer_merges
from services import contacts, ledger, users

# The names of the copy per kind: read from bot.texts when a reply is written, in its language.
USAGE = {InteractionKind.GIVE: "GAVE_USAGE", InteractionKind.ASK: "ASKED_USAGE"}
LOGGED = {InteractionKind.GIVE: "GAVE_LOGGED", InteractionKind.ASK: "ASKED_LOGGED"}


async def gave(update: Update, context: BotContext) -> None:
    await _log(update, context, InteractionKind.GIVE)


async def asked(update: Update, context: BotContext) -> None:
    await _log(update, context, InteractionKind.ASK)


async def _log(update: Update, context: BotContext, kind: InteractionKind) -> None:
    user = await context.user_or_new(update)
    outcome = await ledger.log(context.db, user, kind, command_argument(update), context.now())
    if outcome is None:
        await reply(update, getattr(texts, USAGE[kind]))
        return
    await context.db.commit()
    contact = outcome.contact
    if isinstance(outcome, ledger.GiveFirst):
        text = give_first(contact.name, contact.id)
        markup = keyboards.ask_anyway(contact.id)
    else:
        text, markup = (
            getattr(texts, LOGGED[kind]).format(name=contact.name, what=outcome.what),
            None,
        )
    if outcome.vague:
        text = with_vague_ask_tip(text, users.today(user, context.now()))
    await reply(update, text, reply_markup=markup)
    await offer_merges(update, [outcome.resolved])


async def _held_ask(
    update: Update,
    context: BotContext,
    button_type: type[callbacks.AskAnyway] | type[callbacks.GiveFirst],
) -> tuple[User, AskDraft, Contact] | None:
    """The presser, the ask they held back and its contact, while that ask is still held;
    None after answering "no longer applies"."""
    found = await pressed_by_user(update, context, button_type)
    if found is None:
        return None
    button, user = found
    held = await ledger.held_ask(context.db, user, button.contact_id)
    contact = await contacts.owned(context.db, button.contact_id, user.id)
    if held is None or contact is None:
        await stale(update)
        return None
    return user, held, contact


async def ask_anyway_button(update: Update, context: BotContext) -> None:
    """Log the held-back ask now, after all."""
    found = await _held_ask(update, context, callbacks.AskAnyway)
    if found is None:
        return
    user, held, contact = found
    user.draft = None
    await ledger.record(context.db, user, contact, InteractionKind.ASK, held.what, context.now())
    await context.db.commit()
    assert update.callback_query is not None
    await update.callback_query.answer()
    text = texts.ASKED_LOGGED.format(name=contact.name, what=held.what)
    await edit_quietly(update.callback_query, text)


async def give_first_button(update: Update, context: BotContext) -> None:
    """Leave the ask for after a give."""
    found = await _held_ask(update, context, callbacks.GiveFirst)
    if found is None:
        return
    user, _, contact = found
    user.draft = None
    await context.db.commit()
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit_quietly(update.callback_query, texts.GIVE_FIRST_OK.format(name=contact.name))
