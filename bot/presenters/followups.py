"""Follow-ups as the user reads them: confirmations, nudges and the /followups list."""

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from bot import texts
from bot.presenters.common import day_and_month, relative_day
from db.models import Contact, Followup
from domain.followups import MAX_REMINDERS, FollowupAct
from domain.schedule import local_date

LIST_NOTE_LIMIT = 80


def created(name: str, when: str, note: str | None) -> str:
    if note:
        return texts.FOLLOWUP_SET_NOTE.format(name=name, when=when, note=note)
    return texts.FOLLOWUP_SET.format(name=name, when=when)


def changed(act: FollowupAct, name: str, when: str) -> str:
    """The one-line confirmation of a button press (`when`: where a snooze moved it)."""
    if act == FollowupAct.DONE:
        return texts.FOLLOWUP_DONE.format(name=name)
    if act in (FollowupAct.SNOOZE_DAY, FollowupAct.SNOOZE_WEEK):
        return texts.FOLLOWUP_SNOOZED.format(name=name, when=when)
    if act == FollowupAct.REST:
        return texts.FOLLOWUP_RESTING.format(name=name)
    return texts.FOLLOWUP_DROPPED.format(name=name)


def nudge(followup: Followup, contact: Contact, number: int, today: date) -> str:
    """Nudge `number` (0: the first, at the due time) about an open follow-up, with why."""
    last = (
        texts.LAST_TALKED.format(ago=relative_day(contact.last_interaction_on, today))
        if contact.last_interaction_on
        else texts.NEVER_TALKED
    )
    name, note = contact.name, followup.note
    if is_last_nudge(number):
        template = texts.NUDGE_REST_NOTE if note else texts.NUDGE_REST
    elif number == 0:
        template = texts.NUDGE_FIRST_NOTE if note else texts.NUDGE_FIRST
    else:
        template = texts.NUDGE_AGAIN_NOTE if note else texts.NUDGE_AGAIN
    text = template.format(name=name, note=note, last=last)
    why = texts.NUDGE_WHY.format(set_on=day_and_month(followup.created_at.date()))
    return f"{text}\n\n{why}"


def is_last_nudge(number: int) -> bool:
    """The last comeback asks whether to let it rest instead of offering a snooze."""
    return number >= MAX_REMINDERS


def listing(items: Sequence[tuple[Followup, Contact]], now: datetime, tz: tzinfo) -> str:
    """Overdue, today and the next days, each follow-up with its relative date."""
    today = local_date(now, tz)
    lines = [texts.FOLLOWUPS_HEADER]
    section = None
    for followup, contact in items:
        day = local_date(followup.due_at, tz)
        current = "overdue" if followup.due_at < now else "today" if day == today else "soon"
        if current != section:
            section = current
            lines.append(f"\n{texts.FOLLOWUPS_SECTIONS[current]}")
        when = relative_day(day, today)
        if followup.note:
            note = followup.note[:LIST_NOTE_LIMIT]
            lines.append(texts.FOLLOWUPS_LINE_NOTE.format(name=contact.name, note=note, when=when))
        else:
            lines.append(texts.FOLLOWUPS_LINE.format(name=contact.name, when=when))
    return "\n".join(lines)
