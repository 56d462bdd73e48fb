"""/followup, /followups and the buttons under follow-up nudges (principles 7 and 8)."""

import re
from datetime import date, datetime, timedelta

from telegram import InlineKeyboardMarkup, Update

from bot import keyboards, network, texts
from bot.runtime import BotContext
from db import contacts as contact_queries
from db import followups as queries
from db.models import Contact, Followup, User
from domain.checkin import clean_answer
from domain.contacts import clean_display_name
from domain.followups import (
    Ambiguous,
    FollowupRequest,
    InPast,
    NeedsMore,
    Unreadable,
    parse_followup,
    relative_day,
)
from domain.schedule import local_date, local_now, resolve_local
from domain.text import split_note
from domain.timezones import get_zone
from handlers.common import (
    Page,
    edit_quietly,
    ensure_user,
    known_user,
    reply,
    show_list,
    turn_page,
    wait_for_answer,
)
from handlers.contacts import offer_merges

ASK_NAME, ASK_WHEN, ASK_NOTE = "followup_name", "followup_when", "followup_note"
STATES = (ASK_NAME, ASK_WHEN, ASK_NOTE)
PAGE = 8
SNOOZES = {"s1": timedelta(days=1), "s7": timedelta(days=7)}
_ACTION = re.compile(r"fu:(done|s1|s7|drop|rest):(\d+)")


# --- creating ---------------------------------------------------------------------------------


async def followup_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    assert update.effective_message is not None and update.effective_message.text is not None
    text = update.effective_message.text.partition(" ")[2].strip()
    if not text:
        await wait_for_answer(update, context, user, ASK_NAME, texts.FOLLOWUP_ASK_NAME, draft={})
        return
    await _handle(update, context, user, text)


async def from_text(update: Update, context: BotContext, user: User) -> None:
    """The next part of a /followup asked step by step (routed here by handlers.messages)."""
    assert update.effective_message is not None and update.effective_message.text is not None
    text = update.effective_message.text
    draft = user.draft or {}
    if user.awaiting == ASK_NAME or "name" not in draft:
        name = clean_display_name(text)
        if name is None:
            await reply(update, texts.FOLLOWUP_ASK_NAME)
            return
        prompt = texts.FOLLOWUP_ASK_WHEN.format(name=name)
        await wait_for_answer(update, context, user, ASK_WHEN, prompt, draft={"name": name})
    elif user.awaiting == ASK_WHEN:
        await _handle(update, context, user, f"{draft['name']} {text}", asked_when=text)
    else:
        note = clean_answer(text)
        await _create(update, context, user, _request_from(draft, note.text or None))


async def no_note_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    user = await known_user(update, context)
    if user is None or user.awaiting != ASK_NOTE or not user.draft:
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    await _create(update, context, user, _request_from(user.draft, None))


async def date_button(update: Update, context: BotContext) -> None:
    """The user picked one reading of an ambiguous date."""
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await known_user(update, context)
    draft = user.draft if user else None
    picked = _iso_date(query.data.removeprefix("fu:date:"))
    if user is None or not draft or "text" not in draft or picked is None:
        await query.answer(texts.STALE_BUTTON)
        return
    result = parse_followup(draft["text"], now_local=_now_local(user, context))
    if not isinstance(result, Ambiguous) or picked not in result.options:
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    await _create(update, context, user, result.resolve(picked))


async def _handle(
    update: Update, context: BotContext, user: User, text: str, *, asked_when: str | None = None
) -> None:
    """Act on a whole `<name> <when> [— note]`; `asked_when` is set when the bot asked for the
    date alone (step by step): then anything unreadable keeps the question open."""
    result = parse_followup(text, now_local=_now_local(user, context))
    if asked_when is not None and isinstance(result, NeedsMore | Unreadable):
        await reply(update, texts.FOLLOWUP_UNREADABLE.format(text=asked_when[:80]))
    elif isinstance(result, FollowupRequest):
        if asked_when is not None and result.note is None:
            draft = {
                "name": result.name,
                "date": result.due_date.isoformat(),
                "time": result.due_time.isoformat() if result.due_time else None,
                "when": result.when_text,
            }
            prompt = texts.FOLLOWUP_ASK_NOTE.format(name=result.name)
            await wait_for_answer(
                update,
                context,
                user,
                ASK_NOTE,
                prompt,
                draft=draft,
                reply_markup=keyboards.no_note(),
            )
        else:
            await _create(update, context, user, result)
    elif isinstance(result, NeedsMore) and result.missing == "when":
        name = clean_display_name(split_note(text)[0]) or text[:100]
        prompt = texts.FOLLOWUP_ASK_WHEN.format(name=name)
        await wait_for_answer(update, context, user, ASK_WHEN, prompt, draft={"name": name})
    elif isinstance(result, NeedsMore):
        await wait_for_answer(update, context, user, ASK_NAME, texts.FOLLOWUP_ASK_NAME, draft={})
    elif isinstance(result, Ambiguous):
        options = [(f"{day:%a %-d %b %Y}", day.isoformat()) for day in result.options]
        prompt = texts.FOLLOWUP_AMBIGUOUS.format(text=result.text)
        draft = {"text": text}
        await wait_for_answer(
            update,
            context,
            user,
            None,
            prompt,
            draft=draft,
            reply_markup=keyboards.date_choices(options),
        )
    elif isinstance(result, InPast):
        await reply(update, texts.FOLLOWUP_PAST.format(when=f"{result.when:%a %-d %b, %H:%M}"))
    else:
        await reply(update, texts.FOLLOWUP_UNREADABLE.format(text=result.text[:80]))


async def _create(
    update: Update, context: BotContext, user: User, request: FollowupRequest
) -> None:
    now = context.now()
    created = await network.add_followup(context.db, user, request, "followup", now)
    user.awaiting, user.draft = None, None
    await context.db.commit()
    name = created.resolved.contact.name
    note = f"\n{request.note}" if request.note else ""
    lines = [
        texts.FOLLOWUP_SET.format(
            name=name, when=texts.when(created.followup.due_at, user.timezone, now), note=note
        )
    ]
    if created.pestering:
        count = await queries.count_since_reply(context.db, created.resolved.contact.id)
        lines.append(texts.FOLLOWUP_PESTER.format(count=count, name=name))
    await reply(update, "\n\n".join(lines))
    await offer_merges(update, [created.resolved])


def _request_from(draft: dict[str, str | None], note: str | None) -> FollowupRequest:
    at = draft.get("time")
    return FollowupRequest(
        name=str(draft["name"]),
        when_text=str(draft.get("when") or ""),
        note=note,
        due_date=date.fromisoformat(str(draft["date"])),
        due_time=datetime.strptime(at, "%H:%M:%S").time() if at else None,
    )


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _now_local(user: User, context: BotContext) -> datetime:
    return local_now(context.now(), get_zone(user.timezone))


# --- acting on one --------------------------------------------------------------------------


async def followup_button(update: Update, context: BotContext) -> None:
    """Done / Snooze / Drop / Let it rest, under a nudge or in the /followups list."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    match = _ACTION.fullmatch(query.data)
    followup = (
        await queries.get_owned(context.db, int(match[2]), update.effective_user.id)
        if match
        else None
    )
    user = await context.db.get(User, update.effective_user.id)
    if match is None or followup is None or followup.status != "open" or user is None:
        await query.answer(texts.STALE_BUTTON)
        return
    contact = await context.db.get(Contact, followup.contact_id)
    assert contact is not None
    confirmation = await _apply(context, user, followup, contact, match[1])
    await context.db.commit()
    await query.answer()
    if query.message is not None and str(getattr(query.message, "text", "")).startswith(
        texts.FOLLOWUPS_HEADER
    ):
        text, markup = await _render_list(context, user, 0)
        await edit_quietly(query, text, reply_markup=markup)
    else:
        await edit_quietly(query, confirmation)


async def _apply(
    context: BotContext, user: User, followup: Followup, contact: Contact, action: str
) -> str:
    now = context.now()
    if action == "done":
        followup.status, followup.done_at, followup.next_nudge_at = "done", now, None
        await contact_queries.add_interaction(
            context.db,
            user_id=user.id,
            contact=contact,
            kind="followup",
            happened_on=local_date(now, get_zone(user.timezone)),
            now=now,
            note=followup.note,
        )
        return texts.FOLLOWUP_DONE.format(name=contact.name)
    if action in SNOOZES:
        followup.due_at = followup.next_nudge_at = now + SNOOZES[action]
        followup.nudges_sent = 0
        when = texts.when(followup.due_at, user.timezone, now)
        return texts.FOLLOWUP_SNOOZED.format(name=contact.name, when=when)
    followup.next_nudge_at = None
    if action == "rest":
        followup.status = "rested"
        return texts.FOLLOWUP_RESTING.format(name=contact.name)
    followup.status = "dropped"
    return texts.FOLLOWUP_DROPPED.format(name=contact.name)


# --- the list ---------------------------------------------------------------------------------


async def followups_command(update: Update, context: BotContext) -> None:
    await show_list(update, context, _render_list)


async def page_button(update: Update, context: BotContext) -> None:
    await turn_page(update, context, _render_list, "fl:")


async def _render_list(context: BotContext, user: User, offset: int) -> Page:
    """Overdue, today and the next 7 days, with relative dates; a page of PAGE items."""
    now = context.now()
    tz = get_zone(user.timezone)
    today = local_date(now, tz)
    until = resolve_local(today + timedelta(days=8), datetime.min.time(), tz)
    items = await queries.open_until(context.db, user.id, until)
    if not items:
        return texts.FOLLOWUPS_EMPTY, None
    offset = min(offset, max(0, len(items) - 1)) // PAGE * PAGE
    page = items[offset : offset + PAGE]
    lines = [texts.FOLLOWUPS_HEADER]
    section = None
    for followup, contact in page:
        day = local_date(followup.due_at, tz)
        current = "overdue" if followup.due_at < now else "today" if day == today else "soon"
        if current != section:
            section = current
            lines.append(f"\n{texts.FOLLOWUPS_SECTIONS[current]}")
        note = f" — {followup.note[:80]}" if followup.note else ""
        lines.append(f"• {contact.name}{note} ({relative_day(day, today)})")
    rows = keyboards.followup_rows([(f.id, c.name) for f, c in page])
    pager = keyboards.pager(keyboards.FOLLOWUPS_PAGE, offset, PAGE, len(items))
    return "\n".join(lines), InlineKeyboardMarkup([*rows, *([pager] if pager else [])])
