"""Reading quiet hours as people type them: "/quiet 22:00-07:00", "22-7", "10pm-7am",
"22:00 to 07:00", or "off"; in the user's language too ("de 22:00 a 07:00", "aus", "выкл")
through its argument glossary (`domain.lexicons`), English always. What quiet hours mean is
`domain.attention.QuietHours`."""

import re
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from domain.attention import DEFAULT_QUIET_END, DEFAULT_QUIET_START, QuietHours
from domain.lexicons import ENGLISH, argument_glossary, is_english
from domain.timeofday import parse_time_of_day

# The buttons in /settings and /quiet, the default first.
PRESETS: tuple[QuietHours, ...] = (
    QuietHours(DEFAULT_QUIET_START, DEFAULT_QUIET_END),  # 21:00–08:00
    QuietHours(time(22, 0), time(7, 0)),
    QuietHours(time(23, 0), time(7, 0)),
    QuietHours(time(20, 0), time(9, 0)),
)
_OFF = frozenset({"off", "none", "no", "never", "disable", "disabled", "nothing"})
_RANGE = re.compile(
    r"(?:from\s+)?(?P<start>.+?)\s*(?:[-–—~]+|\bto\b|\buntil\b|\btill\b|\btil\b)\s*(?P<end>.+)"
)


class QuietProblem(StrEnum):
    UNREADABLE = "unreadable"  # not two times, nor "off"
    EMPTY = "empty"  # the start is the end: no hours at all


@dataclass(frozen=True)
class QuietRequest:
    hours: QuietHours | None  # None: no quiet hours


def parse_quiet_hours(text: str, language: str = ENGLISH) -> QuietRequest | QuietProblem:
    """Two times of day (any form `parse_time_of_day` reads) joined by a dash, "to" or
    "until", optionally after "from"; the span may cross midnight. "off" switches them off.
    `language` is the user's language code."""
    request = _read(text)
    if request is QuietProblem.UNREADABLE and not is_english(language):
        request = _read(argument_glossary(language).gloss(text))
    return request


def _read(text: str) -> QuietRequest | QuietProblem:
    """Quiet hours in English words."""
    cleaned = " ".join(text.casefold().split()).rstrip(".!")
    if cleaned in _OFF:
        return QuietRequest(None)
    match = _RANGE.fullmatch(cleaned)
    if match is None:
        return QuietProblem.UNREADABLE
    start, end = parse_time_of_day(match["start"]), parse_time_of_day(match["end"])
    if start is None or end is None:
        return QuietProblem.UNREADABLE
    if start == end:
        return QuietProblem.EMPTY
    return QuietRequest(QuietHours(start, end))
