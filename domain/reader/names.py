"""One name per person: a first name or a short form is the full name said elsewhere in the
same check-in, else the one contact with that first name; several such contacts are asked
about."""

from collections.abc import Sequence
from dataclasses import replace

from domain.contacts import MAX_NAME_LENGTH, normalize_name
from domain.lexicon import (
    PARTICLES,
)
from domain.reader.people import Known
from domain.reader.tokens import MAX_PEOPLE, WHO, Mention
from domain.reading import Person


def resolve(mentions: list[Mention], known: Known) -> None:
    """Give every mention its person's name: a first name or surname alone is the full name
    said in the same check-in, else a contact's; pronouns are resolved later, per answer."""
    named = [m for m in mentions if not m.pronoun]
    keys = {id(m): [normalize_name(w) for w in m.words] for m in named}
    longest: dict[str, tuple[list[str], Mention]] = {}
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


def people_of(mentions: list[Mention], known: Known) -> list[Person]:
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
