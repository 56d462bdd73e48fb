"""Updates in: receive them into the inbox, then handle them from there.

Polling: `Poller` asks Telegram for updates and stores each batch before it asks again (asking
again with the next offset is what confirms them to Telegram), so a crash loses none. With
several replicas on PostgreSQL exactly one polls: whoever holds the advisory lock; another takes
over within a minute when it dies. Webhook mode stores them in `bot.web` instead.

`Consumer` handles what the inbox holds: the oldest waiting update of each chat at a time, many
chats side by side, each update in one session that marks it done with its effects.
"""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection
from telegram import Update
from telegram.error import Conflict, NetworkError, TelegramError

from bot import metrics
from bot.runtime import MarathonApplication
from db import inbox as inbox_db
from db.models import InboxUpdate

log = logging.getLogger(__name__)
T = TypeVar("T")

POLL_TIMEOUT = 25  # seconds Telegram holds a long poll open when nothing arrives
LOCK_RETRY = 15  # seconds between tries for the polling lock (takeover well within a minute)
POLLING_LOCK_KEY = 0x4D41_5241  # "MARA": the advisory lock that elects the polling replica
PRUNE_EVERY = timedelta(hours=1)


class Consumer:
    def __init__(
        self,
        app: MarathonApplication,
        *,
        owner: str,
        lease: timedelta = inbox_db.LEASE,
        concurrency: int = 64,
    ) -> None:
        self._app = app
        self._owner = owner
        self._lease = lease
        self._concurrency = concurrency
        self.arrived = asyncio.Event()  # set by receivers: no need to wait for the next look
        self.handling = 0  # updates in hand: a handler may commit before its last reply
        self._pruned_at: datetime | None = None

    async def run(self, stop: asyncio.Event, idle: float = 0.5) -> None:
        """Handle updates until `stop` is set; looks every `idle` seconds, or when woken."""
        while not stop.is_set():
            # Cleared before looking, not after: an update stored while we look (after the
            # claim found nothing) keeps its wake-up, instead of waiting `idle` for the next look.
            self.arrived.clear()
            try:
                handled = await self.drain_once()
                await self._housekeeping()
            except Exception:
                log.exception("handling the inbox failed; trying again shortly")
                handled = 0
            if handled:
                continue
            await _first_of(stop.wait(), self.arrived.wait(), within=idle)

    async def drain_once(self) -> int:
        """Claim the next update of every chat that has one waiting and handle them side by
        side; returns how many were handled."""
        services = self._app.services
        async with services.sessions() as session:
            if given_up := await inbox_db.give_up_abandoned(session, services.clock.now()):
                log.error("%d updates were never handled to the end; failed", given_up)
            rows = await inbox_db.claim(
                session, services.clock.now(), self._owner, self._concurrency, self._lease
            )
            await session.commit()
        if rows:
            await asyncio.gather(*(self._handle(row) for row in rows))
        return len(rows)

    async def _handle(self, row: InboxUpdate) -> None:
        self.handling += 1
        try:
            await self._app.handle_stored(row)
        except Exception:  # the runtime already reports handler errors; this is ours
            log.exception("update %s could not be handled; its lease will free it", row.update_id)
        finally:
            self.handling -= 1

    async def _housekeeping(self) -> None:
        """The inbox lag for the metrics, and handled updates forgotten after a week."""
        services = self._app.services
        now = services.clock.now()
        async with services.sessions() as session:
            oldest = await inbox_db.oldest_waiting(session)
            metrics.INBOX_LAG.set((now - oldest).total_seconds() if oldest else 0)
            if self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY:
                await inbox_db.prune(session, now)
                await session.commit()
                self._pruned_at = now


class Poller:
    """Long-polls Telegram and stores every update before confirming it."""

    def __init__(
        self, app: MarathonApplication, consumer: Consumer, *, timeout: int = POLL_TIMEOUT
    ) -> None:
        self._app = app
        self._consumer = consumer
        self._timeout = timeout

    async def run(self, stop: asyncio.Event) -> None:
        async with PollingLock(self._app) as lock:
            while not stop.is_set():
                if not await lock.acquire():
                    await _first_of(stop.wait(), within=LOCK_RETRY)
                    continue
                await self._poll(stop)

    async def _poll(self, stop: asyncio.Event) -> None:
        """Poll while we hold the lock; a webhook left over from webhook mode is removed."""
        bot = self._app.bot
        with contextlib.suppress(TelegramError):
            await bot.delete_webhook(drop_pending_updates=False)
        offset: int | None = None
        failures = 0
        while not stop.is_set():
            try:
                updates = await _first_of(
                    stop.wait(),
                    bot.get_updates(
                        offset=offset,
                        timeout=self._timeout,
                        allowed_updates=Update.ALL_TYPES,
                        read_timeout=self._timeout + 10,
                    ),
                )
            except Conflict:
                log.warning("another process polls this bot; waiting before trying again")
                await _first_of(stop.wait(), within=LOCK_RETRY)
                continue
            except NetworkError as error:  # includes timeouts: Telegram is unreachable
                failures += 1
                log.warning("polling failed (%s); trying again", error)
                await _first_of(stop.wait(), within=min(30, 2**failures))
                continue
            failures = 0
            if not updates:  # stopped, or nothing arrived within the long poll
                continue
            await self._store([update.to_dict() for update in updates])
            offset = updates[-1].update_id + 1  # the next call confirms these to Telegram

    async def _store(self, raw: list[dict[str, Any]]) -> None:
        services = self._app.services
        async with services.sessions() as session:
            await inbox_db.store(session, raw, services.clock.now())
            await session.commit()
        self._consumer.arrived.set()


class PollingLock:
    """Exactly one polling replica per bot on PostgreSQL: a session-level advisory lock held on
    a connection of its own, released when that connection (or the process) dies. SQLite has
    one process by design, so the lock is always ours there."""

    def __init__(self, app: MarathonApplication) -> None:
        self._engine = app.services.engine
        self._connection: AsyncConnection | None = None
        self._held = False

    async def __aenter__(self) -> "PollingLock":
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.close()
        self._connection = None

    async def acquire(self) -> bool:
        if self._engine.dialect.name != "postgresql" or self._held:
            return True
        try:
            if self._connection is None:
                self._connection = await self._engine.connect()
            result = await self._connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": POLLING_LOCK_KEY}
            )
            await self._connection.commit()
            self._held = bool(result.scalar())
        except Exception:
            log.exception("could not ask for the polling lock")
            await self.__aexit__()
            return False
        if self._held:
            log.info("this replica polls Telegram")
        return self._held


async def _first_of(
    stop: Awaitable[Any], work: Awaitable[T] | None = None, *, within: float | None = None
) -> T | None:
    """Wait for `work` (for at most `within` seconds), giving up as soon as `stop` finishes;
    returns `work`'s result, or None when stopped or out of time (the work is cancelled)."""
    waiting = {asyncio.ensure_future(stop)}
    task = asyncio.ensure_future(work) if work is not None else None
    if task is not None:
        waiting.add(task)
    done, pending = await asyncio.wait(waiting, timeout=within, return_when=asyncio.FIRST_COMPLETED)
    for future in pending:
        future.cancel()
    for future in pending:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await future
    if task is not None and task in done:
        return task.result()
    return None
