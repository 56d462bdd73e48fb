"""What every automatic message says, and its buttons: the planner's outbox payloads.

Each nudge ends with one line saying why it came and a small button that switches its kind off
(the welcome back after a pause is an answer to the user's own pause, not a nudge).
"""

from typing import Any

from bot import callbacks, keyboards, texts
from bot.keyboards import Row
from bot.presenters import checkins, contacts, followups, partners, review
from bot.presenters.common import describe_when, pick, plural
from domain.nudges import NudgeKind
from domain.planning import (
    Coaching,
    CoachingPart,
    FollowupNudge,
    GiveFirst,
    KeepWarm,
    OnlineOnly,
    Outgoing,
    PartnerNudge,
    Prompt,
    QuietPartner,
    Reach,
    Reengage,
    Review,
    UserView,
    WelcomeBack,
)
from domain.schedule import next_occurrence

PART_KINDS = {
    KeepWarm: NudgeKind.KEEP_WARM,
    Reach: NudgeKind.REACH,
    GiveFirst: NudgeKind.GIVE_FIRST,
    OnlineOnly: NudgeKind.ONLINE_ONLY,
    QuietPartner: NudgeKind.PARTNER_QUIET,
}


def render(message: Outgoing, view: UserView) -> dict[str, Any]:
    """The outbox payload: {"text": …, "reply_markup": {…}}."""
    text, rows = _content(message, view)
    payload: dict[str, Any] = {"text": text}
    if rows:
        payload["reply_markup"] = keyboards.as_payload(rows)
    return payload


def _content(message: Outgoing, view: UserView) -> tuple[str, list[Row]]:
    content = message.content
    name = view.first_name or texts.NAME_FALLBACK
    if isinstance(content, Prompt):
        return _prompt(content, view)
    if isinstance(content, FollowupNudge):
        rows = keyboards.followup_nudge(
            content.followup.followup_id, last=followups.is_last_nudge(content.number)
        )
        return followups.nudge(content), [*rows, keyboards.kind_off(NudgeKind.FOLLOWUP)]
    if isinstance(content, Coaching):
        parts = [_part(part, content) for part in content.parts]
        nudges = [
            keyboards.partner_nudge(part.row_id, part.name)
            for part in content.parts
            if isinstance(part, QuietPartner)
        ]
        kinds = dict.fromkeys(PART_KINDS[type(part)] for part in content.parts)
        return "\n\n".join(parts), [*nudges, *(keyboards.kind_off(kind) for kind in kinds)]
    if isinstance(content, Review):
        return review.text(content, view), review.rows(content)
    if isinstance(content, PartnerNudge):
        text = pick(texts.PARTNER_NUDGES, content.day).format(name=content.from_name)
        why = texts.PARTNER_NUDGE_WHY.format(name=content.from_name)
        quick = [(texts.QUICK_CHECKIN_BUTTON, callbacks.QuickCheckin())]
        return f"{text}\n\n{why}", [quick, keyboards.kind_off(NudgeKind.PARTNER_NUDGE)]
    if isinstance(content, Reengage):
        variants = texts.REENGAGE_FIRST if content.number == 0 else texts.REENGAGE_AGAIN
        text = f"{pick(variants, content.day).format(name=name)}\n\n{texts.REENGAGE_WHY}"
        return text, [*keyboards.way_back(), keyboards.kind_off(NudgeKind.REENGAGE)]
    assert isinstance(content, WelcomeBack)
    upcoming = next_occurrence(message.due_at, view.tz, view.checkin_time, view.networking_days)
    when = describe_when(upcoming, view.zone, message.due_at)
    text = pick(texts.WELCOME_BACK_ALONE, content.day).format(name=name, next=when)
    return f"{text}\n\n{texts.WELCOME_BACK_WHY}", []


def _prompt(prompt: Prompt, view: UserView) -> tuple[str, list[Row]]:
    """The day's prompt, with what travels in it: a welcome back, a freeze that covered a
    recent day, a button for a missed yesterday, and the weekly review on its day."""
    text = checkins.prompt(
        view.first_name, prompt.day, at=view.checkin_time, zone=view.zone, days=view.networking_days
    )
    if prompt.freeze is not None:
        text = f"{checkins.freeze_line(prompt.freeze.day, prompt.freeze.left)}\n{text}"
    if prompt.welcome_back:
        name = view.first_name or texts.NAME_FALLBACK
        text = f"{pick(texts.WELCOME_BACK_LINES, prompt.day).format(name=name)}\n{text}"
    rows: list[Row] = [[(texts.START_CHECKIN_BUTTON, callbacks.StartCheckin())]]
    if prompt.yesterday is not None:
        rows.append(
            [(texts.CHECKIN_YESTERDAY_BUTTON, callbacks.CheckinYesterday(prompt.yesterday))]
        )
    rows.append(keyboards.kind_off(NudgeKind.CHECKIN))
    if prompt.review is not None:
        text = f"{text}\n\n{review.text(prompt.review, view)}"
        rows += review.rows(prompt.review)
    return text, rows


def _part(part: CoachingPart, coaching: Coaching) -> str:
    """One coaching nudge in the combined message: at most three lines, then why."""
    day = coaching.day
    if isinstance(part, KeepWarm):
        people = texts.LIST_SEPARATOR.join(contacts.keep_warm_person(p, day) for p in part.people)
        return f"{pick(texts.KEEP_WARM, day).format(people=people)}\n{texts.KEEP_WARM_WHY}"
    if isinstance(part, Reach):
        why = texts.REACH_WHY.format(peers=plural(texts.TIER_COUNTS_PEERS, part.peers))
        return f"{pick(texts.REACH, day)}\n{why}"
    if isinstance(part, GiveFirst):
        why = texts.GIVE_FIRST_WHY.format(
            asks=plural(texts.ASKS, part.asks), gives=plural(texts.GIVES, part.gives)
        )
        return f"{pick(texts.GIVE_FIRST_NUDGE, day)}\n{why}"
    if isinstance(part, QuietPartner):
        return partners.quiet_partner(part)
    why = texts.ONLINE_ONLY_WHY.format(interactions=plural(texts.INTERACTIONS, part.interactions))
    return f"{pick(texts.ONLINE_ONLY, day)}\n{why}"
