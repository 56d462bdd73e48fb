"""PTB's rate limiter, with one addition: a hook that runs once the limiter admits a request,
immediately before it goes to Telegram.

The dispatcher uses it to mark an outbox row as handed over at exactly that moment: a row
waiting in the limiter when the process dies was never handed over, so it is not ambiguous.
"""

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.ext import AIORateLimiter


@dataclass(frozen=True)
class OnAdmit:
    """Passed as `rate_limit_args` to a Bot method: `hook` runs before each attempt."""

    hook: Callable[[], Awaitable[None]]


class HandOverLimiter(AIORateLimiter):
    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Any,
    ) -> Any:
        if isinstance(rate_limit_args, OnAdmit):
            hook = rate_limit_args.hook

            async def admitted(*call_args: Any, **call_kwargs: Any) -> Any:
                await hook()
                return await callback(*call_args, **call_kwargs)

            return await super().process_request(admitted, args, kwargs, endpoint, data, None)
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )
