"""What the planner reads and writes, a whole batch of users at a time.

Every function runs a fixed number of statements for the batch, whatever its size: the planner
never queries once per user. Rows come back grouped by user id.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.bulk import executemany
from db.contacts import touches
from db.models import (
    CheckIn,
    Contact,
    Followup,
    Interaction,
    OutboxMessage,
    Partner,
    Pause,
    User,
)
from db.types import among
from domain.attention import Pause as PauseView
from domain.checkins import CheckinStatus
from domain.coaching import KeepWarmCandidate
from domain.followups import FollowupStatus
from domain.partners import NUDGE_GAP, Share
from domain.planning import FollowupDue, NudgeRequest
from domain.stats import Touch


class PlannedUser(NamedTuple):
    """A claimed user: the columns the planner reads (the rest, drafts and such, stay in the
    table). A plain tuple, not an ORM object or a SQLAlchemy row: the planner reads each field
    a few times per user and writes back in bulk, and a row's attribute lookup costs about
    twenty times a tuple's."""

    id: int
    chat_id: int
    first_name: str
    timezone: str
    checkin_time: time
    networking_days: int
    language: str
    review_day: int
    quiet_start: time | None
    quiet_end: time | None
    next_daily_at: datetime | None
    last_active_at: datetime | None
    last_nudged_at: datetime | None
    reengage_since: datetime | None
    reengaged_at: datetime | None
    attention: dict[str, Any] | None
    created_at: datetime
    freeze_noted_on: date | None


async def claim_due(session: AsyncSession, now: datetime, limit: int) -> list[PlannedUser]:
    """Active, onboarded users whose wake-up has come, earliest first, locked so replicas share
    them. Someone who has not finished /start gets no automatic message; such a row has no
    wake-up either (services.users.wake), so the filter costs the index scan nothing."""
    users = User.__table__
    query = (
        select(*(users.c[name] for name in PlannedUser._fields))
        .where(
            users.c.active.is_(True),
            users.c.wake_at <= now,
            users.c.onboarded_at.is_not(None),
        )
        .order_by(users.c.wake_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [PlannedUser._make(row) for row in await session.execute(query)]


class PartnerRow(NamedTuple):
    """One of a batch user's partners rows, with the partner's columns the rules need."""

    id: int
    user_id: int
    partner_id: int
    since: datetime
    suggested_at: datetime | None
    first_name: str
    networking_days: int
    timezone: str
    share: Share


@dataclass
class Batch:
    """The rows the rules need for a batch of users, by user id."""

    pauses: dict[int, PauseView] = field(default_factory=dict)
    pause_ids: dict[int, int] = field(default_factory=dict)
    checkin_days: dict[int, set[date]] = field(default_factory=lambda: defaultdict(set))
    done_days: dict[int, set[date]] = field(default_factory=lambda: defaultdict(set))
    followups_due: dict[int, list[FollowupDue]] = field(default_factory=lambda: defaultdict(list))
    next_followup_at: dict[int, datetime] = field(default_factory=dict)
    keep_warm: dict[int, list[KeepWarmCandidate]] = field(default_factory=lambda: defaultdict(list))
    touches: dict[int, list[Touch]] = field(default_factory=lambda: defaultdict(list))
    partners: dict[int, list[PartnerRow]] = field(default_factory=lambda: defaultdict(list))
    # The partners' completed check-in days and pauses, by the partner's id.
    partner_done: dict[int, set[date]] = field(default_factory=lambda: defaultdict(set))
    partner_pauses: dict[int, list[PauseView]] = field(default_factory=lambda: defaultdict(list))
    nudge_requests: dict[int, list[NudgeRequest]] = field(default_factory=lambda: defaultdict(list))
    last_partner_nudge: dict[int, datetime] = field(default_factory=dict)


async def load(
    session: AsyncSession, user_ids: Collection[int], now: datetime, since: date, today: date
) -> Batch:
    """Everything but the weekly numbers: `since` is the earliest local day any rule looks at
    (for any user of the batch), `today` the latest local today among them."""
    batch = Batch()
    ids = list(user_ids)
    pauses = select(Pause).where(among(Pause.user_id, ids), Pause.welcomed_at.is_(None))
    for pause in (await session.scalars(pauses.order_by(Pause.starts_on))).all():
        batch.pauses[pause.user_id] = PauseView(pause.starts_on, pause.ends_on)
        batch.pause_ids[pause.user_id] = pause.id
    checkins = select(CheckIn.user_id, CheckIn.local_date, CheckIn.status).where(
        among(CheckIn.user_id, ids),
        CheckIn.local_date >= since,
        CheckIn.status.in_((CheckinStatus.DONE, CheckinStatus.OPEN)),
    )
    for user_id, day, status in await session.execute(checkins):
        batch.checkin_days[user_id].add(day)
        if status == CheckinStatus.DONE:
            batch.done_days[user_id].add(day)
    due = (
        select(Followup, Contact.name, Contact.last_interaction_on)
        .join(Contact, Contact.id == Followup.contact_id)
        .where(
            among(Followup.user_id, ids),
            Followup.status == FollowupStatus.OPEN,
            Followup.next_nudge_at <= now,
        )
        .order_by(Followup.next_nudge_at, Followup.id)
        .with_for_update(of=Followup)
    )
    for followup, name, last in await session.execute(due):
        batch.followups_due[followup.user_id].append(
            FollowupDue(
                followup_id=followup.id,
                contact_name=name,
                contact_last_interaction_on=last,
                note=followup.note,
                created_at=followup.created_at,
                nudges_sent=followup.nudges_sent,
                next_nudge_at=followup.next_nudge_at,
                at_chosen_time=followup.at_chosen_time,
            )
        )
    later = (
        select(Followup.user_id, func.min(Followup.next_nudge_at))
        .where(
            among(Followup.user_id, ids),
            Followup.status == FollowupStatus.OPEN,
            Followup.next_nudge_at > now,
        )
        .group_by(Followup.user_id)
    )
    batch.next_followup_at = {user_id: at for user_id, at in await session.execute(later)}
    warm = select(
        Contact.user_id,
        Contact.id,
        Contact.name,
        Contact.tier,
        Contact.last_interaction_on,
        Contact.keep_warm_due_on,
    ).where(among(Contact.user_id, ids), Contact.keep_warm_due_on <= today)
    for user_id, contact_id, name, tier, last, due_on in await session.execute(warm):
        batch.keep_warm[user_id].append(KeepWarmCandidate(contact_id, name, tier, last, due_on))
    for row in await session.execute(touches(ids, since)):
        batch.touches[row[0]].append(Touch._make(row[1:]))
    await _load_partners(session, batch, ids, now, since)
    return batch


async def _load_partners(
    session: AsyncSession, batch: Batch, ids: list[int], now: datetime, since: date
) -> None:
    """The batch's partners (their recent check-ins and pauses), and the nudges partners asked
    to send to the batch's users: two to four statements, whatever the batch."""
    query = (
        select(
            Partner.id,
            Partner.user_id,
            Partner.partner_id,
            Partner.since,
            Partner.suggested_at,
            User.first_name,
            User.networking_days,
            User.timezone,
            User.partner_share,
        )
        .join(User, User.id == Partner.partner_id)
        .where(among(Partner.user_id, ids))
        .order_by(Partner.since, Partner.id)
    )
    for row in await session.execute(query):
        found = PartnerRow._make(row)
        batch.partners[found.user_id].append(found)
    partner_ids = list({row.partner_id for rows in batch.partners.values() for row in rows})
    if partner_ids:
        done = select(CheckIn.user_id, CheckIn.local_date).where(
            among(CheckIn.user_id, partner_ids),
            CheckIn.local_date >= since,
            CheckIn.status == CheckinStatus.DONE,
        )
        for user_id, day in await session.execute(done):
            batch.partner_done[user_id].add(day)
        pauses = select(Pause.user_id, Pause.starts_on, Pause.ends_on).where(
            among(Pause.user_id, partner_ids), Pause.ends_on.is_(None) | (Pause.ends_on > since)
        )
        for user_id, starts_on, ends_on in await session.execute(pauses):
            batch.partner_pauses[user_id].append(PauseView(starts_on, ends_on))
    requests = (
        select(
            Partner.id,
            Partner.partner_id,
            Partner.nudge_requested_at,
            Partner.nudged_at,
            User.first_name,
        )
        .join(User, User.id == Partner.user_id)
        .where(
            among(Partner.partner_id, ids),
            or_(Partner.nudge_requested_at.is_not(None), Partner.nudged_at >= now - NUDGE_GAP),
        )
    )
    for row_id, to, requested_at, nudged_at, name in await session.execute(requests):
        last = batch.last_partner_nudge.get(to)
        if nudged_at is not None and (last is None or nudged_at > last):
            batch.last_partner_nudge[to] = nudged_at
        if requested_at is not None:
            batch.nudge_requests[to].append(NudgeRequest(row_id, name, requested_at, nudged_at))


@dataclass
class PartnerWeeks:
    """What the review's partner digest needs beyond `Batch`: the partners' week, by id."""

    touches: dict[int, list[Touch]] = field(default_factory=lambda: defaultdict(list))
    done_at: dict[int, list[datetime]] = field(default_factory=lambda: defaultdict(list))


async def load_partner_weeks(
    session: AsyncSession, partner_ids: Collection[int], first_day: date, week_since: datetime
) -> PartnerWeeks:
    """The partners' interactions since `first_day` and follow-ups done since `week_since`."""
    ids = list(partner_ids)
    weeks = PartnerWeeks()
    for row in await session.execute(touches(ids, first_day)):
        weeks.touches[row[0]].append(Touch._make(row[1:]))
    done = select(Followup.user_id, Followup.done_at).where(
        among(Followup.user_id, ids),
        Followup.status == FollowupStatus.DONE,
        Followup.done_at >= week_since,
    )
    for user_id, at in await session.execute(done):
        weeks.done_at[user_id].append(at)
    return weeks


@dataclass
class WeekCounts:
    """What the weekly review needs beyond `Batch`, for the users whose review is due."""

    done_at: dict[int, list[datetime]] = field(default_factory=lambda: defaultdict(list))
    overdue: dict[int, int] = field(default_factory=dict)
    warm_last: dict[int, list[date]] = field(default_factory=lambda: defaultdict(list))
    pauses: dict[int, list[PauseView]] = field(default_factory=lambda: defaultdict(list))


async def load_week(
    session: AsyncSession,
    user_ids: Collection[int],
    now: datetime,
    week_since: datetime,
    first_day: date,
    warm_since: date,
) -> WeekCounts:
    """Follow-ups done since `week_since` (when) and overdue now (how many), the last two-way
    day with each contact since `warm_since`, and the pauses that reach `first_day`."""
    ids = list(user_ids)
    counts = WeekCounts()
    done = select(Followup.user_id, Followup.done_at).where(
        among(Followup.user_id, ids),
        Followup.status == FollowupStatus.DONE,
        Followup.done_at >= week_since,
    )
    for user_id, at in await session.execute(done):
        counts.done_at[user_id].append(at)
    overdue = (
        select(Followup.user_id, func.count())
        .where(
            among(Followup.user_id, ids),
            Followup.status == FollowupStatus.OPEN,
            Followup.due_at < now,
        )
        .group_by(Followup.user_id)
    )
    counts.overdue = {user_id: n for user_id, n in await session.execute(overdue)}
    warm = (
        select(Interaction.user_id, func.max(Interaction.happened_on))
        .where(
            among(Interaction.user_id, ids),
            Interaction.happened_on >= warm_since,
            Interaction.two_way.is_(True),
            Interaction.contact_id.is_not(None),
        )
        .group_by(Interaction.user_id, Interaction.contact_id)
    )
    for user_id, last in await session.execute(warm):
        counts.warm_last[user_id].append(last)
    pauses = select(Pause.user_id, Pause.starts_on, Pause.ends_on).where(
        among(Pause.user_id, ids), (Pause.ends_on.is_(None)) | (Pause.ends_on > first_day)
    )
    for user_id, starts_on, ends_on in await session.execute(pauses):
        counts.pauses[user_id].append(PauseView(starts_on, ends_on))
    return counts


@dataclass
class History:
    """Every completed check-in day and every pause, for the users whose streak is computed."""

    done_days: dict[int, list[date]] = field(default_factory=lambda: defaultdict(list))
    pauses: dict[int, list[PauseView]] = field(default_factory=lambda: defaultdict(list))


async def load_history(session: AsyncSession, user_ids: Collection[int]) -> History:
    """Two statements for the batch (a streak's freezes follow from its whole history)."""
    ids = list(user_ids)
    history = History()
    done = select(CheckIn.user_id, CheckIn.local_date).where(
        among(CheckIn.user_id, ids), CheckIn.status == CheckinStatus.DONE
    )
    for user_id, day in await session.execute(done):
        history.done_days[user_id].append(day)
    pauses = select(Pause.user_id, Pause.starts_on, Pause.ends_on).where(among(Pause.user_id, ids))
    for user_id, starts_on, ends_on in await session.execute(pauses):
        history.pauses[user_id].append(PauseView(starts_on, ends_on))
    return history


# --- writing a batch's plans ------------------------------------------------------------------


async def insert_outbox(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert rows; one whose `dedupe_key` exists is skipped (planning twice is harmless)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # The table, not the ORM entity: one executemany for the batch (db.bulk), where an ORM
    # bulk insert would split the rows into many small statements.
    table = OutboxMessage.__table__
    statement = insert(table).values({name: bindparam(name) for name in rows[0]})
    await executemany(
        session, statement.on_conflict_do_nothing(index_elements=["dedupe_key"]), rows
    )


async def update_users(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Each row: `id` and the same columns to set (one executemany for the batch)."""
    await _update_by_id(session, User.__table__, rows)


async def update_followups(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await _update_by_id(session, Followup.__table__, rows)


async def _update_by_id(session: AsyncSession, table: Any, rows: list[dict[str, Any]]) -> None:
    """UPDATE … WHERE id = :row_id for each row, as one executemany on the table (db.bulk;
    the ORM's bulk update by primary key costs several times more per row)."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id", type_=table.c.id.type))
        .values({name: bindparam(name, type_=table.c[name].type) for name in columns})
    )
    await executemany(session, statement, [{"row_id": row["id"], **row} for row in rows])


async def mark_keep_warm_nudged(session: AsyncSession, contact_ids: list[int]) -> None:
    """Nudged once until the user talks to them again (an interaction sets a new due day)."""
    if contact_ids:
        await session.execute(
            update(Contact).where(among(Contact.id, contact_ids)).values(keep_warm_due_on=None)
        )


async def update_partners(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await _update_by_id(session, Partner.__table__, rows)


async def mark_welcomed(session: AsyncSession, pause_ids: list[int], now: datetime) -> None:
    if pause_ids:
        await session.execute(
            update(Pause)
            .where(and_(among(Pause.id, pause_ids), Pause.welcomed_at.is_(None)))
            .values(welcomed_at=now)
        )
