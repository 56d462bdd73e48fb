"""The settings screen: everything about a user's pace and attention in one view, and the pace
switch that proposes new days instead of imposing them (principle 1).

The single settings live in `services.users` (time, days, quiet hours, review day),
`services.nudges` (kinds on and off) and `services.pauses`; this module puts them together.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db.models import User
from domain.attention import Pause
from domain.nudges import NudgeKind
from domain.pace import DEFAULT_DAYS, Mode, days_to_propose
from services import nudges, pauses, users


@dataclass(frozen=True)
class Overview:
    switches: Mapping[NudgeKind, bool]  # every switchable kind: on?
    pause: Pause | None  # the pause the user is in today


async def overview(session: AsyncSession, user: User, now: datetime) -> Overview:
    found = await pauses.current(session, user, now)
    pause = Pause(found.starts_on, found.ends_on) if found else None
    return Overview(await nudges.switches(session, user.id), pause)


def switch_mode(user: User, mode: Mode) -> int | None:
    """Set the pace; the days to propose (the new mode's defaults) if they differ from the
    user's. The days themselves change only when the user takes the proposal."""
    proposed = days_to_propose(user.mode, mode, user.networking_days)
    users.set_mode(user, mode)
    return proposed


def use_mode_days(user: User, now: datetime) -> int:
    """Take the current mode's default days (never none)."""
    days = DEFAULT_DAYS[user.mode]
    users.set_networking_days(user, days, now)
    return days


def first_mode(user: User, mode: Mode, now: datetime) -> None:
    """The pace chosen during /start: it is the initial setup, so its days apply directly,
    unless the user chose other days meanwhile (/days during onboarding): those stay."""
    chosen = user.networking_days != DEFAULT_DAYS[user.mode]
    users.set_mode(user, mode)
    if not chosen:
        users.set_networking_days(user, DEFAULT_DAYS[mode], now)
