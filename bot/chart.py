"""The /stats chart: plain data in, PNG bytes out.

No database, no Telegram, no network, and no user-facing copy: the caller passes every string
in `ChartLabels` (the copy lives in `bot.texts`). The figure is built with matplotlib's object
API on the Agg canvas and never through pyplot, whose global figure registry is neither
thread-safe nor leak-free; the caller runs `render_chart` in a worker thread.
"""

import io
import threading
from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from domain.weekdays import EVERY_DAY, is_networking_day

WEEKS = 26
"""The most columns of the calendar and bars per bar chart: half a year fits a phone screen.
A newer user's chart starts at their first week (at least `MIN_WEEKS` are drawn)."""
MIN_WEEKS = 4

# Okabe–Ito colours, chosen so every pair that must be told apart differs in lightness too
# (blue/orange, vermillion/sky blue): they stay distinct for all three colour-vision
# deficiencies and in greyscale. The calendar is a lightness ladder: dark = done.
CHECKED_IN = "#0072B2"  # blue
MISSED = "#B3BFCB"  # soft blue-grey: visible, but no alarm colour (the coach does not scold)
FROZEN = "#56B4E9"  # sky blue: lighter than a check-in, bluer than a miss (the streak held)
REST_DAY = "#ECECEC"  # lightest: a day off is not a gap
TODAY_EDGE = "#000000"
GIVES = "#0072B2"  # blue
ASKS = "#E69F00"  # orange
IN_PERSON = "#D55E00"  # vermillion, the darker of the stack, at the bottom
MESSAGES = "#56B4E9"  # sky blue
TEXT = "#222222"
GRID = "#DDDDDD"

# 1080 x 1350 px at dpi 150: Telegram shows it full width on a phone without cropping (4:5).
WIDTH_IN, HEIGHT_IN, DPI = 7.2, 9.0, 150
TITLE_PT, PANEL_TITLE_PT, BODY_PT = 19, 16, 14  # 14 pt at 150 dpi is 29 px of 1080
LABEL_EVERY = 4  # date labels under every 4th week, counted back from the current one

# Axes geometry in inches from the bottom-left corner; fixed (no layout engine) so the three
# panels share exact columns and a render costs no layout passes.
_LEFT, _RIGHT = 0.72, 0.42  # the right margin fits a date label centred on the last week
_WIDTH = WIDTH_IN - _LEFT - _RIGHT
_CELL = _WIDTH / WEEKS  # one calendar cell (square); a week's column is this wide or wider
_CALENDAR_BOTTOM = 6.11
_GIVES_BOTTOM, _INTERACTIONS_BOTTOM, _BARS_HEIGHT = 3.10, 0.45, 1.55
_TITLE_ABOVE_CALENDAR, _TITLE_ABOVE_BARS = 0.40, 0.44  # leaves room for month names / legend

_RENDER_LOCK = threading.Lock()
"""matplotlib documents itself as not thread-safe (font and text caches are shared); a render
is CPU-bound Python that holds the GIL almost throughout, so serialising costs next to nothing."""


@dataclass(frozen=True)
class WeekBar:
    """Counts for one Monday-start week of the user's local calendar."""

    week_start: date
    gives: int
    asks: int
    in_person_or_call: int
    messages: int

    def __post_init__(self) -> None:
        if self.week_start.weekday() != 0:
            raise ValueError(f"week_start must be a Monday, got {self.week_start}")
        if min(self.gives, self.asks, self.in_person_or_call, self.messages) < 0:
            raise ValueError(f"counts must not be negative: {self}")

    @property
    def is_empty(self) -> bool:
        return not (self.gives or self.asks or self.in_person_or_call or self.messages)


@dataclass(frozen=True)
class ChartData:
    """Everything the chart shows, in the user's local dates.

    `since` (optional) is the user's first local day, e.g. sign-up: earlier days are drawn
    blank rather than as missed. `weeks` decides how many weeks are drawn (`MIN_WEEKS` to
    `WEEKS`), so a new user's first check-ins are not a dot in an empty half-year. `frozen`:
    missed networking days a streak freeze covered.
    """

    today: date
    checkin_days: frozenset[date]
    networking_days: int  # Monday = bit 0 … Sunday = bit 6
    weeks: tuple[WeekBar, ...]
    since: date | None = None
    frozen: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if not 0 <= self.networking_days <= EVERY_DAY:
            raise ValueError(f"networking_days must be a 7-bit mask, got {self.networking_days}")
        count = len(self.weeks)
        expected = week_starts(self.today, count) if MIN_WEEKS <= count <= WEEKS else ()
        actual = tuple(week.week_start for week in self.weeks)
        if not expected or actual != expected:
            raise ValueError(
                f"weeks must be {MIN_WEEKS} to {WEEKS} consecutive Mondays ending with this "
                f"week's, oldest first; got {actual[:1]}..{actual[-1:]}"
            )

    @property
    def columns(self) -> int:
        return len(self.weeks)


@dataclass(frozen=True)
class ChartLabels:
    """Every string the chart draws; the caller supplies them from the bot's texts."""

    title: str
    calendar_title: str
    gives_asks_title: str
    interactions_title: str
    gives: str
    asks: str
    in_person_or_call: str
    messages: str
    checked_in: str  # legend: "check-in"
    missed: str  # legend: "no check-in"
    frozen: str  # legend: "covered by a freeze"
    rest_day: str  # legend: "not a networking day"
    today: str  # legend: the outlined cell
    weekdays: tuple[str, ...]  # 7 initials, Monday first
    months: tuple[str, ...]  # 12 abbreviations, January first
    week_start: str  # date label under a week, with {day} and {month}, e.g. "{day} {month}"

    def __post_init__(self) -> None:
        if len(self.weekdays) != 7:
            raise ValueError(f"weekdays needs 7 entries, got {len(self.weekdays)}")
        if len(self.months) != 12:
            raise ValueError(f"months needs 12 entries, got {len(self.months)}")


def week_starts(today: date, weeks: int = WEEKS) -> tuple[date, ...]:
    """The Mondays of the chart's `weeks` weeks, oldest first, the current week last.

    Exposed so the caller builds `ChartData.weeks` over exactly these weeks.
    """
    current = today - timedelta(days=today.weekday())
    return tuple(current - timedelta(weeks=weeks - 1 - index) for index in range(weeks))


def weeks_since(first: date, today: date) -> int:
    """How many weeks a chart shows for a history that starts on `first`: from its week to
    the current one, at least `MIN_WEEKS` and at most `WEEKS`."""
    first_monday = first - timedelta(days=first.weekday())
    span = (today - timedelta(days=today.weekday()) - first_monday).days // 7 + 1
    return max(MIN_WEEKS, min(WEEKS, span))


def has_data(data: ChartData) -> bool:
    """Whether a chart is worth sending: any check-in in the window, or any weekly count."""
    first = data.weeks[0].week_start
    if any(first <= day <= data.today for day in data.checkin_days):
        return True
    return not all(week.is_empty for week in data.weeks)


def render_chart(data: ChartData, labels: ChartLabels) -> bytes:
    """One PNG of the three panels; thread-safe, and the figure is garbage once it returns."""
    with _RENDER_LOCK:
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
        canvas = FigureCanvasAgg(figure)
        figure.text(
            _LEFT / WIDTH_IN,
            1 - 0.2 / HEIGHT_IN,
            _plain(labels.title),
            fontsize=TITLE_PT,
            fontweight="bold",
            color=TEXT,
            va="top",
        )
        _draw_calendar(figure, data, labels)
        _draw_gives_asks(figure, data, labels)
        _draw_interactions(figure, data, labels)
        buffer = io.BytesIO()
        # No Software/version chunk: the same data gives the same bytes on a given install.
        canvas.print_png(buffer, metadata={"Software": None})
        figure.clear()  # drop artists now rather than at the next cyclic garbage collection
        return buffer.getvalue()


def _draw_calendar(figure: Figure, data: ChartData, labels: ChartLabels) -> None:
    """Weeks as columns, Monday..Sunday as rows, today outlined, month names on top."""
    height = 7 * _CELL
    axes = _add_axes(figure, _CALENDAR_BOTTOM, height)
    gap = 0.12  # white space between cells, in cell units
    # Cells stay square: with fewer weeks a column is wider than a cell, which sits centred.
    wide = _cell_width(data)
    cells: dict[str, list[Rectangle]] = {CHECKED_IN: [], FROZEN: [], MISSED: [], REST_DAY: []}
    for column, row, colour in _calendar_cells(data):
        cells[colour].append(
            Rectangle(
                (column - wide * (1 - gap) / 2, row - 0.5 + gap / 2), wide * (1 - gap), 1 - gap
            )
        )
    for colour, rectangles in cells.items():
        axes.add_collection(PatchCollection(rectangles, facecolor=colour, edgecolor="none"))
    today_column, today_row = _grid_position(data.today, data.today, data.columns)
    # The outline fills the gap around today's cell, so it shows on a dark (checked) cell too.
    axes.add_patch(
        Rectangle(
            (today_column - wide / 2, today_row - 0.5),
            wide,
            1,
            fill=False,
            edgecolor=TODAY_EDGE,
            linewidth=2.4,
            zorder=3,
        )
    )
    axes.set_xlim(-0.5, data.columns - 0.5)
    axes.set_ylim(6.5, -0.5)  # Monday on top
    axes.set_yticks(range(7), [_plain(initial) for initial in labels.weekdays])
    axes.tick_params(axis="y", length=0, labelsize=BODY_PT, labelcolor=TEXT, pad=4)
    axes.set_xticks([])
    for spine in axes.spines.values():
        spine.set_visible(False)
    for column, month in _month_columns(tuple(week.week_start for week in data.weeks)):
        axes.text(
            column - 0.5,
            -0.75,
            _plain(labels.months[month - 1]),
            fontsize=BODY_PT,
            color=TEXT,
            ha="left",
            va="bottom",
        )
    _panel_title(figure, _CALENDAR_BOTTOM + height + _TITLE_ABOVE_CALENDAR, labels.calendar_title)
    legend = [
        Patch(facecolor=CHECKED_IN, label=_plain(labels.checked_in)),
        Patch(facecolor=FROZEN, label=_plain(labels.frozen)),
        Patch(facecolor=MISSED, label=_plain(labels.missed)),
        Patch(facecolor=REST_DAY, label=_plain(labels.rest_day)),
        Patch(facecolor="white", edgecolor=TODAY_EDGE, linewidth=1.8, label=_plain(labels.today)),
    ]
    axes.legend(
        handles=legend,
        loc="upper left",
        bbox_to_anchor=(0, -0.03),
        ncols=3,
        frameon=False,
        fontsize=BODY_PT,
        handlelength=1.2,
        handleheight=1.2,
        handletextpad=0.5,
        columnspacing=1.4,
        borderaxespad=0,
        borderpad=0,
        labelcolor=TEXT,
    )


def _cell_width(data: ChartData) -> float:
    """A square cell's width in columns: 1 at `WEEKS`, less when fewer, wider weeks are drawn."""
    return _CELL * data.columns / _WIDTH


def _grid_position(today: date, day: date, columns: int = WEEKS) -> tuple[int, int]:
    """(column, row) of a day in the calendar: the current week is the last column."""
    current_monday = today - timedelta(days=today.weekday())
    day_monday = day - timedelta(days=day.weekday())
    return columns - 1 - (current_monday - day_monday).days // 7, day.weekday()


def _calendar_cells(data: ChartData) -> list[tuple[int, int, str]]:
    """(column, row, colour) of every filled cell; blank cells are simply absent."""
    first = data.weeks[0].week_start
    days = (first + timedelta(days=offset) for offset in range(data.columns * 7))
    return [
        (*_grid_position(data.today, day, data.columns), colour)
        for day in days
        if (colour := _cell_colour(data, day)) is not None
    ]


def _cell_colour(data: ChartData, day: date) -> str | None:
    """None leaves the cell blank: the future, days before `since`, and today still open."""
    if day > data.today or (data.since is not None and day < data.since):
        return None
    if day in data.checkin_days:
        return CHECKED_IN
    if day in data.frozen:
        return FROZEN
    if not is_networking_day(data.networking_days, day):
        return REST_DAY
    return None if day == data.today else MISSED


def _month_columns(starts: tuple[date, ...]) -> list[tuple[int, int]]:
    """(column, month) where a month begins; the first column too if its label has room."""
    found = [
        (column, (monday + timedelta(days=offset)).month)
        for column, monday in enumerate(starts)
        for offset in range(7)
        if (monday + timedelta(days=offset)).day == 1
    ]
    if not found or found[0][0] >= 3:
        found.insert(0, (0, (starts[0] + timedelta(days=6)).month))
    return found


def _draw_gives_asks(figure: Figure, data: ChartData, labels: ChartLabels) -> None:
    """Side-by-side bars: the balance of giving and asking, week by week."""
    axes = _add_axes(figure, _GIVES_BOTTOM, _BARS_HEIGHT)
    columns = range(data.columns)
    width = 0.4 * max(_cell_width(data), 0.4)  # a few weeks: bars stay slim
    axes.bar(
        [column - width / 2 for column in columns],
        [week.gives for week in data.weeks],
        width=width,
        color=GIVES,
        label=_plain(labels.gives),
    )
    axes.bar(
        [column + width / 2 for column in columns],
        [week.asks for week in data.weeks],
        width=width,
        color=ASKS,
        label=_plain(labels.asks),
    )
    peak = max(max(week.gives, week.asks) for week in data.weeks)
    _style_bars(axes, data, labels, peak)
    _panel_title(figure, _GIVES_BOTTOM + _BARS_HEIGHT + _TITLE_ABOVE_BARS, labels.gives_asks_title)


def _draw_interactions(figure: Figure, data: ChartData, labels: ChartLabels) -> None:
    """Stacked bars: how much of the week's networking was live rather than typed."""
    axes = _add_axes(figure, _INTERACTIONS_BOTTOM, _BARS_HEIGHT)
    live = [week.in_person_or_call for week in data.weeks]
    width = 0.7 * max(_cell_width(data), 0.4)
    axes.bar(
        range(data.columns),
        live,
        width=width,
        color=IN_PERSON,
        label=_plain(labels.in_person_or_call),
    )
    axes.bar(
        range(data.columns),
        [week.messages for week in data.weeks],
        width=width,
        bottom=live,
        color=MESSAGES,
        label=_plain(labels.messages),
    )
    peak = max(week.in_person_or_call + week.messages for week in data.weeks)
    _style_bars(axes, data, labels, peak)
    _panel_title(
        figure, _INTERACTIONS_BOTTOM + _BARS_HEIGHT + _TITLE_ABOVE_BARS, labels.interactions_title
    )


def _style_bars(axes: Axes, data: ChartData, labels: ChartLabels, peak: int) -> None:
    """Shared bar-panel look: integer y ticks, light grid, sparse week dates, legend on top."""
    axes.set_xlim(-0.5, data.columns - 0.5)
    axes.set_ylim(0, max(peak, 1) * 1.08)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
    axes.grid(axis="y", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color("#888888")
    last = data.columns - 1
    ticks = [column for column in range(data.columns) if (last - column) % LABEL_EVERY == 0]
    axes.set_xticks(ticks, [_week_label(data.weeks[column].week_start, labels) for column in ticks])
    axes.tick_params(labelsize=BODY_PT, labelcolor=TEXT, color="#888888")
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1 + 0.05 / _BARS_HEIGHT),
        ncols=2,
        frameon=False,
        fontsize=BODY_PT,
        handlelength=1.2,
        handleheight=1.0,
        handletextpad=0.5,
        columnspacing=1.4,
        borderaxespad=0,
        borderpad=0,
        labelcolor=TEXT,
    )


def _add_axes(figure: Figure, bottom_in: float, height_in: float) -> Axes:
    """An axes spanning the shared columns, placed in inches."""
    return figure.add_axes(
        (
            _LEFT / WIDTH_IN,
            bottom_in / HEIGHT_IN,
            (WIDTH_IN - _LEFT - _RIGHT) / WIDTH_IN,
            height_in / HEIGHT_IN,
        )
    )


def _panel_title(figure: Figure, baseline_in: float, text: str) -> None:
    """A left-aligned title over a panel, in the same column as the axes."""
    figure.text(
        _LEFT / WIDTH_IN,
        baseline_in / HEIGHT_IN,
        _plain(text),
        fontsize=PANEL_TITLE_PT,
        fontweight="bold",
        color=TEXT,
        va="baseline",
    )


def _week_label(week_start: date, labels: ChartLabels) -> str:
    return _plain(
        labels.week_start.format(day=week_start.day, month=labels.months[week_start.month - 1])
    )


def _plain(text: str) -> str:
    """Escape `$` so copy like "$5 coffee" is drawn as text, never parsed as mathtext."""
    return text.replace("$", r"\$")
