"""/gave and /asked: the give/ask ledger, and the coach's "give first" (principle 5)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import contacts as contacts_db
from db.models import Contact, User
from domain.coaching import is_vague_ask
from domain.contacts import ContactSource, InteractionKind
from domain.conversation import AskDraft
from domain.ledger import read_name_and_what
from services import contacts, users


@dataclass(frozen=True)
class Logged:
    contact: Contact
    what: str
    resolved: contacts.Resolved
    vague: bool = False  # an ask with nothing specific in it (principle 6)


@dataclass(frozen=True)
class GiveFirst:
    """An ask to someone the user never gave to: held back as a draft while the coach asks."""

    contact: Contact
    what: str
    resolved: contacts.Resolved
    vague: bool = False


async def log(
    session: AsyncSession,
    user: User,
    kind: InteractionKind,
    text: str,
    now: datetime,
) -> Logged | GiveFirst | None:
    """Log "<name> <what>" (or a sentence naming the person, in the user's language) as a give
    or an ask; None when either part is missing."""
    known = await contacts_db.names(session, user.id)
    parts = read_name_and_what(text, [name for _, name in known], user.language)
    if parts is None:
        return None
    name, what = parts
    resolved = await contacts.resolve(session, user.id, name, ContactSource.LEDGER, now, known)
    contact = resolved.contact
    vague = kind == InteractionKind.ASK and is_vague_ask(what)
    if kind == InteractionKind.ASK and not await contacts_db.count_kind(
        session, contact.id, InteractionKind.GIVE
    ):
        user.draft = AskDraft(contact_id=contact.id, what=what).to_json()
        return GiveFirst(contact, what, resolved, vague)
    await record(session, user, contact, kind, what, now)
    return Logged(contact, what, resolved, vague)


async def held_ask(session: AsyncSession, user: User, contact_id: int) -> AskDraft | None:
    """The ask held back for `contact_id`, if the user's draft still holds it and they own it."""
    draft = AskDraft.from_json(user.draft)
    if draft is None or draft.contact_id != contact_id:
        return None
    return draft if await contacts.owned(session, contact_id, user.id) else None


async def record(
    session: AsyncSession,
    user: User,
    contact: Contact,
    kind: InteractionKind,
    what: str,
    now: datetime,
) -> None:
    await contacts_db.add_interaction(
        session,
        user_id=user.id,
        contact=contact,
        kind=kind,
        happened_on=users.today(user, now),
        now=now,
        note=what,
    )
