"""Generated updates through the real application (PTB, handlers, database) and the emulator.

Whatever arrives — any Unicode up to 4096 characters with bidi overrides and zero-width marks,
commands with junk arguments, stale and forged buttons naming another user's rows, stickers,
photos, impossible locations, contact cards, odd documents, edits, groups and channels,
senders without the optional fields — the bot:

* never fails on an update (nothing logged at ERROR, never "something went wrong"),
* answers within Telegram's limits (no API error answered; text 1–4096, data ≤ 64 bytes…),
* never shows the other user's words to anyone else,
* leaves the other user's rows exactly as they were.

One bot runs for each whole test; each example starts from a database holding only the other
user. Deterministic: `derandomize`, no example database. `FUZZ_EXAMPLES=2000 make test
PYTEST_ARGS=tests/fuzz` explores further (a few minutes per thousand examples).
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import strategies as s
from tests.fuzz.driver import Driver
from tests.fuzz.world import Victim
from tests.harness import RunningBot, owned

# About 25 s on an idle 2-core machine, 40 s with both cores busy (python -m bench.stress).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run and every machine
    database=None,  # …and none replayed from an earlier run
    deadline=None,  # a busy machine is slow, not wrong
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # on purpose: one running bot for all examples
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    print_blob=False,
)


# The victim's ids are only known once the bot made them, so the strategy is built from the
# same fixed victim every run: `make_victim` always yields the same rows in a fresh database.
@st.composite
def scripts(draw: st.DrawFn, victim: Victim) -> tuple[s.Opening, list[s.Action]]:
    opening = draw(st.sampled_from(s.OPENINGS))
    return opening, draw(st.lists(s.actions(victim), min_size=1, max_size=6))


@FUZZ
@given(data=st.data())
async def test_any_update_is_handled_within_limits_and_leaves_others_alone(
    driver: Driver, victim: Victim, bot: RunningBot, data: st.DataObject
) -> None:
    before = await owned(bot, victim.user_id)
    opening, actions = data.draw(scripts(victim), label="script")
    await driver.begin()
    for step in (*opening, *actions):
        problems = await driver.run(step)
        assert not problems, f"after {step!r}:\n" + "\n".join(problems)
    assert await owned(bot, victim.user_id) == before, "the other user's rows changed"


def battery(victim: Victim) -> list[s.Action]:
    """What every opening is followed by at least once: junk text, another user's buttons,
    media off the globe, an edit, and taps on whatever the opening left on screen."""
    contact, followup, checkin = (
        victim.ids[f][0] for f in ("contact_id", "followup_id", "checkin_id")
    )
    forged = [
        s.Forged("ContactAction", ("co", contact)),
        s.Forged("SamePerson", (s.Own("new_id", 0), contact)),
        s.Forged("FollowupButton", ("done", followup)),
        s.Forged("NothingToday", (checkin, 0)),
        s.Forged("Forget", ("yes", victim.user_id, victim.since)),
    ]
    return [
        s.Tap(0),
        s.Text(s.clip("\u202e\u200bSally Ng (coffee) — " * 300)),
        *(s.Press(data) for data in forged),
        s.Edit("\u2067-\u2069"),
        s.Location(91.0, 0.0),
        s.Tap(1),
        s.Text("/skip \u200d"),
    ]


async def test_every_opening_meets_the_battery(
    driver: Driver, victim: Victim, bot: RunningBot
) -> None:
    """Not left to chance: every deep state an example can start in is fuzzed at least once."""
    before = await owned(bot, victim.user_id)
    for opening in s.OPENINGS:
        await driver.begin()
        for step in (*opening, *battery(victim)):
            problems = await driver.run(step)
            assert not problems, f"after {opening!r} then {step!r}:\n" + "\n".join(problems)
    assert await owned(bot, victim.user_id) == before, "the other user's rows changed"


# Arguments no command expects: empty, invisible, bidi overrides, markup, a full 4096 units.
JUNK_ARGUMENTS = (
    "",
    "\u200b\u200d\ufeff",
    "\u202e\u2067Sally\u2069 \u200fnext tuesday",
    "<b>&amp;</i> — @marathon_test_bot\n\n-",
    "99999999999999999999 -1 2026-02-30 25:99 UTC+99",
)


async def test_every_command_with_junk_arguments(driver: Driver) -> None:
    """Not left to chance: each command meets each junk argument, in a fresh account and in
    one that is mid-check-in."""
    for name in (*s.COMMAND_NAMES, "frobnicate", "start@some_other_bot"):
        longest = s.clip(f"/{name} " + "\u202eé\u200b" * 2000)
        for opening in ((), ("/checkin",)):
            await driver.begin()
            junk = (f"/{name} {argument}".strip() for argument in JUNK_ARGUMENTS)
            for step in (*opening, *junk, longest):
                problems = await driver.run(step)
                assert not problems, f"after {step[:80]!r}:\n" + "\n".join(problems)
