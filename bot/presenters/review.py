"""The weekly review as the user reads it: a message built from sections.

Each section is one block of text, in order: the week in numbers with its focus, then whatever
joins the review (the accountability partners' digest), and last
the line that says why it came. The review travels alone, or inside the day's prompt when it
falls on a check-in day (`bot.presenters.nudges`), never as a second message at that moment.
"""

from collections.abc import Callable

from bot import keyboards, texts
from bot.keyboards import Row
from bot.presenters import partners
from bot.presenters.common import pick, share_of, tier_counts
from domain.nudges import NudgeKind
from domain.planning import Review, UserView

Section = Callable[[Review, UserView], str | None]  # None: nothing to say this week


def text(review: Review, view: UserView) -> str:
    """The review's sections, those with something to say, one blank line apart."""
    blocks = (section(review, view) for section in SECTIONS)
    return "\n\n".join(block for block in blocks if block)


def rows(review: Review) -> list[Row]:
    """The review's buttons, under the prompt's when it travels inside it: a cheer for each
    partner in the digest, then the switch."""
    cheers = keyboards.partner_cheers([(p.row_id, p.name) for p in review.partners])
    return [*cheers, keyboards.kind_off(NudgeKind.WEEKLY_REVIEW)]


def numbers(review: Review, view: UserView) -> str:
    """The week in numbers and one focus for next week (docs/coaching.md)."""
    week = review.week
    return texts.REVIEW.format(
        title=pick(texts.REVIEW_TITLES, review.day),
        checkins=week.checkins,
        days=week.networking_days,
        tiers=tier_counts(week.reached),
        gives=week.gives,
        asks=week.asks,
        done=week.followups_done,
        overdue=week.followups_overdue,
        live=share_of(week.live, week.with_channel),
        warm=week.warm,
        focus=texts.FOCUS[review.focus],
    )


def digest(review: Review, _view: UserView) -> str | None:
    """The accountability partners' weeks, as much as each shares (none: no section)."""
    return partners.digest(review.partners) if review.partners else None


def why(_review: Review, view: UserView) -> str:
    return texts.REVIEW_WHY.format(on_weekdays=texts.EVERY_WEEKDAY[view.review_day])


# In message order. A new section goes before `why`.
SECTIONS: tuple[Section, ...] = (numbers, digest, why)
