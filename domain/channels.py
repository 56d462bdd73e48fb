"""How an interaction happened, read from the words around a name (principle 9: online only).

"Sally (coffee), Tom (email)": the note after a name says whether it was in person, a call or
a message. Unknown words give no channel rather than a guess.
"""

import re

from domain.contacts import Channel

_WORDS: dict[Channel, tuple[str, ...]] = {
    Channel.IN_PERSON: (
        "coffee", "lunch", "dinner", "breakfast", "drinks", "beer", "met", "meetup", "meeting",
        "event", "conference", "in person", "office", "walk", "party", "workshop", "visit",
    ),
    Channel.CALL: ("call", "called", "phone", "zoom", "video", "teams", "meet", "facetime"),
    Channel.MESSAGE: (
        "email", "e-mail", "mail", "message", "messaged", "dm", "linkedin", "text", "texted",
        "whatsapp", "telegram", "slack", "sms", "chat", "wrote", "note",
    ),
}  # fmt: skip
_PATTERNS = {
    channel: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    for channel, words in _WORDS.items()
}


def channel_in(text: str) -> Channel | None:
    """The channel a short note names; in person wins over a call, a call over a message."""
    for channel in (Channel.IN_PERSON, Channel.CALL, Channel.MESSAGE):
        if _PATTERNS[channel].search(text):
            return channel
    return None


def channel_after(name: str, answer: str) -> Channel | None:
    """The channel in the bracketed note right after `name` in a check-in answer, if any."""
    match = re.search(re.escape(name) + r"\s*\(([^)]*)\)", answer, re.IGNORECASE)
    return channel_in(match[1]) if match else None
