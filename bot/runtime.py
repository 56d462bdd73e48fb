"""What every handler can reach: settings, the clock, a database session and the sender's row.

`MarathonApplication` handles each update in one database session and loads the sender's
`User` row once (the PTB equivalent of an aiogram middleware); `BotContext` hands both to the
handlers as `context.db` and `context.user`, so no handler reaches into `bot_data` or loads the
user itself. An update from the inbox is marked done in that same session before the handlers
run, so the mark is committed with the first thing a handler commits, or at the end: a replayed
update has no second effect. Whatever a handler did not commit is rolled back.
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application, CallbackContext, ExtBot

from bot import i18n, metrics
from bot.clock import Clock
from bot.config import Settings
from db import inbox as inbox_db
from db.models import InboxStatus, InboxUpdate, User
from services import users


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]


@dataclass
class _UpdateScope:
    """What lives exactly as long as one update: its session, the sender's row, and the error
    a handler raised, if any."""

    session: AsyncSession
    user: User | None = None
    error: BaseException | None = None


_scope: ContextVar[_UpdateScope | None] = ContextVar("marathon_update", default=None)


Loop = Callable[[asyncio.Event], Awaitable[None]]


class Part(Protocol):
    """Something that runs while the application runs and is ready once started (a server)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class MarathonApplication(Application):  # type: ignore[type-arg]
    """PTB's Application with our services, and loops that run while it runs (the dispatcher
    and, in production, the inbox's receiver and consumer), stopped before it stops."""

    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self.dispatcher: Any = None  # scheduler.dispatcher.Dispatcher, set by bot.app
        self.consumer: Any = None  # bot.inbox.Consumer, set by bot.app
        self.dispatcher_owner = ""  # who holds leases: this host and process (bot.app)
        self.last_tick: datetime | None = None
        self.started_at: datetime | None = None
        self.waiting_for: list[str] = []  # what start-up still waits for (bot.startup)
        self.loops: list[Loop] = []
        self.parts: list[Part] = []
        self._started_parts: list[Part] = []
        self._stopping = asyncio.Event()
        self._loop_tasks: list[asyncio.Task[None]] = []

    async def start_parts(self) -> None:
        """Start the parts not yet started (the servers). `python -m bot` starts them before it
        waits for the database and Telegram, so /healthz says "starting" meanwhile and a port
        already in use shows at once."""
        for part in self.parts:
            if part not in self._started_parts:
                await part.start()
                self._started_parts.append(part)

    async def stop_parts(self) -> None:
        while self._started_parts:
            await self._started_parts.pop().stop()

    async def start(self) -> None:
        await super().start()
        await self.start_parts()
        self.started_at = self.services.clock.now()
        self._stopping = asyncio.Event()
        self._loop_tasks = [asyncio.create_task(loop(self._stopping)) for loop in self.loops]

    async def stop(self) -> None:
        self._stopping.set()
        for task in self._loop_tasks:
            await task
        self._loop_tasks = []
        await self.stop_parts()
        await super().stop()

    async def process_update(self, update: object) -> None:
        """An update that did not come through the inbox (PTB's own queue): handled the same
        way, in one session."""
        async with self.services.sessions() as session, _in_scope(session, update):
            await super().process_update(update)

    async def handle_stored(self, row: InboxUpdate) -> InboxStatus:
        """Handle one update from the inbox: done together with its effects, tried again after
        a passing failure (the database was busy, Telegram did not answer), or failed."""
        update = Update.de_json(row.payload, self.bot)
        now = self.services.clock.now()
        async with self.services.sessions() as session:
            if not await inbox_db.mark_done(session, row.id, row.owner or "", now):
                return InboxStatus.PENDING  # no longer ours: whoever has it handles it
            async with _in_scope(session, update) as scope:
                await super().process_update(update)
            if scope.error is None:
                await session.commit()
                metrics.UPDATES.labels("done").inc()
                return InboxStatus.DONE
            await session.rollback()
            return await self._after_failure(session, row, scope.error, now)

    async def _after_failure(
        self, session: AsyncSession, row: InboxUpdate, error: BaseException, now: datetime
    ) -> InboxStatus:
        if await inbox_db.status_of(session, row.id) == InboxStatus.DONE:
            return InboxStatus.DONE  # its effects were committed before the failure: done
        if isinstance(error, NetworkError | DBAPIError):  # passing trouble: once more
            status = await inbox_db.retry_or_fail(session, row, repr(error), now)
        else:  # a bug: trying again would only apologise again
            status = await inbox_db.fail(session, row, repr(error), now)
        await session.commit()
        metrics.UPDATES.labels("failed" if status == InboxStatus.FAILED else "retrying").inc()
        return status

    async def process_error(
        self,
        update: object | None,
        error: Exception,
        job: Any = None,
        coroutine: Any = None,
    ) -> bool:
        """A handler raised: remember it for `handle_stored`, then PTB's error handlers run."""
        scope = _scope.get()
        if scope is not None and update is not None:
            scope.error = error
        return await super().process_error(update, error, job, coroutine)


@asynccontextmanager
async def _in_scope(session: AsyncSession, update: object) -> AsyncIterator[_UpdateScope]:
    """While handlers run: the update's session and sender, for `BotContext`, and the language
    every reply is written in: the sender's own, or their Telegram app's before they have one."""
    scope = _UpdateScope(session, await _sender(session, update))
    token = _scope.set(scope)
    try:
        with i18n.speaking(_language(scope.user, update)):
            yield scope
    finally:
        _scope.reset(token)


def _language(user: User | None, update: object) -> str:
    if user is not None:
        return user.language
    sender = update.effective_user if isinstance(update, Update) else None
    return i18n.from_telegram(sender.language_code if sender else None)


async def _sender(session: AsyncSession, update: object) -> User | None:
    """The row of whoever sent a private-chat update; groups never reach the handlers."""
    if not isinstance(update, Update) or update.effective_user is None:
        return None
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return None
    return await users.get(session, update.effective_user.id)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context with typed access to the services and the update's scope."""

    @property
    def services(self) -> Services:
        app = self.application
        assert isinstance(app, MarathonApplication)
        return app.services

    @property
    def db(self) -> AsyncSession:
        return _current().session

    @property
    def user(self) -> User | None:
        """The sender's row, loaded once per update; None for someone the bot never met."""
        return _current().user

    async def create_user(self, update: Update) -> User:
        """The one way a user is created: the sender, with the operator's default settings,
        not onboarded (no automatic message comes until /start's questions are answered).

        Committed at once, so the account exists whatever the rest of the update does.
        """
        scope = _current()
        assert scope.user is None, "create_user is for senders without a row"
        assert update.effective_user is not None and update.effective_chat is not None
        settings = self.settings
        scope.user = await users.create(
            scope.session,
            user_id=update.effective_user.id,
            chat_id=update.effective_chat.id,
            first_name=update.effective_user.first_name or "",
            language=i18n.from_telegram(update.effective_user.language_code),
            timezone=settings.default_timezone,
            checkin_time=settings.default_checkin_time,
            now=self.now(),
        )
        await scope.session.commit()
        return scope.user

    async def user_or_new(self, update: Update) -> User:
        """The sender's row, created if this is their first word: for a command that must
        store something (/followup, /checkin, …). It gets no automatic message until /start's
        questions are answered; a command that only shows or sets the schedule needs no row."""
        return self.user or await self.create_user(update)

    @property
    def settings(self) -> Settings:
        return self.services.settings

    def now(self) -> datetime:
        return self.services.clock.now()


def _current() -> _UpdateScope:
    scope = _scope.get()
    if scope is None:
        raise RuntimeError("context.db and context.user exist only while an update is handled")
    return scope
