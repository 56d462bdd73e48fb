"""Planning a batch runs the same number of SQL statements for 50 users as for 500.

Every user of the population has everything due at once (prompt, follow-up, weekly review,
keep-warm, reach, give-first, online-only, and a networking day missed yesterday, which loads
the history for the streak's freezes), and a partner who has been quiet (a suggestion, in the
coaching message) and asked to nudge them (a nudge; the partners' week in the review), so every
query and every bulk write of the planner runs; a per-user query anywhere would make the count
grow with the batch.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.world import NOW, Shape, populate
from bot import texts
from bot.callbacks import KindOff
from db.engine import create_engine, create_sessionmaker
from db.migrate import upgrade
from db.models import OutboxMessage, OutboxStatus, Partner, User
from domain.nudges import NudgeKind
from scheduler.planner import plan_due
from tests.conftest import fresh_database
from tests.harness import both_backends

REVIEW_OFF = KindOff(NudgeKind.WEEKLY_REVIEW).pack()


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split(None, 1)[0].upper())

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def plan_population(url: str, users: int) -> tuple[list[str], dict[str, int]]:
    engine = create_engine(url)
    try:
        await upgrade(engine)
        await populate(engine, Shape(users=users, followups_per_user=2))
        sessions = create_sessionmaker(engine)
        async with sessions() as session:
            with counting(engine) as statements:
                queued = await plan_due(session, NOW, batch=1000)
            kinds: dict[str, int] = dict(
                (
                    await session.execute(
                        select(OutboxMessage.nudge_kind, func.count())
                        .where(OutboxMessage.status == OutboxStatus.PENDING)
                        .group_by(OutboxMessage.nudge_kind)
                    )
                ).all()
            )
            prompts = (
                await session.scalars(
                    select(OutboxMessage.payload).where(
                        OutboxMessage.nudge_kind == NudgeKind.CHECKIN
                    )
                )
            ).all()
            # The review travels in the prompt; the prompt offers to log the missed Thursday.
            kinds["with review"] = sum(REVIEW_OFF in json.dumps(p) for p in prompts)
            awake = await session.scalar(select(func.count()).where(User.wake_at <= NOW))
            # Every partner rule ran for everyone: a suggestion made, a request settled, the
            # partner's week in the review.
            partners = (await session.execute(select(Partner))).scalars().all()
        assert queued == sum(kinds.values()) - kinds["with review"] and awake == 0
        assert len(partners) == users
        assert all(p.suggested_at and p.nudged_at and not p.nudge_requested_at for p in partners)
        reviews = [p["text"] for p in prompts if REVIEW_OFF in json.dumps(p)]
        assert all(texts.PARTNER_DIGEST in review for review in reviews)
        return statements, kinds
    finally:
        await engine.dispose()


@both_backends
async def test_planning_statements_do_not_grow_with_the_batch(backend: str, tmp_path: Path) -> None:
    async with fresh_database(backend, tmp_path) as url:
        small, small_kinds = await plan_population(url, 50)
    async with fresh_database(backend, tmp_path) as url:
        big, big_kinds = await plan_population(url, 500)
    assert small_kinds == {
        NudgeKind.CHECKIN: 50,
        NudgeKind.FOLLOWUP: 100,
        NudgeKind.COACHING: 50,
        NudgeKind.PARTNER_NUDGE: 50,
        "with review": 50,
    }
    assert big_kinds == {kind: 10 * count for kind, count in small_kinds.items()}
    assert small == big, (small, big)
