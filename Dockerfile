# Marathon's image. Build it in two steps (`make image` does both; see the README's "Deploy"):
#
#   make wheels                       # pip wheel --wheel-dir wheels . (on the host)
#   docker build --tag marathon .
#
# The build reaches no package index and no image registry beyond its base: every Python
# dependency comes from wheels/, a wheelhouse built beside the Dockerfile by `pip wheel` with
# the image's Python version (3.11), which is also how an air-gapped site builds. The builder
# stage installs those wheels into a virtual environment; the final stage copies only that
# environment, so no wheel, compiler, pip, setuptools, cache or test suite ships.
# tests/test_image.py builds and runs this image; tests/test_install.py repeats its pip steps
# without Docker. Keep them in step.

# Any Debian-based image with Python 3.11 as `python3` (pip not needed): the official slim
# image by default, or one made from Debian's own packages (see tests/test_image.py).
ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS builder

COPY wheels /wheels

# A virtual environment without pip, filled by pip run straight from its own wheel (which
# `make wheels` puts in the wheelhouse), so the base needs no pip of its own. What the bot never
# reads goes: the packages' test suites, C and Cython sources, headers and type stubs. Bytecode
# is written once, for the modules the bot imports (an unused module is compiled if ever
# imported, in memory), which saves about a third of the size of compiling everything.
RUN python3 -m venv --without-pip /opt/marathon \
    && pip_wheel="$(echo /wheels/pip-*.whl)" \
    && /opt/marathon/bin/python "$pip_wheel/pip" install --no-cache-dir --no-compile \
        --disable-pip-version-check --no-index --find-links=/wheels marathon-bot \
    && /opt/marathon/bin/python "$pip_wheel/pip" check \
    && find /opt/marathon/lib -depth \( -type d -path '*/site-packages/*/tests' \
        -o -type f \( -name '*.c' -o -name '*.cpp' -o -name '*.h' -o -name '*.pyx' \
            -o -name '*.pxd' -o -name '*.pyi' \) \) -exec rm -rf {} + \
    && /opt/marathon/bin/python -c "import bot.__main__, bot.app, bot.chart, db.migrate, \
        db.engine, dateparser, dotenv, timezonefinder, sqlalchemy.dialects.postgresql.asyncpg, \
        sqlalchemy.dialects.sqlite.aiosqlite"


FROM ${BASE_IMAGE}

# The bot's virtual environment first on PATH (`python` below is its interpreter). No .pyc
# written at run time (the builder compiled what the bot imports); logs unbuffered.
# MPLCONFIGDIR: matplotlib (the /stats chart) keeps its font cache here, writable by the bot.
# METRICS_LISTEN: /healthz and /metrics on every interface, for the health check and Prometheus.
ENV PATH=/opt/marathon/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLCONFIGDIR=/home/marathon/.cache/matplotlib \
    WEBHOOK_PORT=8443 \
    METRICS_LISTEN=0.0.0.0 \
    METRICS_PORT=9090

# The bot runs as this unprivileged user (fixed ids, so a mounted volume's owner is predictable).
# The working directory: the default DATABASE_URL is an SQLite file under ./data, so /app/data
# belongs to the bot (mount a volume there to keep it; with PostgreSQL it stays empty).
RUN groupadd --system --gid 10001 marathon \
    && useradd --system --uid 10001 --gid marathon --create-home --home-dir /home/marathon \
        --shell /usr/sbin/nologin marathon \
    && install --directory --owner=marathon --group=marathon /app /app/data

COPY --from=builder /opt/marathon /opt/marathon

WORKDIR /app
USER 10001:10001
# Build matplotlib's font cache now, so the first /stats does not wait for it.
RUN python -c "import matplotlib.font_manager"

# WEBHOOK_PORT (BOT_MODE=webhook) and METRICS_PORT (/healthz and /metrics); change both the
# settings and the published ports together.
EXPOSE 8443 9090

# Healthy while /healthz answers 2xx: the database is reachable and planning is not stuck.
# It needs the metrics server, i.e. a non-empty METRICS_PORT.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['METRICS_PORT'] + '/healthz', timeout=5)"]

# Migrations run by themselves at start; SIGTERM (docker stop) shuts the bot down cleanly.
CMD ["python", "-m", "bot"]
