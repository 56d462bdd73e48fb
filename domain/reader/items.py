"""Gives, asks and follow-ups: one per clause or person, each with the person it is for,
and a follow-up's date and note."""

from datetime import date, datetime

from domain.contacts import normalize_name
from domain.dates import When, read_when
from domain.lexicon import (
    COMMON_WORDS,
    GENERIC_FOLLOWUP_WORDS,
    PERSON_CUES,
    PRONOUNS_ANY,
    RELATION_WORDS,
    TITLES,
)
from domain.lexicons import ENGLISH_GLOSSARY, Glossary
from domain.reader.tokens import (
    FAIR_READING_DAYS,
    FOLLOWUP,
    LIST_JOINERS,
    MAX_WHEN_WORDS,
    VERBISH_AFTER_NAME,
    WHO,
    Answer,
    Mention,
    Token,
    date_word,
    english_text,
    join_tokens,
    may_start_when,
    past_tense,
    span_text,
)
from domain.reading import Exchange, FollowupItem


def exchanges(parsed: list[Answer], index: int, mentions: list[Mention]) -> list[Exchange]:
    """One give or ask per item, for each person it is for ("Sent Ivana & Luka the list" is
    for both); an item that names nobody is kept without a person."""
    if index >= len(parsed) or not parsed[index].tokens:
        return []
    answer = parsed[index]
    own = [m for m in mentions if m.answer == index]
    items: list[Exchange] = []
    for begin, end in _items(answer, own, split_on_verbs=True):
        text = span_text(answer.tokens, begin, end)
        if not text:
            continue
        inside = [m for m in own if begin <= m.start < end]
        if inside and _did_it_themselves(answer.tokens, inside[0], begin, end):
            inside = inside[1:]  # "Lena gave me feedback", "Tomás offered to refer me"
        people = _listed(inside, mentions, answer.tokens) or [
            _only_person(mentions) if answer.glossary.implicit_object else None
        ]
        items.extend(Exchange(text, person) for person in people)
    return items


def _only_person(mentions: list[Mention]) -> str | None:
    """The person a give or ask that names nobody is for, in a language that leaves out whom
    ("pedi feedback do meu currículo" after a coffee with Ana): the one person the first
    answer met, when it met only one. English says whom, so there it stays nobody."""
    met = {normalize_name(m.name): m.name for m in mentions if m.answer == WHO and not m.pronoun}
    return next(iter(met.values())) if len(met) == 1 else None


def _pronoun(m: Mention, mentions: list[Mention]) -> str | None:
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


def _items(answer: Answer, own: list[Mention], *, split_on_verbs: bool) -> list[tuple[int, int]]:
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
    tokens: list[Token], start: int, previous_end: int, person_start: int, split_on_verbs: bool
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


def _dated(tokens: list[Token], start: int, stop: int) -> bool:
    """Whether the words before a name end with a date ("kaveh tomorrow noura friday"), not
    with a word that only leads into one ("the talk by Kenji")."""
    before = [t for t in tokens[start:stop] if t.kind != "punct"]
    if not before or before[-1].low in _LEADING_DATE_WORDS or not date_word(before[-1]):
        return False
    return any(may_start_when(t) and t.low not in _LEADING_DATE_WORDS for t in before)


_LEADING_DATE_WORDS = frozenset(
    {"the", "at", "in", "on", "by", "of", "a", "an", "next", "this", "last", "from", "after",
     "before", "until", "till", "end", "early", "mid", "start", "beginning"}
)  # fmt: skip


def _starts_action(tok: Token) -> bool:
    low = tok.low
    return (
        low in PERSON_CUES
        or (low in COMMON_WORDS and low.endswith(("ed", "t", "e")))
        or (low.endswith("ed") and len(low) > 3)
    )


def read_followups(
    parsed: list[Answer], mentions: list[Mention], now: datetime
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
        when_span = _find_when(tokens, begin, end, now, taken, answer.glossary)
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


def _nothing_to_do(tokens: list[Token], begin: int, end: int, inside: list[Mention]) -> bool:
    """ "Cian no need", "Tom: nothing for now": a name with nothing to do."""
    named = {i for m in inside for i in range(m.start, m.end)}
    rest = [
        t.low
        for i, t in enumerate(tokens[begin:end], begin)
        if i not in named and t.kind != "punct"
    ]
    negated = any(low in {"no", "nothing", "not", "none", "nope", "skip"} for low in rest)
    return bool(rest) and negated and all(low in _NOTHING_TO_DO for low in rest)


def _listed(inside: list[Mention], mentions: list[Mention], tokens: list[Token]) -> list[str]:
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
            if not between or any(low not in LIST_JOINERS for low in between):
                break
        names.extend(name for name in found if name not in names)
        last_end = m.end
    return names


def _did_it_themselves(tokens: list[Token], m: Mention, begin: int, end: int) -> bool:
    """The person is the sentence's subject: they gave, offered or asked, not the user ("Lena
    gave me feedback", "…, but Tomás offered to refer me"), unless it came "from me"."""
    if m.pronoun or m.end >= end:
        return False
    before = [t for t in tokens[begin : m.start] if t.kind == "word"]
    at_head = not before or before[-1].low in {"but", "then", "so", "and", "while"}
    following = tokens[m.end].low
    did = following in VERBISH_AFTER_NAME - {"and"} or past_tense(following)
    from_me = any(
        tokens[i].low == "from" and tokens[i + 1].low == "me" for i in range(m.end, end - 1)
    )
    return at_head and did and not from_me


def _relation_of(m: Mention, tokens: list[Token]) -> bool:
    owner = (m.pronoun and m.words[0] in {"his", "her", "their"}) or tokens[m.end - 1].possessive
    return owner and m.end < len(tokens) and tokens[m.end].low in RELATION_WORDS


def _names_of(m: Mention, mentions: list[Mention]) -> list[str]:
    if m.group:
        met = list(dict.fromkeys(o.name for o in mentions if o.answer == WHO and not o.pronoun))
        fits = len(met) == m.group or (m.group < 0 and len(met) > 1)
        return met if fits else []
    if m.pronoun:
        name = _pronoun(m, mentions)
        return [name] if name else []
    return [m.name]


def _find_when(
    tokens: list[Token],
    begin: int,
    end: int,
    now: datetime,
    taken: set[int],
    glossary: Glossary = ENGLISH_GLOSSARY,
) -> tuple[int, int, When] | None:
    """The leftmost, longest run of words in the item that reads as a date (never a name:
    "May — Wednesday next week" is May's follow-up)."""
    for i in range(begin, end):
        tok = tokens[i]
        if i in taken or not may_start_when(tok):
            continue
        stops = [k for k in taken if k > i]
        limit = min([end, i + MAX_WHEN_WORDS, *stops])
        for j in range(limit, i, -1):
            if not all(date_word(t) for t in tokens[i:j]) or _cut_unit(tokens, j, end):
                continue
            spelled = span_text(tokens, i, j, strip=False)
            when = (
                read_when(spelled, now)
                if glossary.dateparser is None  # English: the words are the English ones
                else read_when(
                    english_text(tokens, i, j), now, language=glossary.dateparser, spelled=spelled
                )
            )
            if when is not None:
                return i, j, when
    return None


def _cut_unit(tokens: list[Token], j: int, end: int) -> bool:
    """ "in 3 dayz": the number's unit is misspelled, so "in 3" is no date to guess from."""
    if j >= end or tokens[j - 1].kind != "num" or tokens[j].kind != "word":
        return False
    return tokens[j].low.startswith(("day", "week", "wk", "month", "hour", "hr", "min", "fortn"))


def _note(
    tokens: list[Token],
    begin: int,
    end: int,
    inside: list[Mention],
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
        span_text(tokens, head, end)
        if not when_span
        else join_tokens(tokens, [i for i in kept if i >= head])
    )
    return text[:500] or None


def _followup(
    name: str,
    note: str | None,
    when_span: tuple[int, int, When] | None,
    tokens: list[Token],
    now: datetime,
) -> FollowupItem:
    if when_span is None:
        return FollowupItem(name, note=note)
    start, stop, when = when_span
    when_text = span_text(tokens, start, stop, strip=False)
    future = [d for d in when.days if not _past(d, when, now)]
    if len(future) > 1:
        future = [d for d in future if (d - now.date()).days <= FAIR_READING_DAYS] or future
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
