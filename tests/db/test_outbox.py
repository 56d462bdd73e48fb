"""The outbox and the due-user query on each backend: idempotent, claimed once."""

import asyncio
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import OutboxMessage, User
from db.outbox import LEASE, claim, enqueue, expire_stale, hand_over, settle_abandoned
from db.planning import claim_due as claim_due_users
from domain.weekdays import MON_FRI
from services.users import create as create_user
from services.users import finish_onboarding
from tests.harness import both_backends

pytestmark = both_backends
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def add_user(
    session: AsyncSession, user_id: int, at: time = time(9), *, onboarded: bool = True
) -> User:
    user = await create_user(
        session,
        user_id=user_id,
        chat_id=user_id,
        first_name="Ann",
        timezone="Europe/Berlin",
        checkin_time=at,
        networking_days=MON_FRI,
        now=NOW - timedelta(days=1),
    )
    if onboarded:
        finish_onboarding(user, NOW - timedelta(days=1))
    return user


async def queue(session: AsyncSession, user_id: int, key: str, **kwargs: object) -> bool:
    return await enqueue(
        session,
        user_id=user_id,
        chat_id=user_id,
        kind="checkin",
        key=key,
        payload={"text": "hi"},
        due_at=NOW,
        now=NOW,
        **kwargs,  # type: ignore[arg-type]
    )


async def test_enqueue_is_idempotent(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        await add_user(session, 1)
        assert await queue(session, 1, "checkin:1:2026-03-02") is True
        assert await queue(session, 1, "checkin:1:2026-03-02") is False
        await session.commit()
        rows = (await session.scalars(select(OutboxMessage))).all()
    assert [(r.dedupe_key, r.status, r.payload) for r in rows] == [
        ("checkin:1:2026-03-02", "pending", {"text": "hi"})
    ]
    assert rows[0].due_at == NOW  # aware UTC back from both backends


async def test_claims_never_overlap(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        await add_user(session, 1)
        for n in range(10):
            await queue(session, 1, f"k{n}")
        await session.commit()

    async def claim_as(owner: str) -> list[int]:
        async with sessions() as session:
            rows = await claim(session, NOW, owner, limit=4)
            await session.commit()
            return [row.id for row in rows]

    results = await asyncio.gather(claim_as("a"), claim_as("b"), claim_as("c"))
    claimed = [row_id for batch in results for row_id in batch]
    assert len(claimed) == len(set(claimed)) == 10
    async with sessions() as session:
        rows = (await session.scalars(select(OutboxMessage))).all()
    assert {r.status for r in rows} == {"pending"}  # leased, not sent yet
    assert {r.owner for r in rows} == {"a", "b", "c"}
    assert {r.attempts for r in rows} == {0}  # an attempt counts when it is handed over


async def test_after_a_crash_only_what_was_handed_over_is_ambiguous(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await add_user(session, 1)
        for key in ("handed", "waiting"):
            await queue(session, 1, key)
        await queue(session, 1, "stale", expires_at=NOW + timedelta(hours=1))
        await queue(session, 1, "fresh", expires_at=NOW + timedelta(hours=5))
        await session.commit()
        handed, waiting, *_ = await claim(session, NOW, "dead", limit=4)
        assert await hand_over(session, [handed.id], "dead", NOW) == {handed.id}
        assert await hand_over(session, [waiting.id], "someone else", NOW) == set()  # not theirs
        await session.commit()
        # The dead dispatcher's lease still holds: nobody else may take its rows yet.
        assert await claim(session, NOW + timedelta(seconds=10), "alive", limit=10) == []
        later = NOW + LEASE + timedelta(hours=1)
        assert await settle_abandoned(session, later) == [handed.id]
        await expire_stale(session, later)
        again = await claim(session, later, "alive", limit=10)
        await session.commit()
        statuses = dict(
            (await session.execute(select(OutboxMessage.dedupe_key, OutboxMessage.status))).all()
        )
    assert [row.dedupe_key for row in again] == ["waiting", "fresh"]  # sent by someone else
    assert statuses == {
        "handed": "ambiguous",  # maybe delivered: never retried, no duplicate
        "waiting": "pending",
        "stale": "expired",
        "fresh": "pending",
    }


async def test_claim_due_wakes_users_by_utc_instant(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        early = await add_user(session, 1, time(9))  # 08:00 UTC in March (CET)
        late = await add_user(session, 2, time(11))
        inactive = await add_user(session, 3, time(9))
        inactive.active = False
        stranger = await add_user(session, 4, time(9), onboarded=False)  # never ran /start
        assert stranger.wake_at is None  # nothing wakes them…
        assert early.next_daily_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        early.wake_at = inactive.wake_at = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        stranger.wake_at = early.wake_at  # …and were something to, they are not claimed
        late.wake_at = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
        await session.commit()
        due = await claim_due_users(session, NOW, limit=10)
        assert [u.id for u in due] == [early.id]
        later = await claim_due_users(session, NOW + timedelta(hours=2), limit=10)
    assert [u.id for u in later] == [early.id, late.id]  # earliest first
