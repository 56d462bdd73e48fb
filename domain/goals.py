"""Goals: the companies the user aims at, and who they know at each (coaching principle 4: no
goal, the "tommy gun" instead of the "bow and arrow").

A short list of target companies turns "network more" into "reach someone who decides and
someone inside at each of these". For every target the coach shows who the user already knows
there, split by tier (principle 2), and names the one gap to close next. People type a company
many ways ("Acme Inc.", "ACME", "acme, inc"), so matching uses a key, like names do in
`domain.contacts`. Pure: no database, no Telegram, no user-facing sentences.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.contacts import Tier, clean_text, normalize_name, strip_accents

MAX_COMPANIES = 20  # a bow and arrow: more targets than this is a tommy gun again
MAX_COMPANY_LENGTH = 100
MAX_WORDS_PER_COMPANY = 8  # longer items are sentences ("I'd love to work somewhere that…")

# Legal forms that say nothing about which company it is, dropped from the end of a key, after
# dots are removed ("S.A." → "sa"). "Company" is one too: "The Acme Company" is Acme. "Group"
# and "Holdings" are not: they are often a different entity from the operating company.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "ag", "kg", "ug",
        "sa", "sas", "sarl", "srl", "spa", "se", "bv", "nv", "corp", "corporation", "co",
        "company", "plc", "pty", "pvt", "oy", "oyj", "ab", "as", "asa", "aps",
    }
)  # fmt: skip
# Words a key leaves out anywhere, so that "Marks and Spencer" is "Marks & Spencer" ("&" is
# punctuation, so it goes too).
_IGNORED_WORDS = frozenset({"and"})
_LEADING_ARTICLE = "the"  # "The Home Depot" is "Home Depot"
# Keys of answers that name no company: "none", "n/a", "etc.", "not sure".
_NOT_COMPANIES = frozenset(
    {"none", "nothing", "na", "tbd", "idk", "notsure", "etc", "others", "anywhere", "anything"}
)
# Dots and apostrophes join the letters around them: "S.A." is "sa", "McDonald's" "mcdonalds".
_JOINING_CHARS = frozenset(".'’‘ʼ`´")
_ASCII_JOINING = str.maketrans("", "", "".join(c for c in _JOINING_CHARS if c.isascii()))
_ASCII_WORD = re.compile(r"[a-z0-9]+")

# Items in an answer are separated by commas, semicolons, bullets, lines, "and", "or". "&" does
# not separate: it belongs to names like "Procter & Gamble" and "AT&T".
_ITEM_SEPARATORS = re.compile(r"[,;\n\r|•·]|\b(?:and|or)\b", re.IGNORECASE)
# A note about a company, not its name: "Acme (Berlin office)", "Globex - love their culture".
_ITEM_NOTE = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?|\s[-–—]\s.*")
# A list marker: "1. Acme", "2) Globex", "- Initech", "* Umbrella".
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*–—>])\s+")
_EDGE_JUNK = "\"'“”‘’«»*_`,:;!?()[]{} "
_DECISION_OR_INSIDE = frozenset({Tier.DECISION_MAKER, Tier.INSIDER})


def company_key(name: str | None) -> str:
    """The matching key: one string for every way of typing the same company, "" if the text
    names none (empty, punctuation, or only a legal form like "Inc.").

    Accents and case do not count, punctuation and spaces go ("Coca-Cola" is "Coca Cola" is
    "CocaCola"), a leading "The", any "and" and trailing legal forms are dropped, so "Acme Inc.",
    "ACME", "acme, inc", "Acmé GmbH" and "The Acme Company" all give "acme".
    """
    if not name:
        return ""
    words = _words(name)
    if words and words[0] == _LEADING_ARTICLE:
        words = words[1:]
    words = [word for word in words if word not in _IGNORED_WORDS]
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return "".join(words)


def _words(name: str) -> list[str]:
    """The runs of letters, their marks and digits, casefolded and without accents; the joining
    characters vanish. ASCII, by far the most common, takes a regular expression that gives the
    same words (ASCII has no marks, and casefolds as it lowercases): /stats keys every contact
    that names a company, thousands for some users."""
    if name.isascii():
        return _ASCII_WORD.findall(name.lower().translate(_ASCII_JOINING))
    words: list[str] = []
    current: list[str] = []
    for char in strip_accents(name).casefold():
        if char in _JOINING_CHARS:
            continue
        if unicodedata.category(char)[0] in "LMN":  # letters, their marks, digits
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def parse_company_list(text: str, max_companies: int = MAX_COMPANIES) -> list[str]:
    """Company names in the user's answer, "Acme, Globex and Initech; Umbrella" → four names,
    cleaned for showing back, each company once (by `company_key`), in the order given.

    Notes in brackets or after a dash are dropped, and items that name no company ("Inc.",
    "n/a", "etc.") or are too long to be a name are skipped. "and" separates, so "Procter and
    Gamble" becomes two names; "Procter & Gamble" stays one.
    """
    names: list[str] = []
    seen: set[str] = set()
    for item in _ITEM_SEPARATORS.split(text):
        if len(names) >= max_companies:
            break
        name = _company_in_item(item)
        key = company_key(name)
        if name and key and key not in seen and key not in _NOT_COMPANIES:
            seen.add(key)
            names.append(name)
    return names


@dataclass(frozen=True)
class PersonAt:
    """A contact as far as targets care: who, where they work, and their tier (a `Tier` value
    or None when the user has not said)."""

    contact_id: int
    name: str
    company: str | None
    tier: str | None


@dataclass(frozen=True)
class TargetCoverage:
    """Who the user knows at one target company, by what they can do for the goal."""

    company: str
    decision_makers: tuple[PersonAt, ...]
    insiders: tuple[PersonAt, ...]
    others: tuple[PersonAt, ...]  # connectors, peers and untiered people who work there

    @property
    def covered(self) -> bool:
        """Someone who can hire and someone inside who can refer: the target is within reach."""
        return bool(self.decision_makers) and bool(self.insiders)

    @property
    def empty(self) -> bool:
        """Nobody at all there yet."""
        return not (self.decision_makers or self.insiders or self.others)


class CoverageGap(StrEnum):
    """The one gap at a target the coach suggests closing next."""

    NOBODY = "nobody"
    NO_DECISION_MAKER = "no_decision_maker"
    NO_INSIDER = "no_insider"
    COVERED = "covered"


def at_targets(targets: Sequence[str], companies: Iterable[str]) -> list[str]:
    """The companies, as typed on contact cards, that `coverage` matches to one of `targets`:
    only the people at these need loading (a user may have thousands of contacts)."""
    keys = {company_key(target) for target in targets} - {""}
    return [company for company in companies if company_key(company) in keys]


def coverage(targets: Sequence[str], people: Iterable[PersonAt]) -> list[TargetCoverage]:
    """For each target, in order, the people whose company has the same `company_key`, split by
    tier and sorted by name. A target whose key is "" matches nobody."""
    by_company: dict[str, list[PersonAt]] = {}
    for person in people:
        key = company_key(person.company)
        if key:
            by_company.setdefault(key, []).append(person)
    result = []
    for target in targets:
        there = sorted(by_company.get(company_key(target), ()), key=_by_name)
        result.append(
            TargetCoverage(
                company=target,
                decision_makers=tuple(p for p in there if p.tier == Tier.DECISION_MAKER),
                insiders=tuple(p for p in there if p.tier == Tier.INSIDER),
                others=tuple(p for p in there if p.tier not in _DECISION_OR_INSIDE),
            )
        )
    return result


def gap(c: TargetCoverage) -> CoverageGap:
    """What to close next at a target. With neither a decision-maker nor an insider, the insider
    comes first: they are the nearer step, the shortest path to a referral, and can introduce
    the decision-maker."""
    if c.empty:
        return CoverageGap.NOBODY
    if not c.insiders:
        return CoverageGap.NO_INSIDER
    if not c.decision_makers:
        return CoverageGap.NO_DECISION_MAKER
    return CoverageGap.COVERED


def _by_name(person: PersonAt) -> tuple[str, str, int]:
    """Sort key: accent- and case-insensitive name, then as typed, then id, so order is stable."""
    return normalize_name(person.name), person.name, person.contact_id


def _company_in_item(item: str) -> str | None:
    """The display name in one item of a list, or None if the item does not look like one."""
    item = _ITEM_NOTE.sub(" ", _LIST_MARKER.sub("", item))
    name = clean_text(item, MAX_COMPANY_LENGTH + 1)
    if name is None or len(name) > MAX_COMPANY_LENGTH:
        return None
    name = _strip_final_stop(name.strip(_EDGE_JUNK))
    if not name or len(name.split()) > MAX_WORDS_PER_COMPANY:
        return None
    return name


def _strip_final_stop(name: str) -> str:
    """Drop a full stop ending the answer, but keep it in "Acme Inc.", "S.A." or "J.P."."""
    if not name.endswith("."):
        return name
    last = name.split()[-1][:-1]
    if "." in last or len(last) == 1 or last.casefold() in LEGAL_SUFFIXES:
        return name
    return name.rstrip(".").rstrip()


# --- the /goal conversation: reading "who can help", and the next step at an empty target ----


class GoalPart(StrEnum):
    """The three questions of /goal, asked in this order, each skippable."""

    WANT = "want"  # what the user wants: "a product role in fintech"
    WHO = "who"  # who can help: target companies, and roles such as hiring manager
    WHERE = "where"  # where those people gather: events, groups, communities


MAX_ROLES = 10
MAX_ROLE_LENGTH = 60
# Words that make an item of the "who can help" answer a role rather than a company. A company
# named like a role ("Lead Bank") is read as a role; the reply shows how the answer was read,
# and the user can change it.
ROLE_WORDS = frozenset(
    {
        "manager", "managers", "lead", "leads", "leader", "leaders", "head", "heads",
        "director", "directors", "recruiter", "recruiters", "recruiting", "recruitment",
        "talent", "hiring", "founder", "founders", "cofounder", "cofounders", "co-founder",
        "co-founders", "ceo", "ceos", "cto", "ctos", "cpo", "coo", "cfo", "cmo", "cio", "vp",
        "vps", "svp", "evp", "chief", "executive", "executives", "president", "hr", "partner",
        "partners", "principal", "investor", "investors", "mentor", "mentors", "alumni",
        "insider", "insiders", "decision-maker", "decision-makers", "engineer", "engineers",
        "designer", "designers",
    }
)  # fmt: skip
# "Hiring managers at Stripe", "engineers from Adyen": a role, then where.
_AT = re.compile(r"\s+(?:at|@|from)\s+", re.IGNORECASE)
_ROLE_TOKENS = re.compile(r"[\w-]+")
# Who, without saying who: "people at Stripe" names a company and no role.
_NO_ROLE = frozenset({"people", "folks", "anyone", "someone", "somebody", "everyone", "staff"})


@dataclass(frozen=True)
class Helpers:
    """The answer to "who can help", read: target companies and roles, each in the given order."""

    companies: tuple[str, ...]
    roles: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.companies or self.roles)


def read_helpers(text: str) -> Helpers:
    """Companies and roles in one answer: "Stripe, Adyen; hiring managers, team leads" or
    "team leads at Stripe or Adyen". Items are split like `parse_company_list` splits them; an
    item "<role> at <company>" gives one of each, an item with a role word (`ROLE_WORDS`) is a
    role, anything else a company (read by `parse_company_list`, so each company once)."""
    companies: list[str] = []
    roles: list[str] = []
    for item in _ITEM_SEPARATORS.split(text):
        head, tail = _split_at(item)
        if tail is not None:
            companies.append(tail)
            roles.append(head)  # unless it says nobody in particular: see _clean_roles
        elif _is_role(item):
            roles.append(item)
        else:
            companies.append(item)
    return Helpers(tuple(parse_company_list("\n".join(companies))), _clean_roles(roles))


def _split_at(item: str) -> tuple[str, str | None]:
    """("team leads", "Stripe") for "team leads at Stripe"; (item, None) without an "at"."""
    parts = _AT.split(item, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (item, None)


def _is_role(item: str) -> bool:
    return any(token in ROLE_WORDS for token in _ROLE_TOKENS.findall(item.casefold()))


def _clean_roles(items: list[str]) -> tuple[str, ...]:
    """Roles cleaned for showing back (notes and list markers dropped), each once, at most
    MAX_ROLES; generic words ("people") are not roles."""
    roles: list[str] = []
    seen: set[str] = set()
    for item in items:
        role = _company_in_item(item)  # the same cleaning as a company name in a list
        if role is None or len(role) > MAX_ROLE_LENGTH:
            continue
        key = " ".join(role.casefold().split())
        if key in _NO_ROLE or key in seen:
            continue
        seen.add(key)
        roles.append(role)
        if len(roles) == MAX_ROLES:
            break
    return tuple(roles)


class Suggestion(StrEnum):
    """The one concrete step suggested at a target where the user knows nobody yet."""

    ASK_CONNECTOR = "ask_connector"  # ask a connector the user knows, by name, for an intro
    ASK_FOR_INTRO = "ask_for_intro"  # no connector known: ask around for an introduction
    GO_WHERE_THEY_GATHER = "go_where_they_gather"  # the place from the goal, by name


@dataclass(frozen=True)
class NextStep:
    suggestion: Suggestion
    connector: str | None = None  # with ASK_CONNECTOR


def next_step(index: int, connectors: Sequence[str], gather: str | None) -> NextStep:
    """One suggestion for the `index`-th empty target (0-based, in list order).

    A named connector is the warmest way in; the place where the people gather is the other.
    With both, empty targets alternate between them (so the list shows both paths), and
    successive connector suggestions name successive connectors. With neither, ask around.
    """
    options = [Suggestion.ASK_CONNECTOR] if connectors else []
    if gather:
        options.append(Suggestion.GO_WHERE_THEY_GATHER)
    if not options:
        return NextStep(Suggestion.ASK_FOR_INTRO)
    choice = options[index % len(options)]
    if choice == Suggestion.ASK_CONNECTOR:
        return NextStep(choice, connectors[(index // len(options)) % len(connectors)])
    return NextStep(choice)
