"""Goals (principle 4): what the user wants, who can help, where those people gather, and who
they already know at each target company.

A goal is built by three skippable questions; each answer is stored as it comes, so stopping
half-way keeps what was said. A contact counts toward a target when the company on their card
has the same `company_key`; the tier says whether they decide (decision-maker) or can refer
from inside (insider). /goal is offered once, in the summary of the first completed check-in.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from db import goals as goals_db
from db.models import User
from domain.checkins import says_nothing
from domain.goals import (
    MAX_COMPANIES,
    GoalPart,
    NextStep,
    TargetCoverage,
    at_targets,
    coverage,
    next_step,
    read_helpers,
)
from domain.text import clean_text

MAX_PART_LENGTH = 300  # goals.want, goals.roles and goals.gather
ROLE_SEPARATOR = ", "


class GoalProblem(StrEnum):
    EMPTY = "empty"  # nothing readable in the answer
    NO_HELPERS = "no_helpers"  # "who can help" named no company and no role


@dataclass(frozen=True)
class GoalView:
    """The goal as stored, with who the user knows at each target."""

    want: str | None
    roles: str | None
    gather: str | None
    targets: tuple[str, ...]
    coverage: tuple[TargetCoverage, ...] = ()
    # For each target where the user knows nobody yet (by its index in `coverage`): one step.
    steps: dict[int, NextStep] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.want or self.roles or self.gather or self.targets)

    def part(self, part: GoalPart) -> str | None:
        """The stored answer to one question (for "who": the roles; targets are separate)."""
        return {GoalPart.WANT: self.want, GoalPart.WHO: self.roles, GoalPart.WHERE: self.gather}[
            part
        ]


async def view(session: AsyncSession, user: User) -> GoalView | None:
    """The user's goal with its coverage; None when no part of it is set."""
    goal = await goals_db.get(session, user.id)
    if goal is None:
        return None
    targets = tuple(await goals_db.targets(session, user.id))
    shown = GoalView(goal.want, goal.roles, goal.gather, targets)
    if shown.empty:
        return None
    if not targets:
        return shown
    companies = at_targets(targets, await goals_db.companies(session, user.id))
    people = await goals_db.people_at(session, user.id, companies) if companies else []
    known = coverage(targets, people)
    empty = [index for index, target in enumerate(known) if target.empty]
    # An empty target names one connector; there are at most MAX_COMPANIES targets.
    connectors = await goals_db.connectors(session, user.id, MAX_COMPANIES) if empty else []
    steps = {index: next_step(n, connectors, goal.gather) for n, index in enumerate(empty)}
    return GoalView(goal.want, goal.roles, goal.gather, targets, tuple(known), steps)


async def answer(
    session: AsyncSession, user: User, part: GoalPart, text: str, now: datetime
) -> GoalProblem | None:
    """Store the answer to one question; "-" or "nothing" clears that part."""
    cleared = says_nothing(text)
    if part == GoalPart.WHO:
        helpers = read_helpers(text)
        if helpers.empty and not cleared:
            return GoalProblem.NO_HELPERS if clean_text(text) else GoalProblem.EMPTY
        goal = await goals_db.get_or_create(session, user.id, now)
        roles = ROLE_SEPARATOR.join(helpers.roles)[:MAX_PART_LENGTH] or None
        goal.roles = None if cleared else roles
        await goals_db.replace_targets(session, user.id, [] if cleared else helpers.companies, now)
    else:
        value = None if cleared else clean_text(text, MAX_PART_LENGTH)
        if value is None and not cleared:
            return GoalProblem.EMPTY
        goal = await goals_db.get_or_create(session, user.id, now)
        if part == GoalPart.WANT:
            goal.want = value
        else:
            goal.gather = value
    goal.updated_at = now
    return None


async def offer_once(session: AsyncSession, user: User, now: datetime) -> bool:
    """Whether to offer /goal now (after a completed check-in): once per account, and only to
    someone without a goal. Remembered whether offered or not needed."""
    if user.goal_offered_at is not None:
        return False
    user.goal_offered_at = now
    return await view(session, user) is None
