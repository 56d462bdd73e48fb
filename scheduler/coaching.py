"""Coaching nudges that ride along with the daily check-in (they are never sent late).

Keep-warm (principle 3): one message naming up to three people past their keep-in-touch
interval, each once until the user talks to them again. Reach (principle 2): after two weeks
of peers only, one nudge toward someone who can hire, decide or connect.
"""

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts
from bot.presenters import contacts as present
from db import contacts as contacts_db
from db.models import Contact, User
from db.outbox import enqueue, sent_since
from domain.coaching import REACH_WINDOW_DAYS, peers_only
from domain.contacts import Tier, effective_interval, keep_in_touch_due
from domain.nudges import NudgeKind
from domain.stats import summarize_network

KEEP_WARM_MAX = 3


async def plan_keep_warm(
    session: AsyncSession, user: User, day: date, due: datetime, deadline: datetime, now: datetime
) -> None:
    """Up to three people past their interval; a new interaction restarts a contact's clock."""
    overdue = [
        (contact, interval)
        for contact in await contacts_db.with_interval(session, user.id)
        if (interval := effective_interval(contact.keep_in_touch_days, contact.tier))
        and _waiting_for_nudge(contact, day, interval)
    ]
    if not overdue:
        return
    overdue.sort(key=lambda pair: _since(pair[0]) + timedelta(days=pair[1]))  # most overdue first
    chosen = [contact for contact, _ in overdue[:KEEP_WARM_MAX]]
    inserted = await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=NudgeKind.KEEP_WARM,
        key=f"{NudgeKind.KEEP_WARM}:{user.id}:{day.isoformat()}",
        payload={"text": present.keep_warm(chosen, day)},
        due_at=due,
        expires_at=deadline,
        now=now,
    )
    if inserted:
        for contact in chosen:
            contact.keep_warm_nudged_on = day


async def plan_reach_nudge(
    session: AsyncSession, user: User, day: date, due: datetime, deadline: datetime, now: datetime
) -> None:
    """Two weeks of peers only: one nudge, at most every two weeks."""
    window = timedelta(days=REACH_WINDOW_DAYS)
    if await sent_since(session, user.id, NudgeKind.REACH, now - window):
        return
    rows = await contacts_db.recent_interactions(session, user.id, day - window)
    reached = summarize_network(rows)
    if not peers_only(reached.tiers):
        return
    why = texts.REACH_WHY.format(peers=reached.tiers[Tier.PEER])
    await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=NudgeKind.REACH,
        key=f"{NudgeKind.REACH}:{user.id}:{day.isoformat()}",
        payload={"text": f"{texts.REACH_NUDGE}\n\n{why}"},
        due_at=due,
        expires_at=deadline,
        now=now,
    )


def _since(contact: Contact) -> date:
    """The day the keep-in-touch clock started: the last interaction, else when added."""
    return contact.last_interaction_on or contact.created_at.date()


def _waiting_for_nudge(contact: Contact, day: date, interval: int) -> bool:
    start = _since(contact)
    already = contact.keep_warm_nudged_on is not None and contact.keep_warm_nudged_on >= start
    return not already and keep_in_touch_due(start, interval, day)
