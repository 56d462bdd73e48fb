"""The fuzzers' fixtures: the other user, the error log, and the driver that sends updates."""

from collections.abc import Iterator

import pytest

from tests.emulator import BotAPIEmulator
from tests.fuzz.driver import Driver
from tests.fuzz.world import ErrorLog, Victim, error_log, make_victim
from tests.harness import RunningBot


@pytest.fixture
async def victim(bot: RunningBot, emulator: BotAPIEmulator) -> Victim:
    return await make_victim(bot, emulator)


@pytest.fixture
def log() -> Iterator[ErrorLog]:
    with error_log() as handler:
        yield handler


@pytest.fixture
def driver(bot: RunningBot, emulator: BotAPIEmulator, victim: Victim, log: ErrorLog) -> Driver:
    return Driver(bot, emulator, victim, log)
