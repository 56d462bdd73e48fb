"""/goal (principle 4): what you want, who can help, where they gather, and who you know there.

Three questions, one at a time, each skippable (/skip or the Skip button); each answer is
stored as it comes. With a goal set, /goal shows it, who the user knows at each target
company, and a button per part to change it. The first completed check-in offers /goal once.
"""

from telegram import Message, Update

from bot import callbacks, keyboards, texts
from bot.presenters import goals as present
from bot.runtime import BotContext
from db.models import User
from domain.conversation import Awaiting, GoalDraft
from domain.goals import GoalPart
from handlers.common import (
    command_argument,
    edit_quietly,
    message_text,
    pressed_by_user,
    reply,
    reply_long,
    stale,
    wait_for_answer,
)
from services import goals
from services.goals import GoalProblem

STATES = {
    GoalPart.WANT: Awaiting.GOAL_WANT,
    GoalPart.WHO: Awaiting.GOAL_WHO,
    GoalPart.WHERE: Awaiting.GOAL_WHERE,
}
PARTS = {state: part for part, state in STATES.items()}
ORDER = list(GoalPart)
PROBLEMS = {
    GoalProblem.EMPTY: texts.GOAL_EMPTY_ANSWER,
    GoalProblem.NO_HELPERS: texts.GOAL_NO_HELPERS,
}


async def goal_command(update: Update, context: BotContext) -> None:
    """The goal and its coverage; without one, the first question. `/goal <text>` answers the
    first question straight away (with a goal set, it changes just that part)."""
    user = await context.user_or_new(update)
    if text := command_argument(update):
        only = await goals.view(context.db, user) is not None
        await _answer(update, context, user, GoalPart.WANT, text, only=only)
        return
    await _show_or_start(update, context, user)


async def start_button(update: Update, context: BotContext) -> None:
    """ "Set a goal" under the first check-in's summary."""
    found = await pressed_by_user(update, context, callbacks.GoalStart)
    if found is None:
        return
    _, user = found
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _show_or_start(update, context, user)


async def _show_or_start(update: Update, context: BotContext, user: User) -> None:
    shown = await goals.view(context.db, user)
    if shown is None:
        await _ask(update, context, user, GoalPart.WANT, only=False)
        return
    await reply_long(update, present.goal(shown), reply_markup=keyboards.goal_change())


async def _ask(
    update: Update, context: BotContext, user: User, part: GoalPart, *, only: bool
) -> None:
    if only:
        shown = await goals.view(context.db, user)
        assert shown is not None
        prompt = present.change_question(part, shown)
    else:
        prompt = present.question(part, first=part == ORDER[0])
    await wait_for_answer(
        update,
        context,
        user,
        STATES[part],
        prompt,
        draft=GoalDraft(only=only),
        reply_markup=keyboards.goal_skip(part),
    )


async def answer_from_text(update: Update, context: BotContext, user: User) -> None:
    """A typed answer to the question asked (routed here by handlers.messages)."""
    assert user.awaiting is not None
    draft = GoalDraft.from_json(user.draft) or GoalDraft()
    await _answer(update, context, user, PARTS[user.awaiting], message_text(update), draft.only)


async def _answer(
    update: Update, context: BotContext, user: User, part: GoalPart, text: str, only: bool
) -> None:
    problem = await goals.answer(context.db, user, part, text, context.now())
    if problem is not None:
        await reply(update, PROBLEMS[problem])  # the question stays open
        return
    await _after(update, context, user, part, only)


async def skip(update: Update, context: BotContext, user: User) -> None:
    """/skip while a /goal question is open (handlers.checkins.skip sends it here)."""
    assert user.awaiting in PARTS
    draft = GoalDraft.from_json(user.draft) or GoalDraft()
    await _after(update, context, user, PARTS[user.awaiting], draft.only)


async def skip_button(update: Update, context: BotContext) -> None:
    """Skip under a question: only while that very question is open for the presser."""
    found = await pressed_by_user(update, context, callbacks.GoalSkip)
    if found is None:
        return
    button, user = found
    query = update.callback_query
    assert query is not None
    if user.awaiting != STATES[button.part]:
        await stale(update)
        return
    await query.answer()
    message = query.message
    if isinstance(message, Message) and message.text:
        await edit_quietly(query, present.skipped(message.text))
    draft = GoalDraft.from_json(user.draft) or GoalDraft()
    await _after(update, context, user, button.part, draft.only)


async def change_button(update: Update, context: BotContext) -> None:
    """Change one part of the presser's goal: that question again."""
    found = await pressed_by_user(update, context, callbacks.GoalChange)
    if found is None:
        return
    button, user = found
    if await goals.view(context.db, user) is None:
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _ask(update, context, user, button.part, only=True)


async def _after(
    update: Update, context: BotContext, user: User, part: GoalPart, only: bool
) -> None:
    """The next question, or (after the last, or a single change) the goal as it now stands."""
    following = ORDER.index(part) + 1
    if not only and following < len(ORDER):
        await _ask(update, context, user, ORDER[following], only=False)
        return
    user.awaiting, user.draft = None, None
    await context.db.commit()
    shown = await goals.view(context.db, user)
    if shown is None:
        await reply(update, texts.GOAL_NOTHING)
        return
    text = f"{texts.GOAL_SAVED}\n\n{present.goal(shown)}"
    await reply_long(update, text, reply_markup=keyboards.goal_change())
