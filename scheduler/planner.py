"""Plan: turn everything whose time has come into outbox rows.

Three kinds today: the daily check-in prompt, the keep-warm list that rides along with it, and
follow-up nudges. Each row's unique key (e.g. `checkin:<user>:<local date>`) makes planning
idempotent: never a second copy, however often a tick runs or however many replicas run it.
"""

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, texts
from bot.domain.coaching import REACH_WINDOW_DAYS, peers_only
from bot.domain.contacts import TIER_LABELS, Tier, effective_interval, keep_in_touch_due
from bot.domain.followups import MAX_REMINDERS, REMINDER_GAPS, next_reminder, relative_day
from bot.domain.schedule import local_date, next_occurrence, prompt_deadline
from bot.domain.stats import summarize_network
from bot.domain.timezones import get_zone
from db import contacts as contact_queries
from db import followups as followup_queries
from db.checkins import has_checkin_on
from db.models import Contact, Followup, User
from db.outbox import enqueue, sent_since
from db.users import due_users

BATCH = 500
CHECKIN_PROMPT = "checkin"
KEEP_WARM = "keepwarm"
KEEP_WARM_MAX = 3
FOLLOWUP_NUDGE = "followup"
REACH = "reach"


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
        status = "skipped"  # they already checked in today: no prompt needed
    elif now > deadline:
        status = "missed"  # the bot was down too long; a late prompt would be noise
    else:
        status = "pending"
    if now <= deadline:  # nudges that ride along with the check-in, never late
        await _plan_keep_warm(session, user, day, due, deadline, now)
        await _plan_reach_nudge(session, user, day, due, deadline, now)
    inserted = await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=CHECKIN_PROMPT,
        key=f"{CHECKIN_PROMPT}:{user.id}:{day.isoformat()}",
        payload=prompt_payload(user, day),
        due_at=due,
        expires_at=deadline,
        now=now,
        status=status,
    )
    user.next_checkin_at = next_occurrence(
        max(due, now), tz, user.checkin_time, user.networking_days
    )
    return int(inserted and status == "pending")


def prompt_payload(user: User, day: date) -> dict[str, Any]:
    greeting = texts.pick(texts.PROMPTS, day).format(name=user.first_name or "there")
    why = texts.schedule_line(
        texts.PROMPT_WHY, at=user.checkin_time, zone=user.timezone, days=user.networking_days
    )
    return {
        "text": f"{greeting}\n\n{why}",
        "reply_markup": keyboards.start_checkin().to_dict(),
    }


async def _plan_keep_warm(
    session: AsyncSession, user: User, day: date, due: datetime, deadline: datetime, now: datetime
) -> None:
    """At check-in time, one message naming up to three people past their interval.

    Each overdue contact is nudged once; a new interaction restarts its clock (principle 3).
    """
    overdue = [
        (contact, interval)
        for contact in await contact_queries.with_interval(session, user.id)
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
        kind=KEEP_WARM,
        key=f"{KEEP_WARM}:{user.id}:{day.isoformat()}",
        payload={"text": keep_warm_text(chosen, day)},
        due_at=due,
        expires_at=deadline,
        now=now,
    )
    if inserted:
        for contact in chosen:
            contact.keep_warm_nudged_on = day


async def _plan_reach_nudge(
    session: AsyncSession, user: User, day: date, due: datetime, deadline: datetime, now: datetime
) -> None:
    """Principle 2: two weeks of peers only bring one nudge toward people who open doors."""
    window = timedelta(days=REACH_WINDOW_DAYS)
    if await sent_since(session, user.id, REACH, now - window):
        return
    rows = await contact_queries.recent_interactions(session, user.id, day - window)
    reached = summarize_network(rows)
    if not peers_only(reached.tiers):
        return
    why = texts.REACH_WHY.format(peers=reached.tiers["peer"])
    await enqueue(
        session,
        user_id=user.id,
        chat_id=user.chat_id,
        kind=REACH,
        key=f"{REACH}:{user.id}:{day.isoformat()}",
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


def keep_warm_text(contacts: list[Contact], today: date) -> str:
    lines = "\n".join(
        texts.KEEP_WARM_LINE.format(
            name=contact.name,
            tier=TIER_LABELS[Tier(contact.tier)] if contact.tier else "",
            ago=relative_day(contact.last_interaction_on, today)
            if contact.last_interaction_on
            else texts.NEVER,
        ).replace(" ()", "")
        for contact in contacts
    )
    return f"{texts.KEEP_WARM.format(lines=lines)}\n\n{texts.KEEP_WARM_WHY}"


async def plan_followup_nudges(session: AsyncSession, now: datetime) -> int:
    """Nudge about open follow-ups: at the due time, then after 1, 3 and 7 more days at most.

    The last comeback asks whether to let it rest; after that it stays quiet (principle 8).
    """
    queued = 0
    while True:
        rows = await followup_queries.due_nudges(session, now, BATCH)
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
        kind=FOLLOWUP_NUDGE,
        # Keyed by the instant it was due for: a snoozed follow-up gets fresh keys.
        key=f"{FOLLOWUP_NUDGE}:{followup.id}:{followup.next_nudge_at:%Y%m%dT%H%M%S}",
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
    note = f": {followup.note}" if followup.note else ""
    last = (
        texts.LAST_TALKED.format(ago=relative_day(contact.last_interaction_on, today))
        if contact.last_interaction_on
        else texts.NEVER_TALKED
    )
    final = number >= MAX_REMINDERS
    if final:
        text = texts.NUDGE_REST.format(name=contact.name, note=note)
    else:
        template = texts.NUDGE_FIRST if number == 0 else texts.NUDGE_AGAIN
        text = template.format(name=contact.name, note=note, last=last)
    why = texts.NUDGE_WHY.format(set_on=f"{followup.created_at:%-d %b}")
    return {
        "text": f"{text}\n\n{why}",
        "reply_markup": keyboards.followup_nudge(followup.id, last=final).to_dict(),
    }
