"""Dates, amounts of time, counts and networking days, as every message writes them."""

import functools
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from bot import i18n, texts
from domain.contacts import Tier
from domain.schedule import local_now
from domain.timeofday import format_time
from domain.timezones import get_zone
from domain.weekdays import EVERY_DAY, WEEKENDS


def plural(forms: tuple[str, str], n: int) -> str:
    """The language's form for `n`, filled in: `1 day`, `3 days`; `2 дня`, `5 дней`."""
    return i18n.ngettext(forms, n).format(n=i18n.number(n))


def pick(variants: Sequence[str], day: date) -> str:
    """The same variant all day, a different one the next (so tests stay exact)."""
    return variants[day.toordinal() % len(variants)]


def shorten(text: str | None, limit: int) -> str | None:
    """Echoed answers stay short, so a summary stays far below Telegram's 4096 characters."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def day_and_month(day: date) -> str:
    """3 Dec"""
    return i18n.date_text(day, "MMMd")


def full_date(day: date) -> str:
    """Tue 1 Dec 2026"""
    return i18n.date_text(day, "yMMMEd")


def date_and_time(moment: datetime) -> str:
    """Tue 1 Dec, 18:00"""
    return texts.DATE_AND_TIME.format(
        date=i18n.date_text(moment, "MMMEd"), time=format_time(moment.time())
    )


def relative_day(day: date, today: date) -> str:
    """today, tomorrow, on Monday (2–6 days ahead, where the weekday is unambiguous), in 9 days,
    in 2 weeks, in 3 months, and the same backwards (3 days ago)."""
    delta = (day - today).days
    near = {0: texts.TODAY, 1: texts.TOMORROW, -1: texts.YESTERDAY}
    if delta in near:
        return near[delta]
    if 2 <= delta <= 6:
        return texts.ON_WEEKDAYS[day.weekday()]
    amount = _rough_amount(abs(delta))
    return (texts.IN_AMOUNT if delta > 0 else texts.AMOUNT_AGO).format(amount=amount)


def _rough_amount(days: int) -> str:
    """The amount in the unit that reads naturally: 9 days, 2 weeks, 3 months, 2 years."""
    if days < 14:
        return plural(texts.DAYS, days)
    if days < 60:
        return plural(texts.WEEKS, round(days / 7))
    if days < 730:
        return plural(texts.MONTHS, round(days / 30.44))
    return plural(texts.YEARS, round(days / 365.25))


def describe_when(instant: datetime | None, zone_name: str, now: datetime) -> str:
    """'today at 18:00', 'tomorrow at 09:00', 'Monday at 18:00' or '3 Dec at 18:00', local."""
    if instant is None:
        return texts.NOT_SCHEDULED
    tz = get_zone(zone_name)
    local = instant.astimezone(tz)
    hhmm = format_time(local.time())
    delta = (local.date() - local_now(now, tz).date()).days
    if delta == 0:
        return texts.AT_TODAY.format(time=hhmm)
    if delta == 1:
        return texts.AT_TOMORROW.format(time=hhmm)
    if 1 < delta < 7:
        return texts.AT_WEEKDAY.format(weekday=i18n.weekday_name(local.weekday()), time=hhmm)
    return texts.AT_DATE.format(date=i18n.date_text(local, "MMMd"), time=hhmm)


def format_days(mask: int) -> str:
    """`Mon–Fri`, `Mon, Wed, Fri`, `Fri–Mon`, `weekends`, `every day`, `no days`."""
    return _format_days(mask & EVERY_DAY, i18n.current())


@functools.cache  # 128 masks per language; every check-in prompt names the user's days
def _format_days(mask: int, language: str) -> str:
    """`language` is the cache's key: the names come from the current language."""
    named = {0: texts.NO_DAYS, EVERY_DAY: texts.EVERY_DAY, WEEKENDS: texts.WEEKENDS}
    if mask in named:
        return named[mask]
    wraps = bool(mask & 1 and mask & (1 << 6))  # a run like Fri–Mon crosses Sunday
    start = next(i for i in range(7) if not mask & (1 << i)) if wraps else 0
    runs: list[list[int]] = []
    previous_set = False
    for step in range(7):
        day = (start + step) % 7
        is_set = bool(mask & (1 << day))
        if is_set and previous_set:
            runs[-1].append(day)
        elif is_set:
            runs.append([day])
        previous_set = is_set
    return texts.LIST_SEPARATOR.join(_format_run(run) for run in runs)


def _format_run(run: list[int]) -> str:
    """`Mon–Thu` for three or more consecutive days, else the names one by one."""
    names = i18n.short_weekdays()
    if len(run) >= 3:
        return texts.DAY_RANGE.format(first=names[run[0]], last=names[run[-1]])
    return texts.LIST_SEPARATOR.join(names[day] for day in run)


def schedule_line(template: str, *, at: time, zone: str, days: int, **extra: str) -> str:
    """A template with the check-in time, zone and days (and anything else) filled in."""
    return template.format(time=format_time(at), zone=zone, days=format_days(days), **extra)


def tier_counts(reached: Mapping[Tier, int]) -> str:
    """People reached per tier, in the tiers' own order: "2 insiders, 1 peer" (or nobody yet)."""
    order = list(texts.TIER_COUNTS)
    ordered = sorted(reached.items(), key=lambda item: order.index(item[0]))
    shown = texts.LIST_SEPARATOR.join(plural(texts.TIER_COUNTS[t], n) for t, n in ordered)
    return shown or texts.NOBODY_YET


def share_of(part: int, total: int) -> str:
    """ "40% of 5" in the language's own way; a dash before there is anything to share."""
    if not total:
        return texts.NONE_YET
    return texts.IN_PERSON_SHARE.format(share=i18n.percent(part / total), total=total)
