"""The tick: APScheduler (through PTB's JobQueue) is only the clock that calls this.

Nothing per user lives in the scheduler's memory: every tick asks the database what is due.
"""

import logging
from dataclasses import dataclass

from telegram.ext import Application

from bot.runtime import BotContext, MarathonApplication
from scheduler.dispatcher import DispatchReport, dispatch_outbox
from scheduler.planner import plan_due

log = logging.getLogger(__name__)
JOB_NAME = "scheduler-tick"


@dataclass(frozen=True)
class TickReport:
    planned: int
    dispatched: DispatchReport


async def run_tick(app: MarathonApplication) -> TickReport:
    """One pass: plan what is due into the outbox, then send what the outbox holds."""
    services = app.services
    async with services.sessions() as session:
        now = services.clock.now()
        planned = await plan_due(session, now)
        dispatched = await dispatch_outbox(session, app.bot, services.clock)
    if planned or dispatched.sent or dispatched.failed:
        log.info("tick: planned %d, %s", planned, dispatched)
    return TickReport(planned=planned, dispatched=dispatched)


async def tick_job(context: BotContext) -> None:
    app = context.application
    assert isinstance(app, MarathonApplication)
    try:
        await run_tick(app)
    except Exception:
        log.exception("scheduler tick failed; the next tick picks up where it stopped")


def register(app: Application, interval: float, first: float = 1.0) -> None:  # type: ignore[type-arg]
    assert app.job_queue is not None, "install python-telegram-bot[job-queue]"
    app.job_queue.run_repeating(
        tick_job,  # type: ignore[arg-type]
        interval=interval,
        first=first,
        name=JOB_NAME,
        job_kwargs={
            "misfire_grace_time": None,  # a late tick still runs, however late
            "coalesce": True,  # several missed ticks run once
            "max_instances": 1,  # a slow tick is never overlapped by the next
        },
    )
