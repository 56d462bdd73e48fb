"""Your data: everything the bot holds about a user, exported as a zip or deleted."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db import inbox as inbox_db
from db import partners as partners_db
from db import userdata
from db.models import Partner, User
from domain.export import TableRows, build_export

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


PARTNERS = Partner.__tablename__


async def export(session: AsyncSession, user: User, now: datetime, readme: str) -> bytes:
    """Every table's rows, but a partnership as the partner's display name and its date: the
    partner's account (their id) is theirs, not the user's."""
    tables = [
        await _partnerships(session, user) if table.name == PARTNERS else table
        for table in await userdata.collect(session, user.id)
    ]
    return build_export(tables, user_id=user.id, exported_at=now, readme=readme)


async def _partnerships(session: AsyncSession, user: User) -> TableRows:
    rows = await partners_db.of(session, user.id)
    return TableRows(
        name=PARTNERS,
        columns=("partner", "since"),
        rows=tuple({"partner": partner.first_name, "since": row.since} for row, partner in rows),
    )


async def counts(session: AsyncSession, user: User) -> dict[str, int]:
    """Rows per table, e.g. {"checkins": 12, "contacts": 40, ...}."""
    return await userdata.count(session, user.id)


async def forget(session: AsyncSession, user_id: int) -> bool:
    """Delete every row of the user (the caller commits); False if they were gone already."""
    return await userdata.delete_all(session, user_id) is not None


async def forget_stranger(session: AsyncSession, user_id: int) -> None:
    """Someone without an account: only the updates they sent, kept in the inbox for a week
    (the caller commits)."""
    await inbox_db.forget_sender(session, user_id)


def account_since(user: User) -> int:
    """The account's creation instant in microseconds: tells this account from a later one."""
    return (user.created_at - _EPOCH) // timedelta(microseconds=1)
