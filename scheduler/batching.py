"""Group commit: many concurrent writers, one transaction.

Each send has two writes of its own (handed over, then its outcome), and a transaction per
write made the database, not Telegram, the limit of a fan-out. A `GroupCommit` keeps each
caller's guarantee (it returns only once its write is committed) while sharing the commit: a
caller that arrives while a transaction is being written waits for the next one, which takes
everybody who arrived meanwhile. Under load the batches grow by themselves; alone, a caller is
written at once.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(Generic[Item, Result]):
    def __init__(self, write: Callable[[list[Item]], Awaitable[Sequence[Result]]]) -> None:
        """`write` stores a batch in one transaction and returns a result per item, in order."""
        self._write = write
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def __call__(self, item: Item) -> Result:
        """Write `item` with whoever else is waiting; its result once committed. The batch's
        error, if its transaction failed."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        batch: list[tuple[Item, asyncio.Future[Result]]] = []
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    results = await self._write([item for item, _ in batch])
                except Exception as error:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (_, future), result in zip(batch, results, strict=True):
                    if not future.done():  # its caller may have been cancelled meanwhile
                        future.set_result(result)
        finally:  # cancelled (the loop is closing): nobody may wait forever
            for _, future in batch + self._waiting:
                future.cancel()
            self._waiting = []
            self._writer = None
