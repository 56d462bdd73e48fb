"""The daily check-in: starting or resuming one, storing answers, and what a completed one
feeds into the network (contacts met, the give/ask ledger, a follow-up)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db.models import CheckIn, User
from domain.checkins import (
    QUESTIONS,
    AnswerType,
    CheckinStatus,
    Question,
    question_at,
)
from domain.coaching import is_vague_ask
from domain.streaks import milestone
from services import contacts, goals, stats, understanding, users


@dataclass(frozen=True)
class Completed:
    checkin: CheckIn
    answers: dict[Question, str | None]
    streak: int
    applied: understanding.Applied
    vague_ask: bool
    offer_goal: bool = False  # the first completed check-in offers /goal, once
    milestone: int | None = None  # a streak milestone reached, celebrated this once

    @property
    def maybe_duplicates(self) -> list[contacts.Resolved]:
        return [r for r in self.applied.resolved if r.maybe_duplicate]


class Refusal(StrEnum):
    """Why a check-in for yesterday cannot be started."""

    DONE = "done"  # yesterday has its check-in already: only once
    BUSY = "busy"  # another check-in is in progress
    TOO_LATE = "too_late"  # the button was for a day that is no longer yesterday


@dataclass(frozen=True)
class Edited:
    """An answer edited in Telegram: the check-in it belongs to, and, when that check-in was
    already complete, its network written afresh from the new text."""

    checkin: CheckIn
    applied: understanding.Applied | None = None


async def open_checkin(session: AsyncSession, user_id: int) -> CheckIn | None:
    return await checkins_db.open_checkin(session, user_id)


async def begin(session: AsyncSession, user: User, now: datetime) -> tuple[CheckIn, bool]:
    """The check-in in progress (resumed: True) or a new one dated today (False)."""
    checkin = await checkins_db.open_checkin(session, user.id)
    if checkin is not None:
        return checkin, True
    return await checkins_db.start_checkin(session, user.id, users.today(user, now), now), False


async def begin_yesterday(
    session: AsyncSession, user: User, now: datetime, day: date | None = None
) -> tuple[CheckIn, bool] | Refusal:
    """A check-in dated yesterday (resumed: True), until the end of today: only yesterday, and
    only while it has none. `day`: the day a button offered, refused once it is not yesterday."""
    yesterday = users.today(user, now) - timedelta(days=1)
    if day is not None and day != yesterday:
        return Refusal.TOO_LATE
    checkin = await checkins_db.open_checkin(session, user.id)
    if checkin is not None:
        return (checkin, True) if checkin.local_date == yesterday else Refusal.BUSY
    if await checkins_db.completed_on(session, user.id, yesterday):
        return Refusal.DONE
    return await checkins_db.start_checkin(session, user.id, yesterday, now), False


async def is_duplicate(session: AsyncSession, chat_id: int, message_id: int) -> bool:
    """True if this Telegram message was already stored as an answer (a re-delivered update)."""
    return await checkins_db.is_duplicate_message(session, chat_id, message_id)


async def answer(
    session: AsyncSession,
    user: User,
    checkin: CheckIn,
    answer_type: AnswerType,
    text: str | None,
    *,
    chat_id: int,
    message_id: int,
    now: datetime,
) -> Completed | None:
    """Store the answer to the current question; the summary once the last one is in."""
    question = question_at(checkin.step)
    assert question is not None
    await checkins_db.record_answer(
        session,
        checkin,
        question,
        answer_type=answer_type,
        text=text,
        chat_id=chat_id,
        message_id=message_id,
        now=now,
    )
    if question_at(checkin.step) is not None:
        return None
    checkin.status, checkin.completed_at = CheckinStatus.DONE, now
    answers = await checkins_db.answers(session, checkin.id)
    known = await contacts_db.names(session, user.id)  # loaded once, to read and to write
    reading = await understanding.read(session, user, answers, now, known)
    applied = await understanding.write(session, user, checkin, reading, now, known)
    summary = await stats.streaks(session, user, now)
    offer = await goals.offer_once(session, user, now)
    reached = milestone(summary.current_streak, user.streak_milestone)
    if reached is not None:
        user.streak_milestone = reached
    return Completed(
        checkin,
        answers,
        summary.current_streak,
        applied,
        vague(answers),
        offer,
        reached,
    )


async def answers(session: AsyncSession, checkin_id: int) -> dict[Question, str | None]:
    return await checkins_db.answers(session, checkin_id)


def vague(answers: dict[Question, str | None]) -> bool:
    """An ask with nothing specific in it gets a tip (principle 6)."""
    return is_vague_ask(answers.get(Question.ASK) or "")


async def edit_answer(
    session: AsyncSession,
    user: User,
    chat_id: int,
    message_id: int,
    text: str,
    now: datetime,
) -> Edited | None:
    """An answer the user edited in Telegram replaces the stored one. In a check-in still
    open that is all; in the user's latest completed check-in the answers are read again and
    its network rewritten. None when the message was no answer (or an older check-in's)."""
    answer = await checkins_db.answer_by_message(session, chat_id, message_id)
    if answer is None or answer.answer_type != AnswerType.TEXT:
        return None
    checkin = await session.get(CheckIn, answer.checkin_id)
    if checkin is None or checkin.user_id != user.id or checkin.status == CheckinStatus.CANCELLED:
        return None
    latest = await checkins_db.latest_checkin(session, user.id)
    if checkin.status == CheckinStatus.DONE and (latest is None or latest.id != checkin.id):
        return None
    answer.text = text
    if checkin.status == CheckinStatus.OPEN:
        return Edited(checkin)
    await session.flush()
    answers = await checkins_db.answers(session, checkin.id)
    known = await contacts_db.names(session, user.id)
    reading = await understanding.read(session, user, answers, now, known)
    return Edited(checkin, await understanding.write(session, user, checkin, reading, now, known))


async def quick(session: AsyncSession, user: User, now: datetime) -> bool:
    """Log a check-in for today in one tap (no answers: a quiet day still counts); False if
    the user already has one today."""
    today = users.today(user, now)
    if await checkins_db.has_checkin_on(session, user.id, today):
        return False
    checkin = await checkins_db.start_checkin(session, user.id, today, now)
    checkin.step = len(QUESTIONS)
    checkin.status, checkin.completed_at = CheckinStatus.DONE, now
    return True


def cancel(checkin: CheckIn) -> None:
    """Stop the check-in; the answers so far are kept."""
    checkin.status = CheckinStatus.CANCELLED
