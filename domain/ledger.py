"""The give/ask ledger (principle 5): reading "/gave Sally Jones an intro to Priya"."""

import re

from domain.contacts import clean_display_name, normalize_name

MAX_WHAT_LENGTH = 500
_SEPARATOR = re.compile(r"\s*(?:[:—–]|\s-\s)\s*")
_MAX_NAME_WORDS = 4


def split_name_and_what(text: str, known_names: list[str]) -> tuple[str, str] | None:
    """(name, what) from "<name> <what>"; None if either part is missing.

    An explicit separator wins ("Sally Jones: an intro"); else the longest run of leading words
    that is a known contact; else the leading capitalised words ("Sally Jones an intro").
    """
    text = " ".join(text.split())
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2:
        return _pair(parts[0], parts[1])
    words = text.split(" ")
    known = {normalize_name(name) for name in known_names}
    for count in range(min(len(words) - 1, _MAX_NAME_WORDS), 0, -1):
        if normalize_name(" ".join(words[:count])) in known:
            return _pair(" ".join(words[:count]), " ".join(words[count:]))
    count = 1
    while count < min(len(words) - 1, _MAX_NAME_WORDS) and words[count][:1].isupper():
        count += 1
    return _pair(" ".join(words[:count]), " ".join(words[count:]))


def _pair(name: str, what: str) -> tuple[str, str] | None:
    clean_name = clean_display_name(name)
    what = what.strip()[:MAX_WHAT_LENGTH]
    return (clean_name, what) if clean_name and what else None
