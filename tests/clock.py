"""A clock that only moves when a test tells it to (the bot's `Clock` protocol, in tests)."""

from datetime import UTC, datetime, timedelta


class ManualClock:
    """Drives time in tests without sleeping: `set` jumps, `advance` moves forward."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = instant.astimezone(UTC)

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now
