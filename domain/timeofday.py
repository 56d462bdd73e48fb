"""Reading and writing the check-in time of day, as people type it in a chat."""

import re
from datetime import time

from domain.lexicons import ENGLISH, argument_glossary, is_english

_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2})|h)?\s*(?:(?P<meridiem>[ap])\.?m\.?)?"
)
_WORDS = {"noon": time(12, 0), "midnight": time(0, 0)}
# In another language, the words around a time once glossed: "a las 18:00", "um 18 Uhr",
# "в 18 часов", "às 18h" ("às" is "to" in an argument: "das 22h às 7h").
_BEFORE = frozenset({"at", "to"})
_AFTER = frozenset({"o'clock"})


def parse_time_of_day(text: str, language: str = ENGLISH) -> time | None:
    """Read `18:00`, `8:05`, `18.30`, `18h30`, `6pm`, `6:30 PM`, `9`; None if unreadable. In
    the user's `language` too ("a las 18:00", "18 Uhr", "в 18:00", "mediodía")."""
    found = _read(text)
    if found is None and not is_english(language):
        words = argument_glossary(language).gloss(text).split()
        while words and words[0] in _BEFORE:
            words.pop(0)
        while words and words[-1] in _AFTER:
            words.pop()
        found = _read(" ".join(words))
    return found


def _read(text: str) -> time | None:
    """A time of day as the English readers know it."""
    normalized = " ".join(text.casefold().split())
    if normalized in _WORDS:
        return _WORDS[normalized]
    match = _TIME.fullmatch(normalized)
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["meridiem"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["meridiem"] == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def format_time(t: time) -> str:
    """`HH:MM`, the form every reply uses."""
    return f"{t.hour:02d}:{t.minute:02d}"
