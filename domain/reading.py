"""What a check-in says, as typed results: people, channels, gives, asks and follow-ups.

The reader is the seam between free text and everything the coach computes afterwards
(follow-up nudges, keep-warm, give-first, reach-up, online-only, the weekly review). This
module holds the result types, which any reader produces (this rule-based English one, or
later another language or a model behind an endpoint), and their JSON form, stored with the
check-in so the summary's buttons can drop or fix an item after a restart.
"""

from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from domain.contacts import Channel, normalize_name


@dataclass(frozen=True)
class Person:
    """Someone the answers name, once per check-in, with what the words say about them.

    `name` is as written (title aside, capitalised when typed in lower case), or the existing
    contact's name it matched. `choices` lists the contacts a first name alone could be, when
    more than one: the user is asked instead of the reader guessing.
    """

    name: str
    met: bool = False  # named in the first answer: a conversation happened
    channel: Channel | None = None
    company: str | None = None
    role: str | None = None
    contact: str | None = None  # the contact this person is, matched or chosen ("": new)
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return normalize_name(self.name)


@dataclass(frozen=True)
class Exchange:
    """A give or an ask: what was said, and the person it is for (None: nobody named)."""

    text: str
    person: str | None = None


@dataclass(frozen=True)
class FollowupItem:
    """A follow-up: the person, when, and what for.

    `day` is None when no date was given (the user is asked with buttons); `options` holds
    the readings of a date that could mean two days (3/12), to ask which. `past` is a date
    that has gone by, asked about rather than set.
    """

    person: str
    day: date | None = None
    at: time | None = None
    note: str | None = None
    when_text: str | None = None
    options: tuple[date, ...] = ()
    past: bool = False

    @property
    def needs_date(self) -> bool:
        return self.day is None


@dataclass(frozen=True)
class Reading:
    """Everything one check-in says, in the order it was said."""

    people: tuple[Person, ...] = ()
    gives: tuple[Exchange, ...] = ()
    asks: tuple[Exchange, ...] = ()
    followups: tuple[FollowupItem, ...] = ()
    version: int = 0  # one more per fix, so a button from an older summary is stale

    @property
    def empty(self) -> bool:
        return not (self.people or self.gives or self.asks or self.followups)

    def person(self, name: str | None) -> Person | None:
        key = normalize_name(name or "")
        return next((p for p in self.people if p.key == key), None) if key else None

    def to_json(self) -> dict[str, Any]:
        return {
            "people": [_person_json(p) for p in self.people],
            "gives": [{"text": e.text, "person": e.person} for e in self.gives],
            "asks": [{"text": e.text, "person": e.person} for e in self.asks],
            "followups": [_followup_json(f) for f in self.followups],
            "version": self.version,
        }

    @classmethod
    def from_json(cls, stored: dict[str, Any] | None) -> "Reading":
        """The stored reading; an empty one for a check-in from before the reader."""
        if not stored:
            return cls()
        return cls(
            people=tuple(_person_from(p) for p in stored.get("people", [])),
            gives=tuple(Exchange(e["text"], e.get("person")) for e in stored.get("gives", [])),
            asks=tuple(Exchange(e["text"], e.get("person")) for e in stored.get("asks", [])),
            followups=tuple(_followup_from(f) for f in stored.get("followups", [])),
            version=int(stored.get("version", 0)),
        )

    def renamed(self, old: str, new: str) -> "Reading":
        """The reading with person `old` called `new` everywhere (the user said who it was).
        If `new` is someone the reading already names, the two become one person."""
        old_key, new_key = normalize_name(old), normalize_name(new)

        def swap(name: str | None) -> str | None:
            return new if name is not None and normalize_name(name) == old_key else name

        merged: dict[str, Person] = {}
        for p in self.people:
            if p.key == old_key:
                p = replace(p, name=new, contact=new, choices=())
            kept = merged.get(p.key)
            merged[p.key] = p if kept is None else _merge(kept, p)
        people = tuple(merged.values())
        if new_key in merged:  # keep the name as the user typed it, or as it was known
            people = tuple(
                p if p.key != new_key else replace(p, name=merged[new_key].name) for p in people
            )
        return replace(
            self,
            people=people,
            gives=tuple(replace(e, person=swap(e.person)) for e in self.gives),
            asks=tuple(replace(e, person=swap(e.person)) for e in self.asks),
            followups=tuple(replace(f, person=swap(f.person) or f.person) for f in self.followups),
        )


def _merge(first: Person, second: Person) -> Person:
    """One person said twice: what either says about them."""
    return replace(
        first,
        met=first.met or second.met,
        channel=first.channel or second.channel,
        company=first.company or second.company,
        role=first.role or second.role,
        contact=first.contact or second.contact,
        choices=(),
    )


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "met": p.met,
        "channel": p.channel.value if p.channel else None,
        "company": p.company,
        "role": p.role,
        "contact": p.contact,
        "choices": list(p.choices),
    }


def _person_from(stored: dict[str, Any]) -> Person:
    channel = stored.get("channel")
    return Person(
        name=stored["name"],
        met=bool(stored.get("met")),
        channel=Channel(channel) if channel else None,
        company=stored.get("company"),
        role=stored.get("role"),
        contact=stored.get("contact"),
        choices=tuple(stored.get("choices", ())),
    )


def _followup_json(f: FollowupItem) -> dict[str, Any]:
    return {
        "person": f.person,
        "day": f.day.isoformat() if f.day else None,
        "at": f.at.isoformat() if f.at else None,
        "note": f.note,
        "when_text": f.when_text,
        "options": [d.isoformat() for d in f.options],
        "past": f.past,
    }


def _followup_from(stored: dict[str, Any]) -> FollowupItem:
    return FollowupItem(
        person=stored["person"],
        day=date.fromisoformat(stored["day"]) if stored.get("day") else None,
        at=time.fromisoformat(stored["at"]) if stored.get("at") else None,
        note=stored.get("note"),
        when_text=stored.get("when_text"),
        options=tuple(date.fromisoformat(d) for d in stored.get("options", ())),
        past=bool(stored.get("past")),
    )
