"""The clock that drives the tick, and several replicas ticking the same database at once."""

import asyncio
from datetime import UTC, datetime

from bot.app import build_application
from scheduler.tick import JOB_NAME, run_tick
from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import Chat, RunningBot, both_backends, make_settings, onboard, seed_users

MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@both_backends
async def test_replicas_ticking_together_send_each_prompt_once(
    bot: RunningBot, emulator: BotAPIEmulator, database_url: str, clock: ManualClock
) -> None:
    ids = await seed_users(database_url, emulator, 60, prompt_at=MORNING)
    replica = build_application(make_settings(emulator, database_url), clock, tick=False)
    await replica.initialize()
    try:
        clock.set(MORNING)
        assert bot.app is not None
        reports = list(
            await asyncio.gather(run_tick(bot.app), run_tick(replica), run_tick(bot.app))
        )
        for _ in range(5):  # a send that timed out on a busy machine is retried, never doubled
            if sum(r.dispatched.sent for r in reports) == len(ids):
                break
            clock.advance(minutes=5)
            reports += await asyncio.gather(run_tick(bot.app), run_tick(replica))
    finally:
        await replica.shutdown()
        await replica.services.engine.dispose()
    assert sum(r.planned for r in reports) == 60
    assert sum(r.dispatched.sent for r in reports) == 60
    for user_id in ids:
        assert len(emulator.messages_to(user_id)) == 1, user_id


async def test_the_job_queue_drives_the_tick(
    emulator: BotAPIEmulator, database_url: str, clock: ManualClock
) -> None:
    settings = make_settings(emulator, database_url, scheduler_tick_seconds=0.2)
    bot = RunningBot(emulator, settings, clock, tick=True)
    await bot.start()
    try:
        assert bot.app is not None and bot.app.job_queue is not None
        (job,) = bot.app.job_queue.get_jobs_by_name(JOB_NAME)
        assert job.job.misfire_grace_time is None and job.job.coalesce is True
        chat = Chat(emulator)
        await onboard(chat, at="13:00")  # START is 12:00 UTC
        clock.advance(hours=1)  # no one calls tick(): APScheduler must
        prompt = await chat.reply(timeout=10)
        assert "Start check-in" in str(prompt["reply_markup"])
    finally:
        await bot.stop()
