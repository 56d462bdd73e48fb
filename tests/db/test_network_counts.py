"""What /stats counts in the database instead of loading: warm relationships."""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import contacts as contacts_db
from db.models import Contact, Interaction
from domain.contacts import ContactSource
from domain.weekdays import MON_FRI
from services.users import create as create_user
from tests.harness import both_backends

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
DAY = date(2026, 1, 5)
ME, OTHER = 1001, 1002


@both_backends
async def test_warm_relationships_count_people_not_touches(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        for uid in (ME, OTHER):
            await create_user(
                session, user_id=uid, chat_id=uid, first_name="Ann", timezone="UTC",
                checkin_time=time(9), now=NOW, networking_days=MON_FRI,
            )  # fmt: skip
        await session.execute(
            insert(Contact),
            [
                {"id": cid, "user_id": uid, "name": f"P{cid}", "name_key": f"p{cid}",
                 "source": ContactSource.MANUAL, "created_at": NOW}
                for cid, uid in ((1, ME), (2, ME), (3, ME), (4, ME), (5, OTHER))
            ],
        )  # fmt: skip
        touches = [  # (contact, two-way, days ago, whose)
            (1, True, 0, ME), (1, True, 3, ME), (2, False, 0, ME), (3, True, 9, ME),
            (None, True, 0, ME), (2, False, 1, ME), (4, True, 11, ME), (5, True, 0, OTHER),
        ]  # fmt: skip
        await session.execute(
            insert(Interaction),
            [
                {"user_id": uid, "contact_id": cid, "kind": "met", "two_way": two_way,
                 "happened_on": DAY - timedelta(days=ago), "created_at": NOW}
                for cid, two_way, ago, uid in touches
            ],
        )  # fmt: skip
        await session.commit()
        # 1 (twice) and 3; not 2 (one-way), the contactless touch, 4 (too long ago), or 5.
        assert await contacts_db.warm_count(session, ME, DAY - timedelta(days=10)) == 2
        assert await contacts_db.warm_count(session, ME, DAY - timedelta(days=11)) == 3
        assert await contacts_db.warm_count(session, ME, DAY + timedelta(days=1)) == 0
