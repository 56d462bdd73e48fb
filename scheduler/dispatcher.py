"""Dispatch: send what the outbox holds, as fast as Telegram allows, never twice.

A dispatcher claims due rows with a lease, and for each one: waits for the rate limiter, marks
the row handed over (committed before its request leaves), sends it, and records the outcome
right after the answer. Both writes go through a group commit (scheduler/batching.py): the
sends in flight share their transactions instead of two commits per send.
It runs as its own loop beside the planner (`run`), or once per tick in tests
(`dispatch_once`). Telegram errors never escape: 429 pauses every send until `retry_after` has
passed (the rate limiter's retries first), 5xx and timeouts come back later with a growing
delay, and 403 (blocked) or "chat not found" stops all sends to that user until they write
(and ends their partnerships: each partner is told in one line).
"""

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, RetryAfter

from bot import metrics
from bot.clock import Clock
from bot.presenters import partners as partners_present
from db import outbox as outbox_db
from db.models import OutboxMessage, OutboxStatus
from db.users import mark_unreachable
from scheduler.batching import GroupCommit
from scheduler.limiter import OnAdmit, retry_delay
from services import partners

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BACKOFF_START = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)


@dataclass
class DispatchReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    ambiguous: int = 0


class LeaseLost(Exception):
    """The row is no longer ours to send (someone else has it now, or it was deleted)."""


@dataclass(frozen=True)
class Outcome:
    """What to store for a row once its answer came (or it was let go unsent)."""

    row: OutboxMessage
    values: dict[str, Any]
    unreachable: bool = False  # the user blocked the bot or the chat is gone


class Dispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        bot: Bot,
        clock: Clock,
        *,
        owner: str,
        limited: bool,
        lease: timedelta = outbox_db.LEASE,
        concurrency: int = 30,
        paid_broadcast: bool = False,
    ) -> None:
        """`paid_broadcast`: send with `allow_paid_broadcast` (TELEGRAM_PAID_BROADCAST)."""
        self._sessions = sessions
        self._bot = bot
        self._clock = clock
        self._owner = owner
        self._limited = limited
        self._lease = lease
        self._paid = True if paid_broadcast else None  # None: the parameter is left out
        self._hand_over = GroupCommit(self._hand_over_rows)
        self._store = GroupCommit(self._store_outcomes)
        self._slots = asyncio.Semaphore(concurrency)
        self._batch = concurrency * 2  # rows in hand: those sending and the next ones
        self._refill = concurrency  # claim again when no more than this many are left
        self._paused_until: datetime | None = None

    @property
    def paused_until(self) -> datetime | None:
        """While Telegram asked us to wait (429), nothing is claimed or sent to anyone."""
        if self._paused_until is not None and self._paused_until <= self._clock.now():
            self._paused_until = None
        return self._paused_until

    async def run(self, stop: asyncio.Event, idle: float = 1.0) -> None:
        """Send continuously until `stop` is set; looks for due rows every `idle` seconds."""
        while not stop.is_set():
            try:
                report = await self.dispatch_once(stop)
            except Exception:
                log.exception("dispatch failed; trying again shortly")
                report = DispatchReport()
            if report.sent or report.retrying or report.failed:
                log.info(
                    "dispatched: %d sent, %d to retry, %d failed",
                    report.sent, report.retrying, report.failed,
                )  # fmt: skip
                continue  # more may be due right away
            wait = idle
            if self.paused_until is not None:
                wait = max(0.05, (self.paused_until - self._clock.now()).total_seconds())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)

    async def dispatch_once(self, stop: asyncio.Event | None = None) -> DispatchReport:
        """Settle what died mid-send, then send until nothing is due (or `stop` is set).

        Sends overlap: more rows are claimed whenever half the sends in hand are done, so one
        slow answer never holds up the others, and a claim stays small (a lease runs out only
        if the process dies)."""
        report = DispatchReport()
        async with self._sessions() as session:
            now = self._clock.now()
            abandoned = await outbox_db.settle_abandoned(session, now)
            await outbox_db.expire_stale(session, now)
            await session.commit()
        for row_id in abandoned:
            log.warning("outbox %s was handed to Telegram with no outcome: ambiguous", row_id)
            metrics.AMBIGUOUS.inc()
        report.ambiguous = len(abandoned)
        in_hand: set[asyncio.Task[None]] = set()
        # Each send reports here when done: one look per send, where asyncio.wait would look at
        # every send in hand each time one finishes.
        finished: asyncio.Queue[asyncio.Task[None]] = asyncio.Queue()
        more = True
        while True:
            stopping = stop is not None and stop.is_set()
            if more and not stopping and self.paused_until is None and len(in_hand) <= self._refill:
                wanted = self._batch - len(in_hand)
                async with self._sessions() as session:
                    rows = await outbox_db.claim(
                        session, self._clock.now(), self._owner, wanted, self._lease
                    )
                    await session.commit()
                more = len(rows) == wanted
                for row in rows:
                    task = asyncio.create_task(self._deliver(row, report))
                    task.add_done_callback(finished.put_nowait)
                    in_hand.add(task)
            if not in_hand:
                return report
            task = await finished.get()
            in_hand.discard(task)
            if (error := task.exception()) is not None:  # its outcome was not stored: ambiguous
                log.error("recording a send failed", exc_info=error)

    async def _deliver(self, row: OutboxMessage, report: DispatchReport) -> None:
        if self.paused_until is not None:  # Telegram asked us to wait: leave it for later
            await self._store(Outcome(row, {"owner": None, "lease_until": None}))
            return
        async with self._slots:
            handed: list[float] = []

            async def hand_over() -> None:
                if handed:
                    return  # the rate limiter retried after a 429: already marked
                if not await self._hand_over(row.id):
                    raise LeaseLost
                handed.append(time.perf_counter())

            result: Message | BaseException
            try:
                if self._limited:
                    result = await self._send(row, OnAdmit(hand_over))
                else:
                    await hand_over()
                    result = await self._send(row, None)
            except LeaseLost:
                return
            except Exception as error:  # anything Telegram (or the payload) throws
                result = error
            if handed:
                metrics.SEND_SECONDS.observe(time.perf_counter() - handed[0])
            # stored before the slot frees: what a crash leaves handed over with no outcome
            # stays within the sends in flight
            await self._store(self._outcome(row, result, report))

    async def _send(self, row: OutboxMessage, admit: OnAdmit | None) -> Message:
        markup = row.payload.get("reply_markup")
        return await self._bot.send_message(
            chat_id=row.chat_id,
            text=row.payload["text"],
            reply_markup=InlineKeyboardMarkup.de_json(markup, self._bot) if markup else None,
            allow_paid_broadcast=self._paid,
            rate_limit_args=admit,
        )

    async def _hand_over_rows(self, row_ids: list[int]) -> list[bool]:
        """Rows about to be sent, marked in one transaction: True for each still ours."""
        async with self._sessions() as session:
            ours = await outbox_db.hand_over(session, row_ids, self._owner, self._clock.now())
            await session.commit()
        return [row_id in ours for row_id in row_ids]

    async def _store_outcomes(self, outcomes: list[Outcome]) -> list[None]:
        """Outcomes of many sends in one transaction (and who turned out unreachable)."""
        now = self._clock.now()
        async with self._sessions() as session:
            values = {outcome.row.id: outcome.values for outcome in outcomes}
            await outbox_db.record(session, values)
            for outcome in outcomes:
                if outcome.unreachable:
                    await mark_unreachable(session, outcome.row.user_id, now)
                    await partners.end_all(
                        session, outcome.row.user_id, now, partners_present.ended
                    )
            await session.commit()
        return [None] * len(outcomes)

    def _outcome(
        self, row: OutboxMessage, result: Message | BaseException, report: DispatchReport
    ) -> Outcome:
        now = self._clock.now()
        free = {"owner": None, "lease_until": None}
        if isinstance(result, Message):
            report.sent += 1
            metrics.SENDS.labels("sent").inc()
            values = {
                "status": OutboxStatus.SENT,
                "sent_at": now,
                "telegram_message_id": result.message_id,
                **free,
            }
            return Outcome(row, values)
        unreachable = is_unreachable(result)
        if unreachable:
            log.info(
                "user %s is unreachable (%s); sends stop until they write", row.user_id, result
            )
        return Outcome(row, {**self._failure(row, result, now, report), **free}, unreachable)

    def _failure(
        self, row: OutboxMessage, error: BaseException, now: datetime, report: DispatchReport
    ) -> dict[str, Any]:
        values: dict[str, Any] = {"last_error": f"{type(error).__name__}: {error}"[:500]}
        attempts = row.attempts + 1  # this attempt was counted when it was handed over
        if isinstance(error, RetryAfter):
            # Flood control is not the message's fault: the attempt does not count, and every
            # send waits until Telegram allows them again.
            delay = retry_delay(error)
            self._paused_until = max(self._paused_until or now, now + delay)
            values |= {
                "status": OutboxStatus.PENDING,
                "not_before": now + delay,
                "handed_at": None,
                "attempts": attempts - 1,
            }
            report.retrying += 1
            metrics.SENDS.labels("retrying").inc()
        elif is_unreachable(error) or isinstance(error, BadRequest) or attempts >= MAX_ATTEMPTS:
            values["status"] = OutboxStatus.FAILED
            log.warning("outbox %s failed for good: %s", row.id, values["last_error"])
            report.failed += 1
            metrics.SENDS.labels("failed").inc()
        else:  # timeouts, 5xx, network trouble: try again a little later
            values |= {
                "status": OutboxStatus.PENDING,
                "not_before": now + backoff(attempts),
                "handed_at": None,
            }
            report.retrying += 1
            metrics.SENDS.labels("retrying").inc()
        return values


def is_unreachable(error: BaseException) -> bool:
    return isinstance(error, Forbidden) or (
        isinstance(error, BadRequest) and "chat not found" in error.message.lower()
    )


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_START * 2 ** max(attempts - 1, 0), BACKOFF_MAX)
