"""Follow-ups as an .ics calendar the user can add to the calendar app they already live in.

A follow-up that only the bot knows about is easy to miss (principle 7); one in the user's own
calendar rings on their phone. This module only builds the bytes: the caller picks the events
and passes every text (summary, description, calendar name) already in the user's language.

Re-sending must update, never duplicate: each event's UID is derived from the follow-up and the
user, so a calendar app that imports the file again recognises the same events, and SEQUENCE
rises with every export so the newer copy wins (see `build_ics`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vText

PRODID = "-//Marathon//Networking coach//EN"
UID_DOMAIN = "marathon-bot"
DEFAULT_DURATION = timedelta(minutes=30)


@dataclass(frozen=True)
class CalendarEvent:
    """One event as the caller wants it shown; `uid` stays the same across exports (see
    followup_uid) so the calendar app updates the event instead of adding another."""

    uid: str
    start: datetime  # aware; written in UTC
    summary: str
    description: str | None
    duration: timedelta = DEFAULT_DURATION

    def __post_init__(self) -> None:
        # A naive datetime would be read as floating local time, a different instant per app.
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ValueError("CalendarEvent.start must be timezone-aware")
        if self.duration <= timedelta(0):
            raise ValueError("CalendarEvent.duration must be positive")


def followup_uid(followup_id: int, user_id: int) -> str:
    """The follow-up's UID, the same in every export, so that importing a newer file updates
    the event in the user's calendar instead of adding a second one."""
    return f"followup-{followup_id}-{user_id}@{UID_DOMAIN}"


def build_ics(events: Sequence[CalendarEvent], *, calendar_name: str, now: datetime) -> bytes:
    """An iCalendar file (RFC 5545, METHOD:PUBLISH) with one VEVENT per event, each with a
    display alarm at its start.

    SEQUENCE is the export time in whole minutes since the Unix epoch. Calendar apps replace
    an event they hold when a copy with the same UID has a higher SEQUENCE (or, when equal, a
    later DTSTAMP), so any newer export must count higher. The start instant would not: moving
    a follow-up earlier would lower it and the app would keep the old time. Minutes rather than
    seconds keep SEQUENCE within the 32-bit integer apps store it in (seconds overflow in 2038);
    two exports in the same minute are ordered by DTSTAMP, which has seconds.
    """
    stamp = _utc(now, "now")
    sequence = int(stamp.timestamp()) // 60
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar knows no type for X-WR-CALNAME and would write it unescaped; apps read it as TEXT.
    calendar.add("x-wr-calname", vText(calendar_name))
    for event in events:
        calendar.add_component(_vevent(event, stamp, sequence))
    return calendar.to_ical()


def _vevent(event: CalendarEvent, stamp: datetime, sequence: int) -> Event:
    """One VEVENT with its alarm; times in UTC so no VTIMEZONE is needed."""
    start = _utc(event.start, "start")
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", start)
    vevent.add("dtend", start + event.duration)
    vevent.add("sequence", sequence)
    vevent.add("summary", event.summary)
    if event.description is not None:
        vevent.add("description", event.description)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event.summary)  # a DISPLAY alarm must have its own text
    alarm.add("trigger", timedelta(0))  # relative to DTSTART: when the follow-up is due
    vevent.add_component(alarm)
    return vevent


def _utc(moment: datetime, what: str) -> datetime:
    """The instant in UTC, whole seconds (iCalendar has no fractions); naive is refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0)
