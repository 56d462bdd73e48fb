"""/due (the next seven days, day by day) and /calendar (the open follow-ups as an .ics file),
through the real bot, in the user's local dates."""

from datetime import UTC, datetime

from icalendar import Calendar
from sqlalchemy import update

from bot import texts
from db.models import Followup
from domain.calendar import followup_uid
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    complete_checkin,
    onboard,
)

# START is Monday 2026-01-05 12:00 UTC, 13:00 in Berlin.


async def berlin(chat: Chat) -> None:
    await onboard(chat, zone="Berlin")


async def calendar_file(chat: Chat) -> tuple[JSON, Calendar]:
    message = await chat.say("/calendar")
    assert "document" in message, message
    return message, Calendar.from_ical(chat.emulator.document_bytes(message))


def events(calendar: Calendar) -> dict[str, tuple[datetime, str, str | None, int]]:
    """UID → (start, summary, description, sequence) of every event in the file."""
    found = {}
    for event in calendar.walk("VEVENT"):
        description = event.get("DESCRIPTION")
        found[str(event["UID"])] = (
            event.decoded("DTSTART"),
            str(event["SUMMARY"]),
            None if description is None else str(description),
            int(event["SEQUENCE"]),
        )
    return found


@both_backends
async def test_due_shows_the_next_seven_days_day_by_day(bot: RunningBot, chat: Chat) -> None:
    await berlin(chat)
    await chat.say("/followup Ola today 15:00")
    await chat.say("/followup Sally tomorrow 10:00 — send the slides")
    await chat.say("/followup Tom wednesday")
    await chat.say("/followup Priya 2026-01-11 09:30")
    await chat.say("/followup Zoe 2026-01-12")  # next Monday: the eighth day, not shown
    due = await chat.say("/due")
    assert due["text"] == (
        "📅 Your next 7 days\n"
        "\n"
        "Today, 5 Jan: check-in at 18:00\n"
        "   • 15:00 Ola\n"
        "Tomorrow, 6 Jan: check-in at 18:00\n"
        "   • 10:00 Sally: send the slides\n"
        "Wednesday, 7 Jan: check-in at 18:00\n"
        "   • 18:00 Tom\n"
        "Thursday, 8 Jan: check-in at 18:00\n"
        "Friday, 9 Jan: check-in at 18:00\n"
        "Saturday, 10 Jan: no check-in\n"
        "Sunday, 11 Jan: no check-in\n"
        "   • 09:30 Priya\n"
        "\n" + texts.DUE_FOOTER.format(days="Mon–Fri")
    )


async def test_due_knows_done_paused_earlier_and_the_local_date(
    bot: RunningBot, chat: Chat
) -> None:
    await berlin(chat)
    await chat.say("/days mon,wed,fri")
    await chat.say("/followup Sally tomorrow — send the slides")
    await complete_checkin(chat)  # also sets "Sally on Friday: coffee"
    due = await chat.say("/due")
    assert due["text"].startswith(
        "📅 Your next 7 days\n\nToday, 5 Jan: checked in ✓\nTomorrow, 6 Jan: no check-in\n"
    )

    bot.clock.set(datetime(2026, 1, 6, 23, 30, tzinfo=UTC))  # 00:30 on Wednesday in Berlin
    await chat.say("/pause 2 days")  # back on Friday
    due = await chat.say("/due")
    assert due["text"].startswith(
        "📅 Your next 7 days\n"
        "\n"
        "Still open from earlier: 1 follow-up (/followups).\n"
        "\n"
        "Today, 7 Jan: paused\n"
        "Tomorrow, 8 Jan: paused\n"
        "Friday, 9 Jan: check-in at 18:00\n"
        "   • 18:00 Sally: coffee\n"
        "Saturday, 10 Jan: no check-in\n"
        "Sunday, 11 Jan: no check-in\n"
        "Monday, 12 Jan: check-in at 18:00\n"
        "Tuesday, 13 Jan: no check-in\n"
    )
    assert due["text"].endswith(texts.DUE_FOOTER.format(days="Mon, Wed, Fri"))


@both_backends
async def test_calendar_holds_every_open_followup_and_resending_keeps_the_uids(
    bot: RunningBot, chat: Chat
) -> None:
    await berlin(chat)
    await chat.say("/followup Tom tomorrow")
    await chat.say("/followup Sally Jones 2026-01-08 10:00 — send the article; links, too")
    await chat.say("/followup Priya friday — done already")
    async with bot.session() as session:  # Priya's is done: not in the calendar
        await session.execute(
            update(Followup).where(Followup.note == "done already").values(status="done")
        )
        await session.commit()
    followups = {f.note: f for f in await bot.rows(Followup, Followup.status == "open")}
    tom, sally = followups[None], followups["send the article; links, too"]

    message, calendar = await calendar_file(chat)
    assert message["document"]["file_name"] == "marathon-followups.ics"
    assert message["caption"] == texts.CALENDAR_CAPTION[1].format(n=2)
    first = events(calendar)
    assert first.keys() == {followup_uid(tom.id, USER_ID), followup_uid(sally.id, USER_ID)}
    start, summary, description, sequence = first[followup_uid(sally.id, USER_ID)]
    assert start == sally.due_at == datetime(2026, 1, 8, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    assert (summary, description) == ("Follow up with Sally Jones", "send the article; links, too")
    start, summary, description, _ = first[followup_uid(tom.id, USER_ID)]
    assert (start, summary, description) == (tom.due_at, "Follow up with Tom", None)

    bot.clock.advance(minutes=5)  # Tom's follow-up moves a week; the file is sent again
    listing = await chat.say("/followups")
    await chat.press(listing, button_data(listing, texts.LIST_SNOOZE_WEEK_BUTTON))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    (moved,) = await bot.rows(Followup, Followup.id == tom.id)
    _, calendar = await calendar_file(chat)
    second = events(calendar)
    assert second.keys() == first.keys()  # the same events, updated rather than added
    assert second[followup_uid(tom.id, USER_ID)][0] == moved.due_at != tom.due_at
    assert second[followup_uid(tom.id, USER_ID)][3] > sequence


async def test_calendar_without_open_followups_says_so(bot: RunningBot, chat: Chat) -> None:
    assert (await chat.say("/calendar"))["text"] == texts.SETTINGS_NEED_START  # a stranger
    await onboard(chat)
    assert (await chat.say("/calendar"))["text"] == texts.CALENDAR_EMPTY
    assert chat.emulator.calls_of("sendDocument") == []
