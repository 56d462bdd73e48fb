"""The nudge engine: plans every automatic message, for a batch of users at a time.

Per batch: claim the users whose wake-up has come (`FOR UPDATE SKIP LOCKED`, so replicas share
them), load what the rules need with a fixed number of queries, run `domain.planning.plan` for
each user (pure: the rules and the attention policy), render what is to be sent, and write the
outbox rows, users, follow-ups, contacts and the policy's memory in bulk. Each outbox row has a
unique key, so planning twice never queues a message twice.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import i18n
from bot.presenters.nudges import render
from db import planning as planning_db
from db.models import OutboxMessage, OutboxStatus
from db.planning import PlannedUser
from db.types import among
from domain.attention import (
    QuietHours,
    Reengagement,
    paused_days,
    states_from_json,
    states_to_json,
)
from domain.coaching import WARM_WINDOW_DAYS
from domain.contacts import Channel
from domain.partners import LOOKBACK_DAYS, Habit, WeekCounts
from domain.planning import (
    TOUCH_WINDOW_DAYS,
    Outcome,
    PartnerSide,
    UserPlan,
    UserView,
    plan,
)
from domain.review import WeekFacts, review_days
from domain.schedule import local_date, resolve_local
from domain.stats import summarize_network
from domain.streaks import Streaks, compute_streaks, missed_lately
from domain.timezones import get_zone
from domain.weekdays import is_networking_day

BATCH = 1000
WEEK = 7
STATUS = {
    Outcome.SEND: OutboxStatus.PENDING,
    Outcome.ALREADY_DONE: OutboxStatus.SKIPPED,
    Outcome.TOO_LATE: OutboxStatus.MISSED,
}


async def plan_due(session: AsyncSession, now: datetime, batch: int = BATCH) -> int:
    """Plan for every user whose wake-up has come; returns how many messages will be sent."""
    queued = 0
    while True:
        users = await planning_db.claim_due(session, now, batch)
        if users:
            queued += await plan_batch(session, users, now)
        await session.commit()
        if len(users) < batch:
            return queued


async def plan_batch(session: AsyncSession, users: Sequence[PlannedUser], now: datetime) -> int:
    """Load, plan, render and write one batch; returns how many new messages will be sent."""
    zones = {user.id: get_zone(user.timezone) for user in users}
    todays = {user.id: local_date(now, zones[user.id]) for user in users}
    since = min(todays.values()) - timedelta(days=TOUCH_WINDOW_DAYS)
    batch = await planning_db.load(session, list(zones), now, since, max(todays.values()))
    reviewing = {user.id: day for user in users if (day := _review_day(user, zones, now))}
    weeks = await _weeks(session, users, reviewing, batch, zones, now) if reviewing else {}
    digests = await _partner_weeks(session, reviewing, batch, zones) if reviewing else {}
    streaks = await _streaks(session, users, batch, zones, now)
    views = [_view(user, zones[user.id], batch, weeks, streaks, digests, now) for user in users]
    plans = [plan(view, now) for view in views]
    return await _write(session, users, views, plans, batch, now)


def _review_day(user: PlannedUser, zones: dict[int, Any], now: datetime) -> date | None:
    """The local day of the daily moment, when it is due now and falls on the review day."""
    due = user.next_daily_at
    if due is None or due > now:
        return None
    day = local_date(due, zones[user.id])
    return day if day.weekday() == user.review_day else None


async def _streaks(
    session: AsyncSession,
    users: Sequence[PlannedUser],
    batch: planning_db.Batch,
    zones: dict[int, Any],
    now: datetime,
) -> dict[int, Streaks]:
    """The streaks, with their freezes, of each user at the daily moment after a recently
    missed networking day (two more queries, for them only): the prompt may say that a freeze
    covered the day. Freezes follow from the whole history since the streak's last break
    (domain.streaks), so these users' completed check-ins and pauses are loaded in full."""
    missed = {}
    for user in users:
        if user.next_daily_at is None or user.next_daily_at > now:
            continue
        tz = zones[user.id]
        day = local_date(user.next_daily_at, tz)
        since = max(
            local_date(user.created_at, tz) - timedelta(days=1),
            user.freeze_noted_on or date.min,
        )
        if missed_lately(batch.done_days.get(user.id, ()), user.networking_days, day, since):
            missed[user.id] = day
    if not missed:
        return {}
    history = await planning_db.load_history(session, list(missed))
    found = {}
    for user in users:
        day = missed.get(user.id)
        if day is None:
            continue
        dates = history.done_days.get(user.id, [])
        first = min(dates, default=day)
        paused = paused_days(history.pauses.get(user.id, []), first, day)
        found[user.id] = compute_streaks(dates, user.networking_days, day, paused)
    return found


def _view(
    user: PlannedUser,
    tz: Any,
    batch: planning_db.Batch,
    weeks: dict[int, Any],
    streaks: dict[int, Streaks],
    digests: dict[tuple[int, int], WeekCounts],
    now: datetime,
) -> UserView:
    quiet = (
        QuietHours(user.quiet_start, user.quiet_end)
        if user.quiet_start and user.quiet_end
        else None
    )
    reengagement = (
        Reengagement(user.reengage_since, user.reengaged_at or user.reengage_since)
        if user.reengage_since
        else None
    )
    week, week_paused = weeks.get(user.id, (None, False))
    return UserView(
        user_id=user.id,
        first_name=user.first_name,
        zone=user.timezone,
        tz=tz,
        checkin_time=user.checkin_time,
        networking_days=user.networking_days,
        review_day=user.review_day,
        quiet=quiet,
        next_daily_at=user.next_daily_at,
        last_active_at=user.last_active_at,
        reengagement=reengagement,
        kinds=states_from_json(user.attention),
        pause=batch.pauses.get(user.id),
        checkin_days=frozenset(batch.checkin_days.get(user.id, ())),
        followups_due=tuple(batch.followups_due.get(user.id, ())),
        next_followup_at=batch.next_followup_at.get(user.id),
        keep_warm=tuple(batch.keep_warm.get(user.id, ())),
        touches=tuple(batch.touches.get(user.id, ())),
        week=week,
        week_paused=week_paused,
        partners=_partners(user, tz, batch, digests, now),
        nudge_requests=tuple(batch.nudge_requests.get(user.id, ())),
        last_partner_nudge_at=batch.last_partner_nudge.get(user.id),
        joined_on=local_date(user.created_at, tz),
        streaks=streaks.get(user.id),
        freeze_noted_on=user.freeze_noted_on,
    )


def _partners(
    user: PlannedUser,
    tz: Any,
    batch: planning_db.Batch,
    digests: dict[tuple[int, int], WeekCounts],
    now: datetime,
) -> tuple[PartnerSide, ...]:
    """The user's partners: their last LOOKBACK_DAYS in their own local dates."""
    sides = []
    for row in batch.partners.get(user.id, ()):
        today = local_date(now, get_zone(row.timezone))
        paused = paused_days(
            batch.partner_pauses.get(row.partner_id, []),
            today - timedelta(days=LOOKBACK_DAYS),
            today,
        )
        habit = Habit(
            row.networking_days, frozenset(batch.partner_done.get(row.partner_id, ())), paused
        )
        sides.append(
            PartnerSide(
                row_id=row.id,
                name=row.first_name,
                since=local_date(row.since, tz),
                share=row.share,
                habit=habit,
                paused=today in paused,
                suggested_at=row.suggested_at,
                week=digests.get((user.id, row.partner_id)),
            )
        )
    return tuple(sides)


async def _partner_weeks(
    session: AsyncSession,
    reviewing: dict[int, date],
    batch: planning_db.Batch,
    zones: dict[int, Any],
) -> dict[tuple[int, int], WeekCounts]:
    """Each reviewing user's partners' counts over the review's seven days (two queries)."""
    pairs = [(uid, row) for uid in reviewing for row in batch.partners.get(uid, ())]
    if not pairs:
        return {}
    first = min(reviewing.values()) - timedelta(days=WEEK - 1)
    partner_zones = {row.partner_id: get_zone(row.timezone) for _, row in pairs}
    week_since = min(resolve_local(first, time(0), tz) for tz in partner_zones.values())
    weeks = await planning_db.load_partner_weeks(session, list(partner_zones), first, week_since)
    counts = {}
    for uid, row in pairs:
        day = reviewing[uid]
        start = day - timedelta(days=WEEK - 1)
        touches = [t for t in weeks.touches.get(row.partner_id, ()) if start <= t.day <= day]
        summary = summarize_network(touches)
        tz = partner_zones[row.partner_id]
        counts[(uid, row.partner_id)] = WeekCounts(
            people=sum(summary.tiers.values()),
            gives=summary.gives,
            asks=summary.asks,
            followups_done=sum(
                start <= local_date(at, tz) <= day for at in weeks.done_at.get(row.partner_id, ())
            ),
        )
    return counts


async def _weeks(
    session: AsyncSession,
    users: Sequence[PlannedUser],
    reviewing: dict[int, date],
    batch: planning_db.Batch,
    zones: dict[int, Any],
    now: datetime,
) -> dict[int, tuple[WeekFacts, bool]]:
    """The week in numbers for each user whose review is due (three more queries)."""
    first = min(reviewing.values()) - timedelta(days=WEEK - 1)
    week_since = min(resolve_local(first, time(0), zones[uid]) for uid in reviewing)
    counts = await planning_db.load_week(
        session, list(reviewing), now, week_since, first, first - timedelta(days=WARM_WINDOW_DAYS)
    )
    facts = {}
    for user in users:
        day = reviewing.get(user.id)
        if day is None:
            continue
        joined = local_date(user.created_at, zones[user.id])
        days = review_days(day, joined, user.networking_days)
        if days is None:
            continue  # the user's first, partial week
        start = day - timedelta(days=WEEK - 1)
        tz = zones[user.id]
        paused = paused_days(counts.pauses.get(user.id, []), start, day)
        touches = [t for t in batch.touches.get(user.id, ()) if start <= t.day <= day]
        summary = summarize_network(touches)
        live = sum(t.channel in (Channel.IN_PERSON, Channel.CALL) for t in touches)
        warm_since = day - timedelta(days=WARM_WINDOW_DAYS - 1)
        week = WeekFacts(
            checkins=sum(d in batch.done_days.get(user.id, ()) for d in days),
            networking_days=sum(
                is_networking_day(user.networking_days, d) and d not in paused for d in days
            ),
            reached=summary.tiers,
            gives=summary.gives,
            asks=summary.asks,
            followups_done=sum(
                local_date(at, tz) >= start for at in counts.done_at.get(user.id, ())
            ),
            followups_overdue=counts.overdue.get(user.id, 0),
            live=live,
            with_channel=summary.with_channel,
            warm=sum(last >= warm_since for last in counts.warm_last[user.id]),
        )
        facts[user.id] = (week, len(paused) == WEEK)
    return facts


async def _write(
    session: AsyncSession,
    users: Sequence[PlannedUser],
    views: list[UserView],
    plans: list[UserPlan],
    batch: planning_db.Batch,
    now: datetime,
) -> int:
    by_id = {user.id: user for user in users}
    rows = []
    for view, result in zip(views, plans, strict=True):
        user = by_id[view.user_id]
        for message in result.messages:
            with i18n.speaking(user.language):  # every word in the user's language
                payload = render(message, view)
            rows.append(
                {
                    "user_id": user.id,
                    "chat_id": user.chat_id,
                    "nudge_kind": message.kind,
                    "dedupe_key": message.key,
                    "payload": payload,
                    "status": STATUS[message.outcome],
                    "due_at": message.due_at,
                    "not_before": message.send_at,
                    "expires_at": message.expires_at,
                    "attempts": 0,
                    "created_at": now,
                }
            )
    existing = await _existing_keys(session, [row["dedupe_key"] for row in rows])
    new = [row for row in rows if row["dedupe_key"] not in existing]
    await planning_db.insert_outbox(session, new)
    await planning_db.update_users(session, [_user_row(by_id[p.user_id], p) for p in plans])
    await planning_db.update_followups(
        session,
        [
            {
                "id": change.followup_id,
                "nudges_sent": change.nudges_sent,
                "next_nudge_at": change.next_nudge_at,
                "at_chosen_time": False,
            }
            for result in plans
            for change in result.followups
        ],
    )
    await planning_db.mark_keep_warm_nudged(
        session, [cid for result in plans for cid in result.keep_warm_nudged]
    )
    await planning_db.update_partners(
        session,
        [
            {"id": change.row_id, "suggested_at": change.suggested_at}
            for result in plans
            for change in result.suggested
        ],
    )
    await planning_db.update_partners(
        session,
        [
            {"id": change.row_id, "nudged_at": change.nudged_at, "nudge_requested_at": None}
            for result in plans
            for change in result.nudges_settled
        ],
    )
    welcomed = [batch.pause_ids[p.user_id] for p in plans if p.pause_welcomed]
    await planning_db.mark_welcomed(session, welcomed, now)
    return sum(row["status"] == OutboxStatus.PENDING for row in new)


def _user_row(user: PlannedUser, result: UserPlan) -> dict[str, Any]:
    """The user's new schedule, re-engagement and policy memory."""
    last = result.last_nudged_at
    if user.last_nudged_at is not None and (last is None or user.last_nudged_at > last):
        last = user.last_nudged_at
    reengagement = result.reengagement
    attention = dict(user.attention or {})
    attention.update(states_to_json(result.kinds))
    return {
        "id": user.id,
        "attention": attention,
        "next_daily_at": result.next_daily_at,
        "wake_at": result.wake_at,
        "last_nudged_at": last,
        "reengage_since": reengagement.since if reengagement else None,
        "reengaged_at": reengagement.last_at if reengagement else None,
        "freeze_noted_on": result.freeze_noted_on or user.freeze_noted_on,
    }


async def _existing_keys(session: AsyncSession, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    query = select(OutboxMessage.dedupe_key).where(among(OutboxMessage.dedupe_key, keys))
    return set((await session.scalars(query)).all())
