"""The column types' own processors: the same text as SQLAlchemy's DateTime on SQLite, aware
UTC datetimes back on both backends, and enum values checked on the way in."""

from datetime import UTC, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import DateTime, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import OutboxMessage, OutboxStatus, User
from db.types import StrEnumType, UTCDateTime
from domain.nudges import NudgeKind
from domain.weekdays import MON_FRI
from tests.harness import both_backends

MOMENTS = [
    datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    datetime(2026, 3, 29, 3, 30, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
    datetime(1, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_sqlite_text_is_what_sqlalchemy_stores(moment: datetime) -> None:
    """Comparisons in SQL compare text: ours must sort and match like SQLAlchemy's own."""
    dialect = sqlite.dialect()
    ours = UTCDateTime().bind_processor(dialect)
    theirs = DateTime().dialect_impl(dialect).bind_processor(dialect)
    assert theirs is not None
    naive_utc = moment.astimezone(UTC).replace(tzinfo=None)
    assert ours(moment) == theirs(naive_utc)
    back = UTCDateTime().result_processor(dialect, None)(ours(moment))
    assert back == moment and back.tzinfo is UTC


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().bind_processor(sqlite.dialect())(datetime(2026, 3, 1, 9, 0))


def test_enum_values_are_checked_on_the_way_in() -> None:
    process = StrEnumType(NudgeKind).bind_processor(sqlite.dialect())
    assert process(NudgeKind.CHECKIN) == "checkin" and process("checkin") == "checkin"
    assert process(None) is None
    with pytest.raises(ValueError):
        process("no-such-kind")


@both_backends
async def test_round_trip(sessions: async_sessionmaker[AsyncSession]) -> None:
    moment = MOMENTS[1]
    async with sessions() as session:
        session.add(
            User(
                id=1,
                chat_id=1,
                timezone="UTC",
                checkin_time=time(9),
                networking_days=MON_FRI,
                created_at=moment,
                updated_at=moment,
            )
        )
        await session.flush()
        row = OutboxMessage(
            user_id=1,
            chat_id=1,
            nudge_kind=NudgeKind.CHECKIN,
            dedupe_key="k",
            payload={},
            status=OutboxStatus.PENDING,
            due_at=moment,
            not_before=moment,
            attempts=0,
            created_at=moment,
        )
        session.add(row)
        await session.commit()
        query = select(OutboxMessage.due_at, OutboxMessage.nudge_kind, OutboxMessage.expires_at)
        due_at, kind, expires_at = (await session.execute(query)).one()
        assert due_at == moment and due_at.tzinfo is UTC
        assert kind is NudgeKind.CHECKIN and expires_at is None
        found = select(OutboxMessage.id).where(OutboxMessage.due_at <= moment)
        assert (await session.scalars(found)).all() == [row.id]
        earlier = select(OutboxMessage.id).where(OutboxMessage.due_at < moment)
        assert (await session.scalars(earlier)).all() == []
