"""The rule-based English reader: the four check-in answers in, one `Reading` out.

People are found by the words around them, not by a list of names: a capitalised run of
words after a cue ("coffee with", "emailed", "Ping"), as a list item ("1. Kate Wilson -
coffee"), or at the head of a follow-up ("Nadia on Thursday: …"); a lower-case word only
after a strong cue ("emailed george") or when a contact has that name. "from Stripe",
"(data lead at Zalando)" are a company and role, never people; "my neighbour" or "the PyData
meetup" are nobody. Precision first: missing a person costs less than inventing one.

A first name alone is the full name said elsewhere in the same check-in, or the one contact
with that first name; with several such contacts the `Person` carries them as `choices`.
Dates go through `domain.dates` in the user's local wall clock; what cannot be read is left
for the caller to ask about. Pure: no database, no network, no clock but `now_local`.
"""

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import NamedTuple

from domain.checkins import says_nothing
from domain.contacts import MAX_NAME_LENGTH, Channel, normalize_name
from domain.dates import When, read_when
from domain.lexicon import (
    CALL_WORDS,
    COMMON_WORDS,
    COMPANY_PREPOSITIONS,
    ED_NAMES,
    GENERIC_FOLLOWUP_WORDS,
    IN_PERSON_WORDS,
    LOWERCASE_CUES,
    MESSAGE_WORDS,
    NAME_SUFFIXES,
    NEVER_NAMES,
    NOT_A_CUE,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON_CUES,
    PRONOUNS,
    PRONOUNS_ANY,
    RELATION_WORDS,
    TITLES,
    WORD_NAMES,
)
from domain.reading import Exchange, FollowupItem, Person, Reading
from domain.weekdays import FREE_TEXT_MIN_LETTERS, weekday_index

WHO, GAVE, ASK, FOLLOWUP = range(4)
MAX_NAME_WORDS = 4
MAX_PEOPLE = 12
_MAX_WHEN_WORDS = 8

_LETTER = r"[^\W\d_]"
# Inside a word: combining marks (Devanagari vowel signs, a decomposed accent) and the
# zero-width (non-)joiners Persian and Indic names need.
_MARK = (
    r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    r"\ufe20-\ufe2f\u200c\u200d]"
)
_TOKEN = re.compile(
    r"(?P<brk>\n)"
    rf"|(?P<word>w/|{_LETTER}(?:{_LETTER}|{_MARK}|['’](?={_LETTER})|-(?={_LETTER}))*\.?)"
    r"|(?P<num>\d{1,2}\.\d{1,2}\.(?!\d)|\d+(?:[:/.\-]\d+)*(?:st|nd|rd|th|am|pm|h)?)"
    r"|(?P<punct>[^\w\s])"
)
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", "\n"})
_BULLETS = frozenset({"-", "•", "*", "–", "—", "·", "+", ">"})
_LIST_JOINERS = frozenset({",", "and", "&", "+", "/"})
_NOTE_OPENERS = frozenset({"(", "-", "–", "—", ":", "[", ","})
# A word that may start a "when" ("on Friday", "in 3 days", "next Tuesday", "Dec 3").
_WHEN_STARTS = frozenset(
    {
        "on", "by", "in", "next", "this", "the", "end", "early", "tomorrow", "tmrw", "today",
        "tonight", "yesterday", "day", "before", "after", "until", "till", "at", "wednesday", "mid",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
_COMPANY_BRIDGES = frozenset({"at", "of", "from", "@"})
_GROUP_WORDS = frozenset({"both", "all", "each"})
_VERBISH_AFTER_NAME = frozenset(
    {
        "replied", "said", "introduced", "agreed", "wants", "needs", "is", "was", "will",
        "has", "had", "asked", "sent", "offered", "liked", "loved", "invited", "mentioned",
        "suggested", "shared", "answered", "called", "emailed", "texted", "messaged",
        "promised", "recommended", "told", "gave", "helped", "got", "and",
    }
)  # fmt: skip
# After these a lower-case word is a name, and the name may go on ("zoom with priya raman").
_CONTACT_CUES = frozenset(
    {"with", "w/", "w", "met", "called", "emailed", "texted", "messaged", "pinged", "dmed",
     "dm'd", "whatsapp'd", "whatsapped", "phoned", "rang", "into", "saw", "visited"}
)  # fmt: skip
_DETERMINERS = frozenset({"my", "our", "his", "her", "their", "your", "a", "an", "the"})
_OBJECT_STARTS = frozenset(
    {"the", "a", "an", "my", "our", "his", "her", "their", "some", "this", "that", "your"}
)
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})
_WEAK_CHANNEL_WORDS = frozenset({"chat", "chatted", "chats"})
_EMOJI_CHANNELS = {
    **dict.fromkeys("☕🍵🍺🍻🍷🥂🍽🥐🍕🍣🥟🍜🍔🥗🚶", Channel.IN_PERSON),
    **dict.fromkeys("📞☎📱🎥", Channel.CALL),
    **dict.fromkeys("📧✉💬📩📨", Channel.MESSAGE),
}
_CHANNEL_WORDS = IN_PERSON_WORDS | CALL_WORDS | MESSAGE_WORDS
_KNOWN_WORDS = (
    COMMON_WORDS
    | PERSON_CUES
    | NOT_A_CUE
    | COMPANY_PREPOSITIONS
    | IN_PERSON_WORDS
    | CALL_WORDS
    | MESSAGE_WORDS
    | GENERIC_FOLLOWUP_WORDS
    | PRONOUNS
)
# Follow-up dates further away than this are not a fair reading of 11/12 said in November.
_FAIR_READING_DAYS = 183


class _Token(NamedTuple):
    text: str  # as typed, without a possessive 's
    low: str  # casefolded
    kind: str  # word, num, punct, brk
    possessive: bool = False


@dataclass
class _Mention:
    """A person named at one place: the words, where, and what the words around them say."""

    answer: int
    clause: int
    start: int  # token index of the first word of the name
    end: int  # one past the last
    words: tuple[str, ...]
    channel: Channel | None = None
    company: str | None = None
    role: str | None = None
    pronoun: bool = False
    group: int = 0  # "both" (2), "all three" (3), "all of them" (-1): everyone met
    name: str = ""  # resolved
    note_end: int = 0  # one past a note right after the name ("(coffee)", "- call")


@dataclass
class _Answer:
    index: int
    tokens: list[_Token]
    clauses: list[tuple[int, int]]  # token ranges
    lower_style: bool = False  # typed without capitals: lower-case names are names


def read_checkin(
    answers: Sequence[str | None], contacts: Sequence[str], now_local: datetime
) -> Reading:
    """Everything the four answers say. `contacts` are the user's contacts' names; `now_local`
    the user's local wall clock (aware or naive), for dates."""
    parsed = [_parse(i, text) for i, text in enumerate(answers[:4])]
    known = _Known(contacts)
    mentions: list[_Mention] = []
    for answer in parsed:
        mentions.extend(_find_people(answer, known, mentions))
    _resolve(mentions, known)
    people = _people(mentions, known)
    gives = _exchanges(parsed, GAVE, mentions)
    asks = _exchanges(parsed, ASK, mentions)
    followups = _followups(parsed, mentions, now_local.replace(tzinfo=None))
    return Reading(tuple(people), tuple(gives), tuple(asks), tuple(followups))


def read_followup_text(
    text: str, contacts: Sequence[str], now_local: datetime
) -> tuple[FollowupItem, ...]:
    """The follow-ups in one free text (/followup ping João next Tuesday about the intro)."""
    return read_checkin(["", "", "", text], contacts, now_local).followups


def read_exchange_text(text: str, contacts: Sequence[str]) -> Exchange | None:
    """The give or ask in one free text (/gave sent Sally the article): its person and text."""
    reading = read_checkin(["", text, "", ""], contacts, datetime(2000, 1, 1))
    return reading.gives[0] if reading.gives else None


# --- tokens and clauses ---------------------------------------------------------------------


def _parse(index: int, text: str | None) -> _Answer:
    if not text or (index != WHO and says_nothing(text)) or _nobody(text):
        return _Answer(index, [], [])
    tokens = _tokenize(text)
    clauses = _clauses(tokens)
    return _Answer(index, tokens, clauses, _lower_style(tokens, clauses))


def _lower_style(tokens: list[_Token], clauses: list[tuple[int, int]]) -> bool:
    """No capital letter but at the start of a clause (or "I"): the writer does not capitalise
    names either."""
    starts = {begin for begin, _ in clauses}
    return not any(
        tok.kind == "word" and tok.text[0].isupper() and i not in starts and tok.low != "i"
        for i, tok in enumerate(tokens)
    )


def _nobody(text: str) -> bool:
    first = text.strip().casefold().split(maxsplit=1)
    return says_nothing(text) or bool(first and first[0] in {"nobody", "noone", "nope"})


# Alone before a capital these are too often another word ("la Maria", "do Tom a favour").
_AMBIGUOUS_PARTICLES = frozenset({"e", "y", "do", "da", "la", "le", "el", "al", "st", "ben"})
_MESSAGE_VERB_STEMS = frozenset(
    {"dm", "whatsapp", "msg", "pm", "im", "text", "ping", "email", "slack", "telegram", "sms"}
)
_TOMORROW = re.compile(r"\b2mor+o?w?\b", re.IGNORECASE)


def _tokenize(text: str) -> list[_Token]:
    text = _TOMORROW.sub("tomorrow", text)
    shouting = sum(c.isupper() for c in text) > 0.6 * sum(c.isalpha() for c in text) > 8
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        raw = match.group()
        if kind != "word":
            tokens.append(_Token(raw, raw.casefold(), "brk" if kind == "brk" else kind))
            continue
        if shouting:
            raw = _unshout(raw)
        period = raw.endswith(".") and len(raw) > 1
        bare = raw[:-1] if period else raw
        if period and not _keeps_period(bare):
            tokens.append(_word(bare))
            tokens.append(_Token(".", ".", "punct"))
        else:
            tokens.append(_word(raw))
    return tokens


def _word(raw: str) -> _Token:
    possessive = len(raw) > 2 and raw[-2:].casefold() in {"'s", "’s"}
    text = raw[:-2] if possessive else raw
    low = text.casefold().replace("’", "'")
    if low.endswith("d") and low not in PERSON_CUES and low[:-1] + "ed" in PERSON_CUES:
        low = low[:-1] + "ed"  # "calld", "emaild", "askd": typed in a hurry
    elif "'" in low and low.split("'")[0] in PRONOUNS | {"i", "we", "you", "who"}:
        low = low.split("'")[0]  # "she'd", "he's", "they're": the pronoun
    elif low.endswith("'d") and low[:-2] in _MESSAGE_VERB_STEMS:
        low = "messaged"  # "DM'd", "Whatsapp'd", "msg'd": a message sent
    elif low == "n":
        low = "and"  # "rania n dev"
    return _Token(text, low, "word", possessive)


def _unshout(raw: str) -> str:
    """A word of a message typed in capitals: the words the reader knows in lower case, the
    rest (names, companies) capitalised."""
    low = raw.casefold()
    if low.rstrip(".") in _KNOWN_WORDS or low.rstrip(".") in TITLES:
        return low.capitalize() if low.rstrip(".") in TITLES else low
    return raw.title()


def _keeps_period(bare: str) -> bool:
    """Dr. and J. and Jr. keep their full stop; any other word's ends a sentence."""
    low = bare.casefold()
    return (
        (len(bare) == 1 and bare.isupper()) or low in TITLES or low in NAME_SUFFIXES or low == "st"
    )


def _clauses(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Token ranges between sentence ends, semicolons and new lines (bullets dropped)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate([*tokens, _Token("\n", "\n", "brk")]):
        if tok.low in _CLAUSE_ENDS and not _inside_time_or_initial(tokens, i):
            ranges.append((start, i))
            start = i + 1
    cleaned = []
    for begin, end in ranges:
        while begin < end:
            if tokens[begin].low in _BULLETS:
                begin += 1
            elif (
                tokens[begin].kind == "num"
                and begin + 1 < end
                and tokens[begin + 1].low in {".", ")"}
            ):
                begin += 2
            else:
                break
        if begin < end:
            cleaned.append((begin, end))
    return cleaned


def _inside_time_or_initial(tokens: list[_Token], i: int) -> bool:
    """A full stop that does not end a sentence: "1. Kate" (a numbered item) keeps its line."""
    if i >= len(tokens) or tokens[i].low != ".":
        return False
    before = tokens[i - 1] if i else None
    if before is None or before.kind != "num":
        return False
    at_line_start = i < 2 or tokens[i - 2].kind == "brk"
    after = tokens[i + 1].low if i + 1 < len(tokens) else ""
    return at_line_start or after in _MONTH_NAMES  # "1. Kate", "2. December"


# --- finding people -------------------------------------------------------------------------


class _Known:
    """The user's contacts, by full key and by first name, for names typed in any case."""

    def __init__(self, contacts: Sequence[str]) -> None:
        self.by_key: dict[str, str] = {}
        self.by_first: dict[str, list[str]] = {}
        for name in contacts:
            key = normalize_name(name)
            if not key or key in self.by_key:
                continue
            self.by_key[key] = name
            self.by_first.setdefault(key.split()[0], []).append(name)
        self.longest = max((len(k.split()) for k in self.by_key), default=0)

    def has(self, words: Sequence[str]) -> bool:
        key = normalize_name(" ".join(words))
        return key in self.by_key or (len(words) == 1 and key in self.by_first)


def _find_people(answer: _Answer, known: _Known, earlier: list[_Mention]) -> list[_Mention]:
    found: list[_Mention] = []
    for clause_no, (begin, end) in enumerate(answer.clauses):
        found.extend(_people_in_clause(answer, clause_no, begin, end, known, [*earlier, *found]))
    return found


def _people_in_clause(
    answer: _Answer, clause: int, begin: int, end: int, known: _Known, seen: list[_Mention]
) -> list[_Mention]:
    tokens = answer.tokens
    found: list[_Mention] = []
    seen_keys = _seen_keys(seen)
    lower_items = answer.index == WHO and _lower_list(tokens, begin, end)
    i = begin
    while i < end:
        tok = tokens[i]
        if tok.kind != "word":
            i += 1
            continue
        group = _group_at(tokens, i, end) if answer.index != WHO else None
        if group is not None:
            size, stop = group
            found.append(
                _Mention(answer.index, clause, i, stop, ("both",), pronoun=True, group=size)
            )
            i = stop
            continue
        if tok.low in PRONOUNS and answer.index != WHO:
            found.append(_Mention(answer.index, clause, i, i + 1, (tok.low,), pronoun=True))
            i += 1
            continue
        known_end = _known_span(tokens, i, end, known, seen_keys)
        capital_end = _capital_span(tokens, i, end)
        if known_end is not None and (capital_end is None or known_end >= capital_end):
            stop: int | None = known_end
            start: int | None = i
        elif capital_end is not None:
            start, stop = _trim(tokens, i, capital_end, begin, seen_keys, known, found)
            if (
                start is None
                or _judge(tokens, start, stop, begin, end, known, seen_keys, found) != "person"
            ):
                i = capital_end
                continue
        else:
            start, stop = i, _lowercase_span(tokens, i, end, begin, answer, found, lower_items)
            if stop is None:
                i += 1
                continue
        mention = _mention(answer, clause, start, stop, tokens)
        if mention.words:
            found.append(mention)
            seen_keys.add(normalize_name(" ".join(mention.words)))
        i = max(stop, i + 1)
    if answer.index == WHO:
        _describe(tokens, begin, end, [m for m in found if not m.pronoun])
    return found


_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "3": 3, "4": 4}


def _group_at(tokens: list[_Token], i: int, end: int) -> tuple[int, int] | None:
    """ "both", "them both", "both of them", "all three", "all of them", "the two of them":
    everyone the first answer named, when their number fits. (size, end)."""
    low = tokens[i].low
    after = tokens[i + 1].low if i + 1 < end else ""
    if low == "both" and after not in {"from", "at", "sides", "ways", "of"}:
        return 2, i + 1
    if low == "both" and after == "of" and i + 2 < end and tokens[i + 2].low in {"them", "you"}:
        return 2, i + 3
    if low == "them" and after == "both":
        return 2, i + 2
    if low == "all" and after in _GROUP_SIZES:
        return _GROUP_SIZES[after], i + 2
    if low == "all" and after == "of" and i + 2 < end and tokens[i + 2].low == "them":
        return -1, i + 3
    if low == "everyone" or (low == "each" and after == "of"):
        return -1, i + 1
    return None


def _seen_keys(seen: list[_Mention]) -> set[str]:
    keys = set()
    for m in seen:
        if m.pronoun:
            continue
        key = normalize_name(" ".join(m.words))
        keys.add(key)
        keys.update(part for part in key.split() if len(part) > 1 and part not in PARTICLES)
    return keys


def _mention(answer: _Answer, clause: int, start: int, stop: int, tokens: list[_Token]) -> _Mention:
    words = tuple(
        t.text for t in tokens[start:stop] if t.kind == "word" and t.low.rstrip(".") not in TITLES
    )
    return _Mention(answer.index, clause, start, stop, words)


def _known_span(
    tokens: list[_Token], i: int, end: int, known: _Known, seen: set[str]
) -> int | None:
    """The end of the longest run from `i` that is a contact's name or a name said earlier
    (in any case: "maria santos", "priya")."""
    first = tokens[i].low
    capital_inside = tokens[i].text[:1].isupper() and i > 0 and tokens[i - 1].kind == "word"
    if (first in COMMON_WORDS and not (capital_inside and first in seen)) or (
        first in NEVER_NAMES and first not in seen
    ):
        return None
    if i + 1 < end and tokens[i + 1].kind == "num" and first in NEVER_NAMES:
        return None  # "on Jan 7": the month, even with Jan de Jong in the check-in
    if first in WORD_NAMES and tokens[i].text.islower() and not _cued(tokens, i):
        return None  # "need to mark the hackathon", even with Mark Jensen a contact
    longest = None
    words: list[str] = []
    for j in range(i, min(end, i + max(known.longest, 3))):
        if tokens[j].kind != "word":
            break
        words.append(tokens[j].text)
        key = normalize_name(" ".join(words))
        if key in known.by_key or key in seen or (len(words) == 1 and key in known.by_first):
            longest = j + 1
        if tokens[j].possessive:
            break
    return longest


def _cued(tokens: list[_Token], i: int) -> bool:
    """At the head of a clause, or right after a cue ("ping will", "with grace")."""
    if i == 0 or tokens[i - 1].kind in {"brk", "punct"}:
        return True
    return tokens[i - 1].low in (LOWERCASE_CUES | _CONTACT_CUES) - {"to", "and", "&"}


def _is_capital(tok: _Token) -> bool:
    """A word that may be part of a name: capitalised, or in a script without capitals."""
    if tok.kind != "word":
        return False
    first = tok.text[0]
    if first.upper() == first.lower():
        return first.isalpha()  # Arabic, Hebrew, Chinese: no capitals to go by
    if not first.isupper():
        return False
    letters = tok.text.rstrip(".")  # AWS, CV, VP: acronyms are not names
    return len(letters) == 1 or not letters.isupper() or any(c in "'’-" for c in letters)


def _capital_span(tokens: list[_Token], i: int, end: int) -> int | None:
    """The end of a run of capitalised words from `i`, particles inside (van der Berg), or
    before a surname ("van der Berg: next Tuesday")."""
    if tokens[i].kind == "word" and tokens[i].low in PARTICLES and tokens[i].text.islower():
        k = i
        while k < end and k - i < 3 and tokens[k].low in PARTICLES and tokens[k].kind == "word":
            k += 1
        if (
            k == i
            or k >= end
            or not _is_capital(tokens[k])
            or (k - i < 2 and tokens[i].low in _AMBIGUOUS_PARTICLES)
        ):
            return None
        return _capital_span(tokens, k, end)
    if not _is_capital(tokens[i]):
        return None
    j = i + 1
    while j < end and j - i < MAX_NAME_WORDS + 2 and not tokens[j - 1].possessive:
        tok = tokens[j]
        if _is_capital(tok) and tok.low not in NEVER_NAMES:
            j += 1
        elif tok.kind == "word" and tok.low in PARTICLES:
            k = j
            while k < end and k - j < 3 and tokens[k].kind == "word" and tokens[k].low in PARTICLES:
                k += 1
            if k < end and _is_capital(tokens[k]):
                j = k + 1
            else:
                break
        elif tok.low.rstrip(".") in NAME_SUFFIXES and tok.text[0].isupper():
            j += 1
            break
        else:
            break
    return j


def _trim(
    tokens: list[_Token],
    start: int,
    stop: int,
    clause_start: int,
    seen: set[str],
    known: _Known,
    found: list[_Mention],
) -> tuple[int | None, int]:
    """The run without words that cannot be part of a name: a sentence's first verb or noun
    ("Had", "Coffee", "Thank"), a title, a day or a product. None if nothing is left."""
    while start < stop:
        tok = tokens[start]
        low = tok.low.rstrip(".")
        at_start = start == clause_start or _after_list_break(tokens, start, clause_start)
        if low in TITLES or (low in NEVER_NAMES and not _first_of_longer_name(tokens, start, stop)):
            start += 1
        elif (low in COMMON_WORDS or low in _CHANNEL_WORDS) and (
            at_start or not _after_cue(tokens, start)
        ):
            if _continues_list(tokens, start, found):
                break  # "Grace Mwangi and Will"
            if normalize_name(tok.text) in seen or known.has([tok.text]):
                break
            start += 1
        else:
            break
    while stop > start and tokens[stop - 1].low.rstrip(".") in NEVER_NAMES | TITLES:
        stop -= 1
    if (
        start == clause_start
        and stop - start > 1
        and stop < len(tokens)
        and tokens[stop].low in _OBJECT_STARTS
        and not known.has([tokens[start].text])
        and normalize_name(tokens[start].text) not in seen
    ):
        start += 1  # "Brought Jamal the book": a verb, then who it was for
    elif (
        start == clause_start
        and stop - start > 1
        and _past_tense(tokens[start].low)
        and not known.has([tokens[start].text])
        and normalize_name(tokens[start].text) not in seen
    ):
        start += 1  # "Hooked Nia up", "FaceTimed April": the sentence's verb
    return (start if start < stop else None), stop


def _past_tense(low: str) -> bool:
    return len(low) > 4 and low.endswith("ed") and low not in ED_NAMES


def _continues_list(tokens: list[_Token], start: int, found: list[_Mention]) -> bool:
    return (
        start >= 1
        and tokens[start - 1].low in {"and", "&", ","}
        and bool(found)
        and found[-1].end == start - 1
        and not found[-1].pronoun
    )


def _first_of_longer_name(tokens: list[_Token], start: int, stop: int) -> bool:
    """ "Sunday Okonkwo", "Jan de Jong", "Sydney Brooks": a day or place that is a first name,
    because a surname follows."""
    if start + 1 >= stop:
        return False
    following = tokens[start + 1].low
    return (
        following not in NEVER_NAMES
        and following not in COMMON_WORDS
        and (following not in ORGANISATION_WORDS)
    )


def _after_relation(tokens: list[_Token], start: int, clause_start: int) -> bool:
    """ "my manager Karin", "his friend renata", "an old roommate Enrique"."""
    relation = tokens[start - 1] if start - 1 > clause_start else None
    if relation is None or relation.low not in RELATION_WORDS or relation.possessive:
        return False
    if tokens[start - 2].low in _CONTACT_CUES:
        return True  # "coffee w/ candidate Oluwaseun"
    return any(t.low in _DETERMINERS for t in tokens[max(clause_start, start - 5) : start - 1])


def _after_list_break(tokens: list[_Token], i: int, clause_start: int) -> bool:
    return i > clause_start and tokens[i - 1].low in {",", ":", "(", "-", "–", "—"}


def _after_cue(tokens: list[_Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].low in PERSON_CUES


def _judge(
    tokens: list[_Token],
    start: int,
    stop: int,
    clause_start: int,
    clause_end: int,
    known: _Known,
    seen: set[str],
    found: list[_Mention],
    *,
    who: bool = False,
) -> str:
    """person, or no: what the words before and after a capitalised run say it is."""
    words = [t.text for t in tokens[start:stop] if t.kind == "word"]
    lows = [w.casefold().rstrip(".") for w in words]
    if any(low in ORGANISATION_WORDS for low in lows[1:]) or (
        len(lows) == 1 and lows[0] in ORGANISATION_WORDS
    ):
        return "no"
    key = normalize_name(" ".join(words))
    if known.has(words) or key in seen:
        return "person"
    prev = tokens[start - 1] if start > clause_start else None
    prev_low = prev.low.rstrip(".") if prev else ""
    if prev_low in TITLES or _after_relation(tokens, start, clause_start):
        return "person"
    if tokens[stop - 1].possessive and len(words) > 1 and prev_low not in NOT_A_CUE - {"to"}:
        return "person"  # "Lisa Wong's talk"
    if prev_low == "from" and start >= 2 and tokens[start - 2].low in _COMM_VERBS | _HEARD:
        return "person"  # "a reply from Arash", "heard from Tom"
    if prev_low == "into":
        return "person" if start >= 2 and tokens[start - 2].low in _BUMPED else "no"
    if (
        prev_low == "of"
        and start >= 2
        and tokens[start - 2].low in _OWNED_PLACES
        and len(words) > 1
    ):
        return "person"  # "the studio of Mei Takahashi", "the office of Leonardo Bianchi"
    if prev_low == "at" and tokens[stop - 1].possessive:
        return "person"  # "dinner at Jamal's place"
    if prev_low in COMPANY_PREPOSITIONS or prev_low in NOT_A_CUE:
        return "no"
    after = tokens[stop] if stop < clause_end else None
    if after is not None and after.low in _OWNED_BY_GROUPS:
        return "no"  # "Stripe's recruiter", "Paystack folks"
    adjacent = bool(found) and found[-1].end == start - 1 and not found[-1].pronoun
    if prev is not None and prev.low in _LIST_JOINERS and adjacent:
        return "person"  # "Paul and Julien from Mistral"
    if prev is None or _item_start(tokens, start, clause_start, found):
        return "person" if _heads_item(tokens, start, stop, clause_end, lows, who=who) else "no"
    if _from_company(tokens, stop, clause_end) and prev.low in {",", "and", "&"}:
        return "person"  # "…, Jasmine from SAP"
    if prev.low == "," and len(words) == 1 and _ends_item(tokens, stop, clause_end):
        cued = any(t.low in PERSON_CUES - {"to", "for"} for t in tokens[clause_start:start])
        if cued:
            return "person"  # "Met the CEO of Acme, Sally"
    if prev.low in _LIST_JOINERS and _joined_to_person(tokens, start - 1, found):
        return "person"
    if prev_low == "to":
        return "person" if _sent_to_person(tokens, clause_start, start - 1, words) else "no"
    if prev_low == "for":
        return "person" if len(words) > 1 else "no"
    if prev_low in PERSON_CUES or prev_low in IN_PERSON_WORDS | CALL_WORDS | MESSAGE_WORDS:
        return "person"
    if prev.low in {"(", ",", ":", "-"} and len(words) > 1:
        return "person"
    return "no"


# Words after "X's" that make X a company: "Stripe's recruiter", "Acme's team".
_OWNED_BY_GROUPS = frozenset(
    {"team", "recruiter", "recruiters", "hr", "ceo", "cto", "founders", "office", "people",
     "hiring", "engineering", "product", "design", "careers", "website", "app", "platform",
     "folks", "guys", "crew", "staff", "employees", "community", "engineers", "devs", "hub",
     "offices", "teams", "alumni", "group", "meetup", "conference", "summit", "event",
     "recruiting", "talent"}
)  # fmt: skip
_COMM_VERBS = frozenset(
    {"sent", "send", "introduced", "introduce", "intro", "talked", "spoke", "wrote", "write",
     "message", "messaged", "email", "emailed", "note", "reached", "reach", "replied", "reply",
     "text", "texted", "dm", "mail", "letter", "forwarded", "forward", "referred", "refer",
     "recommended", "recommend", "pitched", "waved", "said", "explained", "shout",
     "shoutout", "thanks", "hi", "hello", "congrats", "mentioned", "linked", "connected",
     "point", "pointed", "passed", "gave", "give", "showed", "show", "intros", "sat", "next",
     "seated", "listened", "close", "introduction", "introductions"}
)  # fmt: skip


_OWNED_PLACES = frozenset(
    {"studio", "office", "house", "home", "place", "flat", "apartment", "desk", "team", "lab",
     "gallery", "shop", "store", "practice", "clinic", "firm", "agency", "startup", "company"}
)  # fmt: skip


def _ends_item(tokens: list[_Token], stop: int, clause_end: int) -> bool:
    return stop >= clause_end or tokens[stop].low in _LIST_JOINERS | _NOTE_OPENERS


def _from_company(tokens: list[_Token], stop: int, clause_end: int) -> bool:
    """ "Jasmine from SAP": a name, then where they work."""
    return (
        stop + 1 < clause_end
        and tokens[stop].low in {"from", "at", "@"}
        and _is_capital(tokens[stop + 1])
        and tokens[stop + 1].low not in NEVER_NAMES - _KNOWN_COMPANIES
    )


_KNOWN_COMPANIES = frozenset(
    {"google", "microsoft", "amazon", "aws", "apple", "meta", "netflix", "stripe", "sap",
     "ibm", "oracle", "intel", "nvidia", "openai", "deloitte", "mckinsey", "pwc", "kpmg",
     "accenture", "salesforce", "adobe", "tesla", "shopify", "booking", "zalando", "adyen",
     "klarna", "revolut", "nubank", "uber", "airbnb", "spotify", "github", "gitlab", "notion",
     "figma"}
)  # fmt: skip
_BUMPED = frozenset({"ran", "bumped", "run", "bump", "running", "bumping"})
_HEARD = frozenset(
    {"heard", "reply", "message", "email", "call", "text", "note", "intro", "invite", "dm",
     "invitation", "referral", "response", "answer", "news", "update", "letter", "calls"}
)  # fmt: skip


def _item_start(tokens: list[_Token], start: int, clause_start: int, found: list[_Mention]) -> bool:
    """Whether the run starts an item of a list: after a comma or "and" that follows a person
    (and their note: "Ines (coffee), Marek"), or after a heading ("Coffee: Luca and Mia")."""
    joiner = tokens[start - 1].low
    if joiner in _NOTE_OPENERS and start - 1 == clause_start:
        return True
    if joiner == ":":
        head = tokens[clause_start : start - 1]
        return 0 < len(head) <= 3 and all(
            t.low in _KNOWN_WORDS or t.low in NEVER_NAMES for t in head
        )
    if joiner not in _LIST_JOINERS or not found:
        return False
    note = tokens[found[-1].end : start - 1]
    return not note or (note[0].low in _NOTE_OPENERS - {","} and len(note) <= 6)


def _sent_to(tokens: list[_Token], clause_start: int, to_index: int) -> bool:
    """Whether "to" before a name follows a word of sending or talking ("message to Tomás",
    "introduced Joanna to Pieter"), not of going ("moved to Porto")."""
    return any(t.low in _COMM_VERBS for t in tokens[clause_start:to_index])


def _sent_to_person(
    tokens: list[_Token], clause_start: int, to_index: int, words: list[str]
) -> bool:
    """ "message to Tomás", "introduced Joanna to Pieter", "talked to Kim Lee"; but "sent my
    profile to Allianz" sends a thing to an organisation."""
    if not _sent_to(tokens, clause_start, to_index):
        return False
    if len(words) > 1:
        return True
    verb = max(i for i in range(clause_start, to_index) if tokens[i].low in _COMM_VERBS)
    return not any(t.low in _DETERMINERS for t in tokens[verb + 1 : to_index])


def _joined_to_person(tokens: list[_Token], joiner: int, found: list[_Mention]) -> bool:
    """ "Maria from Stripe and Tom": a list goes on after a person and their company."""
    if not found:
        return False
    between = tokens[found[-1].end : joiner]
    return len(between) <= 4 and any(t.low in _COMPANY_BRIDGES for t in between)


def _heads_item(
    tokens: list[_Token],
    start: int,
    stop: int,
    clause_end: int,
    lows: list[str],
    *,
    who: bool = False,
) -> bool:
    """A run at the head of a clause or list item is a name when what follows fits one: a
    note ("Kate Wilson - coffee", "Ben (phone)"), a list ("Sally, Tom"), a date ("Nadia on
    Thursday"), the end, or a verb ("Anna replied")."""
    if stop >= clause_end:
        return True
    after = tokens[stop]
    if after.low in _NOTE_OPENERS | _LIST_JOINERS or after.low in {"/", "+", "x"}:
        return True
    verb_like = len(lows) == 1 and lows[0].endswith(("ed", "ing")) and len(lows[0]) > 4
    if verb_like:
        return False  # "Hopped on a call", "Reconnected with": a verb, not Mohammed
    dated = (
        after.kind == "num"
        or after.low in _WHEN_STARTS
        or (weekday_index(after.low, min_letters=FREE_TEXT_MIN_LETTERS) is not None)
    )
    if dated:
        return not who  # "Nadia on Thursday" heads a follow-up; "Taco Tuesday" is lunch
    if after.low in _VERBISH_AFTER_NAME or (after.low in PERSON_CUES and after.low.endswith("ed")):
        return True  # "Anna replied", not "Site visit"
    return len(lows) > 1 and after.low in {"from", "at", "of", "@", "about", "re"}


def _lowercase_span(
    tokens: list[_Token],
    i: int,
    end: int,
    clause_start: int,
    answer: _Answer,
    found: list[_Mention],
    lower_items: bool,
) -> int | None:
    """A name typed in lower case: after a cue of contact ("emailed george", "zoom with priya
    raman"), a title ("mr tanaka"), "my friend renata", or another such name ("kaveh and
    noura"); after other cues ("asked nadine") only where the writer uses no capitals. Its
    words are not common English, a day, a product or a pronoun."""
    if not _could_be_lower_name(tokens[i]):
        return None
    prev = tokens[i - 1].low.rstrip(".") if i > clause_start else ""
    after_person = bool(found) and found[-1].end == i - 1 and prev in {"and", "&", ","}
    if prev in TITLES:
        longest = 2
    elif (
        (lower_items and (i == clause_start or prev in _LIST_JOINERS))
        or prev in _CONTACT_CUES
        or (prev == "to" and _sent_to(tokens, clause_start, i - 1))
    ):
        longest = 3
    elif answer.lower_style and (after_person or _after_relation(tokens, i, clause_start)):
        longest = 2
    elif answer.lower_style and prev in LOWERCASE_CUES - {"and", "&"}:
        longest = 1
    else:
        return None
    j = i + 1
    while j < end and j - i < longest + 2 and not tokens[j - 1].possessive:
        if _could_be_lower_name(tokens[j]) and j - i < longest:
            j += 1
        elif tokens[j].low in PARTICLES and j + 1 < end and longest > 1:
            k = j
            while k < end and tokens[k].low in PARTICLES and k - j < 3:
                k += 1
            if k < end and _could_be_lower_name(tokens[k]):
                j = k + 1
            else:
                break
        else:
            break
    return j


def _lower_list(tokens: list[_Token], begin: int, end: int) -> bool:
    """A first answer that is a list of lower-case names: "olga, ivan", "erik - call"."""
    items: list[list[_Token]] = [[]]
    for tok in tokens[begin:end]:
        if tok.low in {",", "and", "&", "+"}:
            items.append([])
        else:
            items[-1].append(tok)
    for item in items:
        head = []
        for tok in item:
            if tok.low in _NOTE_OPENERS:
                break
            head.append(tok)
        rest = item[len(head) + 1 :]
        if not head or len(head) > 3 or not all(_could_be_lower_name(t) for t in head):
            return False
        if rest and not any(t.low in IN_PERSON_WORDS | CALL_WORDS | MESSAGE_WORDS for t in rest):
            return False
    return True


def _could_be_lower_name(tok: _Token) -> bool:
    low = tok.low
    return (
        tok.kind == "word"
        and tok.text.islower()
        and tok.text.isalpha()
        and len(low) > 1
        and low not in _KNOWN_WORDS
        and low not in NEVER_NAMES
        and low not in PARTICLES
        and low not in _WHEN_STARTS
        and low not in _ROLE_WORDS
        and not low.endswith(("ing", "tion", "ment", "ness", "ship", "ers", "ity"))
        and weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is None
    )


# --- what the first answer says about each person: channel, company, role -------------------


def _describe(tokens: list[_Token], begin: int, end: int, people: list[_Mention]) -> None:
    """Channel, company and role of each person of the first answer: a note right after the
    name ("(coffee)"), else the words before it since the last person ("Teams call with"),
    else what the person is listed with ("Coffee with Ana and Bruno"), else the words after
    it ("Sarah at the career fair")."""
    for n, person in enumerate(people):
        next_start = people[n + 1].start if n + 1 < len(people) else end
        person.note_end = _note_end(tokens, person.end, next_start)
    afters: list[Channel | None] = []
    for n, person in enumerate(people):
        previous_end = people[n - 1].note_end if n else begin
        next_start = people[n + 1].start if n + 1 < len(people) else end
        before = _channel_in(tokens, range(person.start - 1, previous_end - 1, -1))
        after = _channel_in(tokens, range(person.note_end, next_start))
        if before and after and _only_weak(tokens, range(previous_end, person.start)):
            before = None  # "chatted with Chloé at the conference": in person
        own_verb = (
            _channel_of(tokens, person.note_end)
            if person.note_end < next_start and tokens[person.note_end].low.endswith("ed")
            else None
        )
        note = range(person.end, person.note_end)
        short_note = sum(tokens[i].kind == "word" for i in note) <= 3
        person.channel = (
            (_channel_in(tokens, note) if short_note else None)
            or own_verb
            or before
            or _channel_in(tokens, note)
        )
        afters.append(after)
        person.company, person.role = _company_after(tokens, person.end, next_start)
    _share_along_lists(tokens, people)
    for person, after in zip(people, afters, strict=True):
        person.channel = person.channel or after
    _share_along_lists(tokens, people)
    group_company = _group_company(tokens, begin, end)
    if group_company:
        for person in people:
            person.company = person.company or group_company


def _only_weak(tokens: list[_Token], positions: range) -> bool:
    found = [i for i in positions if _channel_of(tokens, i) is not None]
    return bool(found) and all(tokens[i].low in _WEAK_CHANNEL_WORDS for i in found)


def _note_end(tokens: list[_Token], start: int, limit: int) -> int:
    """One past a note right after a name: "(coffee)", "- phone", ": zoom"."""
    if start >= limit or tokens[start].low not in {"(", "-", "–", "—", ":", "["}:
        return start
    closing = {"(": ")", "[": "]"}.get(tokens[start].low)
    for j in range(start + 1, limit):
        if (closing and tokens[j].low == closing) or (
            not closing and tokens[j].low in {",", "and", "&"}
        ):
            return j + 1 if closing else j
    return limit


def _share_along_lists(tokens: list[_Token], people: list[_Mention]) -> None:
    """People listed together share a channel: "Coffee with Ana and Bruno", "aoife and niamh
    - drinks", "zoom w/ Henrik + his PhD student Mei"; not across "then" or a new verb."""
    for left, right in itertools.pairwise(people):
        between = tokens[left.note_end : right.start]
        if right.channel is None and left.channel and not any(map(_breaks_list, between)):
            right.channel = left.channel
    for left, right in reversed(list(itertools.pairwise(people))):
        between = tokens[left.note_end : right.start]
        joined = all(t.low in _LIST_JOINERS for t in between)
        if left.channel is None and left.note_end == left.end and right.channel and joined:
            left.channel = right.channel


def _breaks_list(tok: _Token) -> bool:
    low = tok.low
    if low in {"then", "later", "also", "after", "before", "afterwards", ";", "while"}:
        return True
    return low in PERSON_CUES - {"with", "w/", "w", "to", "for"} or (
        low in COMMON_WORDS and low.endswith("ed")
    )


def _channel_in(tokens: list[_Token], positions: range) -> Channel | None:
    """The first channel word at `positions`, a strong word ("coffee", "zoom") before a weak
    one ("chat")."""
    weak = None
    for i in positions:
        channel = _channel_of(tokens, i)
        if channel is None:
            continue
        if tokens[i].low not in _WEAK_CHANNEL_WORDS or _channel_of(tokens, i - 1) == Channel.CALL:
            return channel
        weak = weak or channel
    return weak


def _channel_of(tokens: list[_Token], i: int) -> Channel | None:
    if i < 0:
        return None
    low = tokens[i].low
    previous = tokens[i - 1].low if i else ""
    if low in {"chat", "chatted", "message"} and previous in {"video", "zoom", "phone", "voice"}:
        return Channel.CALL
    if low == "call" and previous in {"whatsapp", "telegram", "signal", "slack", "linkedin"}:
        return Channel.CALL
    if low == "meet" and previous == "google":
        return Channel.CALL
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if low == "voice" and following in {"note", "notes", "message", "messages", "msg", "memo"}:
        return Channel.MESSAGE
    if low in {"note", "notes", "memo"} and previous == "voice":
        return Channel.MESSAGE
    if low in {"meeting", "meet", "session", "catch-up", "1:1"} and previous in CALL_WORDS:
        return Channel.CALL  # "Teams meeting", "zoom session"
    if tokens[i].kind == "punct" and low in _EMOJI_CHANNELS:
        return _EMOJI_CHANNELS[low]
    if low in IN_PERSON_WORDS:
        return Channel.IN_PERSON
    if low in CALL_WORDS:
        return Channel.CALL
    if low in MESSAGE_WORDS:
        return Channel.MESSAGE
    return None


def _company_after(tokens: list[_Token], begin: int, end: int) -> tuple[str | None, str | None]:
    """ "from Stripe", "at Adyen", "(data lead at Zalando)", ", a recruiter at Booking",
    ", CTO of Acme" right after a name: (company, role)."""
    i = begin
    if i < end and tokens[i].low in {"(", ",", "-", "–", "—"}:
        i += 1
    role_words: list[str] = []
    while i < end and tokens[i].low in {"a", "an", "the"}:
        i += 1
    while (
        i < end
        and tokens[i].kind == "word"
        and tokens[i].low not in _COMPANY_BRIDGES
        and len(role_words) < 4
        and (tokens[i].low in _ROLE_WORDS or role_words)
    ):
        role_words.append(tokens[i].text)
        i += 1
    if i < end and tokens[i].low in _COMPANY_BRIDGES:
        company = _company_name(tokens, i + 1, end)
        if company:
            return company, " ".join(role_words) or None
    if begin < end and tokens[begin].low == "(" and not role_words:
        company = _company_name(tokens, begin + 1, end)
        closing = begin + 1 + len(company.split()) if company else 0
        if company and closing < len(tokens) and tokens[closing].low == ")":
            return company, None
    return None, (" ".join(role_words) or None) if role_words and begin < end else None


def _company_name(tokens: list[_Token], i: int, end: int) -> str | None:
    words: list[str] = []
    while i < end and tokens[i].kind in {"word", "num"} and len(words) < 4:
        tok = tokens[i]
        if not (tok.text[0].isupper() or tok.kind == "num" or (words and tok.low in {"&"})):
            break
        if _channel_of(tokens, i) is not None and tok.low not in {"meta"}:
            break
        words.append(tok.text)
        i += 1
        if tok.possessive:
            break
    if not words or any(w.casefold() in _EVENT_WORDS for w in words):
        return None
    if words[0].casefold() in COMMON_WORDS | {"the"} or words[0].casefold() in _MONTH_NAMES:
        return None
    if weekday_index(words[0].casefold(), min_letters=FREE_TEXT_MIN_LETTERS) is not None:
        return None
    return " ".join(words)


_EVENT_WORDS = frozenset(
    {"summit", "conference", "meetup", "fair", "expo", "festival", "hackathon", "workshop",
     "webinar", "party", "event", "week", "day", "night", "con", "forum"}
)  # fmt: skip
_ROLE_WORDS = frozenset(
    {"recruiter", "manager", "engineer", "designer", "developer", "founder", "cofounder",
     "co-founder", "ceo", "cto", "cfo", "coo", "cpo", "vp", "head", "lead", "director",
     "partner", "investor", "analyst", "scientist", "researcher", "consultant", "product",
     "data", "engineering", "hiring", "senior", "junior", "staff", "principal", "chief",
     "talent", "sales", "marketing", "hr", "pm", "em", "intern", "architect", "advisor",
     "professor", "teacher", "student", "associate", "owner", "editor", "writer", "coach",
     "mentor", "sourcer", "officer", "president", "executive", "specialist", "ux", "ui",
     "software", "backend", "frontend", "devops", "security", "finance", "ops", "operations",
     "account", "customer", "success", "community", "growth", "design", "tech", "technical",
     "team", "group", "program", "project", "lawyer", "doctor", "nurse", "accountant"}
)  # fmt: skip


def _group_company(tokens: list[_Token], begin: int, end: int) -> str | None:
    """ "Coffee with Ana and Bruno, both from Nubank": one company for everyone in the clause."""
    for i in range(begin, end - 2):
        if tokens[i].low in _GROUP_WORDS and tokens[i + 1].low in _COMPANY_BRIDGES:
            return _company_name(tokens, i + 2, end)
    return None


# --- one name per person --------------------------------------------------------------------


def _resolve(mentions: list[_Mention], known: _Known) -> None:
    """Give every mention its person's name: a first name or surname alone is the full name
    said in the same check-in, else a contact's; pronouns are resolved later, per answer."""
    named = [m for m in mentions if not m.pronoun]
    keys = {id(m): [normalize_name(w) for w in m.words] for m in named}
    longest: dict[str, tuple[list[str], _Mention]] = {}
    for m in named:  # one entry per distinct name, the first said
        longest.setdefault(" ".join(keys[id(m)]), (keys[id(m)], m))
    full = [(words, m) for words, m in longest.values() if len(words) > 1]
    every = list(longest.values())
    for m in named:
        m.name = _display(m.words)
        words = keys[id(m)]
        matches = {
            " ".join(f): f_m for f, f_m in full if len(f) > len(words) and _part_of(words, f)
        }
        if not matches:
            matches = {
                " ".join(f): f_m for f, f_m in every if f_m is not m and _short_for(words, f)
            }
        if len(matches) == 1:
            m.name = _display(next(iter(matches.values())).words)
    for m in named:
        key = normalize_name(m.name)
        if key in known.by_key:
            m.name = known.by_key[key]
        elif len(key.split()) == 1 and len(known.by_first.get(key, [])) == 1:
            m.name = known.by_first[key][0]


def _part_of(words: list[str], full: list[str]) -> bool:
    """ "Maria" or "Santos" of Maria Santos, "João Pedro" of João Pedro Almeida."""
    if len(words) == 1:
        return words[0] in {full[0], full[-1]}
    return full[: len(words)] == words or full[-len(words) :] == words


def _short_for(words: list[str], full: list[str]) -> bool:
    """ "Bea" for Beatriz Costa, "Emma C" for Emma Clarke: a short form said in the same
    check-in of exactly one full name."""
    if len(words) == 1:
        return len(words[0]) >= 3 and full[0].startswith(words[0]) and full[0] != words[0]
    initial = len(words) == 2 and len(words[1]) == 1 and len(full) > 1
    return initial and words[0] == full[0] and full[-1].startswith(words[1])


def _display(words: Sequence[str]) -> str:
    """The name as shown: lower-case words capitalised (george → George), particles kept."""
    shown = []
    for n, word in enumerate(words):
        low = word.casefold()
        if word.islower() and not (0 < n < len(words) - 1 and low in PARTICLES):
            word = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        shown.append(word)
    return " ".join(shown)[:MAX_NAME_LENGTH]


def _people(mentions: list[_Mention], known: _Known) -> list[Person]:
    people: dict[str, Person] = {}
    for m in mentions:
        if m.pronoun:
            continue
        key = normalize_name(m.name)
        if not key:
            continue
        current = people.get(key)
        contact = known.by_key.get(key)
        choices = (
            tuple(known.by_first.get(key, ()))
            if contact is None and len(key.split()) == 1 and len(known.by_first.get(key, [])) > 1
            else ()
        )
        if current is None:
            if len(people) == MAX_PEOPLE:
                continue
            current = Person(m.name, contact=contact, choices=choices)
        met = m.answer == WHO
        people[key] = replace(
            current,
            met=current.met or met,
            channel=current.channel or (m.channel if met else None),
            company=current.company or m.company,
            role=current.role or m.role,
        )
    return list(people.values())


# --- gives and asks -------------------------------------------------------------------------


def _exchanges(parsed: list[_Answer], index: int, mentions: list[_Mention]) -> list[Exchange]:
    """One give or ask per item, for each person it is for ("Sent Ivana & Luka the list" is
    for both); an item that names nobody is kept without a person."""
    if index >= len(parsed) or not parsed[index].tokens:
        return []
    answer = parsed[index]
    own = [m for m in mentions if m.answer == index]
    items: list[Exchange] = []
    for begin, end in _items(answer, own, split_on_verbs=True):
        text = _text(answer.tokens, begin, end)
        if not text:
            continue
        inside = [m for m in own if begin <= m.start < end]
        if inside and _did_it_themselves(answer.tokens, inside[0], begin, end):
            inside = inside[1:]  # "Lena gave me feedback", "Tomás offered to refer me"
        people = _listed(inside, mentions, answer.tokens) or [None]
        items.extend(Exchange(text, person) for person in people)
    return items


def _pronoun(m: _Mention, mentions: list[_Mention]) -> str | None:
    """her, him, them: the person the answers already name, when only one fits."""
    before = {
        normalize_name(o.name): o.name
        for o in mentions
        if not o.pronoun and (o.answer, o.start) < (m.answer, m.start)
    }
    same_clause = {
        normalize_name(o.name): o.name
        for o in mentions
        if not o.pronoun and o.answer == m.answer and o.clause == m.clause and o.start < m.start
    }
    if len(same_clause) == 1 and m.words[0] not in PRONOUNS_ANY:
        return next(iter(same_clause.values()))
    return next(iter(before.values())) if len(before) == 1 else None


def _items(answer: _Answer, own: list[_Mention], *, split_on_verbs: bool) -> list[tuple[int, int]]:
    """Clauses, each split where a new person's part begins: "Ana in 3 days, Bruno on Friday",
    "Sent Ana the article and reviewed Tom's CV"."""
    items: list[tuple[int, int]] = []
    tokens = answer.tokens
    for begin, end in answer.clauses:
        start = begin
        people = [m for m in own if begin <= m.start < end and not m.pronoun]
        previous_end = begin
        for person in people:
            if person.start <= start:
                previous_end = person.end
                continue
            cut = _split_before(
                tokens, start, max(start, previous_end), person.start, split_on_verbs
            )
            previous_end = person.end
            if cut is not None:
                items.append((start, cut))
                start = cut + 1
            elif not split_on_verbs and _dated(tokens, start, person.start):
                items.append((start, person.start))  # "kaveh tomorrow noura friday"
                start = person.start
        items.append((start, end))
    return [(b, e) for b, e in items if b < e]


def _split_before(
    tokens: list[_Token], start: int, previous_end: int, person_start: int, split_on_verbs: bool
) -> int | None:
    """The separator to cut at before a person's name, if the text before it is an item of
    its own (more than a bare name joined by "and": "Call Tom and Sarah" is one item)."""
    for j in range(person_start - 1, start, -1):
        low = tokens[j].low
        if low in {",", "and", "&", "then", "also", "+"}:
            cut = j - 1 if low == "and" and tokens[j - 1].low == "," else j
            head = [t for t in tokens[start:cut] if t.kind != "punct"]
            since_person = [t for t in tokens[previous_end:cut] if t.kind != "punct"]
            rest = tokens[j + 1 : person_start]
            if not head:
                return None
            if split_on_verbs and rest and not _starts_action(rest[0]):
                return None
            if not since_person and not rest:
                return None
            return cut
    return None


def _dated(tokens: list[_Token], start: int, stop: int) -> bool:
    """Whether the words before a name end with a date ("kaveh tomorrow noura friday")."""
    before = tokens[start:stop]
    return (
        bool(before)
        and _date_word(before[-1])
        and any(_may_start_when(t) and t.low not in {"the", "at", "in", "on"} for t in before)
    )


def _starts_action(tok: _Token) -> bool:
    low = tok.low
    return (
        low in PERSON_CUES
        or (low in COMMON_WORDS and low.endswith(("ed", "t", "e")))
        or (low.endswith("ed") and len(low) > 3)
    )


def _text(tokens: list[_Token], begin: int, end: int, *, strip: bool = True) -> str:
    words = []
    for tok in tokens[begin:end]:
        text = tok.text + ("'s" if tok.possessive else "")
        if tok.kind == "punct" and words and tok.low not in {"(", "&", "—", "–", "-"}:
            words[-1] += text
        else:
            words.append(text)
    text = " ".join(words).replace("( ", "(")
    return text.strip(" ,;:-–—") if strip else text


# --- follow-ups -----------------------------------------------------------------------------


def _followups(
    parsed: list[_Answer], mentions: list[_Mention], now: datetime
) -> list[FollowupItem]:
    if len(parsed) <= FOLLOWUP or not parsed[FOLLOWUP].tokens:
        return []
    answer = parsed[FOLLOWUP]
    tokens = answer.tokens
    own = [m for m in mentions if m.answer == FOLLOWUP]
    result: list[FollowupItem] = []
    seen: set[str] = set()
    for begin, end in _items(answer, own, split_on_verbs=False):
        inside = [m for m in own if begin <= m.start < end]
        names = _listed(inside, mentions, tokens)
        if not names or _nothing_to_do(tokens, begin, end, inside):
            continue
        taken = {i for m in inside for i in range(m.start, m.end)}
        when_span = _find_when(tokens, begin, end, now, taken)
        note = _note(tokens, begin, end, inside, when_span)
        for name in names:
            key = normalize_name(name)
            if key in seen:
                continue
            seen.add(key)
            result.append(_followup(name, note, when_span, tokens, now))
    return result


_NOTHING_TO_DO = frozenset(
    {"no", "need", "needed", "nothing", "none", "not", "skip", "n/a", "-", "nope", "for", "now",
     "follow", "up", "needs", "necessary", "required", "done", "already"}
)  # fmt: skip


def _nothing_to_do(tokens: list[_Token], begin: int, end: int, inside: list[_Mention]) -> bool:
    """ "Cian no need", "Tom: nothing for now": a name with nothing to do."""
    named = {i for m in inside for i in range(m.start, m.end)}
    rest = [
        t.low
        for i, t in enumerate(tokens[begin:end], begin)
        if i not in named and t.kind != "punct"
    ]
    negated = any(low in {"no", "nothing", "not", "none", "nope", "skip"} for low in rest)
    return bool(rest) and negated and all(low in _NOTHING_TO_DO for low in rest)


def _listed(inside: list[_Mention], mentions: list[_Mention], tokens: list[_Token]) -> list[str]:
    """The people an item is about: the first one, and any joined to it by "and" or a comma
    ("Call Tom and Sarah tomorrow"); not someone merely mentioned ("ask Ana to intro Tom"),
    nor someone whose relation is meant ("asked his boss", "Ayesha's cofounder")."""
    names: list[str] = []
    last_end = None
    for m in inside:
        if _relation_of(m, tokens):
            continue
        found = _names_of(m, mentions)
        if not found:
            continue
        if last_end is not None:
            between = [t.low for t in tokens[last_end : m.start]]
            if not between or any(low not in _LIST_JOINERS for low in between):
                break
        names.extend(name for name in found if name not in names)
        last_end = m.end
    return names


def _did_it_themselves(tokens: list[_Token], m: _Mention, begin: int, end: int) -> bool:
    """The person is the sentence's subject: they gave, offered or asked, not the user."""
    if m.pronoun or m.end >= end:
        return False
    at_head = m.start == begin or all(tokens[i].kind != "word" for i in range(begin, m.start))
    following = tokens[m.end].low
    return at_head and (following in _VERBISH_AFTER_NAME - {"and"} or _past_tense(following))


def _relation_of(m: _Mention, tokens: list[_Token]) -> bool:
    owner = (m.pronoun and m.words[0] in {"his", "her", "their"}) or tokens[m.end - 1].possessive
    return owner and m.end < len(tokens) and tokens[m.end].low in RELATION_WORDS


def _names_of(m: _Mention, mentions: list[_Mention]) -> list[str]:
    if m.group:
        met = list(dict.fromkeys(o.name for o in mentions if o.answer == WHO and not o.pronoun))
        fits = len(met) == m.group or (m.group < 0 and len(met) > 1)
        return met if fits else []
    if m.pronoun:
        name = _pronoun(m, mentions)
        return [name] if name else []
    return [m.name]


def _find_when(
    tokens: list[_Token], begin: int, end: int, now: datetime, taken: set[int]
) -> tuple[int, int, When] | None:
    """The leftmost, longest run of words in the item that reads as a date (never a name:
    "May — Wednesday next week" is May's follow-up)."""
    for i in range(begin, end):
        tok = tokens[i]
        if i in taken or not _may_start_when(tok):
            continue
        stops = [k for k in taken if k > i]
        limit = min([end, i + _MAX_WHEN_WORDS, *stops])
        for j in range(limit, i, -1):
            if not all(_date_word(t) for t in tokens[i:j]) or _cut_unit(tokens, j, end):
                continue
            when = read_when(_text(tokens, i, j, strip=False), now)
            if when is not None:
                return i, j, when
    return None


_DATE_WORDS = frozenset(
    {"next", "this", "last", "the", "of", "in", "on", "by", "at", "a", "an", "week", "weeks",
     "wk", "wks", "month", "months", "day", "days", "end", "early", "mid", "after", "before",
     "until", "till", "weekend", "couple", "fortnight", "am", "pm", "a.m", "p.m", "noon",
     "morning", "afternoon", "evening", "night", "eod", "one", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "beginning", "start", "tonight", "today",
     "tomorrow", "tmrw", "tmr", "yesterday", "from", "now", "time", "around", "ish", "midnight",
     "tomorow", "tommorow", "tmrow", "thurs", "tues", "weds"}
)  # fmt: skip
_MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip


def _date_word(tok: _Token) -> bool:
    """A word a date can be made of: never "about" in "next Tuesday about the intro"."""
    low = tok.low.rstrip(".")
    return (
        tok.kind == "num"
        or low in _DATE_WORDS
        or low in _MONTH_NAMES
        or low in {"/", "-", ":", ".", ","}
        or weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is not None
        or bool(re.fullmatch(r"\d+(st|nd|rd|th)", low))
    )


def _cut_unit(tokens: list[_Token], j: int, end: int) -> bool:
    """ "in 3 dayz": the number's unit is misspelled, so "in 3" is no date to guess from."""
    if j >= end or tokens[j - 1].kind != "num" or tokens[j].kind != "word":
        return False
    return tokens[j].low.startswith(("day", "week", "wk", "month", "hour", "hr", "min", "fortn"))


def _may_start_when(tok: _Token) -> bool:
    if tok.kind == "num":
        return True
    if tok.kind != "word":
        return False
    low = tok.low.rstrip(".")
    return (
        low in _WHEN_STARTS
        or weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is not None
        or low in {"tmrw", "tmr", "tomorow", "tommorow", "weekend"}
    )


def _note(
    tokens: list[_Token],
    begin: int,
    end: int,
    inside: list[_Mention],
    when_span: tuple[int, int, When] | None,
) -> str | None:
    """What the follow-up is for: the item without its date; None when only "follow up with
    X" is left (the nudge says that anyway)."""
    kept = []
    for i in range(begin, end):
        if when_span and when_span[0] <= i < when_span[1]:
            continue
        kept.append(i)
    words = [tokens[i] for i in kept]
    person_positions = {i for m in inside for i in range(m.start, m.end)}
    meaningful = [
        tokens[i]
        for i in kept
        if i not in person_positions
        and tokens[i].kind != "punct"
        and tokens[i].low not in GENERIC_FOLLOWUP_WORDS
        and tokens[i].low.rstrip(".") not in TITLES
        and tokens[i].low not in {"on", "at", "by", "in", "about", "re"}
    ]
    if not meaningful or not words:
        return None
    head = kept[0]
    if inside and inside[0].start == begin:  # "Kate: tomorrow, send CV" → "send CV"
        rest = [i for i in kept if i >= inside[0].end]
        while rest and tokens[rest[0]].kind == "punct":
            rest = rest[1:]
        if rest:
            head = rest[0]
    text = (
        _text(tokens, head, end) if not when_span else _join(tokens, [i for i in kept if i >= head])
    )
    return text[:500] or None


def _join(tokens: list[_Token], indexes: list[int]) -> str:
    pieces: list[str] = []
    previous = None
    for i in indexes:
        if previous is not None and i != previous + 1 and pieces and pieces[-1] != "":
            pass
        tok = tokens[i]
        text = tok.text + ("'s" if tok.possessive else "")
        if tok.kind == "punct" and pieces and tok.low not in {"(", "&", "—", "–", "-"}:
            pieces[-1] += text
        else:
            pieces.append(text)
        previous = i
    text = " ".join(pieces).strip(" ,;:-–—")
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return re.sub(r"\s*,\s*$", "", text).strip(" ,;:-–—")


def _followup(
    name: str,
    note: str | None,
    when_span: tuple[int, int, When] | None,
    tokens: list[_Token],
    now: datetime,
) -> FollowupItem:
    if when_span is None:
        return FollowupItem(name, note=note)
    start, stop, when = when_span
    when_text = _text(tokens, start, stop, strip=False)
    future = [d for d in when.days if not _past(d, when, now)]
    if len(future) > 1:
        future = [d for d in future if (d - now.date()).days <= _FAIR_READING_DAYS] or future
    if not when.days:
        return FollowupItem(name, note=note, when_text=when_text)
    if not future:
        return FollowupItem(name, note=note, when_text=when_text, past=True)
    if len(when.days) > 1:
        return FollowupItem(name, note=note, when_text=when_text, at=when.at, options=tuple(future))
    return FollowupItem(name, future[0], when.at, note, when_text)


def _past(day: date, when: When, now: datetime) -> bool:
    if when.at is None:
        return day < now.date()
    return datetime.combine(day, when.at) < now
