"""Plan the daily check-in prompts, and the coaching nudges that ride along with them.

Each outbox row's unique key (`checkin:<user>:<local date>`) makes planning idempotent: never
more than one prompt per user per local date, however often a tick runs or however many
replicas run it.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards
from bot.presenters import checkins as present
from db.checkins import has_checkin_on
from db.models import OutboxStatus, User
from db.outbox import enqueue
from db.users import due_users
from domain.nudges import NudgeKind
from domain.schedule import local_date, next_occurrence, prompt_deadline
from domain.timezones import get_zone
from scheduler.coaching import plan_keep_warm, plan_reach_nudge

BATCH = 500


async def plan_checkin_prompts(session: AsyncSession, now: datetime) -> int:
    """Queue the prompts that are due; returns how many will be sent."""
    queued = 0
    while True:
        users = await due_users(session, now, BATCH)
        for user in users:
            queued += await _plan(session, user, now)
        await session.commit()
        if len(users) < BATCH:
            return queued


async def _plan(session: AsyncSession, user: User, now: datetime) -> int:
    assert user.next_checkin_at is not None
    due = user.next_checkin_at
    tz = get_zone(user.timezone)
    day = local_date(due, tz)
    deadline = prompt_deadline(due, tz)
    if await has_checkin_on(session, user.id, day):
        status = OutboxStatus.SKIPPED  # they already checked in today: no prompt needed
    elif now > deadline:
        status = OutboxStatus.MISSED  # the bot was down too long; a late prompt would be noise
    else:
        status = OutboxStatus.PENDING
    if now <= deadline:  # nudges that ride along with the check-in, never late
        await plan_keep_warm(session, user, day, due, deadline, now)
        await plan_reach_nudge(session, user, day, due, deadline, now)
    inserted = await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=NudgeKind.CHECKIN,
        key=f"{NudgeKind.CHECKIN}:{user.id}:{day.isoformat()}",
        payload=prompt_payload(user, day),
        due_at=due,
        expires_at=deadline,
        now=now,
        status=status,
    )
    user.next_checkin_at = next_occurrence(
        max(due, now), tz, user.checkin_time, user.networking_days
    )
    return int(inserted and status == OutboxStatus.PENDING)


def prompt_payload(user: User, day: date) -> dict[str, Any]:
    text = present.prompt(
        user.first_name, day, at=user.checkin_time, zone=user.timezone, days=user.networking_days
    )
    return {"text": text, "reply_markup": keyboards.start_checkin().to_dict()}
