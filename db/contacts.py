"""Queries about contacts and their interactions (including the give/ask ledger)."""

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, distinct, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Contact, Followup, Interaction
from db.types import among
from domain.coaching import keep_warm_due_on
from domain.contacts import Channel, ContactSource, InteractionKind, normalize_name
from domain.stats import Touch


async def get_owned(session: AsyncSession, contact_id: int, user_id: int) -> Contact | None:
    """The contact, only if it belongs to `user_id` (buttons carry ids anyone could forge)."""
    contact = await session.get(Contact, contact_id)
    return contact if contact is not None and contact.user_id == user_id else None


async def find_by_name(session: AsyncSession, user_id: int, name: str) -> Contact | None:
    query = (
        select(Contact)
        .where(Contact.user_id == user_id, Contact.name_key == normalize_name(name))
        .order_by(Contact.id)
        .limit(1)
    )
    return await session.scalar(query)


async def names(session: AsyncSession, user_id: int) -> list[tuple[int, str]]:
    """(id, name) of every contact, for fuzzy matching."""
    rows = await session.execute(select(Contact.id, Contact.name).where(Contact.user_id == user_id))
    return [(contact_id, name) for contact_id, name in rows]


async def keys(session: AsyncSession, user_id: int) -> set[str]:
    rows = await session.scalars(select(Contact.name_key).where(Contact.user_id == user_id))
    return set(rows)


def new_contact(
    user_id: int, name: str, source: ContactSource, now: datetime, **fields: object
) -> Contact:
    return Contact(
        user_id=user_id,
        name=name,
        name_key=normalize_name(name),
        source=source,
        created_at=now,
        **fields,
    )


async def add_interaction(
    session: AsyncSession,
    *,
    user_id: int,
    contact: Contact | None,
    kind: InteractionKind,
    happened_on: date,
    now: datetime,
    two_way: bool = False,
    channel: Channel | None = None,
    note: str | None = None,
    checkin_id: int | None = None,
) -> Interaction:
    """Record an interaction; the contact's keep-in-touch clock restarts from `happened_on`."""
    interaction = Interaction(
        user_id=user_id,
        contact_id=contact.id if contact else None,
        kind=kind,
        happened_on=happened_on,
        two_way=two_way,
        channel=channel,
        note=note,
        checkin_id=checkin_id,
        created_at=now,
    )
    session.add(interaction)
    if contact is not None:
        contact.last_interaction_on = max(contact.last_interaction_on or happened_on, happened_on)
        refresh_keep_warm(contact)
    await session.flush()
    return interaction


def refresh_keep_warm(contact: Contact) -> None:
    """The keep-warm due day after a new interaction or a changed tier or interval."""
    contact.keep_warm_due_on = keep_warm_due_on(
        contact.last_interaction_on,
        contact.created_at.date(),
        contact.tier,
        contact.keep_in_touch_days,
    )


async def merge(session: AsyncSession, duplicate: Contact, into: Contact) -> None:
    """Fold `duplicate` into `into`: its history moves over, then it is deleted."""
    for model in (Interaction, Followup):
        await session.execute(
            update(model).where(model.contact_id == duplicate.id).values(contact_id=into.id)
        )
    for field in ("tier", "company", "role", "how_met", "email", "keep_in_touch_days"):
        if getattr(into, field) is None:
            setattr(into, field, getattr(duplicate, field))
    if duplicate.last_interaction_on is not None:
        into.last_interaction_on = max(
            into.last_interaction_on or duplicate.last_interaction_on,
            duplicate.last_interaction_on,
        )
    refresh_keep_warm(into)
    await session.delete(duplicate)
    await session.flush()


async def history(session: AsyncSession, contact_id: int, limit: int) -> Sequence[Interaction]:
    query = (
        select(Interaction)
        .where(Interaction.contact_id == contact_id)
        .order_by(Interaction.happened_on.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return (await session.scalars(query)).all()


async def count_kind(session: AsyncSession, contact_id: int, kind: InteractionKind) -> int:
    query = select(func.count(Interaction.id)).where(
        Interaction.contact_id == contact_id, Interaction.kind == kind
    )
    return int(await session.scalar(query) or 0)


async def recent_interactions(session: AsyncSession, user_id: int, since: date) -> list[Touch]:
    """Every interaction since `since`, with its contact's tier, via the (user, day) index."""
    return [Touch(*touch) for _, *touch in await session.execute(touches([user_id], since))]


async def warm_count(session: AsyncSession, user_id: int, since: date) -> int:
    """People with at least one two-way interaction (they replied, or you met) since `since`:
    the warm relationships, counted by the database (a long window holds thousands of
    interactions for a busy networker; only this number is needed of them)."""
    query = select(func.count(distinct(Interaction.contact_id))).where(
        Interaction.user_id == user_id,
        Interaction.happened_on >= since,
        Interaction.two_way.is_(True),
        Interaction.contact_id.is_not(None),
    )
    return int(await session.scalar(query) or 0)


def touches(user_ids: Collection[int], since: date) -> Select[Any]:
    """Interactions of these users since `since`, each as its user id and then a `Touch`."""
    return (
        select(
            Interaction.user_id,
            Interaction.contact_id,
            Interaction.kind,
            Interaction.happened_on,
            Interaction.two_way,
            Interaction.channel,
            Contact.tier,
        )
        # The contact's user too: without it PostgreSQL hashes every contact of every user to
        # join a batch's interactions (a full scan of `contacts` per planning batch).
        .outerjoin(
            Contact,
            and_(Contact.id == Interaction.contact_id, among(Contact.user_id, user_ids)),
        )
        .where(among(Interaction.user_id, user_ids), Interaction.happened_on >= since)
    )


async def page_of_contacts(
    session: AsyncSession, user_id: int, ids: Sequence[int]
) -> dict[int, Contact]:
    rows = await session.scalars(
        select(Contact).where(Contact.user_id == user_id, Contact.id.in_(ids))
    )
    return {contact.id: contact for contact in rows}


async def ordered_ids(session: AsyncSession, user_id: int) -> list[tuple[int, date | None, str]]:
    """(id, last interaction, name) of every contact, newest interaction first."""
    query = (
        select(Contact.id, Contact.last_interaction_on, Contact.name)
        .where(Contact.user_id == user_id)
        .order_by(Contact.last_interaction_on.desc().nulls_last(), Contact.name_key)
    )
    return [(cid, last, name) for cid, last, name in await session.execute(query)]


async def with_interval(session: AsyncSession, user_id: int) -> Sequence[Contact]:
    """Contacts that can be due for a keep-warm nudge (a tier or an explicit interval)."""
    query = select(Contact).where(
        Contact.user_id == user_id,
        (Contact.tier.is_not(None)) | (Contact.keep_in_touch_days.is_not(None)),
    )
    return (await session.scalars(query)).all()


async def has_interactions(session: AsyncSession, user_id: int) -> bool:
    """Whether the user ever logged anything with anyone (a give, an ask, a meeting…)."""
    query = select(Interaction.id).where(Interaction.user_id == user_id).limit(1)
    return await session.scalar(query) is not None
