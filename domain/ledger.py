"""The give/ask ledger (principle 5): reading "/gave Sally Jones an intro to Priya"."""

from domain.contacts import clean_display_name, normalize_name
from domain.text import split_note

MAX_WHAT_LENGTH = 500
_MAX_NAME_WORDS = 4


def split_name_and_what(text: str, known_names: list[str]) -> tuple[str, str] | None:
    """(name, what) from "<name> <what>"; None if either part is missing.

    An explicit separator wins ("Sally Jones: an intro", "Sally — an intro": `split_note`); else
    the longest run of leading words that is a known contact; else the leading capitalised words
    ("Sally Jones an intro"). A time such as 10:30 is never a separator.
    """
    text = " ".join(text.split())
    head, what = split_note(text)
    if what is not None:
        return _pair(head, what)
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
