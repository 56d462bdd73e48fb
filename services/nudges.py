"""Each kind of automatic nudge can be switched off (and on again) by the user."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from db.models import User
from domain.attention import KindState, states_from_json, states_to_json
from domain.nudges import SWITCHABLE, NudgeKind
from services import users


async def switches(session: AsyncSession, user_id: int) -> dict[NudgeKind, bool]:
    """Every switchable kind with whether it is on (on unless switched off)."""
    user = await users.get(session, user_id)
    states = states_from_json(user.attention if user else None)
    return {kind: states.get(kind, KindState()).enabled for kind in SWITCHABLE}


async def switch(
    session: AsyncSession, user: User, kind: NudgeKind, enabled: bool, now: datetime
) -> None:
    """Switch one kind on or off (its ignore count starts again); switching on wakes the
    planner, since a nudge of that kind may be due now."""
    states = states_from_json(user.attention)
    state = states.get(kind, KindState())
    states[kind] = KindState(enabled, state.last_due_at, 0)
    user.attention = {**(user.attention or {}), **states_to_json({kind: states[kind]})}
    if enabled:
        users.wake(user, now)
