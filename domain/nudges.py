"""The kinds of message the bot sends on its own (each one traces to a coaching principle)."""

from enum import StrEnum


class NudgeKind(StrEnum):
    CHECKIN = "checkin"  # the daily check-in prompt (principle 1)
    FOLLOWUP = "followup"  # a follow-up that is due, and its re-nudges (principles 7 and 8)
    KEEP_WARM = "keepwarm"  # people past their keep-in-touch interval (principle 3)
    REACH = "reach"  # two weeks of peers only (principle 2)
