"""Queries about check-ins and their answers."""

from collections.abc import Collection, Sequence
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.contacts import refresh_keep_warm
from db.models import Answer, CheckIn, Contact, Followup, Interaction
from domain.checkins import AnswerType, CheckinStatus, Question
from domain.followups import FollowupStatus


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


async def answer_by_message(session: AsyncSession, chat_id: int, message_id: int) -> Answer | None:
    """The stored answer a Telegram message gave (to follow an edit of that message)."""
    return await session.scalar(
        select(Answer).where(Answer.chat_id == chat_id, Answer.message_id == message_id)
    )


async def latest_checkin(session: AsyncSession, user_id: int) -> CheckIn | None:
    return await session.scalar(
        select(CheckIn)
        .where(CheckIn.user_id == user_id)
        .order_by(CheckIn.started_at.desc(), CheckIn.id.desc())
        .limit(1)
    )


async def settled_followup_contacts(session: AsyncSession, checkin_id: int) -> set[int]:
    """Contacts whose follow-up from this check-in is no longer open (done, dropped, rested)."""
    rows = await session.scalars(
        select(Followup.contact_id).where(
            Followup.checkin_id == checkin_id, Followup.status != FollowupStatus.OPEN
        )
    )
    return set(rows)


async def clear_effects(session: AsyncSession, checkin_id: int) -> None:
    """Undo what a check-in wrote into the network, so a fixed reading can be written afresh:
    its interactions and its open follow-ups go, and each contact they touched gets its last
    interaction back from what remains."""
    touched = set(
        await session.scalars(
            select(Interaction.contact_id).where(
                Interaction.checkin_id == checkin_id, Interaction.contact_id.is_not(None)
            )
        )
    )
    await session.execute(delete(Interaction).where(Interaction.checkin_id == checkin_id))
    await session.execute(
        delete(Followup).where(
            Followup.checkin_id == checkin_id, Followup.status == FollowupStatus.OPEN
        )
    )
    for contact_id in sorted(touched):
        contact = await session.get(Contact, contact_id)
        if contact is not None:
            contact.last_interaction_on = await session.scalar(
                select(func.max(Interaction.happened_on)).where(
                    Interaction.contact_id == contact_id
                )
            )
            refresh_keep_warm(contact)
    await session.flush()


async def delete_unused_contacts(session: AsyncSession, user_id: int, ids: Collection[int]) -> None:
    """Delete the contacts among `ids` (the user's, made by a check-in) that nothing refers to
    any more and the user has not set up (no tier, no interval)."""
    for contact_id in sorted(ids):
        contact = await session.get(Contact, contact_id)
        if contact is None or contact.user_id != user_id:
            continue
        used = await session.scalar(
            select(func.count(Interaction.id)).where(Interaction.contact_id == contact_id)
        )
        used = used or await session.scalar(
            select(func.count(Followup.id)).where(Followup.contact_id == contact_id)
        )
        if not used and contact.tier is None and contact.keep_in_touch_days is None:
            await session.delete(contact)
    await session.flush()
