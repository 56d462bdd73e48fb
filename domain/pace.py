"""The pace of networking (principle 1): dig the well before you are thirsty.

Someone searching networks on most days; someone employed keeps a lighter maintenance pace,
never zero. Switching mode proposes that mode's days; the user decides.
"""

from enum import StrEnum

from domain.lexicons import ENGLISH, argument_glossary, is_english
from domain.weekdays import MON_FRI

TUE_THU = 0b0001010


class Mode(StrEnum):
    SEARCHING = "searching"  # looking for the next role: a daily pace
    EMPLOYED = "employed"  # in a role: keep the network warm, two days a week


DEFAULT_DAYS: dict[Mode, int] = {Mode.SEARCHING: MON_FRI, Mode.EMPLOYED: TUE_THU}
DEFAULT_REVIEW_DAY = 4  # Friday: look back on the week before the weekend

# What someone may type when asked which pace fits (the onboarding question), as whole answers.
_MODE_ANSWERS: dict[Mode, frozenset[str]] = {
    Mode.SEARCHING: frozenset(
        {"searching", "job-searching", "job searching", "search", "looking", "job hunting"}
    ),
    Mode.EMPLOYED: frozenset({"employed", "working", "in a job", "in a role", "i have a job"}),
}


def parse_mode(text: str, language: str = ENGLISH) -> Mode | None:
    """The mode a typed answer names ("searching", "employed", …; "buscando", "angestellt" in
    the user's `language`); None if it names neither."""
    cleaned = " ".join(text.casefold().split()).strip(".!")
    if not is_english(language) and not any(cleaned in words for words in _MODE_ANSWERS.values()):
        cleaned = argument_glossary(language).gloss(cleaned)
    return next((mode for mode, words in _MODE_ANSWERS.items() if cleaned in words), None)


def days_to_propose(current: Mode, chosen: Mode, days: int) -> int | None:
    """Switching pace proposes the new mode's default days (the user decides); None when the
    mode stays the same or the user's days already are those."""
    if chosen == current or days == DEFAULT_DAYS[chosen]:
        return None
    return DEFAULT_DAYS[chosen]
