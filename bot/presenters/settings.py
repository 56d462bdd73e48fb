"""/settings, /mode and /quiet as the user reads them: the summary, each section, and the
one-line confirmations."""

from datetime import date, datetime

from bot import i18n, texts
from bot.presenters.account import schedule
from bot.presenters.common import describe_when, format_days
from db.models import User
from domain.attention import Pause, QuietHours
from domain.nudges import NudgeKind
from domain.pace import DEFAULT_DAYS, Mode
from domain.schedule import local_now
from domain.timeofday import format_time
from domain.timezones import get_zone, is_fixed_offset
from services.preferences import Overview
from services.users import next_checkin, quiet_hours


def short_date(day: date) -> str:
    """Tue 5 Jan"""
    return i18n.date_text(day, "MMMEd")


def quiet_span(hours: QuietHours | None) -> str:
    """21:00–08:00, or off"""
    if hours is None:
        return texts.QUIET_OFF
    return texts.QUIET_SPAN.format(start=format_time(hours.start), end=format_time(hours.end))


def mode_name(mode: Mode) -> str:
    return texts.MODE_NAMES[mode]


def summary(user: User, view: Overview) -> str:
    """Every setting at a glance, above the section buttons."""
    off = [texts.KIND_NAMES[kind] for kind, on in view.switches.items() if not on]
    nudges = (
        texts.SETTINGS_NUDGES_OFF.format(kinds=texts.LIST_SEPARATOR.join(off))
        if off
        else texts.SETTINGS_NUDGES_ALL_ON
    )
    return texts.SETTINGS.format(
        time=format_time(user.checkin_time),
        zone=user.timezone,
        days=format_days(user.networking_days),
        mode=mode_name(user.mode),
        quiet=quiet_span(quiet_hours(user)),
        review=i18n.weekday_name(user.review_day),
        nudges=nudges,
        pause=_pause_line(view.pause),
    )


def _pause_line(pause: Pause | None) -> str:
    if pause is None:
        return texts.SETTINGS_PAUSE_OFF
    if pause.ends_on is None:
        return texts.SETTINGS_PAUSE_OPEN
    return texts.SETTINGS_PAUSE_UNTIL.format(day=short_date(pause.ends_on))


# --- the sections -------------------------------------------------------------------------------


def checkin_time(user: User, now: datetime) -> str:
    return schedule(texts.SETTINGS_TIME, user, now)


def timezone(user: User, now: datetime) -> str:
    local = local_now(now, get_zone(user.timezone))
    text = texts.SETTINGS_ZONE.format(
        zone=user.timezone,
        local_time=format_time(local.time()),
        examples=texts.TIMEZONE_EXAMPLES,
    )
    return f"{text}\n{texts.FIXED_OFFSET_NOTE}" if is_fixed_offset(user.timezone) else text


def days(mask: int) -> str:
    return texts.SETTINGS_DAYS.format(days=format_days(mask))


def pace(user: User) -> str:
    return texts.SETTINGS_PACE.format(
        mode=mode_name(user.mode),
        days=format_days(user.networking_days),
        searching_days=format_days(DEFAULT_DAYS[Mode.SEARCHING]),
        employed_days=format_days(DEFAULT_DAYS[Mode.EMPLOYED]),
    )


def pace_proposal(user: User, proposed: int) -> str:
    return texts.SETTINGS_PACE_PROPOSAL.format(
        mode=mode_name(user.mode),
        proposed=format_days(proposed),
        days=format_days(user.networking_days),
    )


def quiet(hours: QuietHours | None) -> str:
    if hours is None:
        return texts.SETTINGS_QUIET_OFF
    return texts.SETTINGS_QUIET.format(start=format_time(hours.start), end=format_time(hours.end))


def review(user: User, view: Overview) -> str:
    on_weekdays = texts.EVERY_WEEKDAY[user.review_day]
    if not view.switches.get(NudgeKind.WEEKLY_REVIEW, True):
        return texts.SETTINGS_REVIEW_SWITCHED_OFF.format(on_weekdays=on_weekdays)
    return texts.SETTINGS_REVIEW.format(
        on_weekdays=on_weekdays, time=format_time(user.checkin_time)
    )


def pause(view: Overview) -> str:
    if view.pause is None:
        return texts.SETTINGS_NOT_PAUSED
    if view.pause.ends_on is None:
        return texts.SETTINGS_PAUSED_OPEN
    return texts.SETTINGS_PAUSED_UNTIL.format(day=short_date(view.pause.ends_on))


# --- one-line confirmations -----------------------------------------------------------------------


def time_changed(user: User) -> str:
    return texts.TIME_CHANGED.format(time=format_time(user.checkin_time))


def days_changed(mask: int) -> str:
    return texts.DAYS_CHANGED.format(days=format_days(mask))


def days_kept(mask: int) -> str:
    return texts.DAYS_KEPT.format(days=format_days(mask))


def pace_changed(mode: Mode) -> str:
    return texts.PACE_CHANGED.format(mode=mode_name(mode))


def quiet_changed(hours: QuietHours | None) -> str:
    if hours is None:
        return texts.QUIET_SWITCHED_OFF
    return texts.QUIET_CHANGED.format(start=format_time(hours.start), end=format_time(hours.end))


def quiet_set(hours: QuietHours | None) -> str:
    """The reply to /quiet 22-7 or /quiet off."""
    if hours is None:
        return texts.QUIET_SET_OFF
    return texts.QUIET_SET.format(start=format_time(hours.start), end=format_time(hours.end))


def review_changed(weekday: int) -> str:
    return texts.REVIEW_CHANGED.format(weekday=i18n.weekday_name(weekday))


def kind_switched(kind: NudgeKind, on: bool) -> str:
    template = texts.KIND_SWITCHED_ON if on else texts.KIND_SWITCHED_OFF
    return template.format(kind=texts.KIND_NAMES[kind])


def paused(ends_on: date | None) -> str:
    if ends_on is None:
        return texts.PAUSE_CHANGED_OPEN
    return texts.PAUSE_CHANGED_UNTIL.format(day=short_date(ends_on))


def resumed(user: User, now: datetime) -> str:
    return texts.RESUMED_SHORT.format(
        next=describe_when(next_checkin(user, now), user.timezone, now)
    )


# --- onboarding ------------------------------------------------------------------------


def mode_answered(mode: Mode) -> str:
    """The onboarding question, with the answer the user tapped (its buttons are gone)."""
    return texts.MODE_ANSWER_ECHO.format(question=texts.ASK_MODE, answer=texts.MODE_BUTTONS[mode])
