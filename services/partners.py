"""Accountability partners: invite links, accepting and ending, cheers and nudges, and what a
partner sees (`domain.partners` holds the rules).

A partnership is two `partners` rows, made and deleted together. What one side tells the other
(an answer to an invite, a cheer, a goodbye) goes through the outbox as a one-line notice, so
it survives a crash and a partner who blocked the bot is found by the dispatcher like anyone
else. A nudge is only a request here: the planner sends it under the receiver's attention
policy. Copy comes from the caller (services stay away from the presentation floor).
"""

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from db import checkins as checkins_db
from db import outbox as outbox_db
from db import partners as partners_db
from db import users as users_db
from db.models import Partner, PartnerInvite, User
from domain.nudges import NudgeKind
from domain.partners import (
    INVITE_VALID,
    MAX_PARTNERS,
    NUDGE_GAP,
    DayMark,
    Habit,
    Share,
    partner_streak,
    this_week,
)
from services import pauses, stats, users

INVITE_PREFIX = "p-"
TOKEN_BYTES = 16  # 22 URL-safe characters: fits a /start payload and a button's 64 bytes
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,43}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_token(start_payload: str) -> str | None:
    """The token of a /start payload that is a partner invite ("p-<token>"), or None; "" for
    an invite whose token cannot be one of ours (it is answered like a forged one)."""
    if not start_payload.startswith(INVITE_PREFIX):
        return None
    token = start_payload.removeprefix(INVITE_PREFIX)
    return token if TOKEN.fullmatch(token) else ""


async def create_invite(session: AsyncSession, user: User, now: datetime) -> str | None:
    """A fresh single-use token for a week; None when the user has MAX_PARTNERS already."""
    if await partners_db.count(session, user.id) >= MAX_PARTNERS:
        return None
    await partners_db.drop_spent_invites(session, user.id, now)
    token = new_token()
    session.add(
        PartnerInvite(
            user_id=user.id,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + INVITE_VALID,
        )
    )
    await session.flush()
    return token


class InviteProblem(StrEnum):
    INVALID = "invalid"  # unknown (forged), expired or used already
    SELF = "self"
    ALREADY = "already"  # partners already
    YOU_FULL = "you_full"
    THEY_FULL = "they_full"


@dataclass(frozen=True)
class OpenInvite:
    invite: PartnerInvite
    inviter: User


async def check_invite(
    session: AsyncSession, token: str, user_id: int, now: datetime
) -> OpenInvite | InviteProblem:
    """The invite behind `token` if `user_id` may answer it now, else why not."""
    invite = await partners_db.invite(session, token_hash(token)) if token else None
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        return InviteProblem.INVALID
    if invite.user_id == user_id:
        return InviteProblem.SELF
    inviter = await users_db.get(session, invite.user_id)
    if inviter is None:
        return InviteProblem.INVALID
    if await partners_db.between(session, user_id, inviter.id) is not None:
        return InviteProblem.ALREADY
    if await partners_db.count(session, user_id) >= MAX_PARTNERS:
        return InviteProblem.YOU_FULL
    if await partners_db.count(session, inviter.id) >= MAX_PARTNERS:
        return InviteProblem.THEY_FULL
    return OpenInvite(invite, inviter)


async def answer_invite(
    session: AsyncSession, token: str, user: User, accept: bool, now: datetime
) -> OpenInvite | InviteProblem:
    """Accept (two rows) or decline; either way the invite is used. The caller commits."""
    found = await check_invite(session, token, user.id, now)
    if isinstance(found, InviteProblem):
        return found
    if not await partners_db.use_invite(session, found.invite.id, now):
        return InviteProblem.INVALID
    if accept:
        session.add_all(
            [
                Partner(user_id=user.id, partner_id=found.inviter.id, since=now),
                Partner(user_id=found.inviter.id, partner_id=user.id, since=now),
            ]
        )
        await session.flush()
    return found


async def end(session: AsyncSession, row: Partner) -> User | None:
    """End the partnership `row` is one side of; the partner's row (None if they are gone)."""
    partner = await users_db.get(session, row.partner_id)
    await partners_db.delete_pair(session, row.user_id, row.partner_id)
    return partner


async def end_all(
    session: AsyncSession, user_id: int, now: datetime, notice: Callable[[User, str], str]
) -> int:
    """End every partnership of the user (they forgot their data or blocked the bot); each
    partner is told in one line, `notice(partner, the user's name)`. Returns how many ended."""
    me = await users_db.get(session, user_id)
    name = me.first_name if me else ""
    found = await partners_db.of(session, user_id)
    for _row, partner in found:
        await partners_db.delete_pair(session, user_id, partner.id)
        await tell(session, partner, notice(partner, name), now, f"end:{user_id}")
    return len(found)


async def tell(session: AsyncSession, to: User, text: str, now: datetime, what: str) -> None:
    """A one-line notice from one partner to the other, sent as soon as the dispatcher can."""
    if not to.active:
        return
    await outbox_db.enqueue(
        session,
        user_id=to.id,
        chat_id=to.chat_id,
        kind=NudgeKind.PARTNER,
        key=f"{NudgeKind.PARTNER}:{to.id}:{what}:{now:%Y%m%dT%H%M%S%f}",
        payload={"text": text},
        due_at=now,
        now=now,
    )


async def own_row(session: AsyncSession, row_id: int, user: User) -> tuple[Partner, User] | None:
    """The partners row a button names, with the partner, if it is the presser's own."""
    row = await partners_db.row(session, row_id)
    if row is None or row.user_id != user.id:
        return None
    partner = await users_db.get(session, row.partner_id)
    return (row, partner) if partner is not None else None


def cheer(row: Partner, user: User, now: datetime) -> bool:
    """Mark today's cheer for this partner; False if the user cheered them today already."""
    today = users.today(user, now)
    if row.cheered_on == today:
        return False
    row.cheered_on = today
    return True


async def request_nudge(session: AsyncSession, row: Partner, partner: User, now: datetime) -> bool:
    """Ask the planner to nudge the partner; False if a nudge reached them lately (from
    anyone), so this one would never go."""
    last = await partners_db.last_nudged(session, partner.id)
    if last is not None and now - last < NUDGE_GAP:
        return False
    row.nudge_requested_at = now
    users.wake(partner, now)
    return True


def set_share(user: User, share: Share, now: datetime) -> None:
    user.partner_share = share
    user.updated_at = now


# --- what /partner and /stats show ------------------------------------------------------------


@dataclass(frozen=True)
class PartnerView:
    row_id: int
    name: str
    since: date  # in the viewer's local dates
    share: Share
    marks: tuple[DayMark, ...]
    streak: int
    together: int  # the partner streak, in weeks
    paused: bool


async def habit(session: AsyncSession, user: User, first: date, today: date) -> Habit:
    done = frozenset(await checkins_db.completed_dates(session, user.id))
    return Habit(user.networking_days, done, await pauses.days(session, user, first, today))


async def views(session: AsyncSession, user: User, now: datetime) -> list[PartnerView]:
    """Each partner as the user sees them (as much as they share), oldest partnership first."""
    found = []
    today = users.today(user, now)
    for row, partner in await partners_db.of(session, user.id):
        since = users.today(user, row.since)
        first = since - timedelta(days=7)
        their_today = users.today(partner, now)
        theirs = await habit(session, partner, min(first, their_today), their_today)
        mine = await habit(session, user, first, today)
        found.append(
            PartnerView(
                row_id=row.id,
                name=partner.first_name,
                since=since,
                share=partner.partner_share,
                marks=this_week(theirs, their_today),
                streak=(await stats.streaks(session, partner, now)).current_streak,
                together=partner_streak(mine, theirs, since, today),
                paused=await pauses.current(session, partner, now) is not None,
            )
        )
    return found
