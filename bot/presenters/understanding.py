"""The check-in summary: what the check-in understood, item by item, and its buttons.

The summary lists what was logged, not the raw answers, so the user sees what the coach will
act on and can fix it in one tap: each question the reader could not settle (which Maria?
when?) gets its buttons right there, and ✎ Fix shows a button per item to drop it or change
its person or date. Every button names the check-in and the version of its reading.
"""

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot import texts
from bot.callbacks import CheckinFix, FixAct
from bot.keyboards import Row, inline
from bot.presenters.common import full_date, shorten
from domain.reading import FollowupItem, Person, Reading

ITEM_LIMIT = 160  # characters of a give, ask or note quoted in the summary
QUESTION_NOTE_LIMIT = 60
MAX_CHOICES = 5  # contacts offered for a first name several share
# Characters for the listed items and the questions (Telegram allows 4096 in all); what does
# not fit is counted. Questions come first: their buttons are under the message.
BUDGET = 3200
QUESTIONS_BUDGET = 1600


@dataclass(frozen=True)
class SummaryView:
    """Everything the summary shows. `when` holds, per follow-up, when it is due (None: still
    asked about)."""

    checkin_id: int
    reading: Reading
    when: tuple[str | None, ...]
    footer: tuple[str, ...] = ()  # tips, the streak, the goal offer

    def fix(self, act: FixAct, index: int = 0, arg: int = 0) -> CheckinFix:
        return CheckinFix(self.checkin_id, self.reading.version, act, index, arg)


def summary_text(view: SummaryView) -> str:
    reading = view.reading
    lines = [texts.CHECKIN_UNDERSTOOD if not reading.empty else texts.UNDERSTOOD_NOTHING]
    items = [_person_line(p) for p in reading.people if not p.choices]
    items += [_exchange_line(texts.UNDERSTOOD_GIVE, e.text, e.person) for e in reading.gives]
    items += [_exchange_line(texts.UNDERSTOOD_ASK, e.text, e.person) for e in reading.asks]
    items += [
        _followup_line(item, when)
        for item, when in zip(reading.followups, view.when, strict=True)
        if when is not None
    ]
    questions = [texts.UNDERSTOOD_WHICH.format(name=p.name) for p in reading.people if p.choices]
    questions += [
        _date_question(item)
        for item, when in zip(reading.followups, view.when, strict=True)
        if when is None
    ]
    questions = _within_budget(questions, QUESTIONS_BUDGET)
    items = _within_budget(items, BUDGET - sum(len(q) + 1 for q in questions))
    if items or questions:
        lines.append("")
    lines += items + questions
    if not reading.empty:
        lines += ["", texts.UNDERSTOOD_HINT]
    if view.footer:
        lines += ["", *view.footer]
    return "\n".join(lines)


def _within_budget(items: list[str], budget: int) -> list[str]:
    """As many lines as fit the budget, then how many more there are."""
    used = 0
    for n, item in enumerate(items):
        used += len(item) + 1
        if used > budget:
            return [*items[:n], texts.UNDERSTOOD_MORE.format(n=len(items) - n)]
    return items


def _person_line(person: Person) -> str:
    about = ", ".join(part for part in (person.company, person.role) if part)
    text = texts.UNDERSTOOD_PERSON.format(
        name=person.name, about=texts.UNDERSTOOD_COMPANY.format(company=about) if about else ""
    )
    if person.channel:
        text += texts.UNDERSTOOD_CHANNEL.format(channel=texts.CHANNEL_NAMES[person.channel])
    return text


def _exchange_line(template: str, what: str, person: str | None) -> str:
    to = texts.UNDERSTOOD_TO.format(name=person) if person else ""
    return template.format(to=to, what=shorten(what, ITEM_LIMIT))


def _followup_line(item: FollowupItem, when: str) -> str:
    line = texts.UNDERSTOOD_FOLLOWUP.format(name=item.person, when=when)
    return line + (
        texts.UNDERSTOOD_NOTE.format(note=shorten(item.note, ITEM_LIMIT)) if item.note else ""
    )


def _date_question(item: FollowupItem) -> str:
    if item.options:
        return texts.UNDERSTOOD_TWO_DATES.format(text=item.when_text, name=item.person)
    if item.past:
        return texts.UNDERSTOOD_PAST.format(text=item.when_text, name=item.person)
    note = f" ({shorten(item.note, QUESTION_NOTE_LIMIT)})" if item.note else ""
    return texts.UNDERSTOOD_WHEN.format(name=item.person, note=note)


def summary_keyboard(view: SummaryView, extra: list[Row] | None = None) -> InlineKeyboardMarkup:
    """The questions' buttons, then ✓ Looks right and ✎ Fix (and any `extra` rows)."""
    rows: list[Row] = []
    for index, person in enumerate(view.reading.people):
        if person.choices:
            rows += _choices(view, index, person)
    for index, when in enumerate(view.when):
        if when is None:
            rows += _date_rows(view, index)
    if not view.reading.empty:
        rows.append(
            [
                (texts.FIX_OK_BUTTON, view.fix(FixAct.OK)),
                (texts.FIX_MENU_BUTTON, view.fix(FixAct.MENU)),
            ]
        )
    return inline(rows + (extra or []))


def _choices(view: SummaryView, index: int, person: Person) -> list[Row]:
    shown = person.choices[:MAX_CHOICES]
    rows: list[Row] = [[(name, view.fix(FixAct.CHOICE, index, n))] for n, name in enumerate(shown)]
    rows.append([(texts.FIX_SOMEONE_NEW, view.fix(FixAct.CHOICE, index, -1))])
    return rows


def _date_rows(view: SummaryView, index: int) -> list[Row]:
    item = view.reading.followups[index]
    if item.options:
        row: Row = [
            (full_date(day), view.fix(FixAct.OPTION, index, n))
            for n, day in enumerate(item.options)
        ]
    else:
        row = [
            (label, view.fix(FixAct.DAY, index, days))
            for days, label in texts.FIX_QUICK_DAYS.items()
        ]
    return [row, [(texts.FIX_NO_REMINDER, view.fix(FixAct.NO_REMINDER, index))]]


def fix_menu(view: SummaryView) -> InlineKeyboardMarkup:
    """A button per item: drop it; for a person also "not them?", for a follow-up its date."""
    reading = view.reading
    rows: list[Row] = []
    for n, person in enumerate(reading.people):
        rows.append(
            [
                (
                    texts.FIX_DROP_BUTTON.format(label=_label(person.name)),
                    view.fix(FixAct.DROP_PERSON, n),
                ),
                (
                    texts.FIX_RENAME_BUTTON.format(name=_label(person.name)),
                    view.fix(FixAct.RENAME, n),
                ),
            ]
        )
    for n, give in enumerate(reading.gives):
        label = texts.FIX_GIVE_LABEL.format(what=_label(give.person or give.text))
        rows.append([(texts.FIX_DROP_BUTTON.format(label=label), view.fix(FixAct.DROP_GIVE, n))])
    for n, ask in enumerate(reading.asks):
        label = texts.FIX_ASK_LABEL.format(what=_label(ask.person or ask.text))
        rows.append([(texts.FIX_DROP_BUTTON.format(label=label), view.fix(FixAct.DROP_ASK, n))])
    for n, item in enumerate(reading.followups):
        rows.append(
            [
                (
                    texts.FIX_DROP_BUTTON.format(label=_label(item.person)),
                    view.fix(FixAct.DROP_FOLLOWUP, n),
                ),
                (texts.FIX_DATE_BUTTON.format(name=_label(item.person)), view.fix(FixAct.DATES, n)),
            ]
        )
    rows.append([(texts.FIX_BACK_BUTTON, view.fix(FixAct.BACK))])
    return inline(rows)


def dates_menu(view: SummaryView, index: int) -> InlineKeyboardMarkup:
    """The date buttons for one follow-up, and the way back."""
    return inline([*_date_rows(view, index), [(texts.FIX_BACK_BUTTON, view.fix(FixAct.MENU))]])


def _label(text: str) -> str:
    return shorten(text, texts.FIX_LABEL_LIMIT) or ""
