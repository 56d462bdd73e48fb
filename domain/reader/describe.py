"""What the first answer says about each person it names: how they talked (the channel),
and the company and role said in passing."""

import itertools

from domain.contacts import Channel
from domain.dates import MONTH_WORDS
from domain.lexicon import (
    CALL_WORDS,
    COMMON_WORDS,
    IN_PERSON_WORDS,
    MESSAGE_WORDS,
    PERSON_CUES,
)
from domain.reader.tokens import (
    COMPANY_BRIDGES,
    EMOJI_CHANNELS,
    EVENT_WORDS,
    GROUP_WORDS,
    LIST_JOINERS,
    ROLE_WORDS,
    WEAK_CHANNEL_WORDS,
    Mention,
    Token,
)
from domain.weekdays import FREE_TEXT_MIN_LETTERS, weekday_index


def describe(tokens: list[Token], begin: int, end: int, people: list[Mention]) -> None:
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


def _only_weak(tokens: list[Token], positions: range) -> bool:
    found = [i for i in positions if _channel_of(tokens, i) is not None]
    return bool(found) and all(tokens[i].low in WEAK_CHANNEL_WORDS for i in found)


def _note_end(tokens: list[Token], start: int, limit: int) -> int:
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


def _share_along_lists(tokens: list[Token], people: list[Mention]) -> None:
    """People listed together share a channel: "Coffee with Ana and Bruno", "aoife and niamh
    - drinks", "zoom w/ Henrik + his PhD student Mei"; not across "then" or a new verb."""
    for left, right in itertools.pairwise(people):
        between = tokens[left.note_end : right.start]
        if right.channel is None and left.channel and not any(map(_breaks_list, between)):
            right.channel = left.channel
    for left, right in reversed(list(itertools.pairwise(people))):
        between = tokens[left.note_end : right.start]
        joined = all(t.low in LIST_JOINERS for t in between)
        if left.channel is None and left.note_end == left.end and right.channel and joined:
            left.channel = right.channel


def _breaks_list(tok: Token) -> bool:
    low = tok.low
    if low in {"then", "later", "also", "after", "before", "afterwards", ";", "while"}:
        return True
    return low in PERSON_CUES - {"with", "w/", "w", "to", "for"} or (
        low in COMMON_WORDS and low.endswith("ed")
    )


def _channel_in(tokens: list[Token], positions: range) -> Channel | None:
    """The first channel word at `positions`, a strong word ("coffee", "zoom") before a weak
    one ("chat")."""
    weak = None
    for i in positions:
        channel = _channel_of(tokens, i)
        if channel is None:
            continue
        if tokens[i].low not in WEAK_CHANNEL_WORDS or _channel_of(tokens, i - 1) == Channel.CALL:
            return channel
        weak = weak or channel
    return weak


def _channel_of(tokens: list[Token], i: int) -> Channel | None:
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
    if tokens[i].kind == "punct" and low in EMOJI_CHANNELS:
        return EMOJI_CHANNELS[low]
    if low in IN_PERSON_WORDS:
        return Channel.IN_PERSON
    if low in CALL_WORDS:
        return Channel.CALL
    if low in MESSAGE_WORDS:
        return Channel.MESSAGE
    return None


def _company_after(tokens: list[Token], begin: int, end: int) -> tuple[str | None, str | None]:
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
        and tokens[i].low not in COMPANY_BRIDGES
        and len(role_words) < 4
        and (tokens[i].low in ROLE_WORDS or role_words)
    ):
        role_words.append(tokens[i].text)
        i += 1
    if role_words and i + 1 < end and tokens[i].low == "of":
        field = _company_name(tokens, i + 1, end)  # "Head of AI at Siemens": AI is the field
        after = i + 1 + len(field.split()) if field else 0
        if field and after < end and tokens[after].low in {"at", "@"}:
            role_words += ["of", field]
            i = after
    if i < end and tokens[i].low in COMPANY_BRIDGES:
        company = _company_name(tokens, i + 1, end)
        if company:
            return company, " ".join(role_words) or None
    if begin < end and tokens[begin].low == "(" and not role_words:
        company = _company_name(tokens, begin + 1, end)
        closing = begin + 1 + len(company.split()) if company else 0
        if company and closing < len(tokens) and tokens[closing].low == ")":
            return company, None
    return None, (" ".join(role_words) or None) if role_words and begin < end else None


def _company_name(tokens: list[Token], i: int, end: int) -> str | None:
    words: list[str] = []
    while i < end and tokens[i].kind in {"word", "num"} and len(words) < 4:
        tok = tokens[i]
        if not (tok.text[0].isupper() or tok.kind == "num" or (words and tok.low in {"&"})):
            break
        if _channel_of(tokens, i) is not None and tok.low not in {"meta"}:
            break
        words.append(tok.org or tok.text)
        i += 1
        if tok.possessive:
            break
    if not words or any(w.casefold() in EVENT_WORDS for w in words):
        return None
    if words[0].casefold() in COMMON_WORDS | {"the"} or words[0].casefold() in MONTH_WORDS:
        return None
    if weekday_index(words[0].casefold(), min_letters=FREE_TEXT_MIN_LETTERS) is not None:
        return None
    return " ".join(words)


def _group_company(tokens: list[Token], begin: int, end: int) -> str | None:
    """ "Coffee with Ana and Bruno, both from Nubank": one company for everyone in the clause."""
    for i in range(begin, end - 2):
        if tokens[i].low in GROUP_WORDS and tokens[i + 1].low in COMPANY_BRIDGES:
            return _company_name(tokens, i + 2, end)
    return None
