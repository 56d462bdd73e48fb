"""HTTP in: the webhook Telegram posts updates to, and /healthz and /metrics for operators.

The webhook checks Telegram's secret header first (a request without the right one gets 403
and is neither stored nor handled), stores the update in the inbox, commits, and only then
answers 200: Telegram re-sends anything it did not get a 200 for, so a crash loses nothing, and
the inbox's unique update_id makes a re-sent update harmless.
"""

import asyncio
import errno
import hmac
import json
import logging
from datetime import timedelta

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot import metrics
from bot.config import StartupError
from bot.runtime import MarathonApplication
from db import inbox as inbox_db
from db import outbox as outbox_db
from db.engine import ping
from db.models import OutboxStatus

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # an update is a few kilobytes
HEALTH_TIMEOUT = 3.0


def webhook_app(
    app: MarathonApplication, path: str, secret: str, arrived: asyncio.Event
) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=403, text="forbidden")
        if app.started_at is None:  # still waiting for the database: Telegram re-sends it
            return web.Response(status=503, text="starting")
        try:
            update = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400, text="not json")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        services = app.services
        async with services.sessions() as session:
            await inbox_db.store(session, [update], services.clock.now())
            await session.commit()
        arrived.set()
        return web.Response(text="ok")

    server = web.Application(client_max_size=MAX_BODY)
    server.router.add_post(path, receive)
    return server


def ops_app(app: MarathonApplication) -> web.Application:
    async def healthz(_request: web.Request) -> web.Response:
        report, healthy = await health(app)
        return web.json_response(report, status=200 if healthy else 503)

    async def scrape(_request: web.Request) -> web.Response:
        await refresh_gauges(app)
        body = generate_latest(metrics.REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    server = web.Application()
    server.router.add_get("/healthz", healthz)
    server.router.add_get("/metrics", scrape)
    return server


async def health(app: MarathonApplication) -> tuple[dict[str, object], bool]:
    """The database answers, and planning ran recently (within a few tick intervals). Before
    the application has started (waiting for the database or Telegram, migrating): starting,
    and what it still waits for."""
    if app.started_at is None:
        return {"ok": False, "status": "starting", "waiting_for": app.waiting_for}, False
    services = app.services
    try:
        await asyncio.wait_for(ping(services.engine), HEALTH_TIMEOUT)
        database = "ok"
    except Exception as error:  # unreachable, timed out, misconfigured: not healthy
        database = f"unreachable: {type(error).__name__}"
    now = services.clock.now()
    allowed = timedelta(seconds=services.settings.scheduler_tick_seconds * 3) + timedelta(minutes=1)
    since = app.last_tick or app.started_at  # before the first pass: since the start
    planning = since is not None and now - since <= allowed
    age = (now - app.last_tick).total_seconds() if app.last_tick else None
    healthy = database == "ok" and planning
    report = {
        "ok": healthy,
        "status": "running",
        "database": database,
        "last_tick_seconds_ago": age,
    }
    return report, healthy


async def refresh_gauges(app: MarathonApplication) -> None:
    """Gauges read from the database when Prometheus scrapes: outbox depth, inbox lag."""
    services = app.services
    async with services.sessions() as session:
        depth = await outbox_db.depth(session)
        oldest = await inbox_db.oldest_waiting(session)
    for status in OutboxStatus:
        metrics.OUTBOX_ROWS.labels(status.value).set(depth.get(status, 0))
    now = services.clock.now()
    metrics.INBOX_LAG.set((now - oldest).total_seconds() if oldest else 0)


class Server:
    """An aiohttp app on a host and port, listening once `start` returns (so anything the
    application does after starting can rely on it). `settings` is the prefix of the address's
    two settings (`METRICS`: METRICS_LISTEN and METRICS_PORT), for the one line that says the
    port cannot be had."""

    def __init__(self, app: web.Application, host: str, port: int, settings: str) -> None:
        self._runner = web.AppRunner(app, access_log=None)
        self._host, self._port, self._settings = host, port, settings

    async def start(self) -> None:
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self._host, self._port).start()
        except OSError as error:
            await self._runner.cleanup()
            raise StartupError(self._cannot_listen(error)) from None
        log.info("listening on %s:%s", self._host, self._port)

    def _cannot_listen(self, error: OSError) -> str:
        port = f"{self._settings}_PORT"
        if error.errno == errno.EADDRINUSE:
            return (
                f"{port} {self._port} is already in use on {self._host}: another program (or "
                f"another bot) listens there. Stop it or set {port} to a free port."
            )
        return (
            f"cannot listen on {self._host}:{self._port} ({self._settings}_LISTEN, {port}): "
            f"{error.strerror or error}. See .env.example."
        )

    async def stop(self) -> None:
        await self._runner.cleanup()
