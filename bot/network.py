"""The user's network: turning what they tell the bot into contacts, interactions, follow-ups.

Shared by the check-in, /followup, /gave, /asked and /contact, so a name typed anywhere lands
on the same contact (matched case- and accent-insensitively) and a near-miss ("Sally" when
"Sally Jones" exists) is created and then offered for merging, never silently guessed.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db import contacts as contact_queries
from db import followups as followup_queries
from db.models import CheckIn, Contact, Followup, User
from domain.channels import channel_after
from domain.checkin import Question, says_nothing
from domain.contacts import normalize_name, similar_names, split_names
from domain.followups import FollowupRequest, is_pestering, parse_followup
from domain.schedule import local_now, resolve_local
from domain.timezones import get_zone

MAX_NOTE_LENGTH = 500  # followups.note


@dataclass
class Resolved:
    contact: Contact
    created: bool
    similar: list[tuple[int, str]] = field(default_factory=list)  # maybe the same person


@dataclass
class NewFollowup:
    followup: Followup
    resolved: Resolved
    pestering: bool


@dataclass
class CheckinEffects:
    people: list[Resolved] = field(default_factory=list)
    gives: int = 0
    asks: int = 0
    followup: NewFollowup | None = None

    @property
    def maybe_duplicates(self) -> list[Resolved]:
        found = [*self.people, *([self.followup.resolved] if self.followup else [])]
        return [r for r in found if r.created and r.similar]


async def resolve(
    session: AsyncSession,
    user_id: int,
    name: str,
    source: str,
    now: datetime,
    known: list[tuple[int, str]] | None = None,
) -> Resolved:
    """The contact called `name`, created if new (with any similar names to ask about).

    `known` is the user's (id, name) list when the caller already loaded it; a contact created
    here is appended to it, so one list serves several names.
    """
    existing = await contact_queries.find_by_name(session, user_id, name)
    if existing is not None:
        return Resolved(existing, created=False)
    if known is None:
        known = await contact_queries.names(session, user_id)
    similar = similar_names(name, known)
    contact = contact_queries.new_contact(user_id, name, source, now)
    session.add(contact)
    await session.flush()
    known.append((contact.id, contact.name))
    return Resolved(contact, created=True, similar=similar)


async def mentioned(
    session: AsyncSession, known: list[tuple[int, str]], text: str
) -> Contact | None:
    """A known contact named in free text ("sent Sally Jones the article"): the full name, or
    a first name that only one contact has. None rather than a guess."""
    words = f" {normalize_name(text)} "
    keys = {cid: normalize_name(name) for cid, name in known}
    found = [cid for cid, key in keys.items() if key and f" {key} " in words]
    if not found:
        found = [cid for cid, key in keys.items() if key and f" {key.split()[0]} " in words]
    return await session.get(Contact, found[0]) if len(found) == 1 else None


def due_instant(user: User, request: FollowupRequest) -> datetime:
    """The follow-up's UTC instant: its date at its time, or at the user's check-in time."""
    return resolve_local(
        request.due_date, request.due_time or user.checkin_time, get_zone(user.timezone)
    )


async def add_followup(
    session: AsyncSession,
    user: User,
    request: FollowupRequest,
    source: str,
    now: datetime,
    known: list[tuple[int, str]] | None = None,
) -> NewFollowup:
    resolved = await resolve(session, user.id, request.name, source, now, known)
    followup = await followup_queries.create(
        session,
        user_id=user.id,
        contact_id=resolved.contact.id,
        note=request.note[:MAX_NOTE_LENGTH] if request.note else None,
        due_at=due_instant(user, request),
        now=now,
    )
    pestering = is_pestering(await followup_queries.count_since_reply(session, resolved.contact.id))
    return NewFollowup(followup, resolved, pestering)


def today_for(user: User, now: datetime) -> date:
    return local_now(now, get_zone(user.timezone)).date()


async def record_checkin(
    session: AsyncSession,
    user: User,
    checkin: CheckIn,
    answers: dict[Question, str | None],
    now: datetime,
) -> CheckinEffects:
    """Feed a completed check-in into contacts, the give/ask ledger and follow-ups."""
    effects = CheckinEffects()
    day = checkin.local_date
    known = await contact_queries.names(session, user.id)  # loaded once for every name
    who = answers.get(Question.WHO)
    for name in split_names(who or ""):
        resolved = await resolve(session, user.id, name, "checkin", now, known)
        channel = channel_after(name, who or "")
        await contact_queries.add_interaction(
            session,
            user_id=user.id,
            contact=resolved.contact,
            kind="met",
            happened_on=day,
            now=now,
            two_way=True,
            channel=channel.value if channel else None,
            checkin_id=checkin.id,
        )
        effects.people.append(resolved)
    for question, kind in ((Question.GAVE, "give"), (Question.ASK, "ask")):
        text = answers.get(question)
        if text is None or says_nothing(text):
            continue
        await contact_queries.add_interaction(
            session,
            user_id=user.id,
            contact=await mentioned(session, known, text),
            kind=kind,
            happened_on=day,
            now=now,
            note=text,
            checkin_id=checkin.id,
        )
        if kind == "give":
            effects.gives += 1
        else:
            effects.asks += 1
    followup_text = answers.get(Question.FOLLOWUP)
    if followup_text and not says_nothing(followup_text):
        result = parse_followup(followup_text, now_local=local_now(now, get_zone(user.timezone)))
        if isinstance(result, FollowupRequest):
            effects.followup = await add_followup(session, user, result, "checkin", now, known)
    return effects
