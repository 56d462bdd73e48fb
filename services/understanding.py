"""What a check-in understood, written into the network, and the fixes its summary offers.

The reader (`domain.reader`) turns the four answers into a `Reading`; this module writes it:
the people become contacts (a company or role said in passing fills an empty card field), the
first answer's people get a two-way conversation with its channel, each give and ask lands in
the ledger with its person, and each dated follow-up becomes a follow-up. The reading is kept
on the check-in, with the ids of the contacts it created, so a fix (drop an item, change a
person or a date, an edited answer) undoes exactly what the check-in wrote and writes the
fixed reading afresh. Nothing else is touched: a contact the user already had keeps its card.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import contacts as contacts_db
from db.models import CheckIn, Contact, User
from domain.checkins import QUESTIONS, Question
from domain.contacts import ContactSource, InteractionKind, normalize_name
from domain.followups import FollowupRequest
from domain.reader import read_checkin
from domain.reading import FollowupItem, Person, Reading
from domain.schedule import local_now
from services import contacts, followups, users

MAX_COMPANY_LENGTH = contacts.MAX_COMPANY_LENGTH
# The dates a follow-up without one can be given in one tap, in days from today.
QUICK_DAYS = (1, 3, 7)


@dataclass
class Applied:
    """What writing a reading produced: the contacts it resolved (for merge offers) and the
    follow-ups it set, with their items."""

    reading: Reading
    resolved: list[contacts.Resolved] = field(default_factory=list)
    set_followups: list[tuple[FollowupItem, followups.NewFollowup]] = field(default_factory=list)


def stored(checkin: CheckIn) -> Reading:
    """The reading kept on the check-in (empty for one from before the reader)."""
    return Reading.from_json((checkin.reading or {}).get("reading"))


def _created(checkin: CheckIn) -> list[int]:
    return [int(cid) for cid in (checkin.reading or {}).get("created", [])]


async def read(
    session: AsyncSession,
    user: User,
    answers: dict[Question, str | None],
    now: datetime,
    known: list[tuple[int, str]] | None = None,
) -> Reading:
    """The four answers read against the user's contacts (`known`, when already loaded), in
    their local wall clock and their language."""
    if known is None:
        known = await contacts_db.names(session, user.id)
    texts = [answers.get(q) for q in QUESTIONS]
    names = [name for _, name in known]
    return read_checkin(texts, names, local_now(now, users.zone(user)), user.language)


async def write(
    session: AsyncSession,
    user: User,
    checkin: CheckIn,
    reading: Reading,
    now: datetime,
    known: list[tuple[int, str]] | None = None,
) -> Applied:
    """Write `reading` as the check-in's effects, replacing whatever it wrote before. `known`
    is the user's (id, name) list when the caller loaded it to read the answers."""
    made_before = set(_created(checkin))
    await checkins_db.clear_effects(session, checkin.id)
    settled = await checkins_db.settled_followup_contacts(session, checkin.id)
    applied = Applied(reading)
    if known is None:
        known = await contacts_db.names(session, user.id)
    day = checkin.local_date
    by_key: dict[str, Contact] = {}
    created: list[int] = []
    for person in reading.people:
        if person.choices:
            continue  # which contact is asked about first
        resolved = await contacts.resolve(
            session, user.id, person.name, ContactSource.CHECKIN, now, known
        )
        if resolved.created:
            created.append(resolved.contact.id)
        if person.contact or person.choices or _chosen_new(person):
            resolved.similar = []  # the user already said who this is
        _describe(resolved.contact, person)
        by_key[person.key] = resolved.contact
        if person.met:
            await contacts_db.add_interaction(
                session,
                user_id=user.id,
                contact=resolved.contact,
                kind=InteractionKind.MET,
                happened_on=day,
                now=now,
                two_way=True,
                channel=person.channel,
                checkin_id=checkin.id,
            )
        applied.resolved.append(resolved)
    for kind, exchanges in (
        (InteractionKind.GIVE, reading.gives),
        (InteractionKind.ASK, reading.asks),
    ):
        for exchange in exchanges:
            await contacts_db.add_interaction(
                session,
                user_id=user.id,
                contact=by_key.get(normalize_name(exchange.person or "")),
                kind=kind,
                happened_on=day,
                now=now,
                note=exchange.text,
                checkin_id=checkin.id,
            )
    for item in reading.followups:
        contact = by_key.get(normalize_name(item.person))
        if item.day is None or contact is None:
            continue  # asked about in the summary
        if contact.id in settled:
            continue  # already done (or dropped) from a nudge: a rewrite does not revive it
        request = FollowupRequest(contact.name, item.when_text or "", item.note, item.day, item.at)
        resolved = contacts.Resolved(contact, created=False)
        new = await followups.add(
            session, user, request, ContactSource.CHECKIN, now,
            resolved=resolved, checkin_id=checkin.id,
        )  # fmt: skip
        applied.set_followups.append((item, new))
    used = {contact.id for contact in by_key.values()}
    await checkins_db.delete_unused_contacts(session, user.id, made_before - used)
    created += sorted(made_before & used)  # still this check-in's to delete if dropped later
    checkin.reading = _stored_json(reading, created)
    return applied


def _stored_json(reading: Reading, created: list[int]) -> dict[str, Any]:
    return {"reading": reading.to_json(), "created": created}


def _chosen_new(person: Person) -> bool:
    return person.contact == ""


def _describe(contact: Contact, person: Person) -> None:
    """A company or role said in passing fills the card, never overwrites it."""
    if person.company and not contact.company:
        contact.company = person.company[:MAX_COMPANY_LENGTH]
    if person.role and not contact.role:
        contact.role = person.role[:MAX_COMPANY_LENGTH]


# --- fixes from the summary's buttons --------------------------------------------------------


def drop(reading: Reading, kind: str, index: int) -> Reading | None:
    """The reading without one item (kind: person, give, ask, followup); None if no such.
    Dropping a person drops what was theirs: their gives, asks and follow-ups."""
    if kind == "person":
        if not 0 <= index < len(reading.people):
            return None
        gone = reading.people[index].key

        def theirs(name: str | None) -> bool:
            return normalize_name(name or "") == gone

        return _bumped(
            replace(
                reading,
                people=reading.people[:index] + reading.people[index + 1 :],
                gives=tuple(e for e in reading.gives if not theirs(e.person)),
                asks=tuple(e for e in reading.asks if not theirs(e.person)),
                followups=tuple(f for f in reading.followups if not theirs(f.person)),
            )
        )
    items = _items(reading, kind)
    if not 0 <= index < len(items):
        return None
    return _bumped(replace(reading, **{_FIELDS[kind]: items[:index] + items[index + 1 :]}))


def rename(reading: Reading, index: int, name: str) -> Reading | None:
    """Person `index` is someone else: `name` (a contact's, or new)."""
    if not 0 <= index < len(reading.people):
        return None
    old = reading.people[index]
    renamed = reading.renamed(old.name, name)
    if normalize_name(name) == old.key:  # "someone new" with the same name
        people = tuple(
            replace(p, choices=(), contact="") if p.key == old.key else p for p in renamed.people
        )
        renamed = replace(renamed, people=people)
    return _bumped(renamed)


def set_date(reading: Reading, index: int, day: date) -> Reading | None:
    """Follow-up `index` is due on `day` (at its time of day, if it had one)."""
    if not 0 <= index < len(reading.followups):
        return None
    item = reading.followups[index]
    fixed = replace(item, day=day, options=(), past=False)
    followups_now = list(reading.followups)
    followups_now[index] = fixed
    return _bumped(replace(reading, followups=tuple(followups_now)))


def quick_day(today: date, days: int) -> date:
    return today + timedelta(days=days)


_FIELDS = {"person": "people", "give": "gives", "ask": "asks", "followup": "followups"}


def _items(reading: Reading, kind: str) -> tuple[Any, ...]:
    return getattr(reading, _FIELDS[kind]) if kind in _FIELDS else ()


def _bumped(reading: Reading) -> Reading:
    return replace(reading, version=reading.version + 1)
