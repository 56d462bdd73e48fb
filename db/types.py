"""Column types that behave the same on SQLite and PostgreSQL."""

import json
from collections.abc import Callable, Collection
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
    """Stores UTC and always hands back aware UTC datetimes (SQLite would return naive ones).

    The conversions are whole processors rather than `process_bind_param` hooks around the
    dialect's own: the planner writes and reads hundreds of thousands of these in a pass, and
    one call per value costs a third of the three a hook takes. On SQLite the text is the
    format SQLAlchemy's DateTime stores (tests/db/test_types.py holds them to it)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[datetime | None], Any]:
        as_text = dialect.name == "sqlite"

        def process(value: datetime | None) -> Any:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(UTC)
            return value.replace(tzinfo=None).isoformat(" ", "microseconds") if as_text else value

        return process

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], datetime | None]:
        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            if isinstance(value, str):  # SQLite
                value = datetime.fromisoformat(value)
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

        return process


E = TypeVar("E", bound=StrEnum)


class StrEnumType(TypeDecorator[E]):
    """A StrEnum stored as its value in a VARCHAR: no database enum type to migrate, and a
    value outside the enum fails at write time instead of landing in the table. Whole
    processors, like `UTCDateTime`, for the same reason."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int = 16) -> None:
        super().__init__(length)
        self.enum = enum

    def bind_processor(self, dialect: Dialect) -> Callable[[E | str | None], str | None]:
        enum = self.enum

        def process(value: E | str | None) -> str | None:
            if value is None:
                return None
            return (value if isinstance(value, enum) else enum(value))._value_

        return process

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], E | None]:
        enum = self.enum
        members = enum._value2member_map_

        def process(value: str | None) -> E | None:
            return None if value is None else members.get(value) or enum(value)

        return process


class Among(ColumnElement[bool]):
    """`column IN (values)`, for the planner's batches of a thousand users, as one parameter:
    an IN list of a thousand parameters costs more to render, send and plan than the query
    itself, on every execution. PostgreSQL gets `column = ANY(:array)`; SQLite gets
    `column IN (SELECT value FROM json_each(:json))` for more than `JSON_FROM` values, one JSON
    array (SQLite still looks each one up in the column's index), and the plain IN list for a
    few, whose plan SQLite knows best (an equality lookup for one)."""

    JSON_FROM = 100
    inherit_cache = True
    _traverse_internals: ClassVar = [
        ("column", InternalTraversal.dp_clauseelement),
        ("values", InternalTraversal.dp_clauseelement),
        ("as_json", InternalTraversal.dp_boolean),
    ]

    def __init__(self, column: Any, values: Collection[Any]) -> None:
        self.column = column
        self.values = bindparam(None, list(values), type_=column.type, unique=True)
        self.as_json = len(self.values.value) > self.JSON_FROM


def among(column: Any, values: Collection[Any]) -> Among:
    return Among(column, values)


class _JSONArray(TypeDecorator[list[Any]]):
    """A list bound as JSON text, each item converted by its column's type first."""

    impl = String
    cache_ok = True

    def __init__(self, item_type: Any) -> None:
        super().__init__()
        self.item_type = item_type

    def bind_processor(self, dialect: Dialect) -> Callable[[list[Any]], str]:
        item = self.item_type.dialect_impl(dialect).bind_processor(dialect)

        def process(values: list[Any]) -> str:
            return json.dumps(values if item is None else [item(value) for value in values])

        return process


@compiles(Among, "sqlite")
def _among_json_each(element: Among, compiler: SQLCompiler, **kw: Any) -> str:
    if not element.as_json:
        return _among_in(element, compiler, **kw)
    values = element.values._with_binary_element_type(_JSONArray(element.column.type))
    column = compiler.process(element.column, **kw)
    return f"{column} IN (SELECT value FROM json_each({compiler.process(values, **kw)}))"


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
