"""The daily check-in: /checkin, the answers, /skip and /cancel.

Progress lives in the `checkins` table (`step`), so a restart continues where the user stopped.
Each answer is keyed by its Telegram message: a re-delivered update is recognised and ignored.
"""

import re

from telegram import Update

from bot import keyboards, network, texts
from bot.runtime import BotContext
from db import checkins
from db.models import CheckIn, User
from domain.checkin import Question, clean_answer, question_at
from domain.coaching import is_vague_ask
from domain.schedule import local_date
from domain.timezones import get_zone
from handlers.common import edit_quietly, ensure_user, reply
from handlers.contacts import offer_merges
from handlers.stats import summary_for

_QUICK_REPLY = re.compile(r"ci:none:(\d+):(\d+)")


async def checkin_command(update: Update, context: BotContext) -> None:
    user, _ = await ensure_user(update, context)
    await begin(update, context, user)


async def start_button(update: Update, context: BotContext) -> None:
    """The button under a scheduled prompt (or at the end of /start)."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    user, _ = await ensure_user(update, context)
    await begin(update, context, user)


async def begin(update: Update, context: BotContext, user: User) -> None:
    """Start a check-in, or resume the one in progress."""
    now = context.now()
    checkin = await checkins.open_checkin(context.db, user.id)
    resumed = checkin is not None
    if checkin is None:
        today = local_date(now, get_zone(user.timezone))
        checkin = await checkins.start_checkin(context.db, user.id, today, now)
    user.awaiting = None
    await context.db.commit()
    await ask_next(update, checkin, prefix=texts.CHECKIN_RESUMED if resumed else None)


async def ask_next(update: Update, checkin: CheckIn, prefix: str | None = None) -> None:
    question = question_at(checkin.step)
    assert question is not None
    text = texts.question(question, first=checkin.step == 0)
    await reply(
        update,
        f"{prefix}\n\n{text}" if prefix else text,
        reply_markup=keyboards.quick_reply(question, checkin.id, checkin.step),
    )


async def answer_text(update: Update, context: BotContext, checkin: CheckIn) -> None:
    """A typed answer to the current question (routed here by handlers.messages)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if await checkins.is_duplicate_message(context.db, message.chat_id, message.message_id):
        return
    answer = clean_answer(message.text)
    if answer.too_long:
        await reply(update, texts.ANSWER_TOO_LONG)
    elif answer.empty:
        await reply(update, texts.ANSWER_EMPTY)
    else:
        await _store(update, context, checkin, "text", answer.text, message.message_id)


async def quick_reply_button(update: Update, context: BotContext) -> None:
    """'Nobody today' and friends. The button names its check-in and step; both are checked."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    match = _QUICK_REPLY.fullmatch(query.data)
    checkin = await context.db.get(CheckIn, int(match[1])) if match else None
    if (
        match is None
        or query.message is None
        or checkin is None
        or checkin.user_id != update.effective_user.id
        or checkin.status != "open"
        or checkin.step != int(match[2])
    ):
        await query.answer(texts.STALE_BUTTON)
        return
    question = question_at(checkin.step)
    await query.answer()
    if question is not None and query.message.text:
        await edit_quietly(query, f"{query.message.text}\n→ {texts.QUICK_REPLIES[question]}")
    await _store(update, context, checkin, "none", None, query.message.message_id)


async def skip(update: Update, context: BotContext) -> None:
    assert update.effective_user is not None and update.effective_message is not None
    checkin = await checkins.open_checkin(context.db, update.effective_user.id)
    if checkin is None:
        await reply(update, texts.NOTHING_TO_SKIP)
        return
    message = update.effective_message
    if await checkins.is_duplicate_message(context.db, message.chat_id, message.message_id):
        return
    await _store(update, context, checkin, "skipped", None, message.message_id)


async def cancel(update: Update, context: BotContext) -> None:
    """Stop the check-in in progress, or the question the bot is waiting on."""
    assert update.effective_user is not None
    user = await context.db.get(User, update.effective_user.id)
    checkin = await checkins.open_checkin(context.db, update.effective_user.id)
    if checkin is not None:
        checkin.status = "cancelled"
        await context.db.commit()
        await reply(update, texts.CHECKIN_CANCELLED)
    elif user is not None and (user.awaiting or user.draft):
        user.awaiting, user.draft = None, None
        await context.db.commit()
        await reply(update, texts.INPUT_CANCELLED)
    else:
        await reply(update, texts.NOTHING_PENDING)


async def _store(
    update: Update,
    context: BotContext,
    checkin: CheckIn,
    kind: str,
    text: str | None,
    message_id: int,
) -> None:
    question = question_at(checkin.step)
    assert question is not None and update.effective_chat is not None
    now = context.now()
    await checkins.record_answer(
        context.db,
        checkin,
        question,
        kind=kind,
        text=text,
        chat_id=update.effective_chat.id,
        message_id=message_id,
        now=now,
    )
    if question_at(checkin.step) is not None:
        await context.db.commit()
        await ask_next(update, checkin)
        return
    checkins.complete(checkin, now)
    user = await context.db.get(User, checkin.user_id)
    assert user is not None
    answers = await checkins.answers(context.db, checkin.id)
    effects = await network.record_checkin(context.db, user, checkin, answers, now)
    await context.db.commit()
    summary = await summary_for(context, user)
    new = effects.followup
    followup = (
        (new.resolved.contact.name, texts.when(new.followup.due_at, user.timezone, now))
        if new
        else None
    )
    await reply(
        update,
        texts.checkin_summary(
            answers,
            summary.current_streak,
            people=[r.contact.name for r in effects.people],
            followup=followup,
            vague_ask=is_vague_ask(answers.get(Question.ASK) or ""),
        ),
    )
    await offer_merges(update, effects.maybe_duplicates)
