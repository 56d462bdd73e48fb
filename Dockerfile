# syntax=docker/dockerfile:1
# Marathon's image. Two stages: `builder` turns the project and every dependency into wheels
# (with compilers at hand); the final stage installs only those wheels, so no compiler, source
# tree or pip cache ships. Build: `docker build -t marathon .` (docker compose builds it too).
# tests/test_install.py repeats the two pip steps below on every `make test`, since the CI
# machine has no Docker daemon; keep them in step.

FROM python:3.11-slim-bookworm AS builder

# A C/C++ toolchain, used only when a dependency has no wheel for the build platform
# (asyncpg, matplotlib, numpy and the rest ship wheels for amd64 and arm64, so usually unused).
# build-essential is the one package named; 12.9 is bookworm's, which stays put within it.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends build-essential=12.9 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# Only what `pip install .` needs: the metadata and the six top-level packages of
# pyproject.toml (the README is the package's long description). .dockerignore keeps the rest
# (.env, .git, .venv, data, tests) out of the build context altogether.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY db ./db
COPY domain ./domain
COPY handlers ./handlers
COPY scheduler ./scheduler
COPY services ./services

# One wheel per distribution in /wheels: marathon_bot itself (alembic migrations included as
# package data) and everything it depends on, at the versions pip resolves today.
RUN pip wheel --no-cache-dir --disable-pip-version-check --wheel-dir /wheels .


FROM python:3.11-slim-bookworm

# No .pyc written at run time (pip compiles the installed packages once, below); logs unbuffered.
# MPLCONFIGDIR: matplotlib (the /stats chart) keeps its font cache here, writable by the bot.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLCONFIGDIR=/home/marathon/.cache/matplotlib \
    WEBHOOK_PORT=8443 \
    METRICS_LISTEN=0.0.0.0 \
    METRICS_PORT=9090

# The bot runs as this unprivileged user (fixed ids, so a mounted volume's owner is predictable).
RUN groupadd --system --gid 10001 marathon \
    && useradd --system --uid 10001 --gid marathon --create-home --home-dir /home/marathon \
        --shell /usr/sbin/nologin marathon

# The wheels are mounted from the builder for this one step, never copied into a layer.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --disable-pip-version-check --no-index --find-links=/wheels \
        /wheels/marathon_bot-*.whl

# The working directory: the default DATABASE_URL is an SQLite file under ./data, so /app/data
# belongs to the bot (mount a volume there to keep it; with PostgreSQL it stays empty).
WORKDIR /app
RUN install --directory --owner=marathon --group=marathon /app/data

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
