"""Contacts: who the user networks with, how a name becomes a matching key, and how warm it is.

The coach counts relationships, not names (principle 3), and watches who the user reaches
(principle 2) and how (principle 9). People type the same name many ways ("José Núñez",
"jose nunez"), so matching uses a normalised key and offers near matches instead of silently
creating duplicates. Everything here is pure: no database, no Telegram.
"""

import unicodedata
from collections.abc import Iterable
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum

from domain.text import JOINERS, clean_text


class Tier(StrEnum):
    DECISION_MAKER = "decision_maker"
    INSIDER = "insider"  # works where the user wants to work
    CONNECTOR = "connector"
    PEER = "peer"


# Who can open doors: people who hire, decide or connect (principle 2).
HIGH_LEVERAGE_TIERS = frozenset({Tier.DECISION_MAKER, Tier.INSIDER, Tier.CONNECTOR})

# How often to get back in touch by default, in days. Insiders are the shortest path to a
# referral, so every three weeks; decision-makers are busy, so monthly keeps the user visible
# without pestering (principle 8); connectors pay off over time, every six weeks; peers matter
# least for the goal, every two months. Never "never": the well is dug before the thirst.
DEFAULT_KEEP_IN_TOUCH_DAYS: dict[Tier, int] = {
    Tier.DECISION_MAKER: 30,
    Tier.INSIDER: 21,
    Tier.CONNECTOR: 45,
    Tier.PEER: 60,
}


class Channel(StrEnum):
    IN_PERSON = "in_person"
    CALL = "call"  # phone or video
    MESSAGE = "message"


class ContactSource(StrEnum):
    """Where a contact first came from."""

    CHECKIN = "checkin"
    FOLLOWUP = "followup"
    LEDGER = "ledger"
    MANUAL = "manual"
    IMPORT = "import"


class InteractionKind(StrEnum):
    MET = "met"  # a conversation (from the check-in)
    FOLLOWUP = "followup"  # the user followed up
    REPLY = "reply"  # they answered
    GIVE = "give"
    ASK = "ask"


MAX_NAME_LENGTH = 100

# Interactions older than this hardly count towards warmth, so ranking ignores them.
WARMTH_WINDOW_DAYS = 180
# Warmth halves every this many days; a two-way interaction counts this many times a one-way one.
WARMTH_HALF_LIFE_DAYS = 30
TWO_WAY_WEIGHT = 2.0

SIMILARITY_THRESHOLD = 0.85  # difflib ratio between two keys for "probably the same person"
_SUBSET_SCORE = 0.9  # "Sally" vs "Sally Jones": one name is the other with words left out


def clean_display_name(raw: str) -> str | None:
    """A name as it is shown back: cleaned text of at most MAX_NAME_LENGTH characters."""
    return clean_text(raw, MAX_NAME_LENGTH)


def normalize_name(name: str) -> str:
    """The matching key: accents stripped, casefolded, words without punctuation at their ends
    ("J. O'Brien" → "j o'brien") and one space between them. Zero-width joiners do not count:
    "Mehr‌dad" typed with or without one is the same person.

    Only marks that come from decomposing a precomposed letter are dropped (é → e, ñ → n,
    й → и), so scripts written with separate marks (Devanagari vowel signs) keep them.
    """
    if name.isascii():  # the common case, about ten times faster: same key
        words = (word.strip(_ASCII_EDGE_JUNK) for word in name.lower().split())
        return " ".join(word for word in words if word)
    return _normalize_any(name)


def _normalize_any(name: str) -> str:
    """`normalize_name` for any text (the ASCII path must give the same key)."""
    bare = "".join(char for char in name if char not in JOINERS)  # with or without, one key
    words = (_strip_punctuation(word) for word in _strip_accents(bare).casefold().split())
    return " ".join(word for word in words if word)


# The ASCII characters `_is_edge_junk` strips: punctuation (Unicode category P) and spaces.
_ASCII_EDGE_JUNK = "".join(
    chr(code)
    for code in range(128)
    if chr(code).isspace() or unicodedata.category(chr(code)).startswith("P")
)


def similar_names(
    name: str, candidates: Iterable[tuple[int, str]], *, limit: int = 3
) -> list[tuple[int, str]]:
    """Candidates (id, display name) that are probably `name` under another spelling, best first.

    Two kinds count: one name is the other with words left out or shortened to an initial
    ("Sally" / "Sally Jones", "Priya K." / "Priya Kumar"), or the keys are nearly equal
    ("Jon Smith" / "John Smith"). Exact key matches are the same contact and are left out.
    """
    key = normalize_name(name)
    if not key or limit <= 0:
        return []
    tokens = key.split()
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)  # the matcher caches what it learns about seq2
    scored: list[tuple[float, int, str]] = []
    seen: set[int] = set()
    for cid, other in candidates:
        other_key = normalize_name(other)
        if not other_key or other_key == key or cid in seen:
            continue
        score = _SUBSET_SCORE if _token_subset(tokens, other_key.split()) else 0.0
        if score < SIMILARITY_THRESHOLD:
            score = max(score, _close_ratio(matcher, other_key))
        if score >= SIMILARITY_THRESHOLD:
            seen.add(cid)
            scored.append((score, cid, other))
    scored.sort(key=lambda item: (-item[0], item[2].casefold(), item[1]))
    return [(cid, other) for _, cid, other in scored[:limit]]


def days_since(day: date | None, today: date) -> int | None:
    """Whole days from `day` to `today` (negative if `day` is later); None if there is no day."""
    return None if day is None else (today - day).days


def keep_in_touch_due(
    last_interaction: date | None, interval_days: int | None, today: date
) -> bool:
    """Whether it is time to get back in touch: never with no interval set; at once if the
    contact was never reached; otherwise once `interval_days` have passed."""
    if interval_days is None:
        return False
    elapsed = days_since(last_interaction, today)
    return elapsed is None or elapsed >= interval_days


def warmth_score(interactions: Iterable[tuple[date, bool]], today: date) -> float:
    """How warm a relationship is, for sorting: recent and two-way interactions weigh more.

    Each interaction (day, two_way) adds 0.5 ** (age_days / 30), doubled when it was two-way
    (they replied, or you met). Interactions dated in the future count as today's.
    """
    return sum(
        0.5 ** (max(0, (today - day).days) / WARMTH_HALF_LIFE_DAYS)
        * (TWO_WAY_WEIGHT if two_way else 1.0)
        for day, two_way in interactions
    )


def strip_accents(text: str) -> str:
    """`text` without the marks of precomposed letters (é → e, ñ → n), so that keys do not depend
    on whether someone typed the accents; scripts written with separate marks keep them."""
    if text.isascii():
        return text
    letters = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(part for part in decomposed if not unicodedata.combining(part))
        letters.append(base or char)
    return "".join(letters)


def _strip_accents(text: str) -> str:
    """`text` without the marks of precomposed letters (see `normalize_name`)."""
    return strip_accents(text)


def _strip_punctuation(text: str) -> str:
    """`text` without punctuation or spaces at either end."""
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_junk(char: str) -> bool:
    """Punctuation or space, which carries no meaning at the ends of a name."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def _token_subset(tokens: list[str], other: list[str]) -> bool:
    """Whether the shorter list's words all appear, in order, in the longer one, with at least
    one whole word in common; a one-letter word matches any word with that initial."""
    short, long = sorted((tokens, other), key=len)
    if len(short) == len(long) and short != long and not _has_initial(short + long):
        return False
    position = 0
    whole_word = False
    for token in short:
        while position < len(long) and not _same_word(token, long[position]):
            position += 1
        if position == len(long):
            return False
        whole_word = whole_word or (len(token) > 1 and token == long[position])
        position += 1
    return whole_word


def _has_initial(tokens: list[str]) -> bool:
    """Whether any word is a single letter."""
    return any(len(token) == 1 for token in tokens)


def _same_word(a: str, b: str) -> bool:
    """Equal words, or an initial and a word starting with it."""
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _close_ratio(matcher: SequenceMatcher, other_key: str) -> float:
    """The difflib ratio to `other_key`, or 0 when the cheap upper bounds rule it out."""
    matcher.set_seq1(other_key)
    if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
        return 0.0
    if matcher.quick_ratio() < SIMILARITY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def effective_interval(own_days: int | None, tier: str | None) -> int | None:
    """Days between touches: the contact's own (0 = no reminders), else the tier's default."""
    if own_days is not None:
        return own_days or None
    return DEFAULT_KEEP_IN_TOUCH_DAYS[Tier(tier)] if tier else None
