"""`db.bulk.executemany` stores exactly what SQLAlchemy's own executemany stores: the same
conversions (aware datetimes to UTC, enums to their values, JSON), on both backends."""

from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.bulk import executemany
from db.models import OutboxMessage, OutboxStatus, User
from domain.nudges import NudgeKind
from domain.weekdays import MON_FRI
from services.users import create as create_user
from tests.harness import both_backends

BERLIN_SUMMER = timezone(timedelta(hours=2))
MOMENT = datetime(2026, 3, 29, 3, 30, 0, 123456, tzinfo=BERLIN_SUMMER)
OUTBOX = OutboxMessage.__table__
USERS = User.__table__


def outbox_row(key: str, **changes: Any) -> dict[str, Any]:
    row = {
        "user_id": 1,
        "chat_id": 1,
        "nudge_kind": NudgeKind.COACHING,
        "dedupe_key": key,
        "payload": {"text": "Ça va? \u200f שלום 👋", "reply_markup": None},
        "status": "pending",  # a value, as a caller may pass it
        "due_at": MOMENT,
        "not_before": MOMENT.astimezone(UTC),
        "expires_at": None,
        "attempts": 0,
        "created_at": MOMENT,
    }
    return row | changes


async def add_user(session: AsyncSession) -> None:
    await create_user(
        session, user_id=1, chat_id=1, first_name="Ann", timezone="Europe/Berlin",
        checkin_time=time(9), networking_days=MON_FRI, now=MOMENT,
    )  # fmt: skip
    await session.commit()


def insert_outbox() -> Any:
    """The planner's insert: every column an explicit parameter."""
    return insert(OUTBOX).values({name: bindparam(name) for name in outbox_row("x")})


def stored(row: Any) -> tuple[Any, ...]:
    return (
        row.nudge_kind, row.payload, row.status, row.due_at, row.not_before, row.expires_at,
        row.attempts, row.created_at,
    )  # fmt: skip


@both_backends
async def test_an_insert_stores_what_sqlalchemy_would(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await add_user(session)
        await executemany(session, insert_outbox(), [outbox_row("ours-1"), outbox_row("ours-2")])
        await session.execute(insert(OUTBOX), [outbox_row("theirs")])
        await session.commit()
        rows = (await session.execute(select(OUTBOX).order_by(OUTBOX.c.id))).all()
    assert [row.dedupe_key for row in rows] == ["ours-1", "ours-2", "theirs"]
    assert stored(rows[0]) == stored(rows[1]) == stored(rows[2])
    assert rows[0].status is OutboxStatus.PENDING and rows[0].due_at.tzinfo is UTC
    assert rows[0].due_at == MOMENT


@both_backends
async def test_an_update_converts_its_values_and_finds_rows_by_id(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await add_user(session)
        statement = (
            update(USERS)
            .where(USERS.c.id == bindparam("row_id", type_=USERS.c.id.type))
            .values(
                wake_at=bindparam("wake_at", type_=USERS.c.wake_at.type),
                attention=bindparam("attention", type_=USERS.c.attention.type),
            )
        )
        changes = {"row_id": 1, "wake_at": MOMENT, "attention": {"checkin": [True, None, 2]}}
        await executemany(session, statement, [changes, changes | {"row_id": 2}])
        await session.commit()
        wake_at, attention = (await session.execute(select(User.wake_at, User.attention))).one()
    assert wake_at == MOMENT and wake_at.tzinfo is UTC
    assert attention == {"checkin": [True, None, 2]}


@both_backends
async def test_a_value_its_column_refuses_fails_before_anything_is_written(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await add_user(session)
        rows = [outbox_row("fine"), outbox_row("naive", due_at=datetime(2026, 3, 1, 9, 0))]
        with pytest.raises(ValueError, match="naive"):
            await executemany(session, insert_outbox(), rows)
        await session.rollback()
        assert (await session.execute(select(OUTBOX.c.id))).all() == []


async def test_nothing_to_write_runs_nothing(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        await executemany(session, insert(OUTBOX), [])
        assert not session.in_transaction()
