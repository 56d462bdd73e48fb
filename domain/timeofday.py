"""Reading and writing the check-in time of day, as people type it in a chat."""

import re
from datetime import time

_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2})|h)?\s*(?:(?P<meridiem>[ap])\.?m\.?)?"
)
_WORDS = {"noon": time(12, 0), "midnight": time(0, 0)}


def parse_time_of_day(text: str) -> time | None:
    """Read `18:00`, `8:05`, `18.30`, `18h30`, `6pm`, `6:30 PM`, `9`; None if unreadable."""
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
