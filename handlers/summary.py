"""The check-in summary: what was understood, fixed in one tap, and following edited answers.

A fix edits the summary in place. Each button names its check-in and the version of the
reading it was drawn from; the check-in must be the presser's and the version current, so a
forged or stale button changes nothing.
"""

import contextlib
from datetime import date, datetime

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import texts
from bot.callbacks import CheckinFix, FixAct, GoalStart
from bot.presenters import understanding as present
from bot.presenters.checkins import milestone_line, streak_line
from bot.presenters.common import describe_when
from bot.runtime import BotContext
from db.models import CheckIn, User
from domain.checkins import CheckinStatus, clean_answer
from domain.conversation import Awaiting, PersonFixDraft
from domain.followups import FollowupRequest
from domain.reading import FollowupItem, Reading
from handlers.common import (
    edit_quietly,
    message_text,
    pressed_by_user,
    reply,
    stale,
    wait_for_answer,
)
from handlers.contacts import offer_merges
from services import checkins, contacts, followups, stats, understanding, users

_DROPS = {
    FixAct.DROP_PERSON: "person",
    FixAct.DROP_GIVE: "give",
    FixAct.DROP_ASK: "ask",
    FixAct.DROP_FOLLOWUP: "followup",
    FixAct.NO_REMINDER: "followup",
}


async def show(update: Update, context: BotContext, user: User, done: checkins.Completed) -> None:
    """The summary after the last answer, remembered so an edit or a fix can change it."""
    checkin = done.checkin
    footer = _footer(
        user,
        done.streak,
        vague=done.vague_ask,
        quiet=not any(done.answers.values()),
        milestone=done.milestone,
    )
    if done.offer_goal:
        footer.append(texts.GOAL_OFFER)
    view = _view(context, user, checkin.id, done.applied.reading, footer)
    extra = [[(texts.GOAL_OFFER_BUTTON, GoalStart())]] if done.offer_goal else None
    sent = await reply(
        update, present.summary_text(view), reply_markup=present.summary_keyboard(view, extra)
    )
    checkin.summary_message_id = sent.message_id
    await context.db.commit()
    await offer_merges(update, done.maybe_duplicates)


def _footer(
    user: User, streak: int, *, vague: bool, quiet: bool, milestone: int | None
) -> list[str]:
    lines = [texts.VAGUE_ASK_TIP] if vague else []
    if quiet:
        lines.append(texts.CHECKIN_QUIET_DAY)
    lines.append(streak_line(streak))
    if milestone is not None:
        lines.append(milestone_line(milestone))  # once: the user row remembers it
    if not users.onboarded(user):
        lines.append(texts.WAITS_FOR_START)  # checked in before /start: no prompts yet
    return lines


def _view(
    context: BotContext, user: User, checkin_id: int, reading: Reading, footer: list[str]
) -> present.SummaryView:
    now = context.now()
    when = tuple(_due(user, reading, item, now) for item in reading.followups)
    return present.SummaryView(checkin_id, reading, when, tuple(footer))


def _due(user: User, reading: Reading, item: FollowupItem, now: datetime) -> str | None:
    """When a follow-up of the reading is due, as the summary says it; None while its date, or
    which contact it is for, is still asked about."""
    person = reading.person(item.person)
    if item.day is None or person is None or person.choices:
        return None
    request = FollowupRequest(item.person, "", None, item.day, item.at)
    return describe_when(followups.due_instant(user, request), user.timezone, now)


async def _current_view(context: BotContext, user: User, checkin: CheckIn) -> present.SummaryView:
    """The summary as it stands now (after a fix): the streak and tips recomputed."""
    answers = await checkins.answers(context.db, checkin.id)
    streak = (await stats.streaks(context.db, user, context.now())).current_streak
    vague = checkins.vague(answers)
    # The milestone this check-in reached stays in its summary when a fix redraws it.
    reached = streak if streak == user.streak_milestone else None
    footer = _footer(user, streak, vague=vague, quiet=not any(answers.values()), milestone=reached)
    return _view(context, user, checkin.id, understanding.stored(checkin), footer)


# --- the buttons -----------------------------------------------------------------------------


async def fix_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, CheckinFix)
    if found is None:
        return
    button, user = found
    checkin = await context.db.get(CheckIn, button.checkin_id)
    if (
        checkin is None
        or checkin.user_id != user.id
        or checkin.status != CheckinStatus.DONE
        or understanding.stored(checkin).version != button.version
    ):
        await stale(update)
        return
    query = update.callback_query
    assert query is not None
    reading = understanding.stored(checkin)
    if button.act == FixAct.RENAME:
        await _ask_person(update, context, user, checkin, button)
        return
    if button.act in {FixAct.OK, FixAct.MENU, FixAct.BACK, FixAct.DATES}:
        await _navigate(update, context, user, checkin, button)
        return
    fixed = _fixed(reading, button, users.today(user, context.now()))
    if fixed is None:
        await stale(update)
        return
    await query.answer()
    await _rewrite(context, user, checkin, fixed)
    view = await _current_view(context, user, checkin)
    await edit_quietly(
        query, present.summary_text(view), reply_markup=present.summary_keyboard(view)
    )


def _fixed(reading: Reading, button: CheckinFix, today: date) -> Reading | None:
    """The reading after a fix button, or None when the button does not fit it."""
    act, index, arg = button.act, button.index, button.arg
    if act in _DROPS:
        return understanding.drop(reading, _DROPS[act], index)
    if act == FixAct.DAY and arg in understanding.QUICK_DAYS:
        return understanding.set_date(reading, index, understanding.quick_day(today, arg))
    if act == FixAct.OPTION and 0 <= index < len(reading.followups):
        options = reading.followups[index].options
        return (
            understanding.set_date(reading, index, options[arg])
            if 0 <= arg < len(options)
            else None
        )
    if act == FixAct.CHOICE and 0 <= index < len(reading.people):
        person = reading.people[index]
        if arg == -1:
            return understanding.rename(reading, index, person.name)
        return (
            understanding.rename(reading, index, person.choices[arg])
            if 0 <= arg < len(person.choices)
            else None
        )
    return None


async def _navigate(
    update: Update, context: BotContext, user: User, checkin: CheckIn, button: CheckinFix
) -> None:
    """✓ Looks right (the buttons go), ✎ Fix, ◂ Back and a follow-up's dates: the summary's
    own text stays, only its buttons change."""
    query = update.callback_query
    assert query is not None
    # Only the buttons change: the reading is enough, no streak or tips to recompute.
    view = _view(context, user, checkin.id, understanding.stored(checkin), [])
    markup: InlineKeyboardMarkup | None
    if button.act == FixAct.OK:
        markup = None
    elif button.act == FixAct.MENU:
        markup = present.fix_menu(view)
    elif button.act == FixAct.DATES and 0 <= button.index < len(view.reading.followups):
        markup = present.dates_menu(view, button.index)
    else:
        markup = present.summary_keyboard(view)
    await query.answer()
    with contextlib.suppress(BadRequest):
        await query.edit_message_reply_markup(reply_markup=markup)


async def _rewrite(context: BotContext, user: User, checkin: CheckIn, reading: Reading) -> None:
    await understanding.write(context.db, user, checkin, reading, context.now())
    await context.db.commit()


# --- "not them?": the person typed ------------------------------------------------------------


async def _ask_person(
    update: Update, context: BotContext, user: User, checkin: CheckIn, button: CheckinFix
) -> None:
    reading = understanding.stored(checkin)
    if not 0 <= button.index < len(reading.people):
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    draft = PersonFixDraft(checkin_id=checkin.id, version=button.version, index=button.index)
    prompt = texts.FIX_PERSON_ASK.format(name=reading.people[button.index].name)
    await wait_for_answer(update, context, user, Awaiting.CHECKIN_PERSON, prompt, draft=draft)


async def person_from_text(update: Update, context: BotContext, user: User) -> None:
    """Who a person of the summary really was: the check-in is rewritten, its summary edited."""
    draft = PersonFixDraft.from_json(user.draft)
    checkin = await context.db.get(CheckIn, draft.checkin_id) if draft else None
    user.awaiting, user.draft = None, None
    reading = understanding.stored(checkin) if checkin else None
    name = contacts.display_name(message_text(update))
    if (
        draft is None
        or checkin is None
        or checkin.user_id != user.id
        or reading is None
        or reading.version != draft.version
        or not 0 <= draft.index < len(reading.people)
    ):
        await context.db.commit()
        await reply(update, texts.STALE_BUTTON)
        return
    if name is None:
        await wait_for_answer(
            update, context, user, Awaiting.CHECKIN_PERSON,
            texts.FIX_PERSON_ASK.format(name=reading.people[draft.index].name), draft=draft,
        )  # fmt: skip
        return
    old = reading.people[draft.index].name
    fixed = understanding.rename(reading, draft.index, name)
    assert fixed is not None
    await _rewrite(context, user, checkin, fixed)
    await _edit_summary(context, user, checkin)
    await reply(update, texts.FIX_PERSON_DONE.format(old=old, new=name))


async def _edit_summary(context: BotContext, user: User, checkin: CheckIn) -> None:
    """Edit the summary message in place (it may be gone: then nothing to do)."""
    if checkin.summary_message_id is None:
        return
    view = await _current_view(context, user, checkin)
    with contextlib.suppress(BadRequest):
        await context.bot.edit_message_text(
            present.summary_text(view),
            chat_id=user.chat_id,
            message_id=checkin.summary_message_id,
            reply_markup=present.summary_keyboard(view),
        )


# --- answers edited in Telegram ---------------------------------------------------------------


async def edited_answer(update: Update, context: BotContext) -> None:
    """An edited answer replaces the stored one; the summary follows when it was shown."""
    message = update.edited_message
    user = context.user
    if message is None or message.text is None or user is None:
        return
    answer = clean_answer(message.text)
    if answer.empty or answer.too_long:
        return  # the stored answer stays: nothing readable to replace it with
    edited = await checkins.edit_answer(
        context.db, user, message.chat_id, message.message_id, answer.text, context.now()
    )
    if edited is None:
        return
    await context.db.commit()
    if edited.applied is not None:
        await _edit_summary(context, user, edited.checkin)
