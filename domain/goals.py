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
    if words and words[0] == _LEADING_ARTICLE:
        words = words[1:]
    words = [word for word in words if word not in _IGNORED_WORDS]
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return "".join(words)


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
