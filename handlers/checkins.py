"""The daily check-in: /checkin, the answers, /skip and /cancel.

Progress lives in the `checkins` table (`step`), so a restart continues where the user stopped.
Each answer is keyed by its Telegram message: a re-delivered update is recognised and ignored.
"""

from datetime import date

from telegram import Message, Update

from bot import callbacks, i18n, keyboards, texts
from bot.presenters import checkins as present
from bot.runtime import BotContext
from db.models import CheckIn, User
from domain.checkins import AnswerType, CheckinStatus, clean_answer, names_yesterday, question_at
from handlers import goals, start, summary
from handlers.common import command_argument, edit_quietly, pressed, reply, stale
from services import checkins, stats

REFUSALS = {
    checkins.Refusal.DONE: texts.CHECKIN_YESTERDAY_DONE,
    checkins.Refusal.BUSY: texts.CHECKIN_YESTERDAY_BUSY,
    checkins.Refusal.TOO_LATE: texts.CHECKIN_YESTERDAY_TOO_LATE,
}


async def checkin_command(update: Update, context: BotContext) -> None:
    """/checkin for today, /checkin yesterday (or "ayer", "gestern", … in the user's language)
    for a day missed (until the end of today)."""
    argument = command_argument(update)
    if argument and names_yesterday(argument, i18n.current()):  # the sender's language
        await begin_yesterday(update, context, await context.user_or_new(update))
    elif argument:
        await reply(update, texts.CHECKIN_ARGUMENT)
    else:
        await begin(update, context, await context.user_or_new(update))


async def yesterday_button(update: Update, context: BotContext) -> None:
    """The button under the first message after a missed day: it names the day it offered,
    refused once that day is no longer the presser's yesterday."""
    button = await pressed(update, callbacks.CheckinYesterday)
    if button is None:
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await begin_yesterday(update, context, await context.user_or_new(update), button.day)


async def begin_yesterday(
    update: Update, context: BotContext, user: User, day: date | None = None
) -> None:
    """A check-in dated yesterday: only yesterday, only once."""
    started = await checkins.begin_yesterday(context.db, user, context.now(), day)
    if isinstance(started, checkins.Refusal):
        await reply(update, REFUSALS[started])
        return
    checkin, resumed = started
    user.awaiting = None
    await context.db.commit()
    prefix = texts.CHECKIN_RESUMED if resumed else present.yesterday(checkin.local_date)
    await ask_next(update, checkin, prefix=prefix)


async def start_button(update: Update, context: BotContext) -> None:
    """The button under a scheduled prompt (or at the end of /start)."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await begin(update, context, await context.user_or_new(update))


async def begin(update: Update, context: BotContext, user: User) -> None:
    """Start a check-in, or resume the one in progress."""
    checkin, resumed = await checkins.begin(context.db, user, context.now())
    user.awaiting = None
    note = None if resumed else await stats.freeze_note(context.db, user, context.now())
    await context.db.commit()
    if resumed:
        prefix: str | None = texts.CHECKIN_RESUMED
    else:
        prefix = present.freeze_line(note.day, note.left) if note else None
    await ask_next(update, checkin, prefix=prefix)


async def ask_next(update: Update, checkin: CheckIn, prefix: str | None = None) -> None:
    question = question_at(checkin.step)
    assert question is not None
    await reply(
        update,
        present.question(question, first=checkin.step == 0, prefix=prefix),
        reply_markup=keyboards.nothing_today(question, checkin.id, checkin.step),
    )


async def answer_text(update: Update, context: BotContext, user: User, checkin: CheckIn) -> None:
    """A typed answer to the current question (routed here by handlers.messages)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if await checkins.is_duplicate(context.db, message.chat_id, message.message_id):
        return
    answer = clean_answer(message.text)
    if answer.too_long:
        await reply(update, texts.ANSWER_TOO_LONG)
    elif answer.empty:
        await reply(update, texts.ANSWER_EMPTY)
    else:
        await _store(update, context, user, checkin, AnswerType.TEXT, answer.text, message)


async def nothing_today_button(update: Update, context: BotContext) -> None:
    """'Nobody today' and friends. The button names its check-in and step; both are checked."""
    query = update.callback_query
    assert query is not None
    button = await pressed(update, callbacks.NothingToday)
    if button is None:
        return
    user = context.user
    checkin = await context.db.get(CheckIn, button.checkin_id)
    message = query.message
    if (
        user is None
        or not isinstance(message, Message)
        or checkin is None
        or checkin.user_id != user.id
        or checkin.status != CheckinStatus.OPEN
        or checkin.step != button.step
    ):
        await stale(update)
        return
    question = question_at(checkin.step)
    await query.answer()
    if question is not None and message.text:
        await edit_quietly(query, present.quick_reply_echo(message.text, question))
    await _store(update, context, user, checkin, AnswerType.NOTHING, None, message)


async def skip(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message is not None
    user = context.user
    if user is not None and user.awaiting in goals.PARTS:  # a /goal question is open
        await goals.skip(update, context, user)
        return
    if user is not None and start.onboarding(user):  # one of /start's questions is open
        await start.skip_step(update, context, user)
        return
    checkin = await checkins.open_checkin(context.db, user.id) if user else None
    if user is None or checkin is None:
        await reply(update, texts.NOTHING_TO_SKIP)
        return
    if await checkins.is_duplicate(context.db, message.chat_id, message.message_id):
        return
    await _store(update, context, user, checkin, AnswerType.SKIPPED, None, message)


async def cancel(update: Update, context: BotContext) -> None:
    """Stop the check-in in progress, or the question the bot is waiting on."""
    user = context.user
    checkin = await checkins.open_checkin(context.db, user.id) if user else None
    if checkin is not None:
        checkins.cancel(checkin)
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
    user: User,
    checkin: CheckIn,
    answer_type: AnswerType,
    text: str | None,
    message: Message,
) -> None:
    now = context.now()
    done = await checkins.answer(
        context.db,
        user,
        checkin,
        answer_type,
        text,
        chat_id=message.chat_id,
        message_id=message.message_id,
        now=now,
    )
    await context.db.commit()
    if done is None:
        await ask_next(update, checkin)
        return
    await summary.show(update, context, user, done)
