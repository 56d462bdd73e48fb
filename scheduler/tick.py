"""The clock: APScheduler (through PTB's JobQueue) calls the planner every few seconds, and
the dispatcher runs as a loop of its own, so neither ever waits for the other.

Nothing per user lives in the scheduler's memory: every tick asks the database what is due.
"""

import logging
import time
from dataclasses import dataclass

from telegram.ext import Application

from bot import metrics
from bot.runtime import BotContext, MarathonApplication
from scheduler.dispatcher import DispatchReport
from scheduler.planner import plan_due

log = logging.getLogger(__name__)
JOB_NAME = "scheduler-plan"


@dataclass(frozen=True)
class TickReport:
    planned: int
    dispatched: DispatchReport


async def plan(app: MarathonApplication) -> int:
    """One planning pass: everything due goes into the outbox."""
    services = app.services
    started = time.perf_counter()
    async with services.sessions() as session:
        planned = await plan_due(session, services.clock.now())
    metrics.TICK_SECONDS.observe(time.perf_counter() - started)
    metrics.LAST_TICK.set_to_current_time()
    app.last_tick = services.clock.now()
    if planned:
        log.info("planned %d messages", planned)
    return planned


async def run_tick(app: MarathonApplication) -> TickReport:
    """Plan, then send what is due, once (tests drive time with this instead of the loops)."""
    planned = await plan(app)
    dispatched = await app.dispatcher.dispatch_once()
    return TickReport(planned=planned, dispatched=dispatched)


async def plan_job(context: BotContext) -> None:
    app = context.application
    assert isinstance(app, MarathonApplication)
    try:
        await plan(app)
    except Exception:
        log.exception("planning failed; the next tick picks up where it stopped")


def register(app: Application, interval: float, first: float = 1.0) -> None:  # type: ignore[type-arg]
    assert app.job_queue is not None, "install python-telegram-bot[job-queue]"
    app.job_queue.run_repeating(
        plan_job,  # type: ignore[arg-type]
        interval=interval,
        first=first,
        name=JOB_NAME,
        job_kwargs={
            "misfire_grace_time": None,  # a late tick still runs, however late
            "coalesce": True,  # several missed ticks run once
            "max_instances": 1,  # a slow pass is never overlapped by the next
        },
    )
