"""/followup, /gave and /asked written as sentences go through the check-in's reader."""

from datetime import UTC, datetime

import pytest

from bot import texts
from db.models import Contact, Followup, Interaction
from tests.harness import Chat, RunningBot, onboard

# The harness's clock: Monday 5 January 2026, 12:00 UTC; check-ins at 18:00 UTC.


@pytest.fixture(autouse=True)
async def set_up(bot: RunningBot, chat: Chat) -> None:
    """Someone who finished /start (a stranger's reply adds how reminders begin)."""
    await onboard(chat)


async def test_a_followup_sentence_names_the_person_not_the_verb(
    bot: RunningBot, chat: Chat
) -> None:
    done = await chat.say("/followup ping João next Tuesday about the intro")
    assert done["text"] == "Follow-up set: João, tomorrow at 18:00.\nping João about the intro"
    (contact,) = await bot.rows(Contact)
    (followup,) = await bot.rows(Followup)
    assert contact.name == "João"
    assert (followup.due_at, followup.note) == (
        datetime(2026, 1, 6, 18, tzinfo=UTC),
        "ping João about the intro",
    )


async def test_a_followup_sentence_without_a_date_asks_for_one_and_keeps_the_note(
    bot: RunningBot, chat: Chat
) -> None:
    asked = await chat.say("/followup send Wei the deck")
    assert asked["text"].startswith("When should I remind you about Wei?")
    done = await chat.say("friday")
    assert done["text"] == "Follow-up set: Wei, Friday at 18:00.\nsend Wei the deck"
    (followup,) = await bot.rows(Followup)
    assert followup.note == "send Wei the deck"


async def test_the_short_form_is_read_as_before(bot: RunningBot, chat: Chat) -> None:
    done = await chat.say("/followup Sally Jones friday — send the article")
    assert done["text"] == "Follow-up set: Sally Jones, Friday at 18:00.\nsend the article"


async def test_gave_and_asked_as_sentences(bot: RunningBot, chat: Chat) -> None:
    gave = await chat.say("/gave sent Sally Jones the article")
    assert gave["text"].startswith(
        "🎁 Logged your give to Sally Jones: sent Sally Jones the article."
    )
    asked = await chat.say("/asked asked Sally for an intro to her CTO")
    assert asked["text"].startswith("Logged your ask to Sally Jones")
    (contact,) = await bot.rows(Contact)
    assert contact.name == "Sally Jones"
    assert sorted(i.kind for i in await bot.rows(Interaction)) == ["ask", "give"]


async def test_a_sentence_that_names_nobody_gets_the_usage(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/gave sent the article")
    assert answer["text"] == texts.GAVE_USAGE
    assert await bot.rows(Interaction) == []
