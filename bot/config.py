"""Settings: one class, read from the environment and `.env` (every one is in `.env.example`)."""

import re
from datetime import time, timedelta
from enum import StrEnum
from functools import cached_property

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a secret_token


class StartupError(Exception):
    """Start-up cannot go on until the operator changes something (a setting, a port): the
    message is one line that says what, and the process exits with status 2."""


class BotMode(StrEnum):
    POLLING = "polling"  # ask Telegram for updates (exactly one replica polls)
    WEBHOOK = "webhook"  # Telegram posts updates to WEBHOOK_URL (every replica takes them)


class Settings(BaseSettings):
    """Everything an operator can change without touching code."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str | None = None
    database_url: str = "sqlite+aiosqlite:///./data/marathon.sqlite3"
    scheduler_tick_seconds: float = Field(default=30, gt=0)
    telegram_rate_limit: float = Field(default=30, ge=0)
    log_level: str = "INFO"
    default_timezone: str = "UTC"
    default_checkin_time: time = time(18, 0)
    bot_mode: BotMode = BotMode.POLLING
    webhook_url: str | None = None  # the public https URL Telegram posts to
    webhook_secret: SecretStr | None = None  # required in webhook mode
    webhook_listen: str = "0.0.0.0"  # every interface: a server in a container
    webhook_port: int = Field(default=8443, gt=0, lt=65536)
    metrics_listen: str = "127.0.0.1"  # this machine only: /healthz and /metrics have no auth
    metrics_port: int | None = Field(default=9090, gt=0, lt=65536)  # /healthz and /metrics
    lease_seconds: float = Field(default=30, gt=0)  # a dead replica's claimed work frees after

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.lease_seconds)

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> "Settings":
        if self.bot_mode == BotMode.WEBHOOK and not (self.webhook_url and self.webhook_secret):
            raise ValueError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET")
        if self.webhook_secret is not None:
            secret = self.webhook_secret.get_secret_value()
            if not _SECRET.fullmatch(secret):
                raise ValueError("WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ or -")
        return self

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_looks_real(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if not TOKEN_PATTERN.fullmatch(token):
            raise ValueError("does not look like a bot token (expected digits:letters)")
        return SecretStr(token)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from domain.timezones import get_zone

        get_zone(value)  # raises ValueError for an unknown zone
        return value

    @field_validator("metrics_port", "webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """`METRICS_PORT=` in .env means no such server, not an error."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @property
    def token(self) -> str:
        return self.telegram_bot_token.get_secret_value()

    @cached_property
    def file_url(self) -> str:
        """PTB's `base_file_url`: given, or derived from the API URL (`…/bot` → `…/file/bot`)."""
        if self.telegram_api_file_url:
            return self.telegram_api_file_url
        base = self.telegram_api_base_url.rstrip("/")
        head, _, tail = base.rpartition("/")
        return f"{head}/file/{tail}"
