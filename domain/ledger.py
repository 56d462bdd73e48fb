"""The give/ask ledger (principle 5): reading "/gave Sally Jones an intro to Priya"."""

from domain.contacts import clean_display_name, normalize_name
from domain.lexicon import COMMON_WORDS, PERSON_CUES
from domain.lexicons import ENGLISH, glossary
from domain.reader import read_exchange_text
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


def read_name_and_what(
    text: str, known_names: list[str], language: str = ENGLISH
) -> tuple[str, str] | None:
    """(name, what) from "<name> <what>", or from a sentence that names the person anywhere:
    "/gave sent Sally Jones the article" is a give to Sally Jones (the check-in's reader, in
    the user's language: "/gave le pasé a Lucía el artículo"). None when nobody is named."""
    parts = split_name_and_what(text, known_names)
    separated = split_note(" ".join(text.split()))[1] is not None  # "Old Friend: a book"
    if parts is not None and (separated or not starts_like_a_sentence(parts[0], language)):
        return parts
    exchange = read_exchange_text(" ".join(text.split()), known_names, language)
    if exchange is None or exchange.person is None:
        return None
    return _pair(exchange.person, exchange.text)


def starts_like_a_sentence(name: str, language: str = ENGLISH) -> bool:
    """A "name" whose first word is a verb or a filler ("sent Sally", "ping João", "le pasé")
    is a sentence about someone, not their name."""
    first = name.split(maxsplit=1)[0].casefold() if name.split() else ""
    first = glossary(language).english(first) or first
    return first in COMMON_WORDS or first in PERSON_CUES


def _pair(name: str, what: str) -> tuple[str, str] | None:
    clean_name = clean_display_name(name)
    what = what.strip()[:MAX_WHAT_LENGTH]
    return (clean_name, what) if clean_name and what else None
