"""The group commit: callers that arrive together share one write, each gets its own answer,
and a failed write fails exactly the callers that were in it."""

import asyncio

import pytest

from scheduler.batching import GroupCommit


async def test_callers_waiting_together_share_one_write_and_get_their_own_results() -> None:
    writes: list[list[int]] = []
    release = asyncio.Event()

    async def write(items: list[int]) -> list[int]:
        writes.append(items)
        await release.wait()  # a transaction in progress: the next callers wait for the next
        return [item * 10 for item in items]

    commit = GroupCommit(write)
    first = asyncio.create_task(commit(1))
    await asyncio.sleep(0)  # the first write starts alone
    await asyncio.sleep(0)
    later = [asyncio.create_task(commit(item)) for item in (2, 3, 4)]
    await asyncio.sleep(0)
    release.set()
    assert await first == 10
    assert await asyncio.gather(*later) == [20, 30, 40]
    assert writes == [[1], [2, 3, 4]]


async def test_a_failed_write_fails_its_callers_only_and_the_next_write_goes_on() -> None:
    async def write(items: list[str]) -> list[str]:
        if "bad" in items:
            raise RuntimeError("database gone")
        return items

    commit = GroupCommit(write)
    together = [commit("fine"), commit("bad")]
    outcomes = await asyncio.gather(*together, return_exceptions=True)
    assert [type(outcome) for outcome in outcomes] == [RuntimeError, RuntimeError]
    assert await commit("alone") == "alone"


async def test_a_caller_cancelled_while_waiting_does_not_break_the_others() -> None:
    release = asyncio.Event()

    async def write(items: list[int]) -> list[int]:
        await release.wait()
        return items

    commit = GroupCommit(write)
    kept, dropped = asyncio.create_task(commit(1)), asyncio.create_task(commit(2))
    await asyncio.sleep(0)
    dropped.cancel()
    release.set()
    assert await kept == 1
    with pytest.raises(asyncio.CancelledError):
        await dropped
