"""Webhook mode and the operators' endpoints, through the real application and real HTTP.

Telegram posts updates with the secret it was given; a request without it gets 403 and is
neither stored nor handled. An update re-sent with the same update_id has no second effect.
"""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.app import build_application
from bot.runtime import MarathonApplication
from db.models import InboxUpdate, Interaction
from tests.emulator import BotAPIEmulator
from tests.harness import USER_ID, make_settings
from tests.process import free_port

SECRET = "s3cret-Token_42"


def webhook_application(
    emulator: BotAPIEmulator, database_url: str
) -> tuple[MarathonApplication, str, str]:
    """The application in webhook mode with its servers, not started; the webhook's URL and
    the operators' server's."""
    hook_port, ops_port = free_port(), free_port()
    settings = make_settings(
        emulator,
        database_url,
        bot_mode="webhook",
        webhook_url=f"http://127.0.0.1:{hook_port}/telegram/hook",
        webhook_secret=SECRET,
        webhook_listen="127.0.0.1",
        webhook_port=hook_port,
        metrics_port=ops_port,
    )
    app = build_application(settings, tick=False, servers=True)
    return app, f"http://127.0.0.1:{hook_port}/telegram/hook", f"http://127.0.0.1:{ops_port}"


@pytest.fixture
async def webhook_bot(
    emulator: BotAPIEmulator, database_url: str
) -> AsyncIterator[tuple[MarathonApplication, str, str]]:
    app, hook, ops = webhook_application(emulator, database_url)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()
    try:
        yield app, hook, ops
    finally:
        await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


def update(update_id: int, text: str) -> dict[str, Any]:
    ann = {"id": USER_ID, "is_bot": False, "first_name": "Ann"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1767614400,
            "chat": {"id": USER_ID, "type": "private", "first_name": "Ann"},
            "from": ann,
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
        },
    }


async def stored(app: MarathonApplication, model: Any) -> int:
    async with app.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_the_webhook_takes_only_telegrams_requests_and_each_update_once(
    webhook_bot: tuple[MarathonApplication, str, str], emulator: BotAPIEmulator
) -> None:
    app, hook, _ = webhook_bot
    assert emulator.webhook == {"url": hook, "secret_token": SECRET}  # registered at start
    emulator.add_chat(USER_ID)
    give = update(7001, "/gave Sally: an intro to Priya")
    async with aiohttp.ClientSession() as http:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with http.post(hook, json=give, headers=headers) as answer:
                assert answer.status == 403
        assert await stored(app, InboxUpdate) == 0  # neither stored…
        assert emulator.messages_to(USER_ID) == []  # …nor handled

        secret = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with http.post(hook, json=give, headers=secret) as answer:
            assert answer.status == 200
        reply = await emulator.next_message(USER_ID)
        assert reply["text"].startswith("🎁 Logged your give to Sally")
        async with http.post(hook, json=give, headers=secret) as answer:  # Telegram re-sends it
            assert answer.status == 200
        async with http.post(hook, data=b"{not json", headers=secret) as answer:
            assert answer.status == 400
        async with http.post(hook, json=update(7002, "/help"), headers=secret) as answer:
            assert answer.status == 200
        assert (await emulator.next_message(USER_ID))["text"].startswith("Here's what I can do")
    assert await stored(app, Interaction) == 1  # the replayed give was not logged twice
    assert await stored(app, InboxUpdate) == 2
    assert len(emulator.messages_to(USER_ID)) == 2


async def test_healthz_and_metrics(
    webhook_bot: tuple[MarathonApplication, str, str],
) -> None:
    _, _, ops = webhook_bot
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{ops}/healthz") as answer:
            assert answer.status == 200
            report = await answer.json()
        assert report["ok"] is True and report["database"] == "ok"
        async with http.get(f"{ops}/metrics") as answer:
            assert answer.status == 200
            body = await answer.text()
    for name in (
        "marathon_outbox_rows",
        "marathon_sends_total",
        "marathon_ambiguous_sends_total",
        "marathon_send_seconds",
        "marathon_inbox_lag_seconds",
        "marathon_tick_seconds",
    ):
        assert name in body, name


async def test_before_the_start_the_webhook_and_healthz_say_starting(
    emulator: BotAPIEmulator, database_url: str
) -> None:
    """`python -m bot` opens its servers before the database and Telegram answer: an update
    Telegram posts meanwhile gets 503 (it sends it again later), and /healthz says why."""
    app, hook, ops = webhook_application(emulator, database_url)
    app.waiting_for = ["the database (somewhere)"]
    await app.start_parts()
    try:
        async with aiohttp.ClientSession() as http:
            secret = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with http.post(hook, json=update(7001, "/help"), headers=secret) as answer:
                assert answer.status == 503
            async with http.post(hook, json=update(7001, "/help")) as answer:
                assert answer.status == 403  # the secret is checked first, as always
            async with http.get(f"{ops}/healthz") as answer:
                assert answer.status == 503
                assert await answer.json() == {
                    "ok": False,
                    "status": "starting",
                    "waiting_for": ["the database (somewhere)"],
                }
    finally:
        await app.stop_parts()
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
    assert emulator.calls == []  # nothing was handled
