"""Run the real bot (PTB Application, database, scheduler) against the Bot API emulator.

`RunningBot` starts the application as `python -m bot` does once the database and the Bot API
answer (initialize, post_init, start: the inbox's poller and consumer) but with a
`ManualClock`, so a test moves time instead of sleeping, and calls the scheduler tick itself
instead of waiting for APScheduler.
"""

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application
from bot.config import Settings
from bot.runtime import MarathonApplication
from db.engine import create_engine, create_sessionmaker
from db.migrate import upgrade
from db.models import Base, InboxStatus, InboxUpdate
from domain.weekdays import EVERY_DAY
from scheduler.tick import TickReport, run_tick
from services.users import create as create_user
from services.users import finish_onboarding
from tests.clock import ManualClock
from tests.emulator import JSON, BotAPIEmulator

# Every row of one user, table by table (see `owned`).
Rows = dict[str, list[dict[str, Any]]]
TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
USER_ID = 1001
# A Monday evening in Berlin winter time (UTC+1).
START = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
# Run a test on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL too.
NEEDS_POSTGRESQL = "TEST_DATABASE_URL is not set: PostgreSQL tests need a server to talk to"
both_backends = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
# The answers `complete_checkin` gives, question by question (the fourth is a follow-up).
ANSWERS = ("Sally (coffee), Tom (email)", "Sent Sally the article", "Asked Tom for an intro")


def make_settings(emulator: BotAPIEmulator, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": emulator.base_url,
        "database_url": database_url,
        "scheduler_tick_seconds": 3600,  # tests call the tick themselves
        "telegram_rate_limit": 0,
        "log_level": "DEBUG",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class RunningBot:
    """The bot under test. Its own scheduler tick is off unless `tick=True`: tests move the
    clock and call `tick()` themselves, so no background tick can take a message first."""

    def __init__(
        self,
        emulator: BotAPIEmulator,
        settings: Settings,
        clock: ManualClock,
        *,
        tick: bool = False,
    ) -> None:
        self.emulator = emulator
        self.settings = settings
        self.clock = clock
        self.own_tick = tick
        self.app: MarathonApplication | None = None

    async def start(self) -> None:
        app = build_application(
            self.settings, self.clock, tick=self.own_tick, servers=False, poll_timeout=1
        )
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.start()  # the inbox's poller and consumer start here
        self.app = app

    async def stop(self) -> None:
        app, self.app = self.app, None
        if app is None:
            return
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def settled(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a deadline
        """Wait until every update sent so far was received and handled to the end: its inbox
        row is no longer pending, and no handler is still at work (one may commit, which marks
        its update done, before it replies). Updates of different chats are handled side by
        side, so another chat's reply says nothing about this one."""
        assert self.app is not None
        await self.emulator.wait_idle(timeout=timeout)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            async with self.session() as session:
                waiting = await session.scalar(
                    select(func.count()).where(InboxUpdate.status == InboxStatus.PENDING)
                )
            if not waiting and not self.app.consumer.handling:
                return
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{waiting} updates still waiting in the inbox")
            await asyncio.sleep(0.01)

    async def tick(self) -> TickReport:
        assert self.app is not None
        return await run_tick(self.app)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        assert self.app is not None
        async with self.app.services.sessions() as session:
            yield session

    async def rows(self, model: Any, *where: Any) -> list[Any]:
        async with self.session() as session:
            return list((await session.scalars(select(model).where(*where))).all())


class Chat:
    """One user's private chat with the bot, seen from the user's side."""

    def __init__(
        self,
        emulator: BotAPIEmulator,
        user_id: int = USER_ID,
        first_name: str = "Ann",
        language_code: str = "en",  # the user's Telegram app language, sent with each message
    ):
        self.emulator = emulator
        self.user_id = user_id
        self.first_name = first_name
        self.language_code = language_code

    def send(self, text: str) -> JSON:
        return self.emulator.user_message(
            text,
            user_id=self.user_id,
            first_name=self.first_name,
            language_code=self.language_code,
        )

    async def reply(self, timeout: float = 5.0) -> JSON:  # noqa: ASYNC109
        return await self.emulator.next_message(self.user_id, timeout=timeout)

    async def say(self, text: str) -> JSON:
        """Send `text` and return the bot's next message."""
        self.send(text)
        return await self.reply()

    async def press(self, message: JSON, data: str | None = None) -> None:
        """Tap a button under `message` (the only one, or the one whose data is `data`)."""
        if data is None:
            buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
            assert len(buttons) == 1, f"several buttons, say which: {buttons}"
            data = buttons[0]["callback_data"]
        self.emulator.user_presses(message, data, user_id=self.user_id)

    async def tap(self, message: JSON, label: str) -> JSON:
        """Tap the button labelled `label` and return the bot's next message."""
        await self.press(message, button_data(message, label))
        return await self.reply()

    async def quiet(self) -> None:
        """Wait until the bot fetched everything we sent (it may have answered nothing)."""
        await self.emulator.wait_idle()


def button_data(message: JSON, label: str) -> str:
    for row in message["reply_markup"]["inline_keyboard"]:
        for button in row:
            if button["text"] == label:
                return str(button["callback_data"])
    raise AssertionError(f"no button {label!r} in {message.get('reply_markup')}")


def button_labels(message: JSON) -> list[str]:
    markup = message.get("reply_markup") or {}
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [button["text"] for row in rows for button in row]


async def onboard(chat: Chat, zone: str = "", at: str = "18:00", mode: str = "searching") -> JSON:
    """/start and its three answers, as a user types them (the zone is kept when not given):
    someone who gets automatic messages. Returns the "You're set" message."""
    await chat.say("/start")  # the welcome, then the timezone question
    await chat.reply()
    await chat.say(zone or "Keep UTC")  # set (UTC: the tests' default zone); the time question
    await chat.reply()
    await chat.say(at)  # confirmed; the pace question
    await chat.reply()
    return await chat.say(mode)


async def complete_checkin(chat: Chat) -> JSON:
    """Answer every question of a fresh check-in; returns the summary."""
    await chat.say("/checkin")
    for answer in ANSWERS:
        await chat.say(answer)
    return await chat.say("Sally on Friday: coffee")


def one_of(text: str, variants: Sequence[str], **values: object) -> bool:
    """Whether `text` starts with one of a message's variants (the day picks which)."""
    return any(text.startswith(variant.format(**values)) for variant in variants)


async def stats_with_chart(chat: Chat) -> tuple[JSON, JSON]:
    """/stats for a user with something to draw: the text, then the chart (read both, or the
    chart would answer whatever the test says next)."""
    text = await chat.say("/stats")
    chart = await chat.reply()
    assert "photo" in chart, chart
    return text, chart


async def seed_users(
    database_url: str, emulator: BotAPIEmulator, count: int, *, prompt_at: datetime
) -> list[int]:
    """`count` users (ids from 7000, no quiet hours) in a migrated database, whose daily
    check-in prompt is next due at `prompt_at` (to the minute): a fan-out waiting for a tick.

    They live where `prompt_at` is around noon, so no test run near midnight UTC sees a prompt
    expire at local midnight, and their weekly review falls on another day, so the prompt comes
    alone whatever day the test runs."""
    ids = list(range(7000, 7000 + count))
    zone = noon_zone(prompt_at)
    local = prompt_at.astimezone(ZoneInfo(zone))
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        async with create_sessionmaker(engine)() as session:
            for user_id in ids:
                emulator.add_chat(user_id)
                user = await create_user(
                    session,
                    user_id=user_id,
                    chat_id=user_id,
                    first_name=f"User {user_id}",
                    timezone=zone,
                    checkin_time=local.time().replace(second=0, microsecond=0),
                    networking_days=EVERY_DAY,
                    now=prompt_at - timedelta(hours=1),
                )
                user.quiet_start = user.quiet_end = None
                user.review_day = (local.weekday() + 3) % 7
                finish_onboarding(user, prompt_at - timedelta(hours=1))
            await session.commit()
    finally:
        await engine.dispose()
    return ids


def noon_zone(moment: datetime) -> str:
    """A fixed-offset zone (Etc/GMT±N) where `moment` falls in the noon hour."""
    hours = 12 - moment.astimezone(UTC).hour  # -11 to +12: every one an Etc zone
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # Etc/GMT-5 is five hours ahead


async def owned(bot: RunningBot, user_id: int) -> Rows:
    """Every row of the user in every table, found by walking the schema (independently of
    db.userdata, which /export and /forget use: a table it forgets shows up here)."""
    found: Rows = {}
    async with bot.session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name == "users":
                where = table.c.id == user_id
            elif "user_id" in table.c:
                where = table.c.user_id == user_id
            else:
                links = [fk for fk in table.foreign_keys if fk.column.table.name in found]
                assert links, f"{table.name} has no user_id and no parent that has one"
                fk = links[0]
                parents = [row[fk.column.name] for row in found[fk.column.table.name]]
                where = fk.parent.in_(parents)
            query = select(table).where(where).order_by(*table.primary_key.columns)
            found[table.name] = [dict(row) for row in (await session.execute(query)).mappings()]
    return found
