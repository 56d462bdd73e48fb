"""Follow-ups as the user reads them: confirmations, nudges and the /followups list."""

from collections.abc import Sequence
from datetime import datetime, tzinfo

from bot import texts
from bot.presenters.common import day_and_month, pick, relative_day
from db.models import Contact, Followup
from domain.followups import MAX_REMINDERS, FollowupAct
from domain.planning import FollowupNudge
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


def nudge(nudge: FollowupNudge) -> str:
    """A follow-up nudge (0: the first, at the due time), with one line saying why it came."""
    due = nudge.followup
    last = (
        texts.LAST_TALKED.format(ago=relative_day(due.contact_last_interaction_on, nudge.today))
        if due.contact_last_interaction_on
        else texts.NEVER_TALKED
    )
    if is_last_nudge(nudge.number):
        variants = texts.NUDGE_REST
    elif nudge.number == 0:
        variants = texts.NUDGE_FIRST
    else:
        variants = texts.NUDGE_AGAIN
    plain, with_note = pick(variants, nudge.today)
    template = with_note if due.note else plain
    text = template.format(name=due.contact_name, note=due.note, last=last)
    why = texts.NUDGE_WHY.format(set_on=day_and_month(due.created_at.date()))
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
