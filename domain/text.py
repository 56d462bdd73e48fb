"""Cleaning what people type: one policy for every entry point.

A name typed in a check-in, in /contact, /followup, /gave or /asked, or read from an imported
file goes through the same `clean_text`, so the same person always gets the same matching key
(a Persian name with a zero-width non-joiner, `Mehr‌dad`, stays one contact). Notes after a name
("Sally on Friday — send the slides") are split off by the same `split_note` everywhere.
"""

import re
import unicodedata

# Zero-width (non-)joiners are invisible but meaningful: Persian and Indic names and emoji
# sequences need them. Every other format or control character is dropped (zero-width spaces,
# direction overrides, byte order marks), because it only hides what a text really says.
JOINERS = frozenset({"\u200c", "\u200d"})
# Letters that render as nothing; people use them to fake an empty name.
_BLANK_LETTERS = frozenset({"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"})
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_LINE_BREAKS = "\n\r\u2028\u2029\x85\x0b\x0c"

# Between a head and its note: " - ", an em or en dash, "--", or a colon that ends a word
# ("Sally: the slides"), never the colon inside a time such as 10:30.
_NOTE_SEPARATOR = re.compile(r"\s+-(?:\s+|$)|\s*[—–]\s*|\s*--\s*|:(?:\s+|$)")


def clean_text(raw: str, max_length: int | None = None, *, multiline: bool = False) -> str | None:
    """NFC text without control or invisible characters, whitespace collapsed; None if empty.

    One line unless `multiline` (then line breaks stay, one per line, blank lines dropped).
    Cut to `max_length` characters when given.
    """
    lines = _clean_lines(raw) if multiline else [_clean_line(raw)]
    text = "\n".join(line for line in lines if line)
    if max_length is not None:
        text = text[:max_length].rstrip().strip("".join(JOINERS))
    return text or None


def split_note(text: str) -> tuple[str, str | None]:
    """(head, note) around the first note separator; note is None when there is none, and ""
    when the separator ends the text ("Sally:")."""
    parts = _NOTE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 1:
        return text.strip(), None
    return parts[0].strip(), parts[1].strip()


def _clean_lines(raw: str) -> list[str]:
    normalized = "".join("\n" if char in _LINE_BREAKS else char for char in raw)
    return [_clean_line(line) for line in normalized.split("\n")]


def _clean_line(raw: str) -> str:
    if raw.isascii() and raw.isprintable():  # the common case: nothing to drop
        return " ".join(raw.split())
    kept = []
    for char in unicodedata.normalize("NFC", raw):
        if char in _BLANK_LETTERS or char in _LINE_BREAKS or char == "\t":
            kept.append(" ")
        elif char in JOINERS or unicodedata.category(char) not in _DROPPED_CATEGORIES:
            kept.append(char)
    return " ".join("".join(kept).split()).strip("".join(JOINERS))
