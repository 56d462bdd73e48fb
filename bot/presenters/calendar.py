"""The week ahead as the user reads it, and the follow-ups as an .ics calendar file."""

from collections.abc import Sequence
from datetime import datetime, tzinfo

from bot import i18n, texts
from bot.presenters.common import day_and_month, format_days, plural
from db.models import Contact, Followup
from domain.calendar import CalendarEvent, build_ics, followup_uid
from domain.timeofday import format_time
from services.calendar import DueDay, WeekAhead

FILENAME = "marathon-followups.ics"


def week(ahead: WeekAhead, tz: tzinfo) -> str:
    """Day by day: whether it is a check-in day, then the follow-ups due, with their times."""
    lines = [texts.DUE_HEADER, ""]
    if ahead.earlier:
        lines += [plural(texts.DUE_EARLIER, ahead.earlier), ""]
    for index, day in enumerate(ahead.days):
        lines.append(_heading(day, index, ahead))
        for followup, contact in day.followups:
            at = format_time(followup.due_at.astimezone(tz).time())
            if followup.note:
                note = followup.note[: texts.DUE_NOTE_LIMIT]
                lines.append(texts.DUE_FOLLOWUP_NOTE.format(time=at, name=contact.name, note=note))
            else:
                lines.append(texts.DUE_FOLLOWUP.format(time=at, name=contact.name))
    lines += ["", texts.DUE_FOOTER.format(days=format_days(ahead.networking_days))]
    return "\n".join(lines)


def _heading(day: DueDay, index: int, ahead: WeekAhead) -> str:
    date = day_and_month(day.day)
    if index == 0:
        name = texts.DUE_TODAY.format(date=date)
    elif index == 1:
        name = texts.DUE_TOMORROW.format(date=date)
    else:
        name = texts.DUE_WEEKDAY.format(weekday=i18n.weekday_name(day.day.weekday()), date=date)
    if day.done:
        return texts.DUE_DAY_DONE.format(day=name)
    if day.paused:
        return texts.DUE_DAY_PAUSED.format(day=name)
    if day.checkin:
        return texts.DUE_DAY_CHECKIN.format(day=name, time=format_time(ahead.checkin_time))
    return texts.DUE_DAY_REST.format(day=name)


def ics(items: Sequence[tuple[Followup, Contact]], user_id: int, now: datetime) -> bytes:
    """One event per follow-up, at its time, with its note; the UID stays the same in every
    export, so importing a newer file updates the events instead of adding them again."""
    events = [
        CalendarEvent(
            uid=followup_uid(followup.id, user_id),
            start=followup.due_at,
            summary=texts.CALENDAR_EVENT.format(name=contact.name),
            description=followup.note,
        )
        for followup, contact in items
    ]
    return build_ics(events, calendar_name=texts.CALENDAR_NAME, now=now)


def caption(count: int) -> str:
    return plural(texts.CALENDAR_CAPTION, count)
