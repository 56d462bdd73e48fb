"""The coach in each shipped language, end to end through the real bot: picked up from the
Telegram app's language, kept per user, switched with /language; and no English sentence in
anything a non-English user receives.

The check-in is answered in the user's language too, as a phone keyboard types it, and the
reader stores the people, their companies and the follow-up from it.
"""

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import select

from bot import i18n, texts
from db.models import Contact, Followup, User
from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_labels,
    one_of,
    stats_with_chart,
)

# What a Telegram app sends as language_code, per shipped language.
TELEGRAM_CODES = {"es": "es-419", "pt_BR": "pt-br", "de": "de-AT", "ru": "ru"}
TRANSLATED = [language for language in i18n.shipped() if language != i18n.SOURCE]
# START is Monday 2026-01-05 12:00 UTC; Europe/Berlin is UTC+1, the check-in at 18:00.
TUESDAY_CHECKIN = datetime(2026, 1, 6, 17, 0, tzinfo=UTC)
# A check-in in each language: who (with the company), gave, asked, follow-up; then the person
# stored, the company and the follow-up's note the reader must find in it.
CHECKINS = {
    "es": (
        ("Café con Sofía Ramírez de Globant", "Le pasé a Sofía un artículo sobre pricing",
         "Le pedí una intro a su jefa", "Sofía mañana: mandar el CV"),
        ("Sofía Ramírez", "Globant", "mandar el CV"),
    ),
    "pt_BR": (
        ("almoço com Ana Souza da Nubank", "mandei pra Ana um artigo sobre pricing",
         "pedi uma indicação", "Ana amanhã: mandar o CV"),
        ("Ana Souza", "Nubank", "mandar o CV"),
    ),
    "de": (
        ("Kaffee mit Jonas Weber von Zalando", "Jonas einen Artikel über Pricing geschickt",
         "um eine Empfehlung gebeten", "Jonas morgen: Lebenslauf schicken"),
        ("Jonas Weber", "Zalando", "Lebenslauf schicken"),
    ),
    "ru": (
        ("кофе с Ольгой Ивановой из Яндекса", "отправил Ольге статью про прайсинг",
         "попросил познакомить с её руководителем", "Ольга завтра: отправить резюме"),
        ("Ольга Иванова", "Яндекс", "отправить резюме"),
    ),
}  # fmt: skip
# The English copy's own sentences: none may reach a user who reads another language.
ENGLISH = (
    "Check-in saved",
    "Here's what I can do",
    "Your settings",
    "Tap a section",
    "Your marathon so far",
    "Current streak",
    "Who did you connect with",
    "What value did you give",
    "Anything to follow up",
    "Follow up with",
    "You last talked",
    "No conversation with them",
    "You set this on",
    "Next one",
    "networking days",
    "Welcome",
    "your timezone",
    "When should I",
    "Snooze",
    "At a glance: check-ins",
    " at 18:00",
    "Tuesday",
    "Friday",
    "accountability partner",
    "Send this link",
)


def speaking(language: str, text: str, **values: object) -> str:
    with i18n.speaking(language):
        return getattr(texts, text).format(**values) if values else getattr(texts, text)


def english_in(message: dict) -> list[str]:
    shown = "\n".join(
        [message.get("text", ""), message.get("caption", ""), *button_labels(message)]
    )
    return [sentence for sentence in ENGLISH if sentence in shown]


def helper_chat(emulator: BotAPIEmulator, language: str) -> Chat:
    return Chat(emulator, USER_ID, language_code=TELEGRAM_CODES[language])


async def stored_language(bot: RunningBot) -> str:
    async with bot.session() as session:
        return (await session.scalars(select(User.language))).one()


@both_backends
@pytest.mark.parametrize("language", TRANSLATED)
async def test_the_whole_coach_speaks_the_users_language(
    bot: RunningBot, emulator: BotAPIEmulator, clock: ManualClock, language: str
) -> None:
    chat = helper_chat(emulator, language)
    with i18n.speaking(language):
        said = {name: getattr(texts, name) for name in dir(texts) if name.isupper()}

    # Onboarding: the welcome, the three questions, the pace by its button.
    welcome = await chat.say("/start")
    assert welcome["text"] == said["WELCOME"].format(name="Ann")
    assert (await chat.reply())["text"] == said["ASK_TIMEZONE"]
    assert (await chat.say("Europe/Berlin"))["text"].startswith(said["TIMEZONE_SET"][:8])
    assert (await chat.reply())["text"] == said["ASK_CHECKIN_TIME"]
    await chat.say("18:00")
    pace = await chat.reply()
    assert pace["text"] == said["ASK_MODE"]
    set_up = await chat.tap(pace, said["MODE_BUTTONS"]["searching"])
    assert set_up["text"].startswith(said["ONBOARDING_DONE"].split("{")[0])
    assert await stored_language(bot) == language

    # A check-in answered in the language, its summary, and what the reader stored.
    (*answers, last), (name, company, note) = CHECKINS[language]
    prompt = await chat.say("/checkin")
    assert said["QUESTION_TEXTS"][next(iter(said["QUESTION_TEXTS"]))] in prompt["text"]
    for answer in answers:
        await chat.say(answer)
    summary = await chat.say(last)
    assert summary["text"].startswith(said["CHECKIN_UNDERSTOOD"])
    assert name in summary["text"] and company in summary["text"]
    async with bot.session() as session:
        contacts = (await session.execute(select(Contact.name, Contact.company))).all()
        notes = (await session.scalars(select(Followup.note))).all()
    assert [tuple(row) for row in contacts] == [(name, company)]
    assert notes == [note]

    # /stats: the text and the chart's caption.
    text, chart = await stats_with_chart(chat)
    assert text["text"].startswith(said["STATS"].split("\n")[0])
    assert chart["caption"] == said["CHART_CAPTION"]

    # A follow-up nudge, planned and sent by the scheduler in the user's language.
    clock.set(TUESDAY_CHECKIN)
    report = await bot.tick()  # the nudge (and the check-in prompt, unless done today)
    for _ in range(report.dispatched.sent):
        await chat.reply()
    nudge = [m for m in emulator.messages_to(USER_ID) if name in m.get("text", "")][-1]
    firsts = [with_note for _, with_note in said["NUDGE_FIRST"]]
    assert one_of(nudge["text"], firsts, name=name, note=note, last="")
    assert said["DONE_BUTTON"] in button_labels(nudge)

    # /settings and /help.
    settings = await chat.say("/settings")
    assert settings["text"].startswith(said["SETTINGS"].split("\n")[0])
    assert button_labels(settings) == list(said["SECTION_BUTTONS"].values())
    help_text = await chat.say("/help")
    assert help_text["text"].startswith(said["HELP_HEADER"])
    assert said["COMMANDS"][0][1] in help_text["text"]
    partner = await chat.say("/partner")
    assert partner["text"].startswith(said["PARTNER_EXPLAIN"])

    # Not one of the English copy's sentences in anything this user received.
    leaks = {m["text"][:60]: english_in(m) for m in emulator.messages_to(USER_ID) if english_in(m)}
    assert leaks == {}


@both_backends
async def test_language_switches_mid_conversation_and_survives_the_apps_language(
    bot: RunningBot, emulator: BotAPIEmulator
) -> None:
    chat = helper_chat(emulator, "es")
    assert (await chat.say("/help"))["text"].startswith(speaking("es", "HELP_HEADER"))

    menu = await chat.say("/language")
    assert menu["text"] == speaking("es", "LANGUAGE_SHOW")
    assert {"✓ Español", "English", "Deutsch", "Português (Brasil)", "Русский"} <= set(
        button_labels(menu)
    )
    german = await _tap_edit(chat, menu, "Deutsch")
    assert german["text"] == speaking("de", "LANGUAGE_SHOW")
    assert "✓ Deutsch" in button_labels(german)
    answers = [call.get("text") for call in emulator.calls_of("answerCallbackQuery")]
    assert answers[-1] == speaking("de", "LANGUAGE_CHANGED")
    assert await stored_language(bot) == "de"

    # The next messages are German, though the app still says Spanish.
    welcome = await chat.say("/start")
    assert welcome["text"] == speaking("de", "WELCOME", name="Ann")
    assert (await chat.reply())["text"] == speaking("de", "ASK_TIMEZONE")
    await chat.say("Europe/Berlin")
    await chat.reply()
    await chat.say("18:00")
    pace = await chat.reply()
    await chat.tap(pace, speaking("de", "MODE_BUTTONS")["searching"])
    assert await stored_language(bot) == "de"

    # /settings has the same choice as a section; back to English from there.
    settings = await chat.say("/settings")
    assert settings["text"].startswith(speaking("de", "SETTINGS").split("\n")[0])
    section = await _tap_edit(chat, settings, speaking("de", "SECTION_BUTTONS")["language"])
    assert section["text"] == speaking("de", "LANGUAGE_SHOW")
    english = await _tap_edit(chat, section, "English")
    assert english["text"] == texts.LANGUAGE_SHOW
    assert (await chat.say("/help"))["text"].startswith(texts.HELP_HEADER)
    assert await stored_language(bot) == "en"


async def test_an_unshipped_app_language_gets_english(bot: RunningBot, emulator: BotAPIEmulator):
    chat = Chat(emulator, USER_ID, language_code="fi")
    assert (await chat.say("/start"))["text"] == texts.WELCOME.format(name="Ann")


async def test_menu_and_description_are_registered_in_every_language(bot: RunningBot) -> None:
    assert bot.app is not None
    for language in i18n.shipped():
        code = "" if language == "en" else i18n.telegram_code(language)
        commands = await bot.app.bot.get_my_commands(language_code=code or None)
        with i18n.speaking(language):
            assert [(c.command, c.description) for c in commands] == list(texts.COMMANDS)
            description = await bot.app.bot.get_my_description(language_code=code or None)
            assert description.description == texts.BOT_DESCRIPTION
            short = await bot.app.bot.get_my_short_description(language_code=code or None)
            assert short.short_description == texts.BOT_SHORT_DESCRIPTION


def test_telegram_codes_map_to_shipped_languages() -> None:
    assert i18n.from_telegram("pt-br") == "pt_BR"
    assert i18n.from_telegram("pt") == "pt_BR"
    assert i18n.from_telegram("es-419") == "es"
    assert i18n.from_telegram("de-AT") == "de"
    assert i18n.from_telegram("ru") == "ru"
    assert i18n.from_telegram("fi") == "en"
    assert i18n.from_telegram(None) == "en"


def test_dates_and_counts_follow_the_language() -> None:
    from bot.presenters.common import full_date, plural

    day = datetime(2026, 12, 1, tzinfo=UTC).date()
    with i18n.speaking("de"):
        assert full_date(day) == "Di., 1. Dez. 2026"
    with i18n.speaking("es"):
        assert full_date(day) == "mar, 1 dic 2026"
    with i18n.speaking("ru"):
        assert [plural(texts.DAYS, n) for n in (1, 2, 5, 21)] == [
            "1 день",
            "2 дня",
            "5 дней",
            "21 день",
        ]
    assert full_date(day) == "Tue 1 Dec 2026"


def _buttons(message: dict) -> list[dict]:
    return [button for row in message["reply_markup"]["inline_keyboard"] for button in row]


async def _tap_edit(chat: Chat, message: dict, label: str) -> dict:
    """Tap a button that edits its own message; returns the message as edited."""
    edits = len(chat.emulator.edits)
    data = next(b for b in _buttons(message) if b["text"] == label)["callback_data"]
    await chat.press(message, data)
    await chat.emulator.wait_for(lambda: len(chat.emulator.edits) > edits)
    return chat.emulator.edits[-1]


async def test_calendar_titles_and_the_exports_readme_follow_the_language(
    bot: RunningBot, emulator: BotAPIEmulator
) -> None:
    chat = helper_chat(emulator, "pt_BR")
    await chat.say("/followup Tom tomorrow — send the CV")
    document = await chat.say("/calendar")
    calendar = Calendar.from_ical(emulator.document_bytes(document))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == speaking("pt_BR", "CALENDAR_EVENT", name="Tom")
    assert str(calendar["X-WR-CALNAME"]) == speaking("pt_BR", "CALENDAR_NAME")

    export = await chat.say("/export")
    archive = zipfile.ZipFile(io.BytesIO(emulator.document_bytes(export)))
    readme = archive.read("README.txt").decode()
    assert readme.startswith("Seus dados do Marathon")
    assert json.loads(archive.read("data.json"))["tables"]["users"][0]["language"] == "pt_BR"


async def test_a_language_not_shipped_or_another_chats_button_changes_nothing(
    bot: RunningBot, emulator: BotAPIEmulator
) -> None:
    chat = helper_chat(emulator, "de")
    menu = await chat.say("/language")
    for data in ("set:lang:xx", "set:lang:fr", "set:lang:EN"):
        await chat.press(menu, data)
    await chat.quiet()
    await bot.settled()
    stale = speaking("de", "STALE_BUTTON")
    assert [a["text"] for a in emulator.callback_answers] == [stale] * 3
    assert await stored_language(bot) == "de"
