"""Every button in bot/callbacks.py, forged with another user's row ids, changes none of their rows.

Not generated but exhaustive: each button class is pressed with each of the other user's ids in
every field that names a row (mixed with the presser's own ids, e.g. "merge my contact into
theirs"), and every value of its enum fields, by a user with rows of their own; then once per
class by someone the bot never met. The hypothesis fuzzer (test_updates.py) adds random data.
"""

import dataclasses
import itertools
from datetime import date, time
from enum import StrEnum
from typing import Any, get_type_hints

from bot.callbacks import Button
from tests.fuzz import strategies as s
from tests.fuzz.driver import Driver
from tests.fuzz.world import FUZZER, ROW_FIELDS, Victim, own_ids, partner_with_pal
from tests.harness import RunningBot, both_backends, owned

A_DAY = date(2026, 1, 9)
NOBODY = Victim(0, 0, {})

# The presser's own rows: a check-in, contacts, a follow-up, a pitch (and a partnership).
PRESSER_SAYS = (
    "/start",
    "/cancel",
    "/checkin",
    "Zed Ulm (coffee)",
    "-",
    "-",
    "Zed Ulm tomorrow: say hi",
    "/contact Yan Ibis",
    "/pitch I am Zed, a designer. I help clinics. I'm looking for a design role.",
)


def candidates(
    name: str, kind: Any, victim: Victim, own: dict[str, list[int]]
) -> list[tuple[Any, bool]]:
    """Values for one field, each with whether it is the victim's."""
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return [(member, False) for member in kind]
    if kind is date:
        return [(A_DAY, False)]
    if kind is time:
        return [(time(18, 30), False)]
    if name == "since":
        return [(victim.since, True)]
    if name in victim.ids:
        return [(id_, True) for id_ in victim.ids[name]] + [(id_, False) for id_ in own[name][:1]]
    return [(0, False), (1, False)]


def extremes(cls: type[Button]) -> list[str]:
    """The button with every integer field at each bound the data format allows (20 digits)
    or a database column holds, so each backend meets values it cannot store."""
    hints = get_type_hints(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not any(hints[f.name] is int for f in fields):
        return []

    def value(kind: Any, bound: int) -> Any:
        if kind is int:
            return bound
        (first, *_) = candidates("", kind, NOBODY, {})
        return first[0]

    return [
        s.pack(cls.__name__, tuple(value(hints[f.name], bound) for f in fields))
        for bound in s.EXTREME_INTS
    ]


def forgeries(cls: type[Button], victim: Victim, own: dict[str, list[int]]) -> list[str]:
    """Every combination that names at least one of the victim's rows (or, for a button that
    names no row, every combination: it acts on the presser alone)."""
    hints = get_type_hints(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    names_rows = any(f.name in victim.ids or f.name == "since" for f in fields)
    options = [candidates(f.name, hints[f.name], victim, own) for f in fields]
    return [
        s.pack(cls.__name__, tuple(value for value, _ in combination))
        for combination in itertools.product(*options)
        if not names_rows or any(theirs for _, theirs in combination)
    ]


@both_backends
async def test_every_button_forged_with_another_users_ids_changes_none_of_their_rows(
    driver: Driver, victim: Victim, bot: RunningBot
) -> None:
    before = await owned(bot, victim.user_id)
    await driver.begin()
    for text in PRESSER_SAYS:
        assert not await driver.run(text)
    await partner_with_pal(bot, FUZZER)
    own = {field: await own_ids(bot, FUZZER, field) for field in (*ROW_FIELDS, "user_id")}
    assert all(own.values()), f"the presser needs rows of their own: {own}"

    pressed = 0
    for cls in s.button_classes():
        for data in forgeries(cls, victim, own):
            problems = await driver.run(s.Press(data, on="last"))
            assert not problems, f"after pressing {data!r}:\n" + "\n".join(problems)
            pressed += 1
        for data in extremes(cls):
            problems = await driver.run(s.Press(data, on="last"))
            assert not problems, f"after pressing {data!r}:\n" + "\n".join(problems)
        (first, *_) = forgeries(cls, victim, own)
        problems = await driver.run(s.Press(first, on="last", by_stranger=True))
        assert not problems, f"after a stranger pressed {first!r}:\n" + "\n".join(problems)

    assert pressed > 2 * len(s.button_classes())
    assert await owned(bot, victim.user_id) == before, "the other user's rows changed"
