"""/stats after check-ins spread over days, with the clock moved instead of waited for; the
chart that comes with it; and the network of someone who has not checked in yet."""

import struct
from datetime import timedelta

from bot import texts
from tests.clock import ManualClock
from tests.harness import (
    Chat,
    RunningBot,
    both_backends,
    button_data,
    complete_checkin,
    stats_with_chart,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def nothing_more(chat: Chat) -> None:
    """The bot said nothing after its last message: the next one answers /help."""
    assert (await chat.say("/help"))["text"].startswith(texts.HELP_HEADER)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first after the signature."""
    assert png[:8] == PNG_SIGNATURE
    length, chunk_type = struct.unpack(">I4s", png[8:16])
    assert (length, chunk_type) == (13, b"IHDR")
    return struct.unpack(">II", png[16:24])


async def test_stats_before_any_checkin(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say("/stats")
    assert answer["text"] == texts.SETTINGS_NEED_START
    await nothing_more(chat)  # a stranger gets no chart, and no account
    await chat.say("/start")
    await chat.reply()
    assert (await chat.say("/stats"))["text"] == texts.STATS_EMPTY
    await nothing_more(chat)  # nor does someone with nothing logged yet


@both_backends
async def test_stats_come_with_a_chart_of_sane_size(bot: RunningBot, chat: Chat) -> None:
    await complete_checkin(chat)
    text, chart = await stats_with_chart(chat)
    assert text["text"].startswith("📈 Your marathon so far")
    assert chart["caption"] == texts.CHART_CAPTION
    png = chat.emulator.file_bytes(chart["photo"][-1]["file_id"])
    width, height = png_size(png)
    assert width > 400 and height > 400
    assert len(png) < 1_000_000
    (call,) = chat.emulator.calls_of("sendPhoto")
    assert call["photo"].content == png


async def test_gives_and_asks_show_before_a_first_checkin(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/gave Sally an intro to Priya")
    asked = await chat.say("/asked Tom for a 20-minute call")
    await chat.press(asked, button_data(asked, texts.ASK_ANYWAY_BUTTON))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    await chat.say("/followup Sally friday — send the article")
    text, _ = await stats_with_chart(chat)
    assert text["text"].startswith(texts.STATS_NO_CHECKIN + "\n\n🤝 Your network, last 30 days")
    assert "Gives: 1 · asks: 1 (give:ask 1:1)" in text["text"]
    assert "Current streak" not in text["text"]


async def test_a_followup_alone_shows_the_network_without_a_chart(
    bot: RunningBot, chat: Chat
) -> None:
    await chat.say("/followup Sally friday — send the article")
    text = await chat.say("/stats")
    assert text["text"].startswith(texts.STATS_NO_CHECKIN)
    await nothing_more(chat)  # nothing happened yet in any week: no chart


async def test_target_companies_show_in_stats(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/goal")
    await chat.say("a product role in fintech")
    await chat.say("Stripe, Adyen; hiring managers")
    await chat.say("/skip")
    card = await chat.say("/contact Dana Roe")
    await chat.press(card, button_data(card, "decision-maker"))
    await chat.press(card, button_data(card, texts.COMPANY_BUTTON))
    await chat.reply()
    await chat.say("Stripe")
    await complete_checkin(chat)
    text, _ = await stats_with_chart(chat)
    assert text["text"].endswith(
        "Your target companies: 0 of 2 with both a decision-maker and an insider you know.\n"
        "• Stripe: decision-maker Dana Roe · no insider yet\n"
        "• Adyen: nobody yet. Ask a connector, someone who knows everyone, for an introduction "
        f"to someone there.\n{texts.COVERAGE_HOW}"
    )


async def test_streaks_over_two_weeks(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    # START is Monday 2026-01-05, 12:00 UTC; the user keeps UTC and Mon–Fri.
    await chat.say("/start")
    await chat.reply()
    for day in range(12):  # Mon 5th … Fri 16th, skipping Wednesday the 7th and the weekend
        if day not in (2, 5, 6):
            summary = await complete_checkin(chat)
            assert "Check-in saved" in summary["text"]
        clock.advance(timedelta(days=1))
    # Now Saturday 17th: the weekend does not break the streak (Thu 8th … Fri 16th = 7 days).
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 7 days" in stats["text"]
    assert "Longest streak: 7 days" in stats["text"]
    assert "Last 7 days: 5 check-ins" in stats["text"]
    assert "Last 30 days: 9 check-ins" in stats["text"]
    assert "All time: 9 check-ins" in stats["text"]
    assert "Mon–Fri" in stats["text"]

    clock.advance(timedelta(days=2))  # Monday 19th, not checked in yet: streak still alive
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 7 days" in stats["text"]
    assert "Today is still open" in stats["text"]

    # Tuesday 20th: Monday was missed, and the freeze that Thu 8th … Wed 14th earned covers it.
    clock.advance(timedelta(days=1))
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 7 days" in stats["text"]
    assert "🧊 0 streak freezes held" in stats["text"]
    assert texts.STATS_FROZEN.format(days="19 Jan") in stats["text"]

    clock.advance(timedelta(days=1))  # Wednesday 21st: Tuesday missed too, no freeze left
    stats, _ = await stats_with_chart(chat)
    assert "Current streak: 0 days" in stats["text"]
    assert "Longest streak: 7 days" in stats["text"]
    summary = await complete_checkin(chat)
    assert "Day 1 of your streak" in summary["text"]


async def test_a_weekend_checkin_is_a_bonus(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    for _ in range(7):  # Monday to Sunday, every day
        await complete_checkin(chat)
        clock.advance(timedelta(days=1))
    stats = await chat.say("/stats")
    assert "Current streak: 7 days" in stats["text"]
