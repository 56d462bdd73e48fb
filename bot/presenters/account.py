"""Onboarding, settings, help and your data, as the user reads them."""

from datetime import datetime

from bot import texts
from bot.presenters.common import describe_when, plural, schedule_line
from db.models import User
from domain.schedule import local_now, next_occurrence
from domain.timeofday import format_time
from domain.timezones import get_zone, is_fixed_offset


def schedule(template: str, user: User, now: datetime) -> str:
    """A template with the user's check-in time, zone, days, name and next check-in."""
    return schedule_line(
        template,
        at=user.checkin_time,
        zone=user.timezone,
        days=user.networking_days,
        name=user.first_name or texts.NAME_FALLBACK,
        next=describe_when(
            next_occurrence(now, get_zone(user.timezone), user.checkin_time, user.networking_days),
            user.timezone,
            now,
        ),
    )


def timezone_set(zone: str, now: datetime) -> str:
    local = local_now(now, get_zone(zone))
    text = texts.TIMEZONE_SET.format(zone=zone, local_time=format_time(local.time()))
    return f"{text}\n{texts.FIXED_OFFSET_NOTE}" if is_fixed_offset(zone) else text


def help_text() -> str:
    lines = [texts.HELP_LINE.format(command=c, description=d) for c, d in texts.COMMANDS]
    return "\n".join([texts.HELP_HEADER, *lines])


def forget_question(counts: dict[str, int]) -> str:
    """How much /forget would delete, naming only what there is."""
    listed = [
        plural(forms, counts[table])
        for table, forms in texts.FORGET_COUNTS.items()
        if counts.get(table)
    ]
    if not listed:
        return texts.FORGET_ASK
    return texts.FORGET_ASK_COUNTS.format(counts=texts.LIST_SEPARATOR.join(listed))
