"""Each kind of automatic nudge can be switched off (and on again) by the user."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import NudgeState, User
from domain.nudges import SWITCHABLE, NudgeKind
from services import users


async def switches(session: AsyncSession, user_id: int) -> dict[NudgeKind, bool]:
    """Every switchable kind with whether it is on (on unless switched off)."""
    query = select(NudgeState.kind, NudgeState.enabled).where(NudgeState.user_id == user_id)
    stored = {kind: enabled for kind, enabled in await session.execute(query)}
    return {kind: stored.get(kind, True) for kind in SWITCHABLE}


async def switch(
    session: AsyncSession, user: User, kind: NudgeKind, enabled: bool, now: datetime
) -> None:
    """Switch one kind on or off; switching on wakes the planner (a nudge may be due now)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(NudgeState).values(user_id=user.id, kind=kind, enabled=enabled, ignored=0)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "kind"], set_={"enabled": enabled, "ignored": 0}
        )
    )
    if enabled:
        users.wake(user, now)
