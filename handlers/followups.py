"""/followup, /followups and the buttons under follow-up nudges (principles 7 and 8)."""

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters import followups as present
from bot.presenters.common import date_and_time, describe_when
from bot.runtime import BotContext
from db.models import User
from domain.contacts import ContactSource, clean_display_name
from domain.conversation import Awaiting, FollowupDraft
from domain.followups import (
    Ambiguous,
    FollowupAct,
    FollowupRequest,
    InPast,
    NeedsMore,
    Unreadable,
    parse_followup,
    reader_knows_better,
)
from domain.reading import FollowupItem
from domain.schedule import local_now
from domain.text import clean_text, split_note
from handlers.common import (
    Page,
    command_argument,
    edit_quietly,
    known_user,
    message_text,
    pressed,
    pressed_by_user,
    reply,
    show_list,
    stale,
    turn_page,
    wait_for_answer,
)
from handlers.contacts import offer_merges
from services import followups, users

PAGE = 8
MAX_ECHO = 80  # how much of an unreadable date is quoted back
MAX_NAME_ECHO = 100


# --- creating ---------------------------------------------------------------------------------


async def followup_command(update: Update, context: BotContext) -> None:
    user = await context.user_or_new(update)
    text = command_argument(update)
    if not text:
        await _ask_name(update, context, user)
        return
    await _handle(update, context, user, text)


async def _ask_name(update: Update, context: BotContext, user: User) -> None:
    await wait_for_answer(
        update, context, user, Awaiting.FOLLOWUP_NAME, texts.FOLLOWUP_ASK_NAME,
        draft=FollowupDraft(),
    )  # fmt: skip


async def _ask_when(update: Update, context: BotContext, user: User, name: str) -> None:
    prompt = texts.FOLLOWUP_ASK_WHEN.format(name=name)
    draft = FollowupDraft(name=name)
    await wait_for_answer(update, context, user, Awaiting.FOLLOWUP_WHEN, prompt, draft=draft)


async def name_from_text(update: Update, context: BotContext, user: User) -> None:
    """Step one of /followup asked step by step: the name."""
    name = clean_display_name(message_text(update))
    if name is None:
        await reply(update, texts.FOLLOWUP_ASK_NAME)
        return
    await _ask_when(update, context, user, name)


async def when_from_text(update: Update, context: BotContext, user: User) -> None:
    """Step two: the date (anything unreadable keeps the question open)."""
    draft = FollowupDraft.from_json(user.draft)
    if draft is None or draft.name is None:
        await _ask_name(update, context, user)
        return
    text = message_text(update)
    note = f" — {draft.note}" if draft.note else ""
    await _handle(update, context, user, f"{draft.name} {text}{note}", asked_when=text)


async def note_from_text(update: Update, context: BotContext, user: User) -> None:
    """Step three: the note."""
    request = _request_from(FollowupDraft.from_json(user.draft))
    if request is None:
        await _ask_name(update, context, user)
        return
    note = clean_text(message_text(update), multiline=True)
    await _create(update, context, user, _with_note(request, note))


async def no_note_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    user = await known_user(update, context)
    request = None
    if user is not None and user.awaiting == Awaiting.FOLLOWUP_NOTE:
        request = _request_from(FollowupDraft.from_json(user.draft))
    if user is None or request is None:
        await stale(update)
        return
    await query.answer()
    await _create(update, context, user, request)


async def date_button(update: Update, context: BotContext) -> None:
    """The user picked one reading of an ambiguous date."""
    found = await pressed_by_user(update, context, callbacks.PickDate)
    if found is None:
        return
    button, user = found
    draft = FollowupDraft.from_json(user.draft)
    if draft is None or draft.text is None:
        await stale(update)
        return
    result = parse_followup(
        draft.text, now_local=local_now(context.now(), users.zone(user)), language=user.language
    )
    if not isinstance(result, Ambiguous) or button.day not in result.options:
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _create(update, context, user, result.resolve(button.day))


async def _handle(
    update: Update, context: BotContext, user: User, text: str, *, asked_when: str | None = None
) -> None:
    """Act on a whole `<name> <when> [— note]`; `asked_when` is set when the bot asked for the
    date alone (step by step): then anything unreadable keeps the question open."""
    now_local = local_now(context.now(), users.zone(user))
    result = parse_followup(text, now_local=now_local, language=user.language)
    if asked_when is None:
        items = await followups.read(context.db, user, text, now_local)
        if reader_knows_better(result, items, user.language):
            await _from_reading(update, context, user, items)
            return
    if asked_when is not None and isinstance(result, NeedsMore | Unreadable):
        await reply(update, texts.FOLLOWUP_UNREADABLE.format(text=asked_when[:MAX_ECHO]))
    elif isinstance(result, FollowupRequest):
        if asked_when is not None and result.note is None:
            draft = FollowupDraft(
                name=result.name,
                day=result.due_date,
                at=result.due_time,
                when_text=result.when_text,
            )
            await wait_for_answer(
                update,
                context,
                user,
                Awaiting.FOLLOWUP_NOTE,
                texts.FOLLOWUP_ASK_NOTE.format(name=result.name),
                draft=draft,
                reply_markup=keyboards.no_note(),
            )
        else:
            await _create(update, context, user, result)
    elif isinstance(result, NeedsMore) and result.missing == "when":
        name = clean_display_name(split_note(text)[0]) or text[:MAX_NAME_ECHO]
        await _ask_when(update, context, user, name)
    elif isinstance(result, NeedsMore):
        await _ask_name(update, context, user)
    elif isinstance(result, Ambiguous):
        await wait_for_answer(
            update,
            context,
            user,
            None,
            texts.FOLLOWUP_AMBIGUOUS.format(text=result.text),
            draft=FollowupDraft(text=text),
            reply_markup=keyboards.date_choices(result.options),
        )
    elif isinstance(result, InPast):
        await reply(update, texts.FOLLOWUP_PAST.format(when=date_and_time(result.when)))
    else:
        await reply(update, texts.FOLLOWUP_UNREADABLE.format(text=result.text[:MAX_ECHO]))


async def _from_reading(
    update: Update, context: BotContext, user: User, items: tuple[FollowupItem, ...]
) -> None:
    """Follow-ups the check-in's reader found in a sentence: each dated one is set; the first
    without a date (or with two readings, or past) is asked about, its note kept."""
    for item in items:
        if item.day is not None:
            request = FollowupRequest(
                item.person, item.when_text or "", item.note, item.day, item.at
            )
            await _create(update, context, user, request)
    pending = next((item for item in items if item.day is None), None)
    if pending is None:
        return
    if pending.options or pending.past:
        note = f" — {pending.note}" if pending.note else ""
        await _handle(update, context, user, f"{pending.person} {pending.when_text}{note}")
        return
    prompt = texts.FOLLOWUP_ASK_WHEN.format(name=pending.person)
    draft = FollowupDraft(name=pending.person, note=pending.note)
    await wait_for_answer(update, context, user, Awaiting.FOLLOWUP_WHEN, prompt, draft=draft)


async def _create(
    update: Update, context: BotContext, user: User, request: FollowupRequest
) -> None:
    now = context.now()
    new = await followups.add(context.db, user, request, ContactSource.FOLLOWUP, now)
    user.awaiting, user.draft = None, None
    await context.db.commit()
    name = new.resolved.contact.name
    when = describe_when(new.followup.due_at, user.timezone, now)
    lines = [present.created(name, when, request.note)]
    if new.pestering:
        lines.append(texts.FOLLOWUP_PESTER.format(count=new.unanswered, name=name))
    if not users.onboarded(user):
        lines.append(texts.WAITS_FOR_START)
    await reply(update, "\n\n".join(lines))
    await offer_merges(update, [new.resolved])


def _request_from(draft: FollowupDraft | None) -> FollowupRequest | None:
    if draft is None or draft.name is None or draft.day is None:
        return None
    return FollowupRequest(draft.name, draft.when_text or "", None, draft.day, draft.at)


def _with_note(request: FollowupRequest, note: str | None) -> FollowupRequest:
    return FollowupRequest(
        request.name, request.when_text, note, request.due_date, request.due_time
    )


# --- acting on one --------------------------------------------------------------------------


async def followup_button(update: Update, context: BotContext) -> None:
    """Done / Snooze / Drop / Let it rest under a nudge: the nudge becomes a confirmation."""
    button = await pressed(update, callbacks.FollowupButton)
    if button is None:
        return
    confirmation = await _act(update, context, button.act, button.followup_id)
    query = update.callback_query
    if confirmation is not None and query is not None:
        await edit_quietly(query, confirmation)


async def listed_followup_button(update: Update, context: BotContext) -> None:
    """✓ / +1d / +1w / ✕ in the /followups list: the list again, at the same page."""
    button = await pressed(update, callbacks.ListedFollowupButton)
    if button is None:
        return
    if await _act(update, context, button.act, button.followup_id) is not None:
        query = update.callback_query
        assert query is not None and context.user is not None
        text, markup = await render_list(context, context.user, button.offset)
        await edit_quietly(query, text, reply_markup=markup)


async def _act(
    update: Update, context: BotContext, act: FollowupAct, followup_id: int
) -> str | None:
    """Apply the press and answer it; the confirmation, or None if the button was stale."""
    user = context.user
    now = context.now()
    changed = await followups.act(context.db, user, followup_id, act, now) if user else None
    if user is None or changed is None:
        await stale(update)
        return None
    await context.db.commit()
    assert update.callback_query is not None
    await update.callback_query.answer()
    when = describe_when(changed.followup.due_at, user.timezone, now)
    return present.changed(act, changed.contact.name, when)


# --- the list ---------------------------------------------------------------------------------


async def followups_command(update: Update, context: BotContext) -> None:
    await show_list(update, context, render_list)


async def page_button(update: Update, context: BotContext) -> None:
    button = await pressed(update, callbacks.FollowupsPage)
    if button is not None:
        await turn_page(update, context, render_list, button.offset)


async def render_list(context: BotContext, user: User, offset: int) -> Page:
    """Overdue, today and the next 7 days, with relative dates; a page of PAGE items."""
    now = context.now()
    items = await followups.upcoming(context.db, user, now)
    if not items:
        return texts.FOLLOWUPS_EMPTY, None
    offset = min(max(0, offset), len(items) - 1) // PAGE * PAGE
    page = items[offset : offset + PAGE]
    text = present.listing(page, now, users.zone(user))
    markup = keyboards.followup_list([(f.id, c.name) for f, c in page], offset, PAGE, len(items))
    return text, markup
