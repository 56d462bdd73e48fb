"""/contact, /contacts, merging look-alike names, and importing a contacts file.

Rows 2 and 3 of the coaching principles: who the people are (tier) and how warm the
relationship is, not how many names there are.
"""

import re
from datetime import timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot import keyboards, network, texts
from bot.runtime import BotContext
from db import contacts as queries
from db.models import Contact, User
from domain.contacts import (
    CHANNEL_LABELS,
    TIER_LABELS,
    Channel,
    Tier,
    clean_display_name,
    clean_text,
    effective_interval,
    normalize_name,
    warmth_score,
)
from domain.followups import relative_day
from domain.imports import MAX_FILE_BYTES, ImportFileError, parse_contacts_file
from handlers.common import (
    Page,
    edit_quietly,
    ensure_user,
    reply,
    show_list,
    turn_page,
    wait_for_answer,
)

ASK_COMPANY, ASK_HOW_MET = "contact_company", "contact_how_met"
STATES = (ASK_COMPANY, ASK_HOW_MET)
PAGE = 20
WARMTH_WINDOW = timedelta(days=180)  # older interactions hardly count towards warmth
HISTORY = 8
_TIER_DATA = {tier.value: TIER_LABELS[tier] for tier in Tier}


# --- look-alike names -------------------------------------------------------------------------


async def offer_merges(update: Update, found: list[network.Resolved]) -> None:
    """Ask once per new contact whose name looks like an existing one."""
    for resolved in found:
        if not (resolved.created and resolved.similar):
            continue
        existing_id, existing_name = resolved.similar[0]
        await reply(
            update,
            texts.SAME_PERSON.format(new=resolved.contact.name, existing=existing_name),
            reply_markup=keyboards.same_person(resolved.contact.id, existing_id),
        )


async def merge_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    match = re.fullmatch(r"cm:(same|new):(\d+)(?::(\d+))?", query.data)
    user_id = update.effective_user.id
    new = await queries.get_owned(context.db, int(match[2]), user_id) if match else None
    existing = (
        await queries.get_owned(context.db, int(match[3]), user_id) if match and match[3] else None
    )
    if match is None or new is None or (match[1] == "same" and existing is None):
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    if existing is not None and match[1] == "same":
        await queries.merge(context.db, new, existing)
        await context.db.commit()
        await edit_quietly(query, texts.MERGED.format(new=new.name, existing=existing.name))
    else:
        await edit_quietly(query, texts.KEPT_APART.format(new=new.name))


# --- one contact ------------------------------------------------------------------------------


async def contact_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    assert update.effective_message is not None and update.effective_message.text is not None
    name = clean_display_name(update.effective_message.text.partition(" ")[2])
    if name is None:
        await context.db.commit()
        await reply(update, texts.CONTACT_USAGE)
        return
    resolved = await network.resolve(context.db, user.id, name, "manual", context.now())
    await context.db.commit()
    text, markup = await render_card(context, user, resolved.contact)
    await reply(update, text, reply_markup=markup)
    await offer_merges(update, [resolved])


async def render_card(
    context: BotContext, user: User, contact: Contact
) -> tuple[str, InlineKeyboardMarkup]:
    today = network.today_for(user, context.now())
    interval = effective_interval(contact.keep_in_touch_days, contact.tier)
    last = contact.last_interaction_on
    text = texts.CONTACT_CARD.format(
        name=contact.name,
        tier=TIER_LABELS[Tier(contact.tier)] if contact.tier else texts.TIER_UNSET,
        company=", ".join(p for p in (contact.company, contact.role) if p) or texts.NOT_SET,
        how_met=contact.how_met or texts.NOT_SET,
        interval=texts.INTERVAL_EVERY.format(days=interval) if interval else texts.INTERVAL_OFF,
        last=relative_day(last, today) if last else texts.NEVER,
        gives=await queries.count_kind(context.db, contact.id, "give"),
        asks=await queries.count_kind(context.db, contact.id, "ask"),
    )
    history = await queries.history(context.db, contact.id, HISTORY)
    if history:
        lines = [texts.CONTACT_HISTORY]
        for item in history:
            channel = f", {CHANNEL_LABELS[Channel(item.channel)]}" if item.channel else ""
            note = f": {item.note[:60]}" if item.note else ""
            lines.append(f"• {relative_day(item.happened_on, today)}: {item.kind}{channel}{note}")
        text = f"{text}\n\n" + "\n".join(lines)
    return text, keyboards.contact_card(contact.id, _TIER_DATA)


async def card_button(update: Update, context: BotContext) -> None:
    """Tier, interval, company, how we met, they replied: each checks the contact's owner."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    match = re.fullmatch(r"ct:(tier|int|co|met|reply):(\d+)(?::(\w+))?", query.data)
    user = await context.db.get(User, update.effective_user.id)
    contact = (
        await queries.get_owned(context.db, int(match[2]), update.effective_user.id)
        if match
        else None
    )
    if match is None or contact is None or user is None or not _valid_value(match[1], match[3]):
        await query.answer(texts.STALE_BUTTON)
        return
    action, value = match[1], match[3]
    now = context.now()
    if action in ("co", "met"):
        await query.answer()
        state, template = (
            (ASK_COMPANY, texts.ASK_COMPANY) if action == "co" else (ASK_HOW_MET, texts.ASK_HOW_MET)
        )
        prompt = template.format(name=contact.name)
        await wait_for_answer(
            update, context, user, state, prompt, draft={"contact_id": contact.id}
        )
        return
    if action == "tier":
        contact.tier = value
    elif action == "int":
        contact.keep_in_touch_days = int(value)
    else:
        await queries.add_interaction(
            context.db,
            user_id=user.id,
            contact=contact,
            kind="reply",
            happened_on=network.today_for(user, now),
            now=now,
            two_way=True,
        )
    await context.db.commit()
    await query.answer(
        texts.REPLY_LOGGED.format(name=contact.name) if action == "reply" else texts.CONTACT_UPDATED
    )
    text, markup = await render_card(context, user, contact)
    await edit_quietly(query, text, reply_markup=markup)


def _valid_value(action: str, value: str | None) -> bool:
    if action == "tier":
        return value in _TIER_DATA
    if action == "int":
        return value is not None and value.isdigit() and int(value) in texts.INTERVAL_BUTTONS
    return value is None


async def field_from_text(update: Update, context: BotContext, user: User) -> None:
    """The company/role or how-we-met text the card asked for."""
    assert update.effective_message is not None and update.effective_message.text is not None
    contact_id = (user.draft or {}).get("contact_id")
    contact = await queries.get_owned(context.db, int(contact_id or 0), user.id)
    state, user.awaiting, user.draft = user.awaiting, None, None
    if contact is None:
        await context.db.commit()
        await reply(update, texts.STALE_BUTTON)
        return
    value = clean_text(update.effective_message.text, 300)
    if state == ASK_COMPANY:
        company, _, role = (value or "").partition(",")
        contact.company, contact.role = company.strip()[:200] or None, role.strip()[:200] or None
    else:
        contact.how_met = value
    await context.db.commit()
    text, markup = await render_card(context, user, contact)
    await reply(update, text, reply_markup=markup)


# --- the list ---------------------------------------------------------------------------------


async def contacts_command(update: Update, context: BotContext) -> None:
    await show_list(update, context, render_list)


async def page_button(update: Update, context: BotContext) -> None:
    await turn_page(update, context, render_list, "cl:")


async def render_list(context: BotContext, user: User, offset: int) -> Page:
    """Warmest first: recent, two-way interactions in the last 180 days weigh most."""
    today = network.today_for(user, context.now())
    everyone = await queries.ordered_ids(context.db, user.id)
    if not everyone:
        return texts.CONTACTS_EMPTY, None
    touches: dict[int, list[tuple[object, bool]]] = {}
    for touch in await queries.recent_interactions(context.db, user.id, today - WARMTH_WINDOW):
        if touch.contact_id is not None:
            touches.setdefault(touch.contact_id, []).append((touch.day, touch.two_way))
    ranked = sorted(
        everyone,
        key=lambda row: (-warmth_score(touches.get(row[0], []), today), normalize_name(row[2])),  # type: ignore[arg-type]
    )
    offset = min(offset, len(ranked) - 1) // PAGE * PAGE
    page = ranked[offset : offset + PAGE]
    contacts = await queries.page_of_contacts(context.db, user.id, [cid for cid, _, _ in page])
    lines = [texts.CONTACTS_HEADER.format(count=len(ranked))]
    for cid, last, _ in page:
        contact = contacts[cid]
        tier = f" · {TIER_LABELS[Tier(contact.tier)]}" if contact.tier else ""
        when = relative_day(last, today) if last else texts.NEVER
        lines.append(f"• {contact.name}{tier} · {when}")
    pager = keyboards.pager(keyboards.CONTACTS_PAGE, offset, PAGE, len(ranked))
    return "\n".join(lines), InlineKeyboardMarkup([pager]) if pager else None


# --- import -----------------------------------------------------------------------------------


async def import_document(update: Update, context: BotContext) -> None:
    """LinkedIn's Connections.csv or a .vcf: all or nothing, de-duplicated by name."""
    message = update.effective_message
    assert message is not None and message.document is not None
    document = message.document
    name = document.file_name or ""
    if not name.lower().endswith((".csv", ".vcf", ".vcard")):
        await reply(update, texts.IMPORT_UNSUPPORTED)
        return
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        await reply(update, texts.IMPORT_FAILED.format(reason=texts.IMPORT_TOO_BIG))
        return
    user, _ = await ensure_user(update, context)
    try:
        content = bytes(await (await document.get_file()).download_as_bytearray())
        imported = parse_contacts_file(name, content)
    except ImportFileError as error:
        await context.db.commit()
        await reply(update, texts.IMPORT_FAILED.format(reason=str(error).rstrip(".")))
        return
    except TelegramError:
        await context.db.commit()
        await reply(update, texts.IMPORT_FAILED.format(reason=texts.IMPORT_NOT_DOWNLOADED))
        return
    known = await queries.keys(context.db, user.id)
    now = context.now()
    new = 0
    for person in imported:
        key = normalize_name(person.name)
        if key in known:
            continue
        known.add(key)
        context.db.add(
            queries.new_contact(
                user.id,
                person.name,
                "import",
                now,
                company=person.company,
                role=person.role,
                email=person.email,
                connected_on=person.connected_on,
            )
        )
        new += 1
    await context.db.commit()
    await reply(update, texts.IMPORT_DONE.format(new=new, known=len(imported) - new))
