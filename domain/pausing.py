"""Reading how long a pause should last: "/pause 5 days", "/pause 2 weeks", "/pause until
2026-12-28", "/pause until friday", or "/pause until I say"; in the user's language too
("/pause 1 semana", "/pause bis Freitag", "/pause пока не скажу") through its argument
glossary (`domain.lexicons`), English always."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.dates import read_when
from domain.lexicons import ENGLISH, argument_glossary, is_english

MAX_PAUSE_DAYS = 366
PRESET_DAYS = (3, 7, 14)  # the buttons; 0 means until the user says so
_OPEN = re.compile(r"(?:until|till|til) (?:i say|i'm back|further notice)|indefinitely|open")
_UNTIL = re.compile(r"(?:until|till|til|to)\s+(?P<when>.+)")
_FOR = re.compile(r"(?:for\s+)?(?P<amount>.+)")


class PauseProblem(StrEnum):
    UNREADABLE = "unreadable"
    PAST = "past"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class PauseRequest:
    ends_on: date | None  # the day the user is back; None: until they say so


def parse_pause(
    text: str, now_local: datetime, language: str = ENGLISH
) -> PauseRequest | PauseProblem:
    """A pause from today; `now_local` is the user's wall clock (naive or aware), `language`
    the user's language code."""
    request = _read(text, now_local)
    if request is PauseProblem.UNREADABLE and not is_english(language):
        words = argument_glossary(language)
        request = _read(words.gloss(text), now_local, words.dateparser, text)
    return request


def _read(
    text: str, now_local: datetime, dateparser: str | None = None, spelled: str | None = None
) -> PauseRequest | PauseProblem:
    """A pause in English words; `dateparser` and `spelled`: the language and words the user
    typed, for what the English readers cannot place."""
    today = now_local.date()
    cleaned = " ".join(text.casefold().replace("’", "'").split()).rstrip(".!")
    if _OPEN.fullmatch(cleaned):
        return PauseRequest(None)
    if cleaned.isdigit():
        cleaned = f"{cleaned} days"  # "/pause 5"
    until = _UNTIL.fullmatch(cleaned)
    if until:
        phrase = until["when"]
    else:
        amount = _FOR.fullmatch(cleaned)
        phrase = f"in {amount['amount']}" if amount else cleaned
    when = read_when(phrase, now_local.replace(tzinfo=None), language=dateparser, spelled=spelled)
    if when is None or len(when.days) != 1:
        return PauseProblem.UNREADABLE
    ends_on = when.days[0]
    if until is None and ends_on == today:
        return PauseProblem.UNREADABLE
    if ends_on <= today:
        return PauseProblem.PAST
    if ends_on > today + timedelta(days=MAX_PAUSE_DAYS):
        return PauseProblem.TOO_LONG
    return PauseRequest(ends_on)
