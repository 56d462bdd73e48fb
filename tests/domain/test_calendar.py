"""The .ics calendar of follow-ups: every field read back by icalendar itself."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component

from domain.calendar import PRODID, CalendarEvent, build_ics, followup_uid

TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
TEXT_ESCAPES = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
NOW = datetime(2026, 3, 1, 12, 0, 5, tzinfo=UTC)
START = datetime(2026, 3, 5, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # 08:30 UTC
SALLY = CalendarEvent(
    uid=followup_uid(7, 42),
    start=START,
    summary="Follow up with Sally Jones",
    description="Send her the article",
)
TOM = CalendarEvent(
    uid=followup_uid(8, 42),
    start=datetime(2026, 3, 6, 16, 0, tzinfo=UTC),
    summary="Follow up with Tom Lee",
    description=None,
    duration=timedelta(minutes=15),
)


def build(*events: CalendarEvent, name: str = "Marathon", now: datetime = NOW) -> bytes:
    return build_ics(events, calendar_name=name, now=now)


def read(ics: bytes) -> Calendar:
    return Calendar.from_ical(ics)


def calendar_name(calendar: Calendar) -> str:
    """X-WR-CALNAME read as the TEXT calendar apps take it for; icalendar leaves it escaped."""
    raw = calendar["X-WR-CALNAME"].to_ical().decode()
    return TEXT_ESCAPE.sub(lambda match: TEXT_ESCAPES[match[1]], raw)


def vevents(ics: bytes) -> list[Component]:
    return read(ics).walk("VEVENT")


def test_calendar_properties() -> None:
    calendar = read(build(SALLY, name="Marathon follow-ups"))
    assert str(calendar["PRODID"]) == PRODID == "-//Marathon//Networking coach//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar_name(calendar) == "Marathon follow-ups"
    assert calendar.walk("VTIMEZONE") == []  # every time is in UTC


def test_event_fields() -> None:
    sally, tom = vevents(build(SALLY, TOM))
    assert str(sally["UID"]) == "followup-7-42@marathon-bot"
    assert sally.decoded("DTSTAMP") == NOW
    assert sally.decoded("DTSTART") == datetime(2026, 3, 5, 8, 30, tzinfo=UTC)
    assert sally.decoded("DTSTART").utcoffset() == timedelta(0)
    assert sally.decoded("DTEND") - sally.decoded("DTSTART") == timedelta(minutes=30)
    assert str(sally["SUMMARY"]) == "Follow up with Sally Jones"
    assert str(sally["DESCRIPTION"]) == "Send her the article"
    assert int(sally["SEQUENCE"]) == int(NOW.timestamp()) // 60
    [alarm] = sally.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(0)
    assert str(alarm["DESCRIPTION"]) == "Follow up with Sally Jones"

    assert str(tom["UID"]) == "followup-8-42@marathon-bot"
    assert "DESCRIPTION" not in tom
    assert tom.decoded("DTEND") == datetime(2026, 3, 6, 16, 15, tzinfo=UTC)


def test_times_are_written_in_utc_without_fractions() -> None:
    event = CalendarEvent("u", START.replace(microsecond=999_999), "s", None)
    ics = build(event, now=NOW.replace(microsecond=123_456))
    lines = ics.decode().split("\r\n")
    assert "DTSTART:20260305T083000Z" in lines
    assert "DTEND:20260305T090000Z" in lines
    assert "DTSTAMP:20260301T120005Z" in lines
    assert b"TZID" not in ics


def test_the_same_input_gives_the_same_file() -> None:
    assert build(SALLY, TOM) == build(SALLY, TOM)
    assert [str(e["UID"]) for e in vevents(build(SALLY))] == [
        str(e["UID"]) for e in vevents(build(SALLY))
    ]


def test_uids_are_stable_and_distinct() -> None:
    assert followup_uid(7, 42) == followup_uid(7, 42) == "followup-7-42@marathon-bot"
    uids = {followup_uid(1, 23), followup_uid(12, 3), followup_uid(123, 1), followup_uid(1, 1)}
    assert len(uids) == 4


def test_a_later_export_supersedes_an_earlier_one_even_when_the_event_moves_earlier() -> None:
    moved = CalendarEvent(SALLY.uid, START - timedelta(days=2), SALLY.summary, None)
    [before] = vevents(build(SALLY, now=NOW))
    [after] = vevents(build(moved, now=NOW + timedelta(minutes=1)))
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")


def test_sequence_fits_a_32_bit_integer_for_centuries() -> None:
    [event] = vevents(build(SALLY, now=datetime(2999, 12, 31, 23, 59, tzinfo=UTC)))
    assert 0 < int(event["SEQUENCE"]) < 2**31


@pytest.mark.parametrize(
    "text",
    [
        "Café with José Núñez 🚀☕",
        "שלום, מה שלומך? — مرحبا بك",  # RTL, with a comma
        "line one\nline two\r\nline three",
        "commas, semicolons; colons: and a back\\slash",
        '"quoted" and \\n not a newline',
        "👩🏽‍💻 family: 👨‍👩‍👧‍👦",
    ],
)
def test_texts_survive_a_round_trip(text: str) -> None:
    event = CalendarEvent("u@marathon-bot", START, summary=text, description=text + "\n" + text)
    calendar = read(build(event, name=text))
    expected = text.replace("\r\n", "\n")  # iCalendar text has one kind of line break
    assert calendar_name(calendar) == expected
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == expected
    assert str(vevent["DESCRIPTION"]) == expected + "\n" + expected
    [alarm] = vevent.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == expected


def test_an_empty_list_gives_a_valid_calendar_without_events() -> None:
    ics = build()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics.endswith(b"END:VCALENDAR\r\n")
    calendar = read(ics)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["METHOD"]) == "PUBLISH"


def test_long_lines_are_folded_validly() -> None:
    description = "Ask about the Série B round — 日本語のテキスト 🚀 " * 20 + "end"
    ics = build(CalendarEvent("u", START, "Follow up " + "x" * 200, description))
    assert ics.endswith(b"\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # CRLF only
    for line in lines:
        assert len(line) <= 75  # octets, RFC 5545 3.1
        line.decode()  # no UTF-8 sequence is split across lines
    assert any(line.startswith(b" ") for line in lines)  # it was folded at all
    [vevent] = vevents(ics)
    assert str(vevent["DESCRIPTION"]) == description
    assert str(vevent["SUMMARY"]) == "Follow up " + "x" * 200


def test_naive_times_and_empty_durations_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CalendarEvent("u", datetime(2026, 3, 5, 9, 30), "s", None)
    with pytest.raises(ValueError, match="positive"):
        CalendarEvent("u", START, "s", None, duration=timedelta(0))
    with pytest.raises(ValueError, match="timezone-aware"):
        build(SALLY, now=datetime(2026, 3, 1, 12, 0))
