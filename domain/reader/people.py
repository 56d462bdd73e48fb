"""Finding the people an answer names: capitalised runs after a cue, list items, names in
lower case after a strong cue, pronouns and group words. Companies, places and verbs are
not people."""

from collections.abc import Sequence

from domain.contacts import normalize_name
from domain.lexicon import (
    CALL_WORDS,
    COMMON_WORDS,
    COMPANY_PREPOSITIONS,
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
    RELATION_WORDS,
    TITLES,
    WORD_NAMES,
)
from domain.reader.describe import describe
from domain.reader.tokens import (
    AMBIGUOUS_PARTICLES,
    CHANNEL_WORDS,
    COMM_VERBS,
    COMPANY_BRIDGES,
    CONTACT_CUES,
    DETERMINERS,
    KNOWN_WORDS,
    LIST_JOINERS,
    MAX_NAME_WORDS,
    NOTE_OPENERS,
    OBJECT_STARTS,
    ROLE_WORDS,
    VERBISH_AFTER_NAME,
    WHEN_STARTS,
    WHO,
    Answer,
    Mention,
    Token,
    is_capital,
    past_tense,
)
from domain.weekdays import FREE_TEXT_MIN_LETTERS, weekday_index


class Known:
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


def find_people(answer: Answer, known: Known, earlier: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    for clause_no, (begin, end) in enumerate(answer.clauses):
        found.extend(_people_in_clause(answer, clause_no, begin, end, known, [*earlier, *found]))
    return found


def _people_in_clause(
    answer: Answer, clause: int, begin: int, end: int, known: Known, seen: list[Mention]
) -> list[Mention]:
    tokens = answer.tokens
    found: list[Mention] = []
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
                Mention(answer.index, clause, i, stop, ("both",), pronoun=True, group=size)
            )
            i = stop
            continue
        if tok.low in PRONOUNS and answer.index != WHO:
            found.append(Mention(answer.index, clause, i, i + 1, (tok.low,), pronoun=True))
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
                or _judge(
                    tokens,
                    start,
                    stop,
                    begin,
                    end,
                    known,
                    seen_keys,
                    found,
                    who=answer.index == WHO,
                )
                != "person"
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
        describe(tokens, begin, end, [m for m in found if not m.pronoun])
    return found


_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "3": 3, "4": 4}


def _group_at(tokens: list[Token], i: int, end: int) -> tuple[int, int] | None:
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


def _seen_keys(seen: list[Mention]) -> set[str]:
    keys = set()
    for m in seen:
        if m.pronoun:
            continue
        key = normalize_name(" ".join(m.words))
        keys.add(key)
        keys.update(part for part in key.split() if len(part) > 1 and part not in PARTICLES)
    return keys


def _mention(answer: Answer, clause: int, start: int, stop: int, tokens: list[Token]) -> Mention:
    words = tuple(
        t.text for t in tokens[start:stop] if t.kind == "word" and t.low.rstrip(".") not in TITLES
    )
    base_forms = answer.glossary.base_forms
    if base_forms is not None and words:  # "с Ольгой Ивановой": Ольга Иванова, as on a card
        words = base_forms(words)
    return Mention(answer.index, clause, start, stop, words)


def _known_span(tokens: list[Token], i: int, end: int, known: Known, seen: set[str]) -> int | None:
    """The end of the longest run from `i` that is a contact's name or a name said earlier
    (in any case: "maria santos", "priya")."""
    first = tokens[i].low
    capital_inside = tokens[i].text[:1].isupper() and i > 0 and tokens[i - 1].kind == "word"
    after_cue = i > 0 and tokens[i - 1].low in (LOWERCASE_CUES | CONTACT_CUES) - {"to", "and", "&"}
    said = first in seen and (capital_inside or (first in WORD_NAMES and after_cue))
    if (first in COMMON_WORDS and not said) or (first in NEVER_NAMES and first not in seen):
        return None  # "will ping will": the second is Will, said earlier; the first is no one
    if i + 1 < end and tokens[i + 1].kind == "num" and first in NEVER_NAMES:
        return None  # "on Jan 7": the month, even with Jan de Jong in the check-in
    if first in WORD_NAMES and tokens[i].text.islower() and not _cued(tokens, i):
        return None  # "need to mark the hackathon", even with Mark Jensen a contact
    longest = None
    words: list[str] = []
    for j in range(i, min(end, i + max(known.longest, 3))):
        if tokens[j].kind != "word":
            break
        words.append(tokens[j].name)
        key = normalize_name(" ".join(words))
        if key in known.by_key or key in seen or (len(words) == 1 and key in known.by_first):
            longest = j + 1
        if tokens[j].possessive:
            break
    return longest


def _cued(tokens: list[Token], i: int) -> bool:
    """At the head of a clause, or right after a cue ("ping will", "with grace")."""
    if i == 0 or tokens[i - 1].kind in {"brk", "punct"}:
        return True
    return tokens[i - 1].low in (LOWERCASE_CUES | CONTACT_CUES) - {"to", "and", "&"}


def _capital_span(tokens: list[Token], i: int, end: int) -> int | None:
    """The end of a run of capitalised words from `i`, particles inside (van der Berg), or
    before a surname ("van der Berg: next Tuesday")."""
    if tokens[i].kind == "word" and tokens[i].low in PARTICLES and tokens[i].text.islower():
        k = i
        while k < end and k - i < 3 and tokens[k].low in PARTICLES and tokens[k].kind == "word":
            k += 1
        if (
            k == i
            or k >= end
            or not is_capital(tokens[k])
            or (k - i < 2 and tokens[i].low in AMBIGUOUS_PARTICLES)
        ):
            return None
        return _capital_span(tokens, k, end)
    if not is_capital(tokens[i]):
        return None
    j = i + 1
    while j < end and j - i < MAX_NAME_WORDS + 2 and not tokens[j - 1].possessive:
        tok = tokens[j]
        if is_capital(tok) and tok.low not in NEVER_NAMES:
            j += 1
        elif tok.kind == "word" and tok.low in PARTICLES:
            k = j
            while k < end and k - j < 3 and tokens[k].kind == "word" and tokens[k].low in PARTICLES:
                k += 1
            if k < end and is_capital(tokens[k]):
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
    tokens: list[Token],
    start: int,
    stop: int,
    clause_start: int,
    seen: set[str],
    known: Known,
    found: list[Mention],
) -> tuple[int | None, int]:
    """The run without words that cannot be part of a name: a sentence's first verb or noun
    ("Had", "Coffee", "Thank"), a title, a day or a product. None if nothing is left."""
    while start < stop:
        tok = tokens[start]
        low = tok.low.rstrip(".")
        at_start = start == clause_start or _after_list_break(tokens, start, clause_start)
        if low in TITLES or (low in NEVER_NAMES and not _first_of_longer_name(tokens, start, stop)):
            start += 1
        elif (low in COMMON_WORDS or low in CHANNEL_WORDS) and (
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
        and tokens[stop].low in OBJECT_STARTS
        and not known.has([tokens[start].text])
        and normalize_name(tokens[start].text) not in seen
    ):
        start += 1  # "Brought Jamal the book": a verb, then who it was for
    elif (
        start == clause_start
        and stop - start > 1
        and past_tense(tokens[start].low)
        and not known.has([tokens[start].text])
        and normalize_name(tokens[start].text) not in seen
    ):
        start += 1  # "Hooked Nia up", "FaceTimed April": the sentence's verb
    return (start if start < stop else None), stop


def _continues_list(tokens: list[Token], start: int, found: list[Mention]) -> bool:
    return (
        start >= 1
        and tokens[start - 1].low in {"and", "&", ","}
        and bool(found)
        and found[-1].end == start - 1
        and not found[-1].pronoun
    )


def _first_of_longer_name(tokens: list[Token], start: int, stop: int) -> bool:
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


def _after_relation(tokens: list[Token], start: int, clause_start: int) -> bool:
    """ "my manager Karin", "his friend renata", "an old roommate Enrique"."""
    relation = tokens[start - 1] if start - 1 > clause_start else None
    if relation is None or relation.low not in RELATION_WORDS or relation.possessive:
        return False
    if tokens[start - 2].low in CONTACT_CUES:
        return True  # "coffee w/ candidate Oluwaseun"
    return any(t.low in DETERMINERS for t in tokens[max(clause_start, start - 5) : start - 1])


def _after_list_break(tokens: list[Token], i: int, clause_start: int) -> bool:
    return i > clause_start and tokens[i - 1].low in {",", ":", "(", "-", "–", "—"}


def _after_cue(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].low in PERSON_CUES


def _judge(
    tokens: list[Token],
    start: int,
    stop: int,
    clause_start: int,
    clause_end: int,
    known: Known,
    seen: set[str],
    found: list[Mention],
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
    if lows[0] in ROLE_WORDS or lows[0] in RELATION_WORDS:
        return "no"  # "…, Head of AI at Siemens": who they are, not their name
    prev = tokens[start - 1] if start > clause_start else None
    prev_low = prev.low.rstrip(".") if prev else ""
    if prev_low in TITLES or _after_relation(tokens, start, clause_start):
        return "person"
    if tokens[stop - 1].possessive and len(words) > 1 and prev_low not in NOT_A_CUE - {"to"}:
        return "person"  # "Lisa Wong's talk"
    if prev_low == "from" and start >= 2 and tokens[start - 2].low in COMM_VERBS | _HEARD:
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
    if prev_low == "by" and len(words) > 1:
        return "person"  # "the talk by Kenji Watanabe" (but "by Friday", "by Acme")
    if prev_low in COMPANY_PREPOSITIONS or prev_low in NOT_A_CUE:
        return "no"
    after = tokens[stop] if stop < clause_end else None
    if after is not None and after.low in _OWNED_BY_GROUPS:
        return "no"  # "Stripe's recruiter", "Paystack folks"
    adjacent = bool(found) and found[-1].end == start - 1 and not found[-1].pronoun
    if prev is not None and prev.low in LIST_JOINERS and adjacent:
        return "person"  # "Paul and Julien from Mistral"
    if prev is None or _item_start(tokens, start, clause_start, found):
        return "person" if _heads_item(tokens, start, stop, clause_end, lows, who=who) else "no"
    if _from_company(tokens, stop, clause_end) and prev.low in {",", "and", "&"}:
        return "person"  # "…, Jasmine from SAP"
    if prev.low == "," and len(words) == 1 and _ends_item(tokens, stop, clause_end):
        cued = any(t.low in PERSON_CUES - {"to", "for"} for t in tokens[clause_start:start])
        if cued:
            return "person"  # "Met the CEO of Acme, Sally"
    if prev.low in LIST_JOINERS and _joined_to_person(tokens, start - 1, found):
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


_OWNED_PLACES = frozenset(
    {"studio", "office", "house", "home", "place", "flat", "apartment", "desk", "team", "lab",
     "gallery", "shop", "store", "practice", "clinic", "firm", "agency", "startup", "company"}
)  # fmt: skip


def _ends_item(tokens: list[Token], stop: int, clause_end: int) -> bool:
    return stop >= clause_end or tokens[stop].low in LIST_JOINERS | NOTE_OPENERS


def _from_company(tokens: list[Token], stop: int, clause_end: int) -> bool:
    """ "Jasmine from SAP": a name, then where they work."""
    return (
        stop + 1 < clause_end
        and tokens[stop].low in {"from", "at", "@"}
        and is_capital(tokens[stop + 1])
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


def _item_start(tokens: list[Token], start: int, clause_start: int, found: list[Mention]) -> bool:
    """Whether the run starts an item of a list: after a comma or "and" that follows a person
    (and their note: "Ines (coffee), Marek"), or after a heading ("Coffee: Luca and Mia")."""
    joiner = tokens[start - 1].low
    if joiner in NOTE_OPENERS and start - 1 == clause_start:
        return True
    if joiner == ":":
        head = tokens[clause_start : start - 1]
        return 0 < len(head) <= 3 and all(
            t.low in KNOWN_WORDS or t.low in NEVER_NAMES for t in head
        )
    if joiner not in LIST_JOINERS or not found:
        return False
    note = tokens[found[-1].end : start - 1]
    return not note or (note[0].low in NOTE_OPENERS - {","} and len(note) <= 6)


def _sent_to(tokens: list[Token], clause_start: int, to_index: int) -> bool:
    """Whether "to" before a name follows a word of sending or talking ("message to Tomás",
    "introduced Joanna to Pieter"), not of going ("moved to Porto")."""
    return any(t.low in COMM_VERBS for t in tokens[clause_start:to_index])


def _sent_to_person(
    tokens: list[Token], clause_start: int, to_index: int, words: list[str]
) -> bool:
    """ "message to Tomás", "introduced Joanna to Pieter", "talked to Kim Lee"; but "sent my
    profile to Allianz" sends a thing to an organisation."""
    if not _sent_to(tokens, clause_start, to_index):
        return False
    if len(words) > 1:
        return True
    verb = max(i for i in range(clause_start, to_index) if tokens[i].low in COMM_VERBS)
    return not any(t.low in DETERMINERS for t in tokens[verb + 1 : to_index])


def _joined_to_person(tokens: list[Token], joiner: int, found: list[Mention]) -> bool:
    """ "Maria from Stripe and Tom": a list goes on after a person and their company."""
    if not found:
        return False
    between = tokens[found[-1].end : joiner]
    return len(between) <= 4 and any(t.low in COMPANY_BRIDGES for t in between)


def _heads_item(
    tokens: list[Token],
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
    if after.low in NOTE_OPENERS | LIST_JOINERS or after.low in {"/", "+", "x"}:
        return True
    verb_like = len(lows) == 1 and lows[0].endswith(("ed", "ing")) and len(lows[0]) > 4
    if verb_like:
        return False  # "Hopped on a call", "Reconnected with": a verb, not Mohammed
    dated = (
        after.kind == "num"
        or after.low in WHEN_STARTS
        or (weekday_index(after.low, min_letters=FREE_TEXT_MIN_LETTERS) is not None)
    )
    if dated:
        return not who  # "Nadia on Thursday" heads a follow-up; "Taco Tuesday" is lunch
    if after.low in VERBISH_AFTER_NAME or (after.low in PERSON_CUES and after.low.endswith("ed")):
        return True  # "Anna replied", not "Site visit"
    return len(lows) > 1 and after.low in {"from", "at", "of", "@", "about", "re"}


def _lowercase_span(
    tokens: list[Token],
    i: int,
    end: int,
    clause_start: int,
    answer: Answer,
    found: list[Mention],
    lower_items: bool,
) -> int | None:
    """A name typed in lower case: after a cue of contact ("emailed george", "zoom with priya
    raman"), a title ("mr tanaka"), "my friend renata", or another such name ("kaveh and
    noura"); after other cues ("asked nadine") only where the writer uses no capitals. Its
    words are not common English, a day, a product or a pronoun."""
    if not _could_be_lower_name(tokens[i]):
        return None
    if tokens[i].low in WORD_NAMES and not _cued(tokens, i):
        return None  # "need to mark the hackathon"
    prev = tokens[i - 1].low.rstrip(".") if i > clause_start else ""
    after_person = bool(found) and found[-1].end == i - 1 and prev in {"and", "&", ","}
    if prev in TITLES:
        longest = 2
    elif (
        (lower_items and (i == clause_start or prev in LIST_JOINERS))
        or prev in CONTACT_CUES
        or (prev == "to" and _sent_to(tokens, clause_start, i - 1))
    ):
        longest = 3
    elif answer.lower_style and (after_person or _after_relation(tokens, i, clause_start)):
        longest = 2
    elif answer.lower_style and prev in LOWERCASE_CUES - {"and", "&", "to"}:
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


def _lower_list(tokens: list[Token], begin: int, end: int) -> bool:
    """A first answer that is a list of lower-case names: "olga, ivan", "erik - call"."""
    items: list[list[Token]] = [[]]
    for tok in tokens[begin:end]:
        if tok.low in {",", "and", "&", "+"}:
            items.append([])
        else:
            items[-1].append(tok)
    for item in items:
        head = []
        for tok in item:
            if tok.low in NOTE_OPENERS:
                break
            head.append(tok)
        rest = item[len(head) + 1 :]
        if not head or len(head) > 3 or not all(_could_be_lower_name(t) for t in head):
            return False
        if rest and not any(t.low in IN_PERSON_WORDS | CALL_WORDS | MESSAGE_WORDS for t in rest):
            return False
    return True


def _could_be_lower_name(tok: Token) -> bool:
    low = tok.low
    return (
        tok.kind == "word"
        and not tok.glossed  # a word of the user's language the glossary knows
        and tok.text.islower()
        and tok.text.isalpha()
        and len(low) > 1
        and low not in KNOWN_WORDS
        and low not in NEVER_NAMES
        and low not in PARTICLES
        and low not in WHEN_STARTS
        and low not in ROLE_WORDS
        and not low.endswith(("ing", "tion", "ment", "ness", "ship", "ers", "ity"))
        and weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is None
    )
