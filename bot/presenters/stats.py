"""/stats as the user reads it: streaks, then what the habit adds up to in their network."""

from math import gcd

from bot import i18n, texts
from bot.presenters.common import day_and_month, format_days, plural, share_of, tier_counts
from domain.stats import Summary
from domain.streaks import FREEZE_EVERY, MAX_FREEZES
from services.stats import NetworkView, Overview

SHOWN_FROZEN = 3  # the latest days a freeze covered, in /stats


def streaks(summary: Summary, days: int) -> str:
    if summary.today_open:
        cheer = texts.CHEER_TODAY_OPEN if summary.current_streak else texts.CHEER_RESTART
    else:
        cheer = texts.CHEER_STEADY if summary.current_streak else texts.CHEER_RESTART
    text = texts.STATS.format(
        current=plural(texts.STREAK_DAYS, summary.current_streak),
        longest=plural(texts.STREAK_DAYS, summary.longest_streak),
        week=summary.last_7_days,
        month=summary.last_30_days,
        total=summary.total,
        cheer=cheer,
        days=format_days(days),
    )
    return "\n".join([text, *freezes(summary)])


def freezes(summary: Summary) -> list[str]:
    """The freezes held (once the user has earned or spent one) and the days they covered."""
    held, frozen = summary.streaks.freezes, sorted(summary.streaks.frozen)
    if not held and not frozen:
        return []
    forms = i18n.ngettext(texts.STATS_FREEZES, held)
    lines = [forms.format(count=i18n.number(held), every=FREEZE_EVERY, most=MAX_FREEZES)]
    if frozen:
        shown = texts.LIST_SEPARATOR.join(day_and_month(day) for day in frozen[-SHOWN_FROZEN:])
        lines.append(texts.STATS_FROZEN.format(days=shown))
    return lines


def network(view: NetworkView) -> str:
    window = view.summary
    divisor = gcd(window.gives, window.asks) or 1
    ratio = texts.RATIO.format(gives=window.gives // divisor, asks=window.asks // divisor)
    return texts.STATS_NETWORK.format(
        gives=window.gives,
        asks=window.asks,
        ratio=ratio if window.gives or window.asks else texts.NONE_YET,
        on_time=view.on_time,
        done=view.done,
        overdue=view.overdue,
        tiers=tier_counts(window.tiers),
        warm=view.warm,
        in_person=share_of(window.in_person, window.with_channel),
    )


def overview(shown: Overview, days: int) -> str:
    """Streaks and the network; before a first check-in, the network with a nudge to start."""
    if shown.summary.total and shown.network is not None:
        return streaks(shown.summary, days) + network(shown.network)
    if shown.network is not None:
        return texts.STATS_NO_CHECKIN + network(shown.network)
    return texts.STATS_EMPTY
