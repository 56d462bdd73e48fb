"""Follow-ups (principles 7 and 8): creating them, and what Done / Snooze / Drop / Rest do."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db import contacts as contacts_db
from db import followups as followups_db
from db.models import Contact, Followup, User
from domain.contacts import ContactSource, InteractionKind
from domain.followups import (
    SNOOZES,
    FollowupAct,
    FollowupRequest,
    FollowupStatus,
    is_pestering,
)
from domain.reader import read_followup_text
from domain.reading import FollowupItem
from domain.schedule import resolve_local
from services import contacts, users

MAX_NOTE_LENGTH = 500  # followups.note
UPCOMING_DAYS = 7  # /followups shows overdue, today and this many days ahead


@dataclass(frozen=True)
class NewFollowup:
    followup: Followup
    resolved: contacts.Resolved
    unanswered: int  # follow-ups to this person since they last replied, this one included

    @property
    def pestering(self) -> bool:
        return is_pestering(self.unanswered)


@dataclass(frozen=True)
class Changed:
    """A follow-up after the user acted on it."""

    followup: Followup
    contact: Contact
    act: FollowupAct


async def read(
    session: AsyncSession, user: User, text: str, now_local: datetime
) -> tuple[FollowupItem, ...]:
    """The follow-ups the check-in's reader finds in a /followup sentence, against the user's
    contacts, in their language ("ping João next Tuesday about the intro")."""
    known = [name for _, name in await contacts_db.names(session, user.id)]
    return read_followup_text(text, known, now_local, user.language)


def due_instant(user: User, request: FollowupRequest) -> datetime:
    """The follow-up's UTC instant: its date at its time, or at the user's check-in time."""
    return resolve_local(request.due_date, request.due_time or user.checkin_time, users.zone(user))


async def add(
    session: AsyncSession,
    user: User,
    request: FollowupRequest,
    source: ContactSource,
    now: datetime,
    known: list[tuple[int, str]] | None = None,
    *,
    resolved: contacts.Resolved | None = None,
    checkin_id: int | None = None,
) -> NewFollowup:
    """A follow-up with the person `request` names (or `resolved`, already looked up)."""
    if resolved is None:
        resolved = await contacts.resolve(session, user.id, request.name, source, now, known)
    followup = await followups_db.create(
        session,
        user_id=user.id,
        contact_id=resolved.contact.id,
        note=request.note[:MAX_NOTE_LENGTH] if request.note else None,
        due_at=due_instant(user, request),
        now=now,
        checkin_id=checkin_id,
    )
    users.wake(user, followup.next_nudge_at)
    unanswered = await followups_db.count_since_reply(session, resolved.contact.id)
    return NewFollowup(followup, resolved, unanswered)


async def act(
    session: AsyncSession, user: User, followup_id: int, act: FollowupAct, now: datetime
) -> Changed | None:
    """Apply a button press; None when the follow-up is not the user's or no longer open."""
    followup = await followups_db.get_owned(session, followup_id, user.id)
    if followup is None or followup.status != FollowupStatus.OPEN:
        return None
    contact = await session.get(Contact, followup.contact_id)
    assert contact is not None
    if act == FollowupAct.DONE:
        followup.status, followup.done_at, followup.next_nudge_at = FollowupStatus.DONE, now, None
        await contacts_db.add_interaction(
            session,
            user_id=user.id,
            contact=contact,
            kind=InteractionKind.FOLLOWUP,
            happened_on=users.today(user, now),
            now=now,
            note=followup.note,
        )
    elif act in SNOOZES:
        followup.due_at = followup.next_nudge_at = now + SNOOZES[act]
        followup.nudges_sent = 0
        followup.at_chosen_time = False  # a snooze is not a time the user picked
        users.wake(user, followup.next_nudge_at)
    else:
        followup.next_nudge_at = None
        rest = act == FollowupAct.REST
        followup.status = FollowupStatus.RESTED if rest else FollowupStatus.DROPPED
    return Changed(followup, contact, act)


async def upcoming(
    session: AsyncSession, user: User, now: datetime
) -> Sequence[tuple[Followup, Contact]]:
    """Open follow-ups that are overdue or due in the next UPCOMING_DAYS days, soonest first."""
    tz = users.zone(user)
    until = resolve_local(
        users.today(user, now) + timedelta(days=UPCOMING_DAYS + 1), datetime.min.time(), tz
    )
    return await followups_db.open_until(session, user.id, until)
