"""The /export archive, built from plain rows: no database, no network.

`data.json` holds every table's rows for the user exactly as stored; three CSV files give the
parts people open in a spreadsheet (contacts, interactions, and check-ins with their answers as
columns); `README.txt` explains them. Dates and times are ISO 8601, instants in UTC.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

from domain.checkins import QUESTIONS

# 2: checkin_answers.kind is answer_type and outbox.kind is nudge_kind (migration 0003).
FORMAT_VERSION = 2
FILENAME = "marathon-export-{day}.zip"

# Columns every CSV leaves out: the user's own id is the same on every row.
_OWNER_COLUMNS = frozenset({"user_id"})


@dataclass(frozen=True)
class TableRows:
    """One table's rows for the user: column names in schema order, each row a plain dict."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]


def filename(day: date) -> str:
    return FILENAME.format(day=day.isoformat())


def build_export(
    tables: Sequence[TableRows], *, user_id: int, exported_at: datetime, readme: str
) -> bytes:
    """The zip archive's bytes. `readme` is the text of README.txt (copy lives in bot.texts)."""
    by_name = {table.name: table for table in tables}
    stamp = exported_at.astimezone(UTC)
    files = {
        "README.txt": readme,
        "data.json": data_json(tables, user_id=user_id, exported_at=stamp),
        "checkins.csv": checkins_csv(by_name.get("checkins"), by_name.get("checkin_answers")),
        "contacts.csv": contacts_csv(by_name.get("contacts")),
        "interactions.csv": interactions_csv(by_name.get("interactions"), by_name.get("contacts")),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


def data_json(tables: Sequence[TableRows], *, user_id: int, exported_at: datetime) -> str:
    document = {
        "format": "marathon-export",
        "version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat(),
        "user_id": user_id,
        "tables": {table.name: [dict(row) for row in table.rows] for table in tables},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_value) + "\n"


def contacts_csv(contacts: TableRows | None) -> str:
    columns = _csv_columns(contacts)
    return _csv(columns, contacts.rows if contacts else ())


def interactions_csv(interactions: TableRows | None, contacts: TableRows | None) -> str:
    """Interactions, with the contact's name next to its id so the file reads on its own."""
    names = {row["id"]: row.get("name") for row in contacts.rows} if contacts else {}
    columns = _csv_columns(interactions)
    if "contact_id" in columns:
        at = columns.index("contact_id") + 1
        columns = [*columns[:at], "contact_name", *columns[at:]]
    rows = (
        {**row, "contact_name": names.get(row.get("contact_id"))}
        for row in (interactions.rows if interactions else ())
    )
    return _csv(columns, rows)


def checkins_csv(checkins: TableRows | None, answers: TableRows | None) -> str:
    """One row per check-in, its answers as columns who/gave/ask/followup (empty when the
    question was skipped or answered with a quick "nothing today")."""
    by_checkin: dict[Any, dict[str, Any]] = {}
    for answer in answers.rows if answers else ():
        by_checkin.setdefault(answer["checkin_id"], {})[answer["question"]] = answer.get("text")
    questions = [q.value for q in QUESTIONS]
    columns = [*_csv_columns(checkins), *questions]
    rows = (
        {**row, **{q: by_checkin.get(row["id"], {}).get(q) for q in questions}}
        for row in (checkins.rows if checkins else ())
    )
    return _csv(columns, rows)


def _csv_columns(table: TableRows | None) -> list[str]:
    return [c for c in table.columns if c not in _OWNER_COLUMNS] if table else []


def _csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """RFC 4180 CSV with a byte-order mark, so spreadsheets read accents and emoji right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row.get(column)) for column in columns])
    return "\ufeff" + out.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=_json_value)
    return str(_json_value(value))


def _json_value(value: Any) -> Any:
    """What json.dumps cannot write on its own: dates and times as ISO 8601, enums by value."""
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, str | int | float):
        return value
    return str(value)
