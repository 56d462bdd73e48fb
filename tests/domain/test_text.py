"""One cleaner and one note splitter for everything people type."""

import pytest

from domain.text import clean_text, split_note


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Sally   Jones \n", "Sally Jones"),
        ("Jose\u0301", "José"),  # NFC: a combining accent becomes one letter
        ("Sal\u200bly\u202e", "Sally"),  # zero-width space and a direction override
        ("\u200fשרה כהן\u200f", "שרה כהן"),  # right-to-left marks go, the Hebrew stays
        ("Mehr\u200cdad", "Mehr\u200cdad"),  # the zero-width non-joiner of a Persian name stays
        ("👩\u200d💻 Dev", "👩\u200d💻 Dev"),  # the joiner of an emoji sequence stays
        ("\u200cSally\u200d", "Sally"),  # but not dangling at either end
        ("Tom\x00\x07 Smith", "Tom Smith"),
        ("Ali\tBaba", "Ali Baba"),
        ("\ufeffAnna", "Anna"),  # a byte order mark
        ("\u200d", None),
        ("   ", None),
        ("\u3164", None),  # a Hangul filler that renders as nothing
        ("", None),
    ],
)
def test_clean_text(raw: str, cleaned: str | None) -> None:
    assert clean_text(raw) == cleaned


def test_one_line_unless_multiline() -> None:
    assert clean_text("a\n\n b \r\n c\u2028d") == "a b c d"
    assert clean_text("a\n\n b \r\n c\u2028d", multiline=True) == "a\nb\nc\nd"
    assert clean_text(" \n \u200b\n", multiline=True) is None


def test_cut_to_a_length() -> None:
    assert clean_text("Acme Corporation", 4) == "Acme"
    assert clean_text("a" * 99 + " b", 100) == "a" * 99  # no trailing space after the cut
    assert clean_text("Mehr\u200cdad", 5) == "Mehr"  # no dangling joiner after the cut


@pytest.mark.parametrize(
    ("text", "head", "note"),
    [
        ("Sally on Friday — send the slides", "Sally on Friday", "send the slides"),
        ("Sally on Friday–send the slides", "Sally on Friday", "send the slides"),
        ("Sally on Friday - send the slides", "Sally on Friday", "send the slides"),
        ("Sally on Friday -- send the slides", "Sally on Friday", "send the slides"),
        ("Sally on Friday: send the slides", "Sally on Friday", "send the slides"),
        ("Tom tomorrow 10:30 — call", "Tom tomorrow 10:30", "call"),  # 10:30 is a time
        ("Tom tomorrow 10:30", "Tom tomorrow 10:30", None),
        ("Mary-Jane Smith friday", "Mary-Jane Smith friday", None),  # a hyphenated name
        ("Sally Jones:", "Sally Jones", ""),  # a separator with nothing after it
        ("Sally - ", "Sally", ""),
    ],
)
def test_split_note(text: str, head: str, note: str | None) -> None:
    assert split_note(text) == (head, note)
