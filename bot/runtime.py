"""What every handler and tick can reach: settings, the clock and a database session.

`MarathonApplication` opens one session per update and `BotContext.db` hands it to the
handlers (the PTB equivalent of an aiogram middleware), so no handler reaches into `bot_data`.
Handlers commit explicitly; whatever they did not commit is rolled back when the update ends.
"""

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.config import Settings

_session: ContextVar[AsyncSession | None] = ContextVar("marathon_session", default=None)


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]


class MarathonApplication(Application):  # type: ignore[type-arg]
    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services

    async def process_update(self, update: object) -> None:
        async with self.services.sessions() as session:
            token = _session.set(session)
            try:
                await super().process_update(update)
            finally:
                _session.reset(token)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context with typed access to the services."""

    @property
    def services(self) -> Services:
        app = self.application
        assert isinstance(app, MarathonApplication)
        return app.services

    @property
    def db(self) -> AsyncSession:
        session = _session.get()
        if session is None:
            raise RuntimeError("context.db is only available while an update is processed")
        return session

    @property
    def settings(self) -> Settings:
        return self.services.settings

    def now(self) -> datetime:
        return self.services.clock.now()
