"""The usual design, for bench/peer.py: a reminder bot as the tutorials write it.

A minimal python-telegram-bot Application that, at start, reads its users from an SQLite file
(`users(chat_id, timezone, hour, minute)`) and schedules one `job_queue.run_daily` job per user
at their local time, Monday to Friday; each job sends that user a reminder. Then it polls for
updates (a /start handler) until SIGINT or SIGTERM. Once every job is in the scheduler and the
application is running it prints `READY` and the number of jobs the scheduler holds.

`python -m bench.peer_bot USERS_SQLITE` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL set
(the benchmark points it at the Bot API emulator).
"""

import asyncio
import logging
import os
import signal
import sqlite3
import sys
from datetime import time
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

READY = "peer bot is running"
JOBS = "jobs scheduled:"
MON_FRI = (1, 2, 3, 4, 5)  # python-telegram-bot counts days from Sunday = 0


async def remind(context: ContextTypes.DEFAULT_TYPE) -> None:
    assert context.job is not None and context.job.chat_id is not None
    await context.bot.send_message(context.job.chat_id, "Time for today's check-in!")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("I will remind you every weekday.")


def load_users(path: str) -> list[tuple[int, str, int, int]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT chat_id, timezone, hour, minute FROM users").fetchall()


async def run(application: Application, users_path: str) -> None:  # type: ignore[type-arg]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    jobs = application.job_queue
    assert jobs is not None, "install python-telegram-bot[job-queue]"
    async with application:  # initialize, then shutdown at the end
        for chat_id, zone, hour, minute in load_users(users_path):
            at = time(hour, minute, tzinfo=ZoneInfo(zone))
            jobs.run_daily(remind, time=at, days=MON_FRI, chat_id=chat_id, name=str(chat_id))
        assert application.updater is not None
        await application.updater.start_polling()
        await application.start()  # the job queue starts here: every job gets its next run
        print(READY, flush=True)
        print(JOBS, len(jobs.scheduler.get_jobs()), flush=True)
        await stop.wait()
        await application.updater.stop()
        await application.stop()


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    asyncio.run(run(application, sys.argv[1]))


if __name__ == "__main__":
    main()
