"""Everything the bot holds about one user: found by walking the schema, exported, deleted.

No table is listed by hand. A table belongs to the user through `users.id` itself, a `user_id`
column (or any foreign key to `users`), or a foreign key to a table that does (e.g.
`checkin_answers.checkin_id` -> `checkins.id`). A table added later is therefore covered by
/export and /forget without touching this module; `uncovered_tables` names any table that is
not, and a test keeps that list empty.
"""

from collections.abc import Mapping

from sqlalchemy import ColumnElement, MetaData, Table, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Base
from domain.export import TableRows

USERS = "users"


def ownership(
    user_id: int, metadata: MetaData = Base.metadata
) -> dict[str, tuple[Table, ColumnElement[bool]]]:
    """For every table that can hold the user's rows, a WHERE clause selecting exactly those.

    In dependency order (parents first), as `metadata.sorted_tables` lists them.
    """
    users = metadata.tables[USERS]
    owned: dict[str, tuple[Table, ColumnElement[bool]]] = {}
    for table in metadata.sorted_tables:
        clause = _owner_clause(table, users, user_id, owned)
        if clause is not None:
            owned[table.name] = (table, clause)
    return owned


def uncovered_tables(metadata: MetaData = Base.metadata) -> list[str]:
    """Tables whose rows cannot be traced to a user: /export and /forget would miss them."""
    covered = ownership(0, metadata)
    return [table.name for table in metadata.sorted_tables if table.name not in covered]


def _owner_clause(
    table: Table,
    users: Table,
    user_id: int,
    owned: Mapping[str, tuple[Table, ColumnElement[bool]]],
) -> ColumnElement[bool] | None:
    if table is users:
        return users.c.id == user_id
    if "user_id" in table.c:
        return table.c.user_id == user_id
    to_users = [fk.parent for fk in table.foreign_keys if fk.column.table is users]
    if to_users:
        return or_(*(column == user_id for column in to_users))
    via_parent = [
        fk.parent.in_(select(fk.column).where(owned[fk.column.table.name][1]))
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name)
        if fk.column.table.name in owned and fk.column.table is not table
    ]
    return or_(*via_parent) if via_parent else None


async def collect(session: AsyncSession, user_id: int) -> list[TableRows]:
    """Every row of every table that belongs to the user, table by table (parents first)."""
    tables: list[TableRows] = []
    for name, (table, clause) in ownership(user_id).items():
        query = select(table).where(clause).order_by(*table.primary_key.columns)
        rows = (await session.execute(query)).mappings().all()
        tables.append(
            TableRows(
                name=name,
                columns=tuple(column.name for column in table.columns),
                rows=tuple(dict(row) for row in rows),
            )
        )
    return tables


async def count(session: AsyncSession, user_id: int) -> dict[str, int]:
    """How many rows of each table belong to the user."""
    counts: dict[str, int] = {}
    for name, (table, clause) in ownership(user_id).items():
        query = select(func.count()).select_from(table).where(clause)
        counts[name] = await session.scalar(query) or 0
    return counts


async def delete_all(session: AsyncSession, user_id: int) -> dict[str, int] | None:
    """Delete every row of the user, children before parents; None if the user is unknown.

    The user's row is locked first, so a scheduler tick (which skips locked users) cannot plan
    a new prompt for them halfway through. The caller commits: all of it happens or none.
    """
    users = Base.metadata.tables[USERS]
    locked = select(users.c.id).where(users.c.id == user_id).with_for_update()
    if await session.scalar(locked) is None:
        return None
    deleted: dict[str, int] = {}
    for name, (table, clause) in reversed(ownership(user_id).items()):
        result = await session.execute(delete(table).where(clause))
        deleted[name] = result.rowcount  # type: ignore[attr-defined]
    return deleted
