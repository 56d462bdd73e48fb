"""/contact (the card and its buttons), /contacts (warmest first) and merging look-alikes.

Rows 2 and 3 of the coaching principles: who the people are (tier) and how warm the
relationship is, not how many names there are.
"""

from typing import TypeVar

from telegram import InlineKeyboardMarkup, Update

from bot import callbacks, keyboards, texts
from bot.callbacks import CardAction
from bot.presenters import contacts as present
from bot.runtime import BotContext
from db.models import Contact, User
from domain.contacts import ContactSource
from domain.conversation import Awaiting, ContactFieldDraft
from handlers.common import (
    Page,
    command_argument,
    edit_quietly,
    message_text,
    pressed,
    pressed_by_user,
    reply,
    show_list,
    stale,
    turn_page,
    wait_for_answer,
)
from services import contacts, users

PAGE = 20
HISTORY = 8
FIELD_QUESTIONS = {
    CardAction.COMPANY: (Awaiting.CONTACT_COMPANY, texts.ASK_COMPANY),
    CardAction.HOW_MET: (Awaiting.CONTACT_HOW_MET, texts.ASK_HOW_MET),
}


# --- look-alike names -------------------------------------------------------------------------


async def offer_merges(update: Update, found: list[contacts.Resolved]) -> None:
    """Ask once per new contact whose name looks like an existing one."""
    for resolved in found:
        if not resolved.maybe_duplicate:
            continue
        existing_id, existing_name = resolved.similar[0]
        await reply(
            update,
            texts.SAME_PERSON.format(new=resolved.contact.name, existing=existing_name),
            reply_markup=keyboards.same_person(resolved.contact.id, existing_id),
        )


async def same_person_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.SamePerson)
    if found is None:
        return
    button, user = found
    new = await contacts.owned(context.db, button.new_id, user.id)
    existing = await contacts.owned(context.db, button.existing_id, user.id)
    if new is None or existing is None:
        await stale(update)
        return
    await contacts.merge(context.db, new, existing)
    await context.db.commit()
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit_quietly(
        update.callback_query, texts.MERGED.format(new=new.name, existing=existing.name)
    )


async def new_person_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.NewPerson)
    if found is None:
        return
    button, user = found
    new = await contacts.owned(context.db, button.new_id, user.id)
    if new is None:
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit_quietly(update.callback_query, texts.KEPT_APART.format(new=new.name))


# --- one contact ------------------------------------------------------------------------------


async def contact_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    name = contacts.display_name(command_argument(update))
    if name is None:
        await reply(update, texts.CONTACT_USAGE)
        return
    resolved = await contacts.resolve(
        context.db, user.id, name, ContactSource.MANUAL, context.now()
    )
    await context.db.commit()
    text, markup = await _card(context, user, resolved.contact)
    await reply(update, text, reply_markup=markup)
    await offer_merges(update, [resolved])


async def _card(
    context: BotContext, user: User, contact: Contact
) -> tuple[str, InlineKeyboardMarkup]:
    view = await contacts.card(context.db, contact, HISTORY)
    text = present.card(view, users.today(user, context.now()))
    return text, keyboards.contact_card(contact.id)


ContactButton = TypeVar(
    "ContactButton", callbacks.ContactAction, callbacks.ContactTier, callbacks.ContactInterval
)


async def _pressed_on_card(
    update: Update, context: BotContext, button_type: type[ContactButton]
) -> tuple[ContactButton, User, Contact] | None:
    """A card's button, its presser and the contact, when the presser owns that contact; None
    after answering "no longer applies" otherwise."""
    found = await pressed_by_user(update, context, button_type)
    if found is None:
        return None
    button, user = found
    contact = await contacts.owned(context.db, button.contact_id, user.id)
    if contact is None:
        await stale(update)
        return None
    return button, user, contact


async def card_action_button(update: Update, context: BotContext) -> None:
    """Company/role, how we met, they replied: each checks the contact's owner."""
    found = await _pressed_on_card(update, context, callbacks.ContactAction)
    if found is None:
        return
    button, user, contact = found
    query = update.callback_query
    assert query is not None
    if button.action in FIELD_QUESTIONS:
        await query.answer()
        state, template = FIELD_QUESTIONS[button.action]
        draft = ContactFieldDraft(contact_id=contact.id)
        prompt = template.format(name=contact.name)
        await wait_for_answer(update, context, user, state, prompt, draft=draft)
        return
    await contacts.log_reply(context.db, user, contact, context.now())
    await _saved(update, context, user, contact, texts.REPLY_LOGGED.format(name=contact.name))


async def tier_button(update: Update, context: BotContext) -> None:
    found = await _pressed_on_card(update, context, callbacks.ContactTier)
    if found is None:
        return
    button, user, contact = found
    contacts.set_tier(contact, button.tier)
    await _saved(update, context, user, contact, texts.CONTACT_UPDATED)


async def interval_button(update: Update, context: BotContext) -> None:
    found = await _pressed_on_card(update, context, callbacks.ContactInterval)
    if found is None:
        return
    button, user, contact = found
    if button.days not in texts.INTERVAL_BUTTONS:
        await stale(update)
        return
    contacts.set_interval(contact, button.days)
    await _saved(update, context, user, contact, texts.CONTACT_UPDATED)


async def _saved(
    update: Update, context: BotContext, user: User, contact: Contact, note: str
) -> None:
    """Commit, confirm in the button's little pop-up, and show the card again."""
    await context.db.commit()
    query = update.callback_query
    assert query is not None
    await query.answer(note)
    text, markup = await _card(context, user, contact)
    await edit_quietly(query, text, reply_markup=markup)


async def field_from_text(update: Update, context: BotContext, user: User) -> None:
    """The company/role or how-we-met text the card asked for."""
    draft = ContactFieldDraft.from_json(user.draft)
    contact = await contacts.owned(context.db, draft.contact_id, user.id) if draft else None
    state, user.awaiting, user.draft = user.awaiting, None, None
    if contact is None:
        await context.db.commit()
        await reply(update, texts.STALE_BUTTON)
        return
    if state == Awaiting.CONTACT_COMPANY:
        contacts.set_company(contact, message_text(update))
    else:
        contacts.set_how_met(contact, message_text(update))
    await context.db.commit()
    text, markup = await _card(context, user, contact)
    await reply(update, text, reply_markup=markup)


# --- the list ---------------------------------------------------------------------------------


async def contacts_command(update: Update, context: BotContext) -> None:
    await show_list(update, context, render_list)


async def page_button(update: Update, context: BotContext) -> None:
    button = await pressed(update, callbacks.ContactsPage)
    if button is not None:
        await turn_page(update, context, render_list, button.offset)


async def render_list(context: BotContext, user: User, offset: int) -> Page:
    today = users.today(user, context.now())
    page = await contacts.warmest_first(context.db, user, today, max(0, offset), PAGE)
    if not page.total:
        return texts.CONTACTS_EMPTY, None
    return present.listing(page, today), keyboards.contacts_pager(page.offset, PAGE, page.total)
