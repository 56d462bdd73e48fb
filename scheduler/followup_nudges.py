"""Follow-up nudges (principles 7 and 8): at the due time, then after 1, 3 and 7 more days.

The last comeback asks whether to let it rest; after that the follow-up stays quiet. Each row
is keyed by the instant it was due for, so a snoozed follow-up gets fresh keys.
"""

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards
from bot.presenters import followups as present
from db import followups as followups_db
from db.models import Contact, Followup, User
from db.outbox import enqueue
from domain.followups import REMINDER_GAPS, next_reminder
from domain.nudges import NudgeKind
from domain.schedule import local_date
from domain.timezones import get_zone

BATCH = 500


async def plan_followup_nudges(session: AsyncSession, now: datetime) -> int:
    """Queue the nudges that are due; returns how many."""
    queued = 0
    while True:
        rows = await followups_db.due_nudges(session, now, BATCH)
        for followup, contact, user in rows:
            queued += await _plan_nudge(session, followup, contact, user, now)
        await session.commit()
        if len(rows) < BATCH:
            return queued


async def _plan_nudge(
    session: AsyncSession, followup: Followup, contact: Contact, user: User, now: datetime
) -> int:
    assert followup.next_nudge_at is not None
    number = followup.nudges_sent
    tz = get_zone(user.timezone)
    inserted = await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=NudgeKind.FOLLOWUP,
        key=f"{NudgeKind.FOLLOWUP}:{followup.id}:{followup.next_nudge_at:%Y%m%dT%H%M%S}",
        payload=nudge_payload(followup, contact, number, local_date(now, tz)),
        due_at=followup.next_nudge_at,
        now=now,
    )
    followup.nudges_sent = number + 1
    following = next_reminder(followup.due_at.astimezone(tz), number)
    if following is not None and following <= now:  # the bot was down: keep the gaps from now
        following = now + timedelta(days=REMINDER_GAPS[number])
    followup.next_nudge_at = following
    return int(inserted)


def nudge_payload(followup: Followup, contact: Contact, number: int, today: date) -> dict[str, Any]:
    return {
        "text": present.nudge(followup, contact, number, today),
        "reply_markup": keyboards.followup_nudge(
            followup.id, last=present.is_last_nudge(number)
        ).to_dict(),
    }
