"""Importing a contacts file: all or nothing, de-duplicated against the user's contacts."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import contacts as contacts_db
from domain.contacts import ContactSource, normalize_name
from domain.imports import ImportedContact


@dataclass(frozen=True)
class ImportResult:
    new: int
    known: int  # people the user already had (matched by name)


async def import_people(
    session: AsyncSession, user_id: int, people: Iterable[ImportedContact], now: datetime
) -> ImportResult:
    known = await contacts_db.keys(session, user_id)
    new = already = 0
    for person in people:
        key = normalize_name(person.name)
        if key in known:
            already += 1
            continue
        known.add(key)
        session.add(
            contacts_db.new_contact(
                user_id,
                person.name,
                ContactSource.IMPORT,
                now,
                company=person.company,
                role=person.role,
                email=person.email,
                connected_on=person.connected_on,
            )
        )
        new += 1
    return ImportResult(new, already)
