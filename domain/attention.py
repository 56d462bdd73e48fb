"""The attention policy: one place that decides whether, and when, an automatic message may go.

Respecting attention is part of coaching (see docs/coaching.md): quiet hours are honoured, a
kind the user ignores comes less often, daily prompts that go unanswered give way to a gentle
re-engagement and then to silence, a pause silences everything, and every kind can be off.
Everything here is pure; `domain.planning` applies it to each user's plan.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from domain.nudges import BASE_INTERVAL, NudgeKind
from domain.schedule import local_date, local_now, resolve_local

# A kind ignored this many times in a row comes half as often; every further run of this many
# halves it again, up to MAX_INTERVAL. Any engagement resets the count.
IGNORED_RUN = 3
MAX_INTERVAL = timedelta(weeks=4)
# Daily prompts: after this many networking days in a row with an ignored prompt, they stop and
# one re-engagement message comes instead, then one every REENGAGE_EVERY, and after
# DORMANT_AFTER of silence nothing at all until the user writes.
PROMPTS_BEFORE_REENGAGING = 3
REENGAGE_EVERY = timedelta(days=7)
DORMANT_AFTER = timedelta(weeks=4)

DEFAULT_QUIET_START = time(21, 0)
DEFAULT_QUIET_END = time(8, 0)


@dataclass(frozen=True)
class QuietHours:
    """Local hours without automatic nudges; they may span midnight (21:00–08:00)."""

    start: time
    end: time

    def contains(self, at: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end

    def release(self, instant: datetime, tz: tzinfo) -> datetime:
        """`instant`, or the end of the quiet hours it falls in (DST-safe)."""
        local = local_now(instant, tz)
        if not self.contains(local.time().replace(tzinfo=None)):
            return instant
        day = local.date()
        if self.start > self.end and local.time() >= self.start:
            day += timedelta(days=1)  # the evening part: they end tomorrow morning
        return resolve_local(day, self.end, tz)


@dataclass(frozen=True)
class KindState:
    """What the policy remembers about one kind of nudge for one user."""

    enabled: bool = True
    last_due_at: datetime | None = None  # when the last nudge of this kind was due to arrive
    ignored: int = 0  # nudges of this kind ignored in a row, up to and including the last


def states_from_json(stored: Mapping[str, Any] | None) -> dict[NudgeKind, KindState]:
    """The per-kind memory as stored on the user: {"reach": {"on": false, "due": iso, "ignored":
    2}, …}; kinds it does not name are on and fresh."""
    states = {}
    for name, values in (stored or {}).items():
        try:
            kind = NudgeKind(name)
        except ValueError:
            continue  # a kind that no longer exists
        due = values.get("due")
        states[kind] = KindState(
            enabled=bool(values.get("on", True)),
            last_due_at=datetime.fromisoformat(due) if due else None,
            ignored=int(values.get("ignored", 0)),
        )
    return states


def states_to_json(states: Mapping[NudgeKind, KindState]) -> dict[str, Any]:
    return {
        kind.value: {
            "on": state.enabled,
            "due": state.last_due_at.isoformat() if state.last_due_at else None,
            "ignored": state.ignored,
        }
        for kind, state in states.items()
    }


def ignored_in_a_row(state: KindState, last_active_at: datetime | None) -> int:
    """The ignore count once the last nudge is judged: a nudge is ignored when the user neither
    pressed one of its buttons nor wrote anything before the next one of its kind."""
    if state.last_due_at is None:
        return 0
    engaged = last_active_at is not None and last_active_at > state.last_due_at
    return 0 if engaged else state.ignored + 1


def backoff(base: timedelta, ignored: int) -> timedelta:
    """The gap between nudges of a kind after `ignored` ignored ones in a row."""
    return max(base, min(base * 2 ** (ignored // IGNORED_RUN), MAX_INTERVAL))


@dataclass(frozen=True)
class Decision:
    send: bool
    ignored: int  # the kind's ignore count, to store if it is sent


def may_nudge(
    kind: NudgeKind,
    state: KindState,
    today: date,
    tz: tzinfo,
    last_active_at: datetime | None,
) -> Decision:
    """Whether a coaching nudge of `kind` may go today: switched on, and its (backed-off)
    interval has passed since the last one, counted in the user's local days."""
    ignored = ignored_in_a_row(state, last_active_at)
    if not state.enabled:
        return Decision(False, state.ignored)
    if state.last_due_at is None:
        return Decision(True, ignored)
    gap = backoff(BASE_INTERVAL[kind], ignored)
    return Decision(today >= local_date(state.last_due_at, tz) + gap, ignored)


class PromptStep(StrEnum):
    PROMPT = "prompt"  # the usual daily check-in prompt
    REENGAGE = "reengage"  # an encouraging message with an easy way back, instead
    WAIT = "wait"  # re-engaging, and the next message is not due yet
    DORMANT = "dormant"  # four weeks of silence: nothing until the user writes


@dataclass(frozen=True)
class Reengagement:
    """Where a silent user is in the re-engagement cycle (None on the user: not re-engaging)."""

    since: datetime  # when the first re-engagement message was due
    last_at: datetime  # when the latest one was due


def prompt_step(
    ignored_prompts: int, reengagement: Reengagement | None, now: datetime
) -> PromptStep:
    """What a networking day's prompt slot holds for this user.

    `ignored_prompts` counts the prompts ignored in a row up to the last one (see
    `ignored_in_a_row`); the user writing anything ends re-engagement (the caller clears it).
    """
    if reengagement is not None:
        if now - reengagement.since >= DORMANT_AFTER:
            return PromptStep.DORMANT
        if now - reengagement.last_at >= REENGAGE_EVERY:
            return PromptStep.REENGAGE
        return PromptStep.WAIT
    if ignored_prompts >= PROMPTS_BEFORE_REENGAGING:
        return PromptStep.REENGAGE
    return PromptStep.PROMPT


@dataclass(frozen=True)
class Pause:
    """A holiday or an illness: every automatic message is silent and streaks are frozen."""

    starts_on: date
    ends_on: date | None  # the day the user is back; None: until they say so

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day < self.ends_on)


def paused_days(pauses: list[Pause], first: date, last: date) -> frozenset[date]:
    """The local days from `first` to `last` (inclusive) that a pause covers."""
    days = set()
    for pause in pauses:
        day = max(first, pause.starts_on)
        end = last if pause.ends_on is None else min(last, pause.ends_on - timedelta(days=1))
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)
