"""The /stats chart's data and words: `bot.chart` draws what this module hands it."""

from bot import i18n, texts
from bot.chart import WEEKS, ChartData, ChartLabels, WeekBar
from services.charts import Activity


def chart_data(activity: Activity) -> ChartData:
    return ChartData(
        today=activity.today,
        checkin_days=activity.checkin_days,
        networking_days=activity.networking_days,
        weeks=tuple(
            WeekBar(
                week_start=week.week_start,
                gives=week.gives,
                asks=week.asks,
                in_person_or_call=week.live,
                messages=week.messages,
            )
            for week in activity.weeks
        ),
        since=activity.since,
        frozen=activity.frozen,
    )


def labels(weeks: int = WEEKS) -> ChartLabels:
    return ChartLabels(
        title=texts.CHART_TITLE.format(weeks=weeks),
        calendar_title=texts.CHART_CALENDAR_TITLE,
        gives_asks_title=texts.CHART_GIVES_ASKS_TITLE,
        interactions_title=texts.CHART_INTERACTIONS_TITLE,
        gives=texts.CHART_GIVES,
        asks=texts.CHART_ASKS,
        in_person_or_call=texts.CHART_LIVE,
        messages=texts.CHART_MESSAGES,
        checked_in=texts.CHART_CHECKED_IN,
        missed=texts.CHART_MISSED,
        frozen=texts.CHART_FROZEN,
        rest_day=texts.CHART_REST_DAY,
        today=texts.CHART_TODAY,
        weekdays=tuple(i18n.weekday_name(day, "narrow") for day in range(7)),
        months=i18n.month_abbreviations(),
        week_start=texts.CHART_WEEK_START,
    )
