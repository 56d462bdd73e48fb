"""Networking days as a 7-bit mask: Monday is bit 0 … Sunday is bit 6 (written out by
`bot.presenters.common.format_days`).

One small integer fits a database column, and "is this a networking day?" becomes a bit test.
"""

import re
from datetime import date
from functools import cache

from domain.lexicons import ENGLISH, argument_glossary, is_english

# The one weekday table: every reader of a typed weekday (/days, /followup, the check-in's
# follow-up answer) goes through `weekday_index`, which accepts a name or any prefix of it.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# In a list of days (/days tu,th) two letters are enough. In free text a two-letter word is
# too often a surname ("Anna Su", "Mo"), so there a weekday needs three letters ("tue", "thu").
LIST_MIN_LETTERS = 2
FREE_TEXT_MIN_LETTERS = 3

MON_FRI = 0b0011111
WEEKENDS = 0b1100000
EVERY_DAY = 0b1111111

_WORDS = {
    "everyday": EVERY_DAY,
    "daily": EVERY_DAY,
    "all": EVERY_DAY,
    "weekdays": MON_FRI,
    "weekday": MON_FRI,
    "workdays": MON_FRI,
    "weekends": WEEKENDS,
    "weekend": WEEKENDS,
}
_RANGE_WORDS = re.compile(r"\s*(?:[-–—]|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*")
_SEPARATORS = re.compile(r"[\s,;/&+]+")
_FILLERS = frozenset({"", "and", "days", "from", "the", "on"})
_APART = re.compile(r"([-–—,;/&+])")  # in another language, glossed word by word


def is_networking_day(mask: int, day: date) -> bool:
    """Whether `day` (a local date) is in the mask."""
    return bool(mask & (1 << day.weekday()))


def toggle(mask: int, weekday_index: int) -> int:
    """Flip one day (0 = Monday) in or out of the mask."""
    if not 0 <= weekday_index < len(WEEKDAY_NAMES):
        raise ValueError(f"weekday index must be 0..6, got {weekday_index}")
    return mask ^ (1 << weekday_index)


def parse_days(text: str, language: str = ENGLISH) -> int | None:
    """Read days like `mon-fri`, `Mon, Wed, Fri`, `weekends`, `fri-mon`; None if unreadable.
    In the user's `language` too ("lun-vie", "Mo-Fr", "seg a sex", "пн-пт"), English always."""
    mask = _read_days(text, ENGLISH)
    if mask is None and not is_english(language):
        apart = _APART.sub(r" \1 ", text.casefold().replace(".", ""))
        mask = _read_days(argument_glossary(language).gloss(apart), language)
    return mask


def _read_days(text: str, language: str) -> int | None:
    """Days in English words; a word left as typed may be a weekday of `language` ("mier")."""
    normalized = " ".join(text.casefold().replace(".", "").split())
    normalized = _RANGE_WORDS.sub("-", normalized.replace("every day", "everyday"))
    mask = 0
    for token in _SEPARATORS.split(normalized):
        if token in _FILLERS:
            continue
        token_mask = _token_mask(token, language)
        if token_mask is None:
            return None
        mask |= token_mask
    return mask or None


def _token_mask(token: str, language: str) -> int | None:
    """The mask for one word, day name or `a-b` range (wrapping past Sunday)."""
    if token in _WORDS:
        return _WORDS[token]
    first, dash, last = token.partition("-")
    start = weekday_index(first, language=language)
    end = weekday_index(last if dash else first, language=language)
    if start is None or end is None:
        return None
    return sum(1 << ((start + offset) % 7) for offset in range((end - start) % 7 + 1))


def weekday_index(
    word: str, *, min_letters: int = LIST_MIN_LETTERS, language: str = ENGLISH
) -> int | None:
    """0..6 for a weekday name or a prefix of it (`tu`, `tues`, `thurs`), case-insensitive;
    None for anything else or a prefix shorter than `min_letters`. In another `language`, an
    English name first, then a prefix of one day's names in that language ("mier", "четв")."""
    word = word.casefold()
    if len(word) < min_letters:
        return None
    found = next((i for i, name in enumerate(WEEKDAY_NAMES) if name.startswith(word)), None)
    if found is None and not is_english(language):
        days = {i for name, i in _day_names(language) if name.startswith(word)}
        found = days.pop() if len(days) == 1 else None
    return found


@cache
def _day_names(language: str) -> tuple[tuple[str, int], ...]:
    """A language's weekday names and abbreviations, each with its day (from its glossary)."""
    words = argument_glossary(language)
    return tuple((name, i) for i, day in enumerate(WEEKDAY_NAMES) for name in words.spellings(day))
