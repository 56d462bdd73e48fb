"""Column types that behave the same on SQLite and PostgreSQL."""

from collections.abc import Collection
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import BigInteger, DateTime, Integer, String, any_, bindparam
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit key.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always hands back aware UTC datetimes (SQLite would return naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class StrEnumType(TypeDecorator[E]):
    """A StrEnum stored as its value in a VARCHAR: no database enum type to migrate, and a
    value outside the enum fails at write time instead of landing in the table."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int = 16) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        member = value if isinstance(value, self.enum) else self.enum(value)
        return member._value_  # a plain attribute: the planner binds hundreds of thousands

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return (
            None if value is None else self.enum._value2member_map_.get(value) or self.enum(value)
        )


class Among(ColumnElement[bool]):
    """`column IN (values)`, for the planner's batches of a thousand users. PostgreSQL gets
    `column = ANY(:array)`: one parameter, so the statement is prepared once and planned
    cheaply, where an IN list of a thousand parameters costs more to send and to plan than the
    query itself. Other databases (SQLite) get the plain IN list."""

    inherit_cache = True
    _traverse_internals: ClassVar = [
        ("column", InternalTraversal.dp_clauseelement),
        ("values", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, values: Collection[Any]) -> None:
        self.column = column
        self.values = bindparam(None, list(values), type_=column.type, unique=True)


def among(column: Any, values: Collection[Any]) -> Among:
    return Among(column, values)


@compiles(Among)
def _among_in(element: Among, compiler: SQLCompiler, **kw: Any) -> str:
    # A copy of the same parameter (SQLAlchemy matches the value by the parameter it was
    # copied from), expanded into one placeholder per value when executed. These two private
    # helpers are what SQLAlchemy's own IN and ANY operators use; tests run both dialects.
    values = element.values._with_value(element.values.value, maintain_key=True)
    values.expanding = True
    return compiler.process(element.column.in_(values), **kw)


@compiles(Among, "postgresql")
def _among_any(element: Among, compiler: SQLCompiler, **kw: Any) -> str:
    array = element.values._with_binary_element_type(postgresql.ARRAY(element.column.type))
    return compiler.process(element.column == any_(array), **kw)
