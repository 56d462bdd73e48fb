"""Queries about the user's goal, its target companies, and who they know where."""

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Contact, Goal, GoalTarget
from domain.contacts import Tier
from domain.goals import PersonAt


async def get(session: AsyncSession, user_id: int) -> Goal | None:
    return await session.get(Goal, user_id)


async def get_or_create(session: AsyncSession, user_id: int, now: datetime) -> Goal:
    goal = await session.get(Goal, user_id)
    if goal is None:
        goal = Goal(user_id=user_id, created_at=now, updated_at=now)
        session.add(goal)
        await session.flush()
    return goal


async def targets(session: AsyncSession, user_id: int) -> list[str]:
    """The target companies' names, in the order the user gave them."""
    query = (
        select(GoalTarget.name)
        .where(GoalTarget.user_id == user_id)
        .order_by(GoalTarget.position, GoalTarget.id)
    )
    return list(await session.scalars(query))


async def replace_targets(
    session: AsyncSession, user_id: int, names: Sequence[str], now: datetime
) -> None:
    """The new list replaces the old one (deleted first: positions are unique per user)."""
    await session.execute(delete(GoalTarget).where(GoalTarget.user_id == user_id))
    session.add_all(
        GoalTarget(user_id=user_id, position=position, name=name, created_at=now)
        for position, name in enumerate(names)
    )
    await session.flush()


async def companies(session: AsyncSession, user_id: int) -> list[str]:
    """Every company named on the user's contact cards, each spelling once."""
    query = (
        select(Contact.company)
        .where(Contact.user_id == user_id, Contact.company.is_not(None))
        .distinct()
    )
    return [company for company in await session.scalars(query) if company is not None]


async def people_at(
    session: AsyncSession, user_id: int, companies: Collection[str]
) -> list[PersonAt]:
    """Every contact whose card names one of `companies` (spelled exactly so), as the coverage
    of targets reads them."""
    query = select(Contact.id, Contact.name, Contact.company, Contact.tier).where(
        Contact.user_id == user_id, Contact.company.in_(companies)
    )
    return [
        PersonAt(cid, name, company, tier)
        for cid, name, company, tier in await session.execute(query)
    ]


async def connectors(session: AsyncSession, user_id: int, limit: int) -> list[str]:
    """Names of the user's connectors, the most recently talked to first (at most `limit`)."""
    query = (
        select(Contact.name)
        .where(Contact.user_id == user_id, Contact.tier == Tier.CONNECTOR)
        .order_by(Contact.last_interaction_on.desc().nulls_last(), Contact.name_key, Contact.id)
        .limit(limit)
    )
    return list(await session.scalars(query))
