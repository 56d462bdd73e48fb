"""Follow-ups: reading /followup requests, reminder gaps, pestering, relative days."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.followups import (
    MAX_REMINDERS,
    PESTER_THRESHOLD,
    REMINDER_GAPS,
    Ambiguous,
    FollowupRequest,
    InPast,
    NeedsMore,
    Unreadable,
    is_pestering,
    next_reminder,
    parse_followup,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 13, 15, 0, tzinfo=BERLIN)  # a Friday afternoon
TODAY = NOW.date()


def parse(text: str) -> object:
    return parse_followup(text, now_local=NOW)


def request(
    name: str, when: str, day: date, at: time | None = None, note: str | None = None
) -> FollowupRequest:
    return FollowupRequest(name=name, when_text=when, note=note, due_date=day, due_time=at)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "/followup Sally Jones next tuesday",
            request("Sally Jones", "next tuesday", date(2026, 3, 17)),
        ),
        ("/followup Tom in 3 days", request("Tom", "in 3 days", date(2026, 3, 16))),
        (
            "/followup Priya 2026-12-01 10:00",
            request("Priya", "2026-12-01 10:00", date(2026, 12, 1), time(10, 0)),
        ),
        ("Sally on Friday", request("Sally", "on Friday", date(2026, 3, 20))),
        ("/followup@MarathonBot Tom tomorrow", request("Tom", "tomorrow", date(2026, 3, 14))),
        ("Tom today", request("Tom", "today", TODAY)),
        ("Tom tonight", request("Tom", "tonight", TODAY)),
        ("Tom the day after tomorrow", request("Tom", "the day after tomorrow", date(2026, 3, 15))),
        ("Tom next week", request("Tom", "next week", date(2026, 3, 20))),
        ("Tom in a week", request("Tom", "in a week", date(2026, 3, 20))),
        ("Tom in two weeks", request("Tom", "in two weeks", date(2026, 3, 27))),
        ("Tom in a fortnight", request("Tom", "in a fortnight", date(2026, 3, 27))),
        ("Tom in 1 day", request("Tom", "in 1 day", date(2026, 3, 14))),
        ("Tom in 2 months", request("Tom", "in 2 months", date(2026, 5, 13))),
        ("Tom next month", request("Tom", "next month", date(2026, 4, 13))),
        ("Tom monday", request("Tom", "monday", date(2026, 3, 16))),
        ("Tom Sat.", request("Tom", "Sat.", date(2026, 3, 14))),
        ("Tom thurs", request("Tom", "thurs", date(2026, 3, 19))),
        ("Tom wednes", request("Tom", "wednes", date(2026, 3, 18))),  # as /days reads it
        ("Anna Su tue", request("Anna Su", "tue", date(2026, 3, 17))),
        ("Tom this weekend", request("Tom", "this weekend", date(2026, 3, 14))),
        ("Tom by Wednesday", request("Tom", "by Wednesday", date(2026, 3, 18))),
        ("Tom the 5th", request("Tom", "the 5th", date(2026, 4, 5))),
        ("Tom on the 31st", request("Tom", "on the 31st", date(2026, 3, 31))),
        ("Tom 13/02", request("Tom", "13/02", date(2027, 2, 13))),
        ("Tom 02/13", request("Tom", "02/13", date(2027, 2, 13))),
        ("Tom 13.03", request("Tom", "13.03", TODAY)),  # today, with no time, is not past
        ("Tom 05/05/27", request("Tom", "05/05/27", date(2027, 5, 5))),
        ("Tom 29/02", request("Tom", "29/02", date(2028, 2, 29))),
        ("Tom 1 Dec", request("Tom", "1 Dec", date(2026, 12, 1))),
        ("Tom June 3", request("Tom", "June 3", date(2026, 6, 3))),
        ("Tom December 24th 2026", request("Tom", "December 24th 2026", date(2026, 12, 24))),
        ("José Núñez Dec 24", request("José Núñez", "Dec 24", date(2026, 12, 24))),
        ("Mo tomorrow", request("Mo", "tomorrow", date(2026, 3, 14))),  # "Mo" stays a name
        ("May Chen tomorrow", request("May Chen", "tomorrow", date(2026, 3, 14))),
        ("with Tom next week", request("Tom", "next week", date(2026, 3, 20))),
        ("Tom tomorrow morning", request("Tom", "tomorrow morning", date(2026, 3, 14))),
        ("Sally friday - ", request("Sally", "friday", date(2026, 3, 20))),
        ("Mary-Jane Smith friday", request("Mary-Jane Smith", "friday", date(2026, 3, 20))),
    ],
)
def test_parse_followup_dates(text: str, expected: FollowupRequest) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["Anna Su", "Mo", "Li Tu"])
def test_two_letter_weekdays_stay_names_in_free_text(text: str) -> None:
    """/days reads "su" as Sunday; in a follow-up it is a surname, so the bot asks when."""
    assert parse(text) == NeedsMore("when")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "Sally Jones next tuesday — send the article she asked for",
            "send the article she asked for",
        ),
        ("Sally Jones next tuesday – send the article", "send the article"),
        ("Sally Jones next tuesday - send the article", "send the article"),
        ("Sally Jones next tuesday -- send the article", "send the article"),
        ("Sally Jones next tuesday—send the article", "send the article"),
        (
            "Sally Jones next tuesday: send the article: the long one",
            "send the article: the long one",
        ),
        ("Sally Jones next tuesday —  ", None),
    ],
)
def test_parse_followup_splits_off_the_note(text: str, note: str | None) -> None:
    assert parse(text) == request("Sally Jones", "next tuesday", date(2026, 3, 17), None, note)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("Tom tomorrow 5pm", date(2026, 3, 14), time(17, 0)),
        ("Tom tomorrow at 5 pm", date(2026, 3, 14), time(17, 0)),
        ("Tom friday 10:30", date(2026, 3, 20), time(10, 30)),
        ("Tom 10am friday", date(2026, 3, 20), time(10, 0)),
        ("Tom friday @ 10:00", date(2026, 3, 20), time(10, 0)),
        ("Tom friday, 6:30 p.m.", date(2026, 3, 20), time(18, 30)),
        ("Tom at 10:00 on friday", date(2026, 3, 20), time(10, 0)),
        ("Tom on friday at 15", date(2026, 3, 20), time(15, 0)),  # a bare hour reads as 24-hour
        ("Tom dec 1st 3pm", date(2026, 12, 1), time(15, 0)),
        ("Tom 5pm", TODAY, time(17, 0)),  # a time alone: today while it is ahead
        ("Tom 9am", date(2026, 3, 14), time(9, 0)),  # … else tomorrow
        ("Tom noon", date(2026, 3, 14), time(12, 0)),
        ("Tom in 3 hours", TODAY, time(18, 0)),
        ("Tom in 30 minutes", TODAY, time(15, 30)),
        ("Tom in 10 hours", date(2026, 3, 14), time(1, 0)),
        ("Tom today 18:00", TODAY, time(18, 0)),
    ],
)
def test_parse_followup_times(text: str, day: date, at: time) -> None:
    result = parse(text)
    assert isinstance(result, FollowupRequest)
    assert (result.name, result.due_date, result.due_time) == ("Tom", day, at)


def test_weekday_means_the_next_one_strictly_after_today() -> None:
    assert parse("Tom friday") == request("Tom", "friday", date(2026, 3, 20))  # NOW is a Friday
    assert parse("Tom next friday") == request("Tom", "next friday", date(2026, 3, 20))
    assert parse("Tom saturday") == request("Tom", "saturday", date(2026, 3, 14))


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("Tom 01/02", [date(2027, 2, 1), date(2027, 1, 2)]),
        ("Tom 01/02/2027", [date(2027, 2, 1), date(2027, 1, 2)]),
        ("Tom 4.5", [date(2026, 5, 4), date(2026, 4, 5)]),
        ("Tom 05-06-2026", [date(2026, 6, 5), date(2026, 5, 6)]),
    ],
)
def test_ambiguous_numeric_dates_offer_both_readings(text: str, options: list[date]) -> None:
    result = parse(text)
    assert isinstance(result, Ambiguous)
    assert result.options == options
    assert result.name == "Tom"


def test_ambiguous_keeps_time_and_note_for_the_choice() -> None:
    result = parse("Sally 03/04 10:00 — call back")
    assert result == Ambiguous(
        "03/04 10:00", [date(2026, 4, 3), date(2026, 3, 4) + timedelta(days=365)], "Sally",
        "call back", time(10, 0),
    )  # fmt: skip
    assert isinstance(result, Ambiguous)
    assert result.resolve(date(2026, 4, 3)) == request(
        "Sally", "03/04 10:00", date(2026, 4, 3), time(10, 0), "call back"
    )


@pytest.mark.parametrize(
    ("text", "option"),
    [("Tom 01/04/2026", date(2026, 4, 1)), ("Tom 12/03/2026", date(2026, 12, 3))],
)
def test_an_ambiguous_date_with_one_past_reading_is_confirmed(text: str, option: date) -> None:
    # The past reading is dropped, but the other one is not picked silently: it may be a typo.
    assert parse(text) == Ambiguous(text.removeprefix("Tom "), [option], "Tom")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Tom 2025-12-01", datetime(2025, 12, 1, tzinfo=BERLIN)),
        ("Tom yesterday", datetime(2026, 3, 12, tzinfo=BERLIN)),
        ("Tom today 9am", datetime(2026, 3, 13, 9, 0, tzinfo=BERLIN)),
        ("Tom 01/02/2026", datetime(2026, 2, 1, tzinfo=BERLIN)),
        ("Tom 2 days ago", datetime(2026, 3, 11, tzinfo=BERLIN)),
        ("Tom 13/02/2026", datetime(2026, 2, 13, tzinfo=BERLIN)),
    ],
)
def test_dates_in_the_past(text: str, when: datetime) -> None:
    result = parse(text)
    assert isinstance(result, InPast)
    assert result.when == when
    assert result.text == text.removeprefix("Tom ")


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("", "name"),
        ("/followup", "name"),
        ("   ", "name"),
        ("tomorrow", "name"),
        ("next tuesday — send it", "name"),
        ("on friday", "name"),
        ("Sally", "when"),
        ("Sally Jones", "when"),
        ("Sally May", "when"),  # a bare month is more likely part of the name
        ("Sally Jones — send the article", "when"),
        ("Sally on", "when"),
    ],
)
def test_needs_more(text: str, missing: str) -> None:
    assert parse(text) == NeedsMore(missing)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "unreadable"),
    [
        ("Tom 31/02", "31/02"),
        ("Tom 2026-02-30", "2026-02-30"),
        ("Tom 2026-13-01", "2026-13-01"),
        ("Sally 25:00", "25:00"),
        ("Sally friday 25:00", "friday 25:00"),
        ("Tom in 3 dayz", "in 3 dayz"),
        ("Tom at 5", "at 5"),
        ("Tom 5", "5"),
        ("Tom 1700000000", "1700000000"),
        ("Tom end of the year", "end of the year"),
        ("Tom next blursday", "next blursday"),
        ("Tom 13/13", "13/13"),
    ],
)
def test_unreadable(text: str, unreadable: str) -> None:
    assert parse(text) == Unreadable(unreadable)


def test_parse_followup_in_another_zone_uses_its_wall_clock() -> None:
    tokyo_now = datetime(2026, 3, 13, 23, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    result = parse_followup("Tom tomorrow 8am", now_local=tokyo_now)
    assert result == request("Tom", "tomorrow 8am", date(2026, 3, 14), time(8, 0))
    assert parse_followup("Tom 22:00", now_local=tokyo_now) == request(
        "Tom", "22:00", date(2026, 3, 14), time(22, 0)
    )


def test_long_names_are_cut() -> None:
    result = parse("X" * 150 + " tomorrow")
    assert isinstance(result, FollowupRequest)
    assert result.name == "X" * 100


def test_a_long_message_is_read() -> None:
    """Its speed is measured in bench/parsing.py."""
    assert parse("word " * 800 + "tomorrow") == request(
        "word " * 19 + "word", "tomorrow", date(2026, 3, 14)
    )
    assert parse("word " * 800) == NeedsMore("when")


def test_the_command_is_only_stripped_at_the_start() -> None:
    result = parse("Sally /followup tomorrow")
    assert isinstance(result, FollowupRequest)
    assert result.name == "Sally /followup"


def test_reminder_constants() -> None:
    assert REMINDER_GAPS == (1, 3, 7)
    assert MAX_REMINDERS == 3
    assert PESTER_THRESHOLD == 3


def test_next_reminder_widens_the_gaps_then_stops() -> None:
    due = datetime(2026, 3, 13, 18, 0, tzinfo=BERLIN)
    assert next_reminder(due, 0) == due + timedelta(days=1)
    assert next_reminder(due, 1) == due + timedelta(days=4)
    assert next_reminder(due, 2) == due + timedelta(days=11)
    assert next_reminder(due, 3) is None
    assert next_reminder(due, 10) is None
    with pytest.raises(ValueError, match="reminders_sent"):
        next_reminder(due, -1)


def test_next_reminder_keeps_the_local_hour_across_dst() -> None:
    due = datetime(2026, 3, 28, 18, 0, tzinfo=BERLIN)  # clocks go forward on 29 March
    reminder = next_reminder(due, 0)
    assert reminder is not None
    assert (reminder.date(), reminder.hour) == (date(2026, 3, 29), 18)
    assert reminder.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(("count", "pestering"), [(0, False), (2, False), (3, True), (7, True)])
def test_is_pestering(count: int, pestering: bool) -> None:
    assert is_pestering(count) is pestering


def test_the_reader_knows_better_only_where_the_short_form_failed() -> None:
    from domain.followups import reader_knows_better
    from domain.reader import read_followup_text

    def better(text: str) -> bool:
        return reader_knows_better(parse(text), read_followup_text(text, [], NOW))

    assert better("ping João next Tuesday about the intro")  # the short form's "name" is a verb
    assert better("send Wei the deck")  # no date: the short form had no name either
    assert not better("Sally Jones next tuesday — send the article")
    assert not better("Tom in 3 dayz")  # an unreadable date is still asked about as one
