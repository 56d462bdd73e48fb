"""The kinds of message the bot sends on its own, each traced to a coaching principle.

`docs/coaching.md` lists them with the principle each answers. Every kind the coach decides on
can be switched off by the user; the four coaching kinds that fall due together at the daily
moment are combined into one message (`COMBINED`).
"""

from datetime import timedelta
from enum import StrEnum


class NudgeKind(StrEnum):
    CHECKIN = "checkin"  # the daily check-in prompt (principle 1)
    FOLLOWUP = "followup"  # a follow-up that is due, and its re-nudges (principles 7 and 8)
    KEEP_WARM = "keepwarm"  # people past their keep-in-touch interval (principle 3)
    REACH = "reach"  # two weeks of peers only (principle 2)
    GIVE_FIRST = "givefirst"  # more asks than gives lately (principle 5)
    ONLINE_ONLY = "online"  # two weeks without meeting or calling anyone (principle 9)
    WEEKLY_REVIEW = "review"  # the week in numbers and one focus (principles 1-9)
    REENGAGE = "reengage"  # prompts went unanswered: an easy way back (principle 1)
    WELCOME_BACK = "welcome"  # a pause ended
    COACHING = "coaching"  # the outbox row that carries a combination of COMBINED kinds
    PARTNER_QUIET = "partnerquiet"  # a partner has been quiet: send them a nudge? (principle 1)
    PARTNER_NUDGE = "partnernudge"  # a partner's nudge, to the one who was quiet (principle 1)
    PARTNER = "partner"  # a partner's answer, cheer or goodbye: a person's act, not the coach's


# Kinds the user can switch off, in the order /settings lists them.
SWITCHABLE: tuple[NudgeKind, ...] = (
    NudgeKind.CHECKIN,
    NudgeKind.FOLLOWUP,
    NudgeKind.KEEP_WARM,
    NudgeKind.REACH,
    NudgeKind.GIVE_FIRST,
    NudgeKind.ONLINE_ONLY,
    NudgeKind.WEEKLY_REVIEW,
    NudgeKind.REENGAGE,
    NudgeKind.PARTNER_QUIET,
    NudgeKind.PARTNER_NUDGE,
)
# Coaching nudges that fall due together at the daily moment travel as one message.
COMBINED: tuple[NudgeKind, ...] = (
    NudgeKind.KEEP_WARM,
    NudgeKind.REACH,
    NudgeKind.GIVE_FIRST,
    NudgeKind.ONLINE_ONLY,
    NudgeKind.PARTNER_QUIET,
)

# The shortest gap between two nudges of a kind, before any back-off. Keep-warm can come on
# each networking day (it names different people); the pattern nudges need time to change.
BASE_INTERVAL: dict[NudgeKind, timedelta] = {
    NudgeKind.KEEP_WARM: timedelta(days=1),
    NudgeKind.REACH: timedelta(days=14),
    NudgeKind.GIVE_FIRST: timedelta(days=7),
    NudgeKind.ONLINE_ONLY: timedelta(days=14),
    NudgeKind.PARTNER_QUIET: timedelta(days=1),  # each partner: once a week (domain.partners)
    NudgeKind.WEEKLY_REVIEW: timedelta(days=7),
}
