"""Settings: one class, read from the environment and `.env` (every one is in `.env.example`)."""

import re
from datetime import time
from functools import cached_property

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")


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
