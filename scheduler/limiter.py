"""PTB's rate limiter, with two additions.

A hook that runs once the limiter admits a request, immediately before it goes to Telegram: the
dispatcher marks an outbox row as handed over at exactly that moment, so a row still waiting in
the limiter when the process dies was never handed over and is not ambiguous.

One rate for everything: PTB gives paid broadcasts (`allow_paid_broadcast`) a limiter of their
own at Telegram's 1,000 a second; here they share the overall one, so TELEGRAM_RATE_LIMIT is what
this process sends in all, paid or not.

A flood gate that really holds every request: when Telegram answers 429, nothing goes to anyone
until its `retry_after` has passed. PTB's own gate is reopened by whichever request finishes
next (its `finally` sets the event after a success too), so with concurrent sends the others
would carry on during the pause.
"""

import asyncio
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter


@dataclass(frozen=True)
class OnAdmit:
    """Passed as `rate_limit_args` to a Bot method: `hook` runs before each attempt."""

    hook: Callable[[], Awaitable[None]]


class HandOverLimiter(AIORateLimiter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._base_limiter is not None:
            self._apb_limiter = self._base_limiter
        self._flood_until = 0.0  # event loop time before which nothing is sent

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Any,
    ) -> Any:
        hook = rate_limit_args.hook if isinstance(rate_limit_args, OnAdmit) else None

        async def admitted(*call_args: Any, **call_kwargs: Any) -> Any:
            await self._flood_passed()
            if hook is not None:
                await hook()
            try:
                return await callback(*call_args, **call_kwargs)
            except RetryAfter as error:
                loop = asyncio.get_running_loop()
                until = loop.time() + retry_delay(error).total_seconds()
                self._flood_until = max(self._flood_until, until)
                raise  # PTB's loop waits too and tries again, up to max_retries

        retries = None if hook is not None else rate_limit_args
        return await super().process_request(admitted, args, kwargs, endpoint, data, retries)

    async def _flood_passed(self) -> None:
        loop = asyncio.get_running_loop()
        # a loop, not an Event: a second 429 during the wait pushes the deadline further
        while (remaining := self._flood_until - loop.time()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(remaining)


def retry_delay(error: RetryAfter) -> timedelta:
    """How long Telegram asked us to wait."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB warns that the int form is deprecated
        value = error.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=value)
