"""The inbox consumer never sleeps through an arrival: an update stored while it looks (after
its claim found nothing) is handled at once, not after the idle wait."""

import asyncio

from bot.inbox import Consumer


class Looks(Consumer):
    """A consumer whose first look finds nothing while an update arrives meanwhile."""

    def __init__(self) -> None:
        super().__init__(None, owner="test")  # type: ignore[arg-type]
        self.looks = 0
        self.second_look = asyncio.Event()

    async def drain_once(self) -> int:
        self.looks += 1
        if self.looks == 1:
            self.arrived.set()  # the receiver stores an update after our claim came back empty
        else:
            self.second_look.set()
        return 0

    async def _housekeeping(self) -> None:
        await asyncio.sleep(0)


async def test_an_update_stored_during_a_look_wakes_the_consumer() -> None:
    consumer, stop = Looks(), asyncio.Event()
    running = asyncio.create_task(consumer.run(stop, idle=60))
    try:
        await asyncio.wait_for(consumer.second_look.wait(), timeout=10)  # not after 60 s idle
    finally:
        stop.set()
        await running
