"""Small helpers shared by the feature handlers."""

import contextlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.callbacks import Button
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting, Draft
from services import users

B = TypeVar("B", bound=Button)


async def reply(update: Update, text: str, **kwargs: object) -> Message:
    """Send `text` to the chat the update came from (works for messages and button presses)."""
    chat = update.effective_chat
    assert chat is not None
    return await chat.send_message(text, **kwargs)  # type: ignore[arg-type]


async def edit_quietly(query: CallbackQuery, text: str, **kwargs: object) -> None:
    """Edit the pressed message; an unchanged or vanished message is not worth an error."""
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, **kwargs)  # type: ignore[arg-type]


def message_text(update: Update) -> str:
    """The text of the message being handled (commands and free text always have one)."""
    assert update.effective_message is not None and update.effective_message.text is not None
    return update.effective_message.text


def command_argument(update: Update) -> str:
    """Everything after the command: "/followup Sally friday" → "Sally friday"."""
    parts = message_text(update).split(None, 1)
    return parts[1].strip() if len(parts) == 2 else ""


async def known_user(update: Update, context: BotContext) -> User | None:
    """The sender's row, or None (after telling them to /start) for someone we never met."""
    if context.user is None:
        await reply(update, texts.SETTINGS_NEED_START)
    return context.user


async def pressed(update: Update, button: type[B]) -> B | None:
    """The pressed button's data as `button`, or None after answering "no longer applies"."""
    query = update.callback_query
    assert query is not None
    data = button.parse(query.data)
    if data is None:
        await query.answer(texts.STALE_BUTTON)
    return data


async def pressed_by_user(
    update: Update, context: BotContext, button: type[B]
) -> tuple[B, User] | None:
    """The pressed button's data and the presser's row, or None after answering "no longer
    applies" (data that does not parse, or a presser the bot no longer knows)."""
    data = await pressed(update, button)
    if data is None:
        return None
    if context.user is None:
        await stale(update)
        return None
    return data, context.user


async def stale(update: Update) -> None:
    """Answer a button whose target is gone or belongs to someone else; nothing changes."""
    assert update.callback_query is not None
    await update.callback_query.answer(texts.STALE_BUTTON)


async def wait_for_answer(
    update: Update,
    context: BotContext,
    user: User,
    state: Awaiting | None,
    prompt: str,
    *,
    draft: Draft | None = None,
    reply_markup: object = None,
) -> None:
    """Ask a question whose free-text answer `handlers.messages` routes by `user.awaiting`."""
    user.awaiting, user.draft = state, draft.to_json() if draft else None
    await context.db.commit()
    await reply(update, prompt, reply_markup=reply_markup)


async def note_activity(update: Update, context: BotContext) -> None:
    """Every message or button from a known user (group -1): someone who had blocked the bot is
    active again, a silent user gets daily prompts back, and the policy learns that the last
    nudge was not ignored. Written only when something changed (at most once per nudge)."""
    user = context.user
    if user is not None and users.note_activity(user, context.now()):
        await context.db.commit()


async def private_chats_only(update: Update, context: BotContext) -> None:
    """The one place that keeps groups and channels out (group -2, before every handler).

    A group gets one polite pointer per command or button, then nothing else happens.
    """
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
    await stale(update)


Page = tuple[str, InlineKeyboardMarkup | None]
Renderer = Callable[[BotContext, User, int], Awaitable[Page]]


async def show_list(update: Update, context: BotContext, render: Renderer) -> None:
    """A list command (/contacts, /followups): its first page (a stranger is pointed to
    /start: showing an empty list needs no account)."""
    user = await known_user(update, context)
    if user is None:
        return
    text, markup = await render(context, user, 0)
    await reply(update, text, reply_markup=markup)


async def turn_page(update: Update, context: BotContext, render: Renderer, offset: int) -> None:
    """A ◂ Back / More ▸ button (or a change in a list): the list again, from `offset`."""
    query = update.callback_query
    assert query is not None
    user = await known_user(update, context)
    if user is None:
        await query.answer(texts.STALE_BUTTON)
        return
    await query.answer()
    text, markup = await render(context, user, offset)
    await edit_quietly(query, text, reply_markup=markup)


async def reply_long(update: Update, text: str, **kwargs: object) -> None:
    """Like `reply`, for text that may pass Telegram's 4096 characters (a long list): sent in
    pieces cut between lines, any keyboard under the last one."""
    pieces = split_lines(text, MAX_MESSAGE_LENGTH)
    for piece in pieces[:-1]:
        await reply(update, piece)
    await reply(update, pieces[-1], **kwargs)


MAX_MESSAGE_LENGTH = 4096  # Telegram counts UTF-16 code units


def split_lines(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` UTF-16 units, cut at line breaks (a line longer than
    that on its own is cut where it must be)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        while _units(line) > limit:
            cut = _fit(line, limit)
            pieces.extend(["\n".join(current), line[:cut]] if current else [line[:cut]])
            current, size, line = [], 0, line[cut:]
        extra = _units(line) + (1 if current else 0)
        if current and size + extra > limit:
            pieces.append("\n".join(current))
            current, size, extra = [], 0, _units(line)
        current.append(line)
        size += extra
    pieces.append("\n".join(current))
    return [piece for piece in pieces if piece.strip()] or [text]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(line: str, limit: int) -> int:
    """How many characters of `line` fit in `limit` UTF-16 units."""
    cut = min(len(line), limit)
    while _units(line[:cut]) > limit:
        cut -= 1
    return cut
