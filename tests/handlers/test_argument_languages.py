"""Command arguments typed in the user's language, end to end through the real bot: a Spanish
speaker's /mode answer, /days, /quiet, /checkin and /pause are stored and answered in
Spanish; another language's words are refused in the user's own and change nothing."""

from datetime import date, time

from sqlalchemy import select

from bot import i18n, texts
from bot.presenters.common import full_date
from bot.presenters.settings import quiet_set
from db.models import CheckIn, Pause, User
from domain.attention import QuietHours
from domain.pace import Mode
from domain.pausing import PauseProblem
from domain.weekdays import MON_FRI
from tests.emulator import BotAPIEmulator
from tests.harness import USER_ID, Chat, RunningBot, both_backends

MONDAY = date(2026, 1, 5)  # the harness's START, 12:00 UTC: 13:00 in Madrid


def said(language: str, text: str) -> str:
    """A sentence of `bot.texts` as a user of `language` reads it; a template up to its first
    placeholder."""
    with i18n.speaking(language):
        return i18n.translate(text).split("{")[0]


async def onboard_in(chat: Chat, zone: str, mode: str) -> dict:
    """/start and its three answers, typed; returns the reply to the pace answer."""
    await chat.say("/start")
    await chat.reply()  # the timezone question
    await chat.say(zone)
    await chat.reply()  # the check-in time question
    await chat.say("18:00")
    await chat.reply()  # the pace question
    return await chat.say(mode)


async def user_row(bot: RunningBot) -> User:
    async with bot.session() as session:
        return (await session.scalars(select(User).where(User.id == USER_ID))).one()


@both_backends
async def test_a_spanish_speakers_arguments_are_read_and_stored(
    bot: RunningBot, emulator: BotAPIEmulator
) -> None:
    chat = Chat(emulator, USER_ID, language_code="es-419")
    done = await onboard_in(chat, "Europe/Madrid", "empleado")
    assert done["text"].startswith(said("es", texts.ONBOARDING_DONE))
    assert (await user_row(bot)).mode == Mode.EMPLOYED

    days = await chat.say("/days lun-vie")
    assert days["text"].startswith(said("es", texts.DAYS_SET))
    assert (await user_row(bot)).networking_days == MON_FRI

    quiet = await chat.say("/quiet de 22:00 a 07:00")
    with i18n.speaking("es"):
        assert quiet["text"] == quiet_set(QuietHours(time(22), time(7)))
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (time(22), time(7))
    off = await chat.say("/quiet apagar")
    assert off["text"] == said("es", texts.QUIET_SET_OFF)
    user = await user_row(bot)
    assert (user.quiet_start, user.quiet_end) == (None, None)

    yesterday = await chat.say("/checkin ayer")
    assert yesterday["text"].startswith(said("es", texts.CHECKIN_YESTERDAY_START))
    async with bot.session() as session:
        started = (await session.scalars(select(CheckIn.local_date))).one()
    assert started == date(2026, 1, 4)
    await chat.say("/cancel")

    paused = await chat.say("/pause 1 semana")
    with i18n.speaking("es"):
        assert paused["text"] == texts.PAUSED_UNTIL.format(day=full_date(date(2026, 1, 12)))
    async with bot.session() as session:
        assert (await session.scalars(select(Pause.ends_on))).one() == date(2026, 1, 12)


@both_backends
async def test_another_languages_words_are_refused_in_the_users_own(
    bot: RunningBot, emulator: BotAPIEmulator
) -> None:
    chat = Chat(emulator, USER_ID, language_code="de-AT")
    await onboard_in(chat, "Wien", "auf Jobsuche")
    before = await user_row(bot)
    assert (before.timezone, before.mode) == ("Europe/Vienna", Mode.SEARCHING)

    unreadable = texts.PAUSE_PROBLEMS[PauseProblem.UNREADABLE]
    assert (await chat.say("/days lun-vie"))["text"] == said("de", texts.DAYS_BAD)
    assert (await chat.say("/pause 1 semana"))["text"] == said("de", unreadable)
    assert (await chat.say("/checkin ayer"))["text"] == said("de", texts.CHECKIN_ARGUMENT)
    assert (await user_row(bot)).networking_days == before.networking_days
    async with bot.session() as session:
        assert (await session.scalars(select(Pause))).all() == []
        assert (await session.scalars(select(CheckIn))).all() == []

    # …and German and English words are read.
    assert (await chat.say("/days Mo-Fr"))["text"].startswith(said("de", texts.DAYS_SET))
    assert (await user_row(bot)).networking_days == MON_FRI
    await chat.say("/checkintime 19 Uhr")
    assert (await user_row(bot)).checkin_time == time(19)
    await chat.say("/pause until I say")
    async with bot.session() as session:
        assert (await session.scalars(select(Pause.ends_on))).one() is None
