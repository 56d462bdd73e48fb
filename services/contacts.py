"""The user's network: names typed anywhere become the same contact; the card; warmest first.

Shared by the check-in, /followup, /gave, /asked and /contact, so a name typed anywhere lands
on the same contact (matched case- and accent-insensitively) and a near-miss ("Sally" when
"Sally Jones" exists) is created and then offered for merging, never silently guessed.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from db import contacts as contacts_db
from db.models import Contact, Interaction, User
from domain.contacts import (
    WARMTH_WINDOW_DAYS,
    ContactSource,
    InteractionKind,
    Tier,
    clean_display_name,
    normalize_name,
    similar_names,
    warmth_score,
)
from domain.text import clean_text
from services import users

MAX_FIELD_LENGTH = 300  # what the card asks for: company/role, how you met
MAX_COMPANY_LENGTH = 200  # contacts.company and contacts.role


@dataclass
class Resolved:
    contact: Contact
    created: bool
    similar: list[tuple[int, str]] = field(default_factory=list)  # maybe the same person

    @property
    def maybe_duplicate(self) -> bool:
        return self.created and bool(self.similar)


@dataclass(frozen=True)
class Card:
    contact: Contact
    gives: int
    asks: int
    history: Sequence[Interaction]


@dataclass(frozen=True)
class RankedPage:
    """One page of the network, warmest first: (contact, last interaction) per row."""

    total: int
    offset: int
    rows: list[tuple[Contact, date | None]]


def display_name(text: str) -> str | None:
    """A typed name as it is stored and shown: cleaned, at most MAX_NAME_LENGTH characters."""
    return clean_display_name(text)


async def resolve(
    session: AsyncSession,
    user_id: int,
    name: str,
    source: ContactSource,
    now: datetime,
    known: list[tuple[int, str]] | None = None,
) -> Resolved:
    """The contact called `name`, created if new (with any similar names to ask about).

    `known` is the user's (id, name) list when the caller already loaded it; a contact created
    here is appended to it, so one list serves several names.
    """
    existing = await contacts_db.find_by_name(session, user_id, name)
    if existing is not None:
        return Resolved(existing, created=False)
    if known is None:
        known = await contacts_db.names(session, user_id)
    similar = similar_names(name, known)
    contact = contacts_db.new_contact(user_id, name, source, now)
    session.add(contact)
    await session.flush()
    known.append((contact.id, contact.name))
    return Resolved(contact, created=True, similar=similar)


async def owned(session: AsyncSession, contact_id: int, user_id: int) -> Contact | None:
    """The contact, only if it belongs to `user_id` (buttons carry ids anyone could forge)."""
    return await contacts_db.get_owned(session, contact_id, user_id)


async def merge(session: AsyncSession, duplicate: Contact, into: Contact) -> None:
    """Fold `duplicate` into `into`: its history moves over, then it is deleted."""
    await contacts_db.merge(session, duplicate, into)


async def card(session: AsyncSession, contact: Contact, history: int) -> Card:
    return Card(
        contact=contact,
        gives=await contacts_db.count_kind(session, contact.id, InteractionKind.GIVE),
        asks=await contacts_db.count_kind(session, contact.id, InteractionKind.ASK),
        history=await contacts_db.history(session, contact.id, history),
    )


def set_tier(contact: Contact, tier: Tier) -> None:
    contact.tier = tier
    contacts_db.refresh_keep_warm(contact)


def set_interval(contact: Contact, days: int) -> None:
    """Days between keep-in-touch nudges; 0 switches them off for this contact."""
    contact.keep_in_touch_days = days
    contacts_db.refresh_keep_warm(contact)


def set_company(contact: Contact, text: str) -> None:
    """ "Acme, Head of Design": the company, and the role after the first comma."""
    company, _, role = (clean_text(text, MAX_FIELD_LENGTH) or "").partition(",")
    contact.company = company.strip()[:MAX_COMPANY_LENGTH] or None
    contact.role = role.strip()[:MAX_COMPANY_LENGTH] or None


def set_how_met(contact: Contact, text: str) -> None:
    contact.how_met = clean_text(text, MAX_FIELD_LENGTH)


async def log_reply(session: AsyncSession, user: User, contact: Contact, now: datetime) -> None:
    """They answered: a two-way interaction today, which also restarts the keep-warm clock."""
    await contacts_db.add_interaction(
        session,
        user_id=user.id,
        contact=contact,
        kind=InteractionKind.REPLY,
        happened_on=users.today(user, now),
        now=now,
        two_way=True,
    )


async def warmest_first(
    session: AsyncSession, user: User, today: date, offset: int, page: int
) -> RankedPage:
    """Recent, two-way interactions in the last WARMTH_WINDOW_DAYS weigh most; ties by name."""
    everyone = await contacts_db.ordered_ids(session, user.id)
    if not everyone:
        return RankedPage(0, 0, [])
    since = today - timedelta(days=WARMTH_WINDOW_DAYS)
    touches: dict[int, list[tuple[date, bool]]] = {}
    for touch in await contacts_db.recent_interactions(session, user.id, since):
        if touch.contact_id is not None:
            touches.setdefault(touch.contact_id, []).append((touch.day, touch.two_way))
    ranked = sorted(
        everyone,
        key=lambda row: (-warmth_score(touches.get(row[0], []), today), normalize_name(row[2])),
    )
    offset = min(offset, len(ranked) - 1) // page * page
    chosen = ranked[offset : offset + page]
    contacts = await contacts_db.page_of_contacts(session, user.id, [cid for cid, _, _ in chosen])
    return RankedPage(len(ranked), offset, [(contacts[cid], last) for cid, last, _ in chosen])
