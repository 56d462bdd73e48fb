"""What the bot is waiting for: one table of conversation states and a typed draft per flow.

A question the bot asked outside a check-in ("which timezone?", "when should I remind you?")
is remembered in `users.awaiting`, and what a multi-step flow collected so far in
`users.draft` (JSON), so a restart or a second replica continues the conversation. Each state
names the free-text answer it waits for; `handlers.messages` routes by it.
"""

from dataclasses import asdict, dataclass, fields
from datetime import date, time
from enum import StrEnum
from typing import Any, ClassVar, Self, get_type_hints


class Awaiting(StrEnum):
    ONBOARDING_TIMEZONE = "onboarding_timezone"
    ONBOARDING_TIME = "onboarding_time"
    ONBOARDING_MODE = "onboarding_mode"
    TIMEZONE = "timezone"
    CHECKIN_TIME = "checkin_time"
    FOLLOWUP_NAME = "followup_name"
    FOLLOWUP_WHEN = "followup_when"
    FOLLOWUP_NOTE = "followup_note"
    CONTACT_COMPANY = "contact_company"
    CONTACT_HOW_MET = "contact_how_met"
    PITCH = "pitch"  # /pitch alone, or its "write a new version" button
    GOAL_WANT = "goal_want"  # the three questions of /goal (domain.goals.GoalPart)
    GOAL_WHO = "goal_who"
    GOAL_WHERE = "goal_where"
    CHECKIN_PERSON = "checkin_person"  # who a person of a check-in summary really was


@dataclass(frozen=True)
class Draft:
    """Base of the typed drafts: stored as JSON with the flow's name, read back or None."""

    FLOW: ClassVar[str]

    def to_json(self) -> dict[str, Any]:
        values = {key: _dump(value) for key, value in asdict(self).items()}
        return {"flow": self.FLOW, **values}

    @classmethod
    def from_json(cls, stored: dict[str, Any] | None) -> Self | None:
        """The draft if `stored` is one of this flow (a stale or foreign draft is None)."""
        if not stored or stored.get("flow") != cls.FLOW:
            return None
        hints = get_type_hints(cls)
        try:
            return cls(**{f.name: _load(hints[f.name], stored.get(f.name)) for f in fields(cls)})
        except (TypeError, ValueError):
            return None


@dataclass(frozen=True)
class FollowupDraft(Draft):
    """/followup asked step by step, or a date that had two readings."""

    FLOW: ClassVar[str] = "followup"
    name: str | None = None
    day: date | None = None
    at: time | None = None
    when_text: str | None = None
    text: str | None = None  # the whole request, while the user picks one reading of a date
    note: str | None = None  # read with the name, kept while the date is asked


@dataclass(frozen=True)
class ContactFieldDraft(Draft):
    """The contact card asked for the company/role or how you met."""

    FLOW: ClassVar[str] = "contact_field"
    contact_id: int = 0


@dataclass(frozen=True)
class AskDraft(Draft):
    """An ask held back while the coach suggests giving first."""

    FLOW: ClassVar[str] = "ask"
    contact_id: int = 0
    what: str = ""


@dataclass(frozen=True)
class GoalDraft(Draft):
    """/goal's questions: walking through all three, or changing `only` the one asked."""

    FLOW: ClassVar[str] = "goal"
    only: bool = False


@dataclass(frozen=True)
class PersonFixDraft(Draft):
    """The summary's "not them?": which check-in, which reading and which person."""

    FLOW: ClassVar[str] = "person_fix"
    checkin_id: int = 0
    version: int = 0
    index: int = 0


def _dump(value: object) -> object:
    return value.isoformat() if isinstance(value, date | time) else value


def _load(hint: object, value: object) -> object:
    if value is None:
        return None
    kinds = getattr(hint, "__args__", (hint,))
    if date in kinds:
        return date.fromisoformat(str(value))
    if time in kinds:
        return time.fromisoformat(str(value))
    if int in kinds and not isinstance(value, int):
        raise ValueError(f"not an integer: {value!r}")
    if str in kinds and not isinstance(value, str):
        raise ValueError(f"not a string: {value!r}")
    return value
