"""Dispatch: send claimed outbox rows through the bot (and its rate limiter), record outcomes.

Telegram errors never escape: 429 waits `retry_after` (the rate limiter retries first, then the
row waits for a later tick), 5xx and timeouts back off over later ticks, and 403 (blocked) or
"chat not found" marks the user unreachable until they write again.
"""

import asyncio
import logging
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.clock import Clock
from db.models import OutboxMessage, OutboxStatus
from db.outbox import claim_due, expire_stale
from db.users import mark_unreachable

log = logging.getLogger(__name__)

BATCH = 50
MAX_ATTEMPTS = 6
BACKOFF_START = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)


@dataclass
class DispatchReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


async def dispatch_outbox(session: AsyncSession, bot: Bot, clock: Clock) -> DispatchReport:
    report = DispatchReport()
    now = clock.now()
    await expire_stale(session, now)
    await session.commit()
    while rows := await claim_due(session, now, BATCH):
        results = await asyncio.gather(*(_send(bot, row) for row in rows), return_exceptions=True)
        finished = clock.now()
        for row, result in zip(rows, results, strict=True):
            await _record(session, row, result, finished, report)
        await session.commit()
        if len(rows) < BATCH:
            break
    return report


async def _send(bot: Bot, row: OutboxMessage) -> Message:
    markup = row.payload.get("reply_markup")
    return await bot.send_message(
        chat_id=row.chat_id,
        text=row.payload["text"],
        reply_markup=InlineKeyboardMarkup.de_json(markup, bot) if markup else None,
    )


async def _record(
    session: AsyncSession,
    row: OutboxMessage,
    result: Message | BaseException,
    now: datetime,
    report: DispatchReport,
) -> None:
    """Store the outcome with a plain UPDATE: a row deleted meanwhile (/forget) is no error."""
    values: dict[str, Any]
    if isinstance(result, Message):
        values = {
            "status": OutboxStatus.SENT,
            "sent_at": now,
            "telegram_message_id": result.message_id,
        }
        report.sent += 1
    else:
        values = _failure(row, result, now, report)
        if is_unreachable(result):
            await mark_unreachable(session, row.user_id, now)
            log.info(
                "user %s is unreachable (%s); sends stop until they write", row.user_id, result
            )
    await session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id).values(**values))


def _failure(
    row: OutboxMessage, error: BaseException, now: datetime, report: DispatchReport
) -> dict[str, Any]:
    values: dict[str, Any] = {"last_error": f"{type(error).__name__}: {error}"[:500]}
    if isinstance(error, RetryAfter):
        # Flood control is not the message's fault: the attempt does not count.
        values |= {"status": OutboxStatus.PENDING, "not_before": now + retry_delay(error)}
        values["attempts"] = row.attempts - 1
        report.retrying += 1
    elif is_unreachable(error) or isinstance(error, BadRequest) or row.attempts >= MAX_ATTEMPTS:
        values["status"] = OutboxStatus.FAILED
        log.warning("outbox %s failed for good: %s", row.id, values["last_error"])
        report.failed += 1
    else:  # timeouts, 5xx, network trouble: try again on a later tick
        values |= {"status": OutboxStatus.PENDING, "not_before": now + backoff(row.attempts)}
        report.retrying += 1
    return values


def is_unreachable(error: BaseException) -> bool:
    return isinstance(error, Forbidden) or (
        isinstance(error, BadRequest) and "chat not found" in error.message.lower()
    )


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_START * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


def retry_delay(error: RetryAfter) -> timedelta:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB warns that the int form is deprecated
        value = error.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=value)
