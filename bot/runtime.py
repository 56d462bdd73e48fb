"""What every handler can reach: settings, the clock, a database session and the sender's row.

`MarathonApplication` opens one session per update and loads the sender's `User` row once
(the PTB equivalent of an aiogram middleware); `BotContext` hands both to the handlers as
`context.db` and `context.user`, so no handler reaches into `bot_data` or loads the user
itself. Handlers commit what they change; whatever they did not commit is rolled back when
the update ends.
"""

import asyncio
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.config import Settings
from db.models import User
from services import users


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]


@dataclass
class _UpdateScope:
    """What lives exactly as long as one update: its session and the sender's row."""

    session: AsyncSession
    user: User | None = None


_scope: ContextVar[_UpdateScope | None] = ContextVar("marathon_update", default=None)


Loop = Callable[[asyncio.Event], Awaitable[None]]


class MarathonApplication(Application):  # type: ignore[type-arg]
    """PTB's Application with our services, and loops that run while it runs (the dispatcher
    and, in production, the inbox's receiver and consumer), stopped before it stops."""

    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self.dispatcher: Any = None  # scheduler.dispatcher.Dispatcher, set by bot.app
        self.last_tick: datetime | None = None
        self.loops: list[Loop] = []
        self._stopping = asyncio.Event()
        self._loop_tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await super().start()
        self._stopping = asyncio.Event()
        self._loop_tasks = [asyncio.create_task(loop(self._stopping)) for loop in self.loops]

    async def stop(self) -> None:
        self._stopping.set()
        for task in self._loop_tasks:
            await task
        self._loop_tasks = []
        await super().stop()

    async def process_update(self, update: object) -> None:
        async with self.services.sessions() as session:
            scope = _UpdateScope(session, await _sender(session, update))
            token = _scope.set(scope)
            try:
                await super().process_update(update)
            finally:
                _scope.reset(token)


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
        """The one way a user is created: the sender, with the operator's default settings.

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
            timezone=settings.default_timezone,
            checkin_time=settings.default_checkin_time,
            now=self.now(),
        )
        await scope.session.commit()
        return scope.user

    async def user_or_new(self, update: Update) -> User:
        """The sender's row, created with the default settings if this is their first word."""
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
