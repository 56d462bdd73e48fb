"""The pace of networking (principle 1): dig the well before you are thirsty.

Someone searching networks on most days; someone employed keeps a lighter maintenance pace,
never zero. Switching mode proposes that mode's days; the user decides.
"""

from enum import StrEnum

from domain.weekdays import MON_FRI

TUE_THU = 0b0001010


class Mode(StrEnum):
    SEARCHING = "searching"  # looking for the next role: a daily pace
    EMPLOYED = "employed"  # in a role: keep the network warm, two days a week


DEFAULT_DAYS: dict[Mode, int] = {Mode.SEARCHING: MON_FRI, Mode.EMPLOYED: TUE_THU}
DEFAULT_REVIEW_DAY = 4  # Friday: look back on the week before the weekend
