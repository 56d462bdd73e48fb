"""The rule-based English reader: the four check-in answers in, one `Reading` out.

People are found by the words around them, not by a list of names: a capitalised run of
words after a cue ("coffee with", "emailed", "Ping"), as a list item ("1. Kate Wilson -
coffee"), or at the head of a follow-up ("Nadia on Thursday: …"); a lower-case word only
after a strong cue ("emailed george") or when a contact has that name. "from Stripe",
"(data lead at Zalando)" are a company and role, never people; "my neighbour" or "the PyData
meetup" are nobody. Precision first: missing a person costs less than inventing one.

A first name alone is the full name said elsewhere in the same check-in, or the one contact
with that first name; with several such contacts the `Person` carries them as `choices`.
Dates go through `domain.dates` in the user's local wall clock; what cannot be read is left
for the caller to ask about. Pure: no database, no network, no clock but `now_local`.
"""

from collections.abc import Sequence
from datetime import datetime

from domain.lexicons import ENGLISH, glossary
from domain.reader.items import exchanges, read_followups
from domain.reader.names import people_of, resolve
from domain.reader.people import Known, find_people
from domain.reader.tokens import ASK, GAVE, Mention, parse_answer
from domain.reading import Exchange, FollowupItem, Reading


def read_checkin(
    answers: Sequence[str | None],
    contacts: Sequence[str],
    now_local: datetime,
    language: str = ENGLISH,
) -> Reading:
    """Everything the four answers say. `contacts` are the user's contacts' names; `now_local`
    the user's local wall clock (aware or naive), for dates; `language` the user's language
    code (English for one the reader does not know, see `domain.lexicons`)."""
    words = glossary(language)
    parsed = [parse_answer(i, text, words) for i, text in enumerate(answers[:4])]
    known = Known(contacts)
    mentions: list[Mention] = []
    for answer in parsed:
        mentions.extend(find_people(answer, known, mentions))
    resolve(mentions, known)
    people = people_of(mentions, known)
    gives = exchanges(parsed, GAVE, mentions)
    asks = exchanges(parsed, ASK, mentions)
    followups = read_followups(parsed, mentions, now_local.replace(tzinfo=None))
    return Reading(tuple(people), tuple(gives), tuple(asks), tuple(followups))


def read_followup_text(
    text: str, contacts: Sequence[str], now_local: datetime, language: str = ENGLISH
) -> tuple[FollowupItem, ...]:
    """The follow-ups in one free text (/followup ping João next Tuesday about the intro)."""
    return read_checkin(["", "", "", text], contacts, now_local, language).followups


def read_exchange_text(
    text: str, contacts: Sequence[str], language: str = ENGLISH
) -> Exchange | None:
    """The give or ask in one free text (/gave sent Sally the article): its person and text."""
    reading = read_checkin(["", text, "", ""], contacts, datetime(2000, 1, 1), language)
    return reading.gives[0] if reading.gives else None
