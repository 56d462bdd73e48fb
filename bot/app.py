"""Builds the PTB Application and wires everything: database, handlers, scheduler."""

import logging
import os
import socket
import uuid
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

import handlers
import scheduler
from bot import i18n, texts, web
from bot.clock import Clock, SystemClock
from bot.config import BotMode, Settings
from bot.inbox import POLL_TIMEOUT, Consumer, Poller
from bot.runtime import BotContext, MarathonApplication, Services
from db.engine import create_engine, create_sessionmaker
from db.migrate import upgrade
from scheduler.dispatcher import Dispatcher
from scheduler.limiter import HandOverLimiter

log = logging.getLogger(__name__)


def build_application(
    settings: Settings,
    clock: Clock | None = None,
    *,
    tick: bool = True,
    servers: bool = True,
    poll_timeout: int = POLL_TIMEOUT,
) -> MarathonApplication:
    """The bot, wired: handlers, the inbox (its receiver and consumer), the planner and the
    dispatcher. `tick=False` leaves the planner's clock and the dispatcher's loop out (tests
    that call the tick themselves must not race the application's own); `servers=False` opens
    no port (the webhook and /healthz, /metrics)."""
    engine = create_engine(settings.database_url)
    services = Services(
        settings=settings,
        clock=clock or SystemClock(),
        engine=engine,
        sessions=create_sessionmaker(engine),
    )
    builder = (
        ApplicationBuilder()
        .application_class(MarathonApplication, kwargs={"services": services})
        .token(settings.token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.file_url)
        .context_types(ContextTypes(context=BotContext))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
        .updater(None)  # updates come in through the inbox (bot/inbox.py), not PTB's Updater
    )
    limited = settings.telegram_rate_limit > 0
    if limited:
        builder = builder.rate_limiter(
            HandOverLimiter(
                overall_max_rate=settings.telegram_rate_limit,
                overall_time_period=1,
                max_retries=2,  # on 429, wait `retry_after` and try again, twice
            )
        )
    app = builder.build()
    assert isinstance(app, MarathonApplication)
    handlers.register(app)
    app.dispatcher_owner = instance_name()
    app.dispatcher = Dispatcher(
        services.sessions,
        app.bot,
        services.clock,
        owner=app.dispatcher_owner,
        limited=limited,
        lease=settings.lease,
    )
    consumer = Consumer(app, owner=app.dispatcher_owner, lease=settings.lease)
    app.consumer = consumer
    app.loops.append(consumer.run)
    if settings.bot_mode == BotMode.POLLING:
        app.loops.append(Poller(app, consumer, timeout=poll_timeout).run)
    if tick:
        scheduler.register(app, interval=settings.scheduler_tick_seconds)
        app.loops.append(app.dispatcher.run)
    if servers:
        _add_servers(app, settings, consumer)
    return app


def _add_servers(app: MarathonApplication, settings: Settings, consumer: Consumer) -> None:
    """/healthz and /metrics on METRICS_PORT; in webhook mode, the webhook on WEBHOOK_PORT."""
    if settings.metrics_port:
        ops = web.ops_app(app)
        app.parts.append(web.Server(ops, settings.metrics_listen, settings.metrics_port, "METRICS"))
    if settings.bot_mode == BotMode.WEBHOOK:
        assert settings.webhook_url and settings.webhook_secret
        hook = web.webhook_app(
            app,
            urlsplit(settings.webhook_url).path or "/",
            settings.webhook_secret.get_secret_value(),
            consumer.arrived,
        )
        app.parts.append(
            web.Server(hook, settings.webhook_listen, settings.webhook_port, "WEBHOOK")
        )


def instance_name() -> str:
    """Who holds a lease: this host and process, told apart from a restart of itself."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


async def on_startup(app: Application) -> None:  # type: ignore[type-arg]
    """Migrate the database, then tell Telegram our commands and description."""
    assert isinstance(app, MarathonApplication)
    await upgrade(app.services.engine)
    settings = app.services.settings
    if settings.bot_mode == BotMode.WEBHOOK:
        assert settings.webhook_url and settings.webhook_secret
        await app.bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
    try:
        await describe(app.bot)
    except TelegramError as error:  # cosmetic: the bot works without them
        log.warning("could not set the command menu or description: %s", error)
    log.info("Marathon is running as @%s", app.bot.username)


async def describe(bot: Bot) -> None:
    """The command menu and the bot's descriptions in every shipped language: each translation
    under its Telegram code, then English as the default (for any other app language)."""
    for language in (*i18n.shipped()[1:], i18n.SOURCE):
        code = None if language == i18n.SOURCE else i18n.telegram_code(language)
        with i18n.speaking(language):
            commands = [BotCommand(name, text) for name, text in texts.COMMANDS]
            await bot.set_my_commands(commands, language_code=code)
            await bot.set_my_description(texts.BOT_DESCRIPTION, language_code=code)
            await bot.set_my_short_description(texts.BOT_SHORT_DESCRIPTION, language_code=code)


async def on_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    assert isinstance(app, MarathonApplication)
    await app.services.engine.dispose()
