"""Planning one user's automatic messages at one moment: pure, from a per-user view.

The scheduler loads the views of a batch of users with a fixed number of queries, calls `plan`
for each, renders the messages and writes them to the outbox in bulk. Two things wake a user:
the daily moment (their check-in time, every day) and a follow-up whose nudge is due. At the
daily moment the prompt (or a re-engagement message), the weekly review and the coaching nudges
are decided; the attention policy (`domain.attention`) has the last word on each.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from domain.attention import (
    DORMANT_AFTER,
    KindState,
    Pause,
    PromptStep,
    QuietHours,
    Reengagement,
    backoff,
    ignored_in_a_row,
    may_nudge,
    prompt_step,
)
from domain.coaching import (
    REACH_WINDOW_DAYS,
    KeepWarmCandidate,
    asks_outweigh_gives,
    keep_warm_picks,
    online_only,
    peers_only,
)
from domain.contacts import Tier
from domain.followups import MAX_REMINDERS, REMINDER_GAPS
from domain.nudges import COMBINED, NudgeKind
from domain.partners import (
    NUDGE_GAP,
    SUGGEST_GAP_DAYS,
    DayMark,
    Habit,
    Share,
    WeekCounts,
    marks,
    quiet,
    shows_counts,
    shows_days,
)
from domain.review import Focus, WeekFacts, choose_focus
from domain.schedule import local_date, next_occurrence, prompt_deadline, resolve_local
from domain.stats import Touch, summarize_network
from domain.streaks import FreezeNote, Streaks, freeze_news
from domain.weekdays import EVERY_DAY, is_networking_day

# How far back the rules look at interactions (reach counts 14 days before today, inclusive).
TOUCH_WINDOW_DAYS = REACH_WINDOW_DAYS


@dataclass(frozen=True)
class FollowupDue:
    """An open follow-up whose next nudge has come."""

    followup_id: int
    contact_name: str
    contact_last_interaction_on: date | None
    note: str | None
    created_at: datetime
    nudges_sent: int
    next_nudge_at: datetime
    at_chosen_time: bool  # the next nudge is at a time the user chose (not a re-nudge or snooze)


@dataclass(frozen=True)
class PartnerSide:
    """One of the user's partners, as the planner sees them (their last LOOKBACK_DAYS)."""

    row_id: int  # the user's own partners row: what the buttons name
    name: str
    since: date  # the local day the partnership began
    share: Share
    habit: Habit
    paused: bool  # paused today
    suggested_at: datetime | None  # the user's last "quiet for two days" about them
    week: WeekCounts | None = None  # loaded with the user's weekly review


@dataclass(frozen=True)
class NudgeRequest:
    """A partner pressed "Send a nudge" for this user (the partner's own partners row)."""

    row_id: int
    from_name: str
    requested_at: datetime
    nudged_at: datetime | None  # that partner's last nudge to this user


@dataclass(frozen=True)
class UserView:
    """Everything the rules need about one user, loaded for a whole batch at once."""

    user_id: int
    first_name: str
    zone: str
    tz: tzinfo
    checkin_time: time
    networking_days: int
    review_day: int
    quiet: QuietHours | None
    next_daily_at: datetime | None
    last_active_at: datetime | None
    reengagement: Reengagement | None
    kinds: Mapping[NudgeKind, KindState]
    pause: Pause | None  # the latest pause the user was not welcomed back from yet
    checkin_days: frozenset[date]  # recent local days with a done or running check-in
    followups_due: tuple[FollowupDue, ...]
    next_followup_at: datetime | None  # the earliest nudge of the follow-ups not due yet
    keep_warm: tuple[KeepWarmCandidate, ...]  # contacts due for a keep-warm (or nearly)
    touches: tuple[Touch, ...]  # interactions since TOUCH_WINDOW_DAYS ago
    week: WeekFacts | None = None  # loaded when the weekly review may be due
    week_paused: bool = False  # every day of the review's week was paused
    partners: tuple[PartnerSide, ...] = ()
    nudge_requests: tuple[NudgeRequest, ...] = ()  # waiting to reach this user
    last_partner_nudge_at: datetime | None = None  # the last nudge any partner sent them
    joined_on: date | None = None  # the local day the user joined: nothing is missed before
    streaks: Streaks | None = None  # loaded when a recent networking day was missed
    freeze_noted_on: date | None = None  # the latest covered day a message named

    def kind(self, kind: NudgeKind) -> KindState:
        return self.kinds.get(kind, KindState())


# --- what a message says (rendered by bot.presenters) -----------------------------------------


@dataclass(frozen=True)
class PartnerWeek:
    """One partner's week in the review's digest, as much as they share."""

    row_id: int
    name: str
    marks: tuple[DayMark, ...] | None  # None: they share their streak only
    counts: WeekCounts | None  # None: they do not share their counts
    paused: bool


@dataclass(frozen=True)
class Review:
    day: date
    week: WeekFacts
    focus: Focus
    partners: tuple[PartnerWeek, ...] = ()  # the partner digest, in the same message


@dataclass(frozen=True)
class Prompt:
    day: date
    welcome_back: bool = False  # a pause ended today: the prompt says welcome back too
    freeze: FreezeNote | None = None  # a freeze covered a recent day: said once
    yesterday: date | None = None  # missed: a button logs it, until the end of today
    review: Review | None = None  # the weekly review joins the prompt: one message


@dataclass(frozen=True)
class FollowupNudge:
    followup: FollowupDue
    number: int  # 0: the first, at the due time; MAX_REMINDERS: the last, "let it rest?"
    today: date


@dataclass(frozen=True)
class KeepWarm:
    people: tuple[KeepWarmCandidate, ...]


@dataclass(frozen=True)
class Reach:
    peers: int


@dataclass(frozen=True)
class GiveFirst:
    gives: int
    asks: int


@dataclass(frozen=True)
class OnlineOnly:
    interactions: int


@dataclass(frozen=True)
class QuietPartner:
    row_id: int
    name: str


CoachingPart = KeepWarm | Reach | GiveFirst | OnlineOnly | QuietPartner


@dataclass(frozen=True)
class Coaching:
    """The coaching nudges that fell due together: one message."""

    day: date
    parts: tuple[CoachingPart, ...]


@dataclass(frozen=True)
class PartnerNudge:
    day: date
    from_name: str


@dataclass(frozen=True)
class Reengage:
    day: date
    number: int  # 0: the first; then one a week


@dataclass(frozen=True)
class WelcomeBack:
    day: date


Content = Prompt | FollowupNudge | Coaching | Review | Reengage | WelcomeBack | PartnerNudge


class Outcome(StrEnum):
    SEND = "send"
    ALREADY_DONE = "already_done"  # recorded, not sent: the user checked in already today
    TOO_LATE = "too_late"  # recorded, not sent: the bot was down past the deadline


@dataclass(frozen=True)
class Outgoing:
    kind: NudgeKind
    key: str  # unique per message: planning twice never queues it twice
    content: Content
    due_at: datetime  # the moment it was planned for
    send_at: datetime  # not before: after quiet hours, where they apply
    expires_at: datetime | None
    outcome: Outcome = Outcome.SEND


@dataclass(frozen=True)
class FollowupChange:
    followup_id: int
    nudges_sent: int
    next_nudge_at: datetime | None


@dataclass(frozen=True)
class PartnerChange:
    """A partners row the plan touched: a suggestion made, or a nudge request settled."""

    row_id: int
    suggested_at: datetime | None = None
    nudged_at: datetime | None = None  # (a settled request: sent at this moment, or as before)


@dataclass
class UserPlan:
    """What planning decided for one user; the scheduler writes it in bulk."""

    user_id: int
    next_daily_at: datetime | None
    reengagement: Reengagement | None
    messages: list[Outgoing] = field(default_factory=list)
    kinds: dict[NudgeKind, KindState] = field(default_factory=dict)  # changed states only
    followups: list[FollowupChange] = field(default_factory=list)
    keep_warm_nudged: list[int] = field(default_factory=list)  # contact ids
    pause_welcomed: bool = False
    freeze_noted_on: date | None = None  # a covered day this plan's prompt names
    wake_at: datetime | None = None
    suggested: list[PartnerChange] = field(default_factory=list)
    nudges_settled: list[PartnerChange] = field(default_factory=list)

    @property
    def last_nudged_at(self) -> datetime | None:
        sent = [m.send_at for m in self.messages if m.outcome == Outcome.SEND]
        return max(sent, default=None)


def plan(view: UserView, now: datetime) -> UserPlan:
    """Everything due for this user at `now`, under the attention policy."""
    result = UserPlan(view.user_id, view.next_daily_at, view.reengagement)
    if view.next_daily_at is not None and view.next_daily_at <= now:
        _daily(view, now, result)
    if _hears_followups(view, result, now):
        _followups(view, now, result)
    if view.nudge_requests:
        _partner_nudge(view, now, result)
    result.wake_at = _wake(view, result, now)
    return result


def _daily(view: UserView, now: datetime, result: UserPlan) -> None:
    """The daily moment: prompt or re-engagement, welcome back, weekly review, coaching."""
    due = view.next_daily_at
    assert due is not None
    tz = view.tz
    day = local_date(due, tz)
    result.next_daily_at = next_occurrence(max(due, now), tz, view.checkin_time, EVERY_DAY)
    pause = view.pause
    if pause is not None and pause.covers(day):
        result.next_daily_at = _first_moment_on(pause.ends_on, view) if pause.ends_on else None
        return
    welcome = pause is not None and pause.ends_on is not None and pause.ends_on <= day
    result.pause_welcomed = welcome
    late = now > prompt_deadline(due, tz)
    networking = is_networking_day(view.networking_days, day)
    prompt = _prompt_slot(view, now, result, due, day, late) if networking else None
    if late or result.reengagement is not None:
        return  # stale messages are not worth sending; a silent user hears only the way back
    review = _review(view, result, due, day)
    if prompt is not None and prompt.outcome == Outcome.SEND:
        _fill_prompt(view, result, prompt, welcome, review)
    else:
        if welcome:
            _add(result, view, NudgeKind.WELCOME_BACK, WelcomeBack(day), due, quiet=True)
        if review is not None:  # no prompt goes (done already, or prompts off): on its own
            _add(result, view, NudgeKind.WEEKLY_REVIEW, review, due)
    if networking:
        _coaching(view, result, due, day)


def _fill_prompt(
    view: UserView, result: UserPlan, prompt: Outgoing, welcome: bool, review: Review | None
) -> None:
    """What the day's prompt carries besides the prompt: a welcome back, a freeze that covered
    a recent day (once), a button for a missed yesterday, and the weekly review, so that
    nothing arrives as a second message at the same moment."""
    day = local_date(prompt.due_at, view.tz)
    news = (
        freeze_news(view.streaks, view.freeze_noted_on, day) if view.streaks is not None else None
    )
    if news is not None:
        result.freeze_noted_on = news.day
    content = Prompt(day, welcome, news, _missed_yesterday(view, day), review)
    result.messages[result.messages.index(prompt)] = replace(prompt, content=content)


def _missed_yesterday(view: UserView, day: date) -> date | None:
    """Yesterday, when it was a networking day of the user's, not paused, without a check-in."""
    yesterday = day - timedelta(days=1)
    if (
        not is_networking_day(view.networking_days, yesterday)
        or yesterday in view.checkin_days
        or (view.joined_on is not None and yesterday < view.joined_on)
        or (view.pause is not None and view.pause.covers(yesterday))
    ):
        return None
    return yesterday


def _prompt_slot(
    view: UserView, now: datetime, result: UserPlan, due: datetime, day: date, late: bool
) -> Outgoing | None:
    """The prompt on a networking day, a re-engagement message instead, or nothing."""
    state = view.kind(NudgeKind.CHECKIN)
    if not state.enabled:
        return None
    ignored = ignored_in_a_row(state, view.last_active_at)
    step = prompt_step(ignored, result.reengagement, now)
    if step == PromptStep.PROMPT:
        if late or day in view.checkin_days:
            outcome = Outcome.TOO_LATE if late else Outcome.ALREADY_DONE
            return _add(result, view, NudgeKind.CHECKIN, Prompt(day), due, outcome=outcome)
        result.kinds[NudgeKind.CHECKIN] = KindState(True, due, ignored)
        return _add(result, view, NudgeKind.CHECKIN, Prompt(day), due)
    if step == PromptStep.REENGAGE and not late:
        since = result.reengagement.since if result.reengagement else due
        result.reengagement = Reengagement(since=since, last_at=due)
        if view.kind(NudgeKind.REENGAGE).enabled:
            number = (due - since).days // 7
            _add(result, view, NudgeKind.REENGAGE, Reengage(day, number), due, quiet=True)
    return None


def _review(view: UserView, result: UserPlan, due: datetime, day: date) -> Review | None:
    """On the user's review day, at their check-in time (a time they chose: no quiet hours);
    the caller sends it with the prompt, or alone when no prompt goes."""
    if day.weekday() != view.review_day or view.week is None or view.week_paused:
        return None
    decision = may_nudge(
        NudgeKind.WEEKLY_REVIEW,
        view.kind(NudgeKind.WEEKLY_REVIEW),
        day,
        view.tz,
        view.last_active_at,
    )
    if not decision.send:
        return None
    result.kinds[NudgeKind.WEEKLY_REVIEW] = KindState(True, due, decision.ignored)
    return Review(day, view.week, choose_focus(view.week), _digest(view, day))


def _digest(view: UserView, day: date) -> tuple[PartnerWeek, ...]:
    """Each partner's last seven days, as much of it as they share."""
    first = day - timedelta(days=6)
    return tuple(
        PartnerWeek(
            row_id=partner.row_id,
            name=partner.name,
            marks=marks(partner.habit, first, day, day) if shows_days(partner.share) else None,
            counts=partner.week if shows_counts(partner.share) else None,
            paused=partner.paused,
        )
        for partner in view.partners
    )


def _coaching(view: UserView, result: UserPlan, due: datetime, day: date) -> None:
    """Keep-warm, reach, give-first and online-only: whichever are due, in one message."""
    send_at = _release(view, due)
    found: list[tuple[NudgeKind, CoachingPart]] = []
    picks = keep_warm_picks(view.keep_warm, day)
    if picks:
        found.append((NudgeKind.KEEP_WARM, KeepWarm(tuple(picks))))
    since = day - timedelta(days=REACH_WINDOW_DAYS)
    tiers = summarize_network(view.touches, since=since).tiers
    if peers_only(tiers):
        found.append((NudgeKind.REACH, Reach(peers=tiers.get(Tier.PEER, 0))))
    ledger = asks_outweigh_gives(view.touches, day)
    if ledger is not None:
        found.append((NudgeKind.GIVE_FIRST, GiveFirst(ledger.gives, ledger.asks)))
    online = online_only(view.touches, day)
    if online is not None:
        found.append((NudgeKind.ONLINE_ONLY, OnlineOnly(online)))
    found += [(NudgeKind.PARTNER_QUIET, part) for part in _quiet_partners(view, day)]
    parts: list[CoachingPart] = []
    for kind, part in found:
        decision = may_nudge(kind, view.kind(kind), day, view.tz, view.last_active_at)
        if decision.send:
            result.kinds[kind] = KindState(True, send_at, decision.ignored)
            parts.append(part)
            if isinstance(part, KeepWarm):
                result.keep_warm_nudged += [person.contact_id for person in part.people]
            if isinstance(part, QuietPartner):
                result.suggested.append(PartnerChange(part.row_id, suggested_at=send_at))
    if parts:
        _add(result, view, NudgeKind.COACHING, Coaching(day, tuple(parts)), due, quiet=True)


def _quiet_partners(view: UserView, day: date) -> list[QuietPartner]:
    """Partners who missed their last two networking days (not paused), each at most once a
    week; only those who share their days (the suggestion would tell what they do not)."""
    return [
        QuietPartner(partner.row_id, partner.name)
        for partner in view.partners
        if shows_days(partner.share)
        and not partner.paused
        and quiet(partner.habit, day, partner.since)
        and (
            partner.suggested_at is None
            or day >= local_date(partner.suggested_at, view.tz) + timedelta(days=SUGGEST_GAP_DAYS)
        )
    ]


def _partner_nudge(view: UserView, now: datetime, result: UserPlan) -> None:
    """A partner's nudge, under this user's attention policy: not while paused or dormant or
    with such nudges off, not once they checked in today, never twice in NUDGE_GAP (from
    anyone), after quiet hours, and not on a day that already brought a coaching nudge (then
    the next morning). Every waiting request is settled; at most one nudge goes."""
    requests = sorted(view.nudge_requests, key=lambda r: r.requested_at)
    state = view.kind(NudgeKind.PARTNER_NUDGE)
    today = local_date(now, view.tz)
    recent = view.last_partner_nudge_at is not None and now - view.last_partner_nudge_at < NUDGE_GAP
    silent = (
        not state.enabled
        or _paused(view, result, now)
        or _dormant(result, now)
        or recent
        or today in view.checkin_days
    )
    sending = None if silent else requests[-1]
    for request in requests:
        if request is not sending:
            result.nudges_settled.append(PartnerChange(request.row_id, nudged_at=request.nudged_at))
    if sending is None:
        return
    send_at = _release(view, now)
    if _nudged_on(view, result, local_date(send_at, view.tz)):
        tomorrow = resolve_local(local_date(send_at, view.tz) + timedelta(days=1), time(0), view.tz)
        send_at = _release(view, tomorrow)
    day = local_date(send_at, view.tz)
    result.nudges_settled.append(PartnerChange(sending.row_id, nudged_at=send_at))
    result.kinds[NudgeKind.PARTNER_NUDGE] = KindState(
        True, send_at, ignored_in_a_row(state, view.last_active_at)
    )
    key = f"{NudgeKind.PARTNER_NUDGE}:{view.user_id}:{day.isoformat()}"
    content = PartnerNudge(day, sending.from_name)
    result.messages.append(
        Outgoing(NudgeKind.PARTNER_NUDGE, key, content, now, send_at, _end_of_day(send_at, view.tz))
    )


def _nudged_on(view: UserView, result: UserPlan, day: date) -> bool:
    """Whether a coaching nudge already came (or is planned) on the local `day`."""
    planned = [m.send_at for m in result.messages if m.kind == NudgeKind.COACHING]
    earlier = [view.kind(kind).last_due_at for kind in COMBINED]
    return any(at is not None and local_date(at, view.tz) == day for at in [*planned, *earlier])


def _hears_followups(view: UserView, result: UserPlan, now: datetime) -> bool:
    """Follow-up nudges wait while the user is paused or dormant, or has them off. (A user
    being re-engaged still hears about the follow-ups they asked for.)"""
    return (
        not _paused(view, result, now)
        and not _dormant(result, now)
        and view.kind(NudgeKind.FOLLOWUP).enabled
    )


def _dormant(result: UserPlan, now: datetime) -> bool:
    """Four weeks of re-engaging without an answer: nothing at all until the user writes."""
    return result.reengagement is not None and now - result.reengagement.since >= DORMANT_AFTER


def _paused(view: UserView, result: UserPlan, now: datetime) -> bool:
    pause = view.pause
    return (
        pause is not None
        and not result.pause_welcomed
        and (pause.ends_on is None or pause.covers(local_date(now, view.tz)))
    )


def _followups(view: UserView, now: datetime, result: UserPlan) -> None:
    """Each due follow-up: its nudge now (a re-nudge after quiet hours), and when the next one
    comes: after 1, 3 and 7 more days (longer while the user ignores them), then it rests."""
    state = view.kind(NudgeKind.FOLLOWUP)
    ignored = ignored_in_a_row(state, view.last_active_at)
    for due in view.followups_due:
        number = due.nudges_sent
        exempt = number == 0 and due.at_chosen_time
        send_at = now if exempt else _release(view, now)
        following = None
        if number < MAX_REMINDERS:
            gap = backoff(timedelta(days=REMINDER_GAPS[number]), ignored)
            local = send_at.astimezone(view.tz)
            following = resolve_local((local + gap).date(), local.time(), view.tz)
        result.followups.append(FollowupChange(due.followup_id, number + 1, following))
        key = f"{NudgeKind.FOLLOWUP}:{due.followup_id}:{due.next_nudge_at:%Y%m%dT%H%M%S}"
        content = FollowupNudge(due, number, local_date(send_at, view.tz))
        result.messages.append(
            Outgoing(NudgeKind.FOLLOWUP, key, content, due.next_nudge_at, send_at, None)
        )
        result.kinds[NudgeKind.FOLLOWUP] = KindState(True, send_at, ignored)


def _wake(view: UserView, result: UserPlan, now: datetime) -> datetime | None:
    """When the scheduler must look at this user again."""
    if _dormant(result, now):
        return None  # nothing until the user writes
    paused = _paused(view, result, now)
    if paused and view.pause is not None and view.pause.ends_on is None:
        return None  # paused until they say so: /resume wakes them
    times = [result.next_daily_at]
    if not paused and view.kind(NudgeKind.FOLLOWUP).enabled:
        times.append(view.next_followup_at)
        times += [change.next_nudge_at for change in result.followups]
    return min((t for t in times if t is not None), default=None)


def _add(
    result: UserPlan,
    view: UserView,
    kind: NudgeKind,
    content: Content,
    due: datetime,
    *,
    quiet: bool = False,
    outcome: Outcome = Outcome.SEND,
) -> Outgoing:
    """Queue a daily-moment message; `quiet`: one the coach decided on, so it waits for the
    end of quiet hours (the prompt and the review come at the time the user chose)."""
    send_at = _release(view, due) if quiet else due
    day = local_date(due, view.tz)
    expires = (
        prompt_deadline(due, view.tz)
        if kind == NudgeKind.CHECKIN
        else _end_of_day(send_at, view.tz)
    )
    message = Outgoing(
        kind, f"{kind}:{view.user_id}:{day.isoformat()}", content, due, send_at, expires, outcome
    )
    result.messages.append(message)
    return message


def _release(view: UserView, instant: datetime) -> datetime:
    return view.quiet.release(instant, view.tz) if view.quiet else instant


def _end_of_day(instant: datetime, tz: tzinfo) -> datetime:
    """The last moment of the local day `instant` falls on: a coaching message is for a day."""
    next_day = local_date(instant, tz) + timedelta(days=1)
    return resolve_local(next_day, time(0), tz) - timedelta(microseconds=1)


def _first_moment_on(day: date, view: UserView) -> datetime | None:
    """The first daily moment on or after `day` (DST-safe)."""
    midnight = resolve_local(day, time(0), view.tz)
    return next_occurrence(
        midnight - timedelta(microseconds=1), view.tz, view.checkin_time, EVERY_DAY
    )
