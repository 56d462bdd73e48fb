"""The daily check-in: starting or resuming one, storing answers, and what a completed one
feeds into the network (contacts met, the give/ask ledger, a follow-up)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db.models import CheckIn, User
from domain.channels import channel_after
from domain.checkins import (
    QUESTIONS,
    AnswerType,
    CheckinStatus,
    Question,
    question_at,
    says_nothing,
)
from domain.coaching import is_vague_ask
from domain.contacts import ContactSource, InteractionKind, split_names
from domain.followups import FollowupRequest, parse_followup
from domain.schedule import local_now
from services import contacts, followups, goals, stats, users


@dataclass
class Effects:
    """What a completed check-in added to the user's network."""

    people: list[contacts.Resolved] = field(default_factory=list)
    gives: int = 0
    asks: int = 0
    followup: followups.NewFollowup | None = None

    @property
    def maybe_duplicates(self) -> list[contacts.Resolved]:
        found = [*self.people, *([self.followup.resolved] if self.followup else [])]
        return [r for r in found if r.maybe_duplicate]


@dataclass(frozen=True)
class Completed:
    answers: dict[Question, str | None]
    streak: int
    effects: Effects
    vague_ask: bool
    offer_goal: bool = False  # the first completed check-in offers /goal, once


async def open_checkin(session: AsyncSession, user_id: int) -> CheckIn | None:
    return await checkins_db.open_checkin(session, user_id)


async def begin(session: AsyncSession, user: User, now: datetime) -> tuple[CheckIn, bool]:
    """The check-in in progress (resumed: True) or a new one dated today (False)."""
    checkin = await checkins_db.open_checkin(session, user.id)
    if checkin is not None:
        return checkin, True
    return await checkins_db.start_checkin(session, user.id, users.today(user, now), now), False


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
    effects = await _feed_network(session, user, checkin, answers, now)
    summary = await stats.streaks(session, user, now)
    vague = is_vague_ask(answers.get(Question.ASK) or "")
    offer = await goals.offer_once(session, user, now)
    return Completed(answers, summary.current_streak, effects, vague, offer)


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


async def _feed_network(
    session: AsyncSession,
    user: User,
    checkin: CheckIn,
    answers: dict[Question, str | None],
    now: datetime,
) -> Effects:
    """Feed a completed check-in into contacts, the give/ask ledger and follow-ups."""
    effects = Effects()
    day = checkin.local_date
    known = await contacts_db.names(session, user.id)  # loaded once for every name
    who = answers.get(Question.WHO) or ""
    for name in split_names(who):
        resolved = await contacts.resolve(session, user.id, name, ContactSource.CHECKIN, now, known)
        await contacts_db.add_interaction(
            session,
            user_id=user.id,
            contact=resolved.contact,
            kind=InteractionKind.MET,
            happened_on=day,
            now=now,
            two_way=True,
            channel=channel_after(name, who),
            checkin_id=checkin.id,
        )
        effects.people.append(resolved)
    for question, kind in (
        (Question.GAVE, InteractionKind.GIVE),
        (Question.ASK, InteractionKind.ASK),
    ):
        text = answers.get(question)
        if text is None or says_nothing(text):
            continue
        await contacts_db.add_interaction(
            session,
            user_id=user.id,
            contact=await contacts.mentioned(session, known, text),
            kind=kind,
            happened_on=day,
            now=now,
            note=text,
            checkin_id=checkin.id,
        )
        effects.gives += kind == InteractionKind.GIVE
        effects.asks += kind == InteractionKind.ASK
    followup_text = answers.get(Question.FOLLOWUP)
    if followup_text and not says_nothing(followup_text):
        result = parse_followup(followup_text, now_local=local_now(now, users.zone(user)))
        if isinstance(result, FollowupRequest):
            effects.followup = await followups.add(
                session, user, result, ContactSource.CHECKIN, now, known
            )
    return effects
