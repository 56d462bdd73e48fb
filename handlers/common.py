"""Small helpers shared by the feature handlers."""

import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.runtime import BotContext
from db.models import User
from db.users import create_user, get_user, reactivate
from domain.weekdays import MON_FRI


async def ensure_user(update: Update, context: BotContext) -> tuple[User, bool]:
    """The sender's row, created with the default settings if new. Returns (user, created)."""
    tg_user = update.effective_user
    chat = update.effective_chat
    assert tg_user is not None and chat is not None
    user = await get_user(context.db, tg_user.id)
    if user is not None:
        return user, False
    settings = context.settings
    user = await create_user(
        context.db,
        user_id=tg_user.id,
        chat_id=chat.id,
        first_name=tg_user.first_name or "",
        timezone=settings.default_timezone,
        checkin_time=settings.default_checkin_time,
        networking_days=MON_FRI,
        now=context.now(),
    )
    return user, True


async def known_user(update: Update, context: BotContext) -> User | None:
    """The sender's row, or None (after telling them to /start) for someone we never met."""
    assert update.effective_user is not None
    user = await get_user(context.db, update.effective_user.id)
    if user is None:
        await reply(update, texts.SETTINGS_NEED_START)
    return user


async def reply(update: Update, text: str, **kwargs: object) -> Message:
    """Send `text` to the chat the update came from (works for messages and button presses)."""
    chat = update.effective_chat
    assert chat is not None
    return await chat.send_message(text, **kwargs)  # type: ignore[arg-type]


async def welcome_back_if_blocked(update: Update, context: BotContext) -> None:
    """Someone who blocked the bot wrote again: resume their schedule (group -1, every update)."""
    if update.effective_user is None or update.effective_chat is None:
        return
    if update.effective_chat.type != "private":
        return
    user = await get_user(context.db, update.effective_user.id)
    if user is not None and reactivate(user, context.now()):
        await context.db.commit()


async def private_chats_only(update: Update, context: BotContext) -> None:
    """Group chats get one polite pointer per command or button, then nothing else happens."""
    chat = update.effective_chat
    if chat is None or chat.type == "private":
        return
    if chat.type == "channel":
        raise ApplicationHandlerStop
    if update.callback_query is not None:
        await update.callback_query.answer(texts.PRIVATE_ONLY, show_alert=True)
    elif update.effective_message is not None and _is_command(update.effective_message):
        await update.effective_message.reply_text(texts.PRIVATE_ONLY)
    raise ApplicationHandlerStop


def _is_command(message: Message) -> bool:
    return bool(message.text and message.text.startswith("/"))


async def stale_button(update: Update, context: BotContext) -> None:
    """A button whose data no handler knows (from an old version, or forged)."""
    assert update.callback_query is not None
    await update.callback_query.answer(texts.STALE_BUTTON)


async def edit_quietly(query: CallbackQuery, text: str, **kwargs: object) -> None:
    """Edit the pressed message; an unchanged or vanished message is not worth an error."""
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, **kwargs)  # type: ignore[arg-type]


async def wait_for_answer(
    update: Update,
    context: BotContext,
    user: User,
    state: str | None,
    prompt: str,
    *,
    draft: dict[str, object] | None = None,
    reply_markup: object = None,
) -> None:
    """Ask a question whose free-text answer `handlers.messages` routes by `user.awaiting`."""
    user.awaiting, user.draft = state, draft
    await context.db.commit()
    await reply(update, prompt, reply_markup=reply_markup)


def schedule_text(template: str, user: User, now: datetime) -> str:
    """A template with the user's check-in time, zone, days and next check-in filled in."""
    return texts.schedule_line(
        template,
        at=user.checkin_time,
        zone=user.timezone,
        days=user.networking_days,
        name=user.first_name or "there",
        next=texts.when(user.next_checkin_at, user.timezone, now),
    )


Page = tuple[str, InlineKeyboardMarkup | None]
Renderer = Callable[[BotContext, User, int], Awaitable[Page]]


async def show_list(update: Update, context: BotContext, render: Renderer) -> None:
    """A list command (/contacts, /followups): its first page."""
    user, _ = await ensure_user(update, context)
    await context.db.commit()
    text, markup = await render(context, user, 0)
    await reply(update, text, reply_markup=markup)


async def turn_page(update: Update, context: BotContext, render: Renderer, prefix: str) -> None:
    """A ◂ Back / More ▸ button: the list again, from the offset the button carries."""
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await known_user(update, context)
    offset = query.data.removeprefix(prefix)
    if user is None or not offset.isdigit():
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    text, markup = await render(context, user, int(offset))
    await edit_quietly(query, text, reply_markup=markup)
