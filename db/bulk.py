"""Many rows through one statement, converted once per value: the planner's bulk writes.

SQLAlchemy runs an executemany by building, for every row, the compiled statement's whole
parameter dictionary and converting it (`construct_params`); for the planner's batches of a
thousand rows that costs more than the database's own work. Here the statement is compiled
once, each row becomes a tuple in the compiled order, each value goes through its column type's
own bind processor (the conversion SQLAlchemy would apply), and the driver gets all the rows
in one call. The statement is still built with SQLAlchemy, so its SQL is the one it would run.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable


async def executemany(
    session: AsyncSession, statement: Executable, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Run `statement` once per row; each row maps every bound parameter's name to its value."""
    if not rows:
        return
    connection = await session.connection()
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    names = compiled.positiontup
    if names is None:
        raise ValueError(f"{dialect.name} does not take positional parameters")
    convert: list[Callable[[Any], Any] | None] = [
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    steps = list(zip(names, convert, strict=True))
    values = [
        tuple(row[name] if to is None else to(row[name]) for name, to in steps) for row in rows
    ]
    await connection.exec_driver_sql(compiled.string, values)
