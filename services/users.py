"""A user's account, settings and daily schedule, and what the attention policy needs to know.

Anything that may bring an automatic message forward (a new follow-up, a changed setting, the
user coming back) lowers `users.wake_at`, so the planner looks at them again in time. Only for
someone onboarded: a row another command made before /start (or after /forget) keeps no
wake-up, so no automatic message goes to someone who never asked for them.
"""

from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from db import users as users_db
from db.models import User
from domain.attention import DEFAULT_QUIET_END, DEFAULT_QUIET_START, QuietHours
from domain.pace import DEFAULT_DAYS, DEFAULT_REVIEW_DAY, Mode
from domain.schedule import local_date, next_occurrence, resolve_local
from domain.timezones import get_zone
from domain.weekdays import EVERY_DAY


async def get(session: AsyncSession, user_id: int) -> User | None:
    return await users_db.get(session, user_id)


async def create(
    session: AsyncSession,
    *,
    user_id: int,
    chat_id: int,
    first_name: str,
    timezone: str,
    checkin_time: time,
    now: datetime,
    networking_days: int = DEFAULT_DAYS[Mode.SEARCHING],
    language: str = "en",
) -> User:
    """A new user at the searching pace, with default quiet hours: not onboarded yet, so
    nothing automatic comes until `finish_onboarding`."""
    user = users_db.new_user(
        user_id=user_id,
        chat_id=chat_id,
        first_name=first_name,
        timezone=timezone,
        checkin_time=checkin_time,
        networking_days=networking_days,
        now=now,
        language=language,
    )
    user.mode = Mode.SEARCHING
    user.review_day = DEFAULT_REVIEW_DAY
    user.quiet_start, user.quiet_end = DEFAULT_QUIET_START, DEFAULT_QUIET_END
    reschedule(user, now)
    session.add(user)
    await session.flush()
    return user


def onboarded(user: User) -> bool:
    return user.onboarded_at is not None


def finish_onboarding(user: User, now: datetime) -> None:
    """/start's questions are answered (or skipped on purpose): automatic messages begin.

    The planner looks at the user at once: it sets the next wake-up from the daily moment and
    any follow-up they set before, whose reminders waited for this.
    """
    if user.onboarded_at is None:
        user.onboarded_at = now
    reschedule(user, now)
    wake(user, now)


def zone(user: User) -> tzinfo:
    return get_zone(user.timezone)


def today(user: User, now: datetime) -> date:
    """The user's local date at `now`."""
    return local_date(now, zone(user))


def reschedule(user: User, now: datetime) -> None:
    """Point the daily moment at the check-in time strictly after `now`, and wake the planner.

    Called whenever the timezone, the time or the days change. A prompt already sent today keeps
    its outbox key, so moving the time later the same day never sends a second prompt.
    """
    user.next_daily_at = next_occurrence(now, zone(user), user.checkin_time, EVERY_DAY)
    wake(user, now)
    user.updated_at = now


def wake(user: User, at: datetime | None) -> None:
    """Make sure the planner looks at the user by `at` (something may be due earlier now).

    Not before onboarding: the planner never claims such a user (db.planning.claim_due), and a
    wake-up left in the past would sit in front of its index scan on every pass.
    """
    if not onboarded(user):
        return
    if at is not None and (user.wake_at is None or at < user.wake_at):
        user.wake_at = at


def next_checkin(user: User, now: datetime) -> datetime | None:
    """The next check-in on a networking day, as the user is told about it."""
    return next_occurrence(now, zone(user), user.checkin_time, user.networking_days)


def set_timezone(user: User, name: str, now: datetime) -> None:
    user.timezone = name
    reschedule(user, now)


def set_checkin_time(user: User, at: time, now: datetime) -> None:
    user.checkin_time = at
    reschedule(user, now)


def set_networking_days(user: User, mask: int, now: datetime) -> None:
    user.networking_days = mask
    reschedule(user, now)


def set_mode(user: User, mode: Mode) -> None:
    user.mode = mode


def quiet_hours(user: User) -> QuietHours | None:
    if user.quiet_start is None or user.quiet_end is None:
        return None
    return QuietHours(user.quiet_start, user.quiet_end)


def set_quiet_hours(user: User, hours: QuietHours | None, now: datetime) -> None:
    """Coach-initiated nudges wait for the end of these local hours; None: no quiet hours."""
    user.quiet_start = hours.start if hours else None
    user.quiet_end = hours.end if hours else None
    wake(user, now)


def set_review_day(user: User, weekday: int) -> None:
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0..6, got {weekday}")
    user.review_day = weekday


def note_activity(user: User, now: datetime) -> bool:
    """The user wrote or pressed a button: what the attention policy needs to know.

    A blocked user who writes again is active again; a user the coach was re-engaging gets daily
    prompts back from their next networking day; and the first sign of life after a nudge is
    recorded (it tells an ignored nudge from an answered one). True if anything changed.
    """
    changed = reactivate(user, now)
    if user.reengage_since is not None:
        user.reengage_since = user.reengaged_at = None
        user.next_daily_at = first_moment_after(user, today(user, now))
        wake(user, now)
        changed = True
    unanswered = user.last_nudged_at is not None and (
        user.last_active_at is None or user.last_active_at <= user.last_nudged_at
    )
    if unanswered or user.last_active_at is None:
        user.last_active_at = now
        changed = True
    return changed


def first_moment_after(user: User, day: date) -> datetime | None:
    """The first daily moment on the day after `day` or later (DST-safe)."""
    midnight = resolve_local(day + timedelta(days=1), time(0), zone(user))
    return next_occurrence(
        midnight - timedelta(microseconds=1), zone(user), user.checkin_time, EVERY_DAY
    )


def reactivate(user: User, now: datetime) -> bool:
    """The user wrote again after blocking us: resume their schedule from now."""
    if user.active:
        return False
    user.active = True
    reschedule(user, now)
    return True
