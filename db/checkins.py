"""Queries about check-ins and their answers."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Answer, CheckIn
from domain.checkins import AnswerType, CheckinStatus, Question


async def open_checkin(session: AsyncSession, user_id: int) -> CheckIn | None:
    query = select(CheckIn).where(CheckIn.user_id == user_id, CheckIn.status == CheckinStatus.OPEN)
    return await session.scalar(query)


async def start_checkin(
    session: AsyncSession, user_id: int, local_date: date, now: datetime
) -> CheckIn:
    checkin = CheckIn(
        user_id=user_id, local_date=local_date, status=CheckinStatus.OPEN, step=0, started_at=now
    )
    session.add(checkin)
    await session.flush()
    return checkin


async def is_duplicate_message(session: AsyncSession, chat_id: int, message_id: int) -> bool:
    """True if this Telegram message was already stored as an answer (a re-delivered update)."""
    query = select(Answer.id).where(Answer.chat_id == chat_id, Answer.message_id == message_id)
    return await session.scalar(query) is not None


async def record_answer(
    session: AsyncSession,
    checkin: CheckIn,
    question: Question,
    *,
    answer_type: AnswerType,
    text: str | None,
    chat_id: int,
    message_id: int,
    now: datetime,
) -> None:
    """Store one answer and move the check-in to its next step."""
    session.add(
        Answer(
            checkin_id=checkin.id,
            question=question.value,
            answer_type=answer_type,
            text=text,
            chat_id=chat_id,
            message_id=message_id,
            created_at=now,
        )
    )
    checkin.step += 1
    await session.flush()


async def answers(session: AsyncSession, checkin_id: int) -> dict[Question, str | None]:
    rows = await session.execute(
        select(Answer.question, Answer.text).where(Answer.checkin_id == checkin_id)
    )
    return {Question(question): text for question, text in rows}


async def completed_dates(session: AsyncSession, user_id: int) -> Sequence[date]:
    """The local date of every completed check-in, oldest first (one entry per check-in)."""
    query = (
        select(CheckIn.local_date)
        .where(CheckIn.user_id == user_id, CheckIn.status == CheckinStatus.DONE)
        .order_by(CheckIn.local_date)
    )
    return (await session.scalars(query)).all()


async def has_checkin_on(session: AsyncSession, user_id: int, local_date: date) -> bool:
    """A completed or running check-in on that local date (then no prompt is needed)."""
    query = select(func.count(CheckIn.id)).where(
        CheckIn.user_id == user_id,
        CheckIn.local_date == local_date,
        CheckIn.status.in_((CheckinStatus.DONE, CheckinStatus.OPEN)),
    )
    return bool(await session.scalar(query))


async def completed_on(session: AsyncSession, user_id: int, local_date: date) -> bool:
    """A completed check-in on that local date."""
    query = select(func.count(CheckIn.id)).where(
        CheckIn.user_id == user_id,
        CheckIn.local_date == local_date,
        CheckIn.status == CheckinStatus.DONE,
    )
    return bool(await session.scalar(query))
