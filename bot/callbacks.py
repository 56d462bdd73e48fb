"""Every inline button's data, typed: one small dataclass per button.

Keyboards `pack()` a button, `handlers/__init__.py` routes by its `pattern()`, and the handler
`parse()`s it back, so a format is written once. Data is plain text (`fu:done:42`), not PTB's
`arbitrary_callback_data`, whose cache lives in memory: a restart or a second replica would
forget it. A button names its target by id; handlers check that the target belongs to whoever
pressed it, because anyone can send any data. Telegram allows 64 bytes.
"""

import re
from dataclasses import dataclass, fields
from datetime import date, time
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, ClassVar, Self, get_type_hints

from domain.contacts import Tier
from domain.followups import FollowupAct
from domain.goals import GoalPart
from domain.nudges import NudgeKind
from domain.pace import Mode
from domain.partners import Share

MAX_BYTES = 64
# The integers a button may carry: what a BIGINT column (and SQLite's INTEGER) holds. The data
# format allows 20 digits, and a forged id beyond this range must be stale, not a crash.
INT_RANGE = range(-(2**63), 2**63)


@dataclass(frozen=True)
class Button:
    """A button's data: `PREFIX` then each field, joined by colons."""

    PREFIX: ClassVar[str]

    def __init_subclass__(cls, prefix: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.PREFIX = prefix

    def pack(self) -> str:
        return _pack(self)

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The button, or None for data that is not this button's (stale, forged, garbled)."""
        match = cls.pattern().fullmatch(data) if isinstance(data, str) else None
        if match is None:
            return None
        hints = get_type_hints(cls)
        try:
            return cls(**{f.name: _load(hints[f.name], match[f.name]) for f in fields(cls)})
        except ValueError:  # a date or time that does not exist, a number no column holds
            return None

    @classmethod
    @cache
    def pattern(cls) -> re.Pattern[str]:
        """The regular expression that routes this button's data to its handler."""
        hints = get_type_hints(cls)
        parts = [re.escape(cls.PREFIX)]
        parts += [f"(?P<{f.name}>{_regex(hints[f.name])})" for f in fields(cls)]
        return re.compile(":".join(parts) + "$")


@lru_cache(maxsize=4096)
def _pack(button: Button) -> str:
    """The data string (buttons are frozen, so the planner's thousands of identical buttons
    are packed once)."""
    data = ":".join([button.PREFIX, *(_dump(getattr(button, f.name)) for f in fields(button))])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def _regex(kind: Any) -> str:
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "|".join(re.escape(member.value) for member in kind)
    return {int: r"-?\d{1,20}", date: r"\d{4}-\d{2}-\d{2}", time: r"\d{4}", str: r"[^:]+"}[kind]


def _dump(value: object) -> str:
    if isinstance(value, time):
        return f"{value:%H%M}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _load(kind: Any, text: str) -> object:
    if kind is time:
        return time(int(text[:2]), int(text[2:]))
    if kind is date:
        return date.fromisoformat(text)
    if kind is int and int(text) not in INT_RANGE:
        raise ValueError(f"{text} is out of range")
    return kind(text)


# --- the daily check-in ---------------------------------------------------------------------


@dataclass(frozen=True)
class StartCheckin(Button, prefix="ci:start"):
    pass


@dataclass(frozen=True)
class CheckinYesterday(Button, prefix="ci:yday"):
    """Log a check-in for `day`, valid while it is the presser's yesterday."""

    day: date


@dataclass(frozen=True)
class NothingToday(Button, prefix="ci:none"):
    """ "Nobody today" and friends: valid only for that check-in at that step."""

    checkin_id: int
    step: int


class FixAct(StrEnum):
    """What a button under a check-in summary does to what the check-in understood."""

    OK = "ok"  # looks right: the buttons go
    MENU = "fix"  # show a button per item
    BACK = "back"  # back to the summary's own buttons
    DROP_PERSON = "xp"
    DROP_GIVE = "xg"
    DROP_ASK = "xa"
    DROP_FOLLOWUP = "xf"
    RENAME = "rn"  # someone else: the user types who
    DATES = "dm"  # the date buttons for one follow-up
    DAY = "dd"  # a follow-up in `arg` days
    OPTION = "do"  # one reading (`arg`) of a date with two
    NO_REMINDER = "dn"
    CHOICE = "pc"  # contact `arg` of a first name several contacts share; -1: someone new


@dataclass(frozen=True)
class CheckinFix(Button, prefix="cx"):
    """A fix under a check-in summary: valid only for that check-in and that version of what
    it understood, so a button from an older summary is stale."""

    checkin_id: int
    version: int
    act: FixAct
    index: int = 0
    arg: int = 0


# --- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetCheckinTime(Button, prefix="time"):
    at: time


@dataclass(frozen=True)
class ToggleDay(Button, prefix="days"):
    weekday: int


@dataclass(frozen=True)
class DaysDone(Button, prefix="days:done"):
    pass


# --- follow-ups -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowupButton(Button, prefix="fu"):
    """Done / Snooze / Drop / Let it rest under a nudge: the message becomes a confirmation."""

    act: FollowupAct
    followup_id: int


@dataclass(frozen=True)
class ListedFollowupButton(Button, prefix="fli"):
    """✓ / +1d / +1w / ✕ in the /followups list: the list is shown again at the same page."""

    act: FollowupAct
    followup_id: int
    offset: int


@dataclass(frozen=True)
class FollowupsPage(Button, prefix="fl"):
    offset: int


@dataclass(frozen=True)
class PickDate(Button, prefix="fu:date"):
    """One reading of an ambiguous date (01/02: 1 February or 2 January)."""

    day: date


@dataclass(frozen=True)
class NoNote(Button, prefix="fu:nonote"):
    pass


# --- contacts -------------------------------------------------------------------------------


class CardAction(StrEnum):
    COMPANY = "co"
    HOW_MET = "met"
    REPLIED = "reply"


@dataclass(frozen=True)
class ContactAction(Button, prefix="ct"):
    action: CardAction
    contact_id: int


@dataclass(frozen=True)
class ContactTier(Button, prefix="ct:tier"):
    contact_id: int
    tier: Tier


@dataclass(frozen=True)
class ContactInterval(Button, prefix="ct:int"):
    contact_id: int
    days: int


@dataclass(frozen=True)
class ContactsPage(Button, prefix="cl"):
    offset: int


@dataclass(frozen=True)
class SamePerson(Button, prefix="cm:same"):
    new_id: int
    existing_id: int


@dataclass(frozen=True)
class NewPerson(Button, prefix="cm:new"):
    new_id: int


# --- give first -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AskAnyway(Button, prefix="lg:ask"):
    contact_id: int


@dataclass(frozen=True)
class GiveFirst(Button, prefix="lg:give"):
    contact_id: int


# --- your data ------------------------------------------------------------------------------


class ForgetAnswer(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class Forget(Button, prefix="forget"):
    """The /forget answer names the user and the account's creation instant (microseconds
    since the epoch), so a button pressed by someone else, or kept from an account deleted
    since, changes nothing."""

    answer: ForgetAnswer
    user_id: int
    since: int


# --- automatic nudges -----------------------------------------------------------------------


@dataclass(frozen=True)
class KindOff(Button, prefix="off"):
    """The small button under every automatic nudge: no more of this kind."""

    kind: NudgeKind


@dataclass(frozen=True)
class QuickCheckin(Button, prefix="ci:quick"):
    """One tap logs today's check-in (under a re-engagement message)."""


@dataclass(frozen=True)
class PauseMenu(Button, prefix="pause:menu"):
    """Show how long to pause for."""


@dataclass(frozen=True)
class PauseFor(Button, prefix="pause:for"):
    """Pause for this many days; 0: until the user says so."""

    days: int


# --- settings: /settings, /mode, /quiet -----------------------------------------------------
# Every settings button acts on the presser's own row and names no other row, so checking the
# target means: the presser is known, and the value is one the setting accepts.


class SettingsSection(StrEnum):
    TIME = "time"
    ZONE = "zone"
    DAYS = "days"
    PACE = "pace"
    QUIET = "quiet"
    REVIEW = "review"
    NUDGES = "nudges"
    PAUSE = "pause"
    PARTNER = "partner"
    LANGUAGE = "language"


class Switch(StrEnum):
    ON = "on"
    OFF = "off"


@dataclass(frozen=True)
class SettingsHome(Button, prefix="set:home"):
    """◂ Back: the summary with a button per section."""


@dataclass(frozen=True)
class OpenSection(Button, prefix="set:open"):
    section: SettingsSection


@dataclass(frozen=True)
class SettingsTime(Button, prefix="set:time"):
    at: time


@dataclass(frozen=True)
class SettingsDay(Button, prefix="set:day"):
    """Switch one networking day (0 = Monday) on or off."""

    weekday: int


@dataclass(frozen=True)
class SettingsMode(Button, prefix="set:mode"):
    mode: Mode


@dataclass(frozen=True)
class UseModeDays(Button, prefix="set:usedays"):
    """After a pace switch: take that mode's default days (only while it is the user's mode)."""

    mode: Mode


@dataclass(frozen=True)
class KeepDays(Button, prefix="set:keepdays"):
    """After a pace switch: keep the networking days as they are."""

    mode: Mode


@dataclass(frozen=True)
class SettingsQuiet(Button, prefix="set:quiet"):
    start: time
    end: time


@dataclass(frozen=True)
class SettingsQuietOff(Button, prefix="set:quiet:off"):
    pass


@dataclass(frozen=True)
class SettingsLanguage(Button, prefix="set:lang"):
    """Speak this language (a code of bot.i18n.shipped(); anything else is stale)."""

    language: str


@dataclass(frozen=True)
class SettingsReviewDay(Button, prefix="set:review"):
    weekday: int


@dataclass(frozen=True)
class SettingsKind(Button, prefix="set:kind"):
    """Switch one kind of nudge on or off (the data says which way, so a double tap is safe)."""

    kind: NudgeKind
    switch: Switch


@dataclass(frozen=True)
class SettingsPause(Button, prefix="set:pause"):
    """Pause for this many days; 0: until the user says so."""

    days: int


@dataclass(frozen=True)
class SettingsResume(Button, prefix="set:resume"):
    pass


@dataclass(frozen=True)
class OnboardingMode(Button, prefix="ob:mode"):
    """The pace question at the end of /start (valid while the user is being onboarded)."""

    mode: Mode


# --- the elevator pitch ---------------------------------------------------------------------


@dataclass(frozen=True)
class PitchReplace(Button, prefix="pitch:new"):
    """ "Write a new version" under the current pitch; the version must be the presser's."""

    pitch_id: int


# --- goals ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalStart(Button, prefix="goal:start"):
    """ "Set a goal" under the first check-in summary: the presser's own goal."""


@dataclass(frozen=True)
class GoalSkip(Button, prefix="goal:skip"):
    """Skip under a /goal question: valid only while the presser is asked that question."""

    part: GoalPart


@dataclass(frozen=True)
class GoalChange(Button, prefix="goal:change"):
    """Change one part of the presser's goal (which must exist)."""

    part: GoalPart


@dataclass(frozen=True)
class SettingsShare(Button, prefix="set:share"):
    """What partners see of the presser (/settings → Partner)."""

    share: Share


# --- accountability partners ------------------------------------------------------------------
# An invite's buttons carry its token (only someone who opened the link has it); the others name
# the presser's own `partners` row, which the handler checks belongs to them.


class InviteAnswer(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class PartnerInvite(Button, prefix="pt:inv"):
    answer: InviteAnswer
    token: str


@dataclass(frozen=True)
class PartnerEnd(Button, prefix="pt:end"):
    row_id: int


@dataclass(frozen=True)
class PartnerCheer(Button, prefix="pt:cheer"):
    row_id: int


@dataclass(frozen=True)
class PartnerNudge(Button, prefix="pt:nudge"):
    row_id: int
