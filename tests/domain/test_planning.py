"""Planning one user's messages from a hand-built view: each rule, each step of the policy."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.attention import DORMANT_AFTER, KindState, Pause, QuietHours, Reengagement
from domain.coaching import KeepWarmCandidate
from domain.contacts import Channel, InteractionKind, Tier
from domain.nudges import NudgeKind
from domain.partners import Habit, Share
from domain.planning import (
    Coaching,
    FollowupDue,
    FollowupNudge,
    GiveFirst,
    KeepWarm,
    NudgeRequest,
    OnlineOnly,
    Outcome,
    PartnerNudge,
    PartnerSide,
    Prompt,
    QuietPartner,
    Reach,
    Reengage,
    Review,
    UserView,
    WelcomeBack,
    plan,
)
from domain.review import Focus, WeekFacts
from domain.stats import Touch
from domain.streaks import FreezeNote, Streaks
from domain.weekdays import MON_FRI

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)  # 18:00 in Berlin
DAY = timedelta(days=1)


def view(**changes: object) -> UserView:
    base = UserView(
        user_id=7,
        first_name="Ann",
        zone="Europe/Berlin",
        tz=BERLIN,
        checkin_time=time(18),
        networking_days=MON_FRI,
        review_day=4,
        quiet=QuietHours(time(21), time(8)),
        next_daily_at=TUESDAY,
        last_active_at=None,
        reengagement=None,
        kinds={},
        pause=None,
        checkin_days=frozenset(),
        followups_due=(),
        next_followup_at=None,
        keep_warm=(),
        touches=(),
        joined_on=date(2026, 3, 10),  # today: no day missed yet
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def kinds(result: object) -> list[NudgeKind]:
    return [message.kind for message in result.messages]  # type: ignore[attr-defined]


# --- the daily prompt -------------------------------------------------------------------------


def test_a_networking_day_brings_the_prompt_at_the_chosen_time() -> None:
    result = plan(view(), TUESDAY)
    (prompt,) = result.messages
    assert (prompt.kind, prompt.content, prompt.send_at) == (
        NudgeKind.CHECKIN, Prompt(date(2026, 3, 10)), TUESDAY,
    )  # fmt: skip
    assert prompt.key == "checkin:7:2026-03-10"
    assert result.next_daily_at == result.wake_at == TUESDAY + DAY
    assert result.kinds[NudgeKind.CHECKIN] == KindState(True, TUESDAY, 0)


def test_the_prompt_comes_at_the_chosen_time_even_in_quiet_hours() -> None:
    late = TUESDAY + timedelta(hours=4)  # 22:00 in Berlin
    (prompt,) = plan(view(checkin_time=time(22), next_daily_at=late), late).messages
    assert prompt.send_at == late


def test_no_prompt_on_a_rest_day() -> None:
    saturday = TUESDAY + 4 * DAY
    result = plan(view(next_daily_at=saturday), saturday)
    assert result.messages == [] and result.next_daily_at == saturday + DAY


def test_no_prompt_after_a_checkin_today() -> None:
    (prompt,) = plan(view(checkin_days=frozenset({date(2026, 3, 10)})), TUESDAY).messages
    assert prompt.outcome == Outcome.ALREADY_DONE


def test_a_prompt_past_its_deadline_is_recorded_as_missed_and_nothing_else_goes() -> None:
    keep_warm = (KeepWarmCandidate(1, "Sally", Tier.PEER, None, date(2026, 3, 1)),)
    result = plan(view(keep_warm=keep_warm), TUESDAY + timedelta(hours=4))
    (prompt,) = result.messages
    assert prompt.outcome == Outcome.TOO_LATE
    assert result.keep_warm_nudged == []


def test_the_daily_prompt_switched_off() -> None:
    result = plan(view(kinds={NudgeKind.CHECKIN: KindState(enabled=False)}), TUESDAY)
    assert result.messages == []


# --- ignored prompts: re-engagement, weekly, then silence -------------------------------------


def prompted(days_ago: int, ignored: int) -> dict[NudgeKind, KindState]:
    return {NudgeKind.CHECKIN: KindState(True, TUESDAY - days_ago * DAY, ignored)}


def test_a_second_and_third_ignored_prompt_still_come() -> None:
    for before in (0, 1):
        result = plan(view(kinds=prompted(1, before)), TUESDAY)
        assert kinds(result) == [NudgeKind.CHECKIN]
        assert result.kinds[NudgeKind.CHECKIN].ignored == before + 1


def test_three_ignored_prompts_bring_one_reengagement_instead() -> None:
    result = plan(view(kinds=prompted(1, 2)), TUESDAY)
    (message,) = result.messages
    assert message.kind == NudgeKind.REENGAGE and message.content == Reengage(date(2026, 3, 10), 0)
    assert result.reengagement == Reengagement(TUESDAY, TUESDAY)


def test_writing_after_a_prompt_keeps_the_prompts_coming() -> None:
    result = plan(view(kinds=prompted(1, 2), last_active_at=TUESDAY - DAY / 2), TUESDAY)
    assert kinds(result) == [NudgeKind.CHECKIN]
    assert result.kinds[NudgeKind.CHECKIN].ignored == 0


def test_a_silent_user_gets_no_review_or_coaching_besides_the_way_back() -> None:
    since = TUESDAY - 3 * DAY
    friday = TUESDAY + 3 * DAY
    busy = view(
        reengagement=Reengagement(since, since), next_daily_at=friday, week=WEEK, touches=ASKS
    )
    assert plan(busy, friday).messages == []


def test_reengagement_waits_a_week_between_messages() -> None:
    since = TUESDAY - 3 * DAY
    result = plan(view(reengagement=Reengagement(since, since)), TUESDAY)
    assert result.messages == [] and result.wake_at == TUESDAY + DAY
    since = TUESDAY - 7 * DAY
    (again,) = plan(view(reengagement=Reengagement(since, since)), TUESDAY).messages
    assert again.content == Reengage(date(2026, 3, 10), 1)


def test_four_weeks_of_silence_mean_nothing_at_all() -> None:
    since = TUESDAY - DORMANT_AFTER
    due = FollowupDue(3, "Tom", None, None, since, 0, TUESDAY, True)
    result = plan(
        view(reengagement=Reengagement(since, TUESDAY - DAY), followups_due=(due,)), TUESDAY
    )
    assert result.messages == [] and result.followups == []
    assert result.wake_at is None  # until the user writes


def test_a_user_being_reengaged_still_hears_about_their_followups() -> None:
    since = TUESDAY - 3 * DAY
    due = FollowupDue(3, "Tom", None, None, since, 0, TUESDAY, True)
    result = plan(view(reengagement=Reengagement(since, since), followups_due=(due,)), TUESDAY)
    assert kinds(result) == [NudgeKind.FOLLOWUP]


# --- pause -----------------------------------------------------------------------------------


def test_a_pause_silences_everything_until_its_day() -> None:
    pause = Pause(date(2026, 3, 9), date(2026, 3, 14))  # back on Saturday
    due = FollowupDue(3, "Tom", None, None, TUESDAY, 0, TUESDAY, True)
    result = plan(view(pause=pause, followups_due=(due,)), TUESDAY)
    assert result.messages == [] and result.followups == []
    saturday_moment = datetime(2026, 3, 14, 17, 0, tzinfo=UTC)
    assert result.next_daily_at == result.wake_at == saturday_moment


def test_an_open_pause_waits_for_resume() -> None:
    result = plan(view(pause=Pause(date(2026, 3, 9), None)), TUESDAY)
    assert result.messages == [] and result.wake_at is None


def test_the_day_a_pause_ends_the_prompt_says_welcome_back() -> None:
    result = plan(view(pause=Pause(date(2026, 3, 2), date(2026, 3, 10))), TUESDAY)
    (prompt,) = result.messages
    assert prompt.content == Prompt(date(2026, 3, 10), welcome_back=True)
    assert result.pause_welcomed


def test_a_pause_ending_on_a_rest_day_gets_a_welcome_of_its_own() -> None:
    saturday = TUESDAY + 4 * DAY
    pause = Pause(date(2026, 3, 2), date(2026, 3, 14))
    (welcome,) = plan(view(pause=pause, next_daily_at=saturday), saturday).messages
    assert (welcome.kind, welcome.content) == (
        NudgeKind.WELCOME_BACK,
        WelcomeBack(date(2026, 3, 14)),
    )


# --- the weekly review -----------------------------------------------------------------------


WEEK = WeekFacts(
    checkins=4, networking_days=5, reached={Tier.PEER: 2}, gives=0, asks=2,
    followups_done=1, followups_overdue=0, live=1, with_channel=3, warm=5,
)  # fmt: skip


def test_the_review_comes_on_its_day_with_one_focus_inside_the_prompt() -> None:
    friday = TUESDAY + 3 * DAY
    result = plan(view(next_daily_at=friday, week=WEEK), friday)
    (prompt,) = (m for m in result.messages if m.kind != NudgeKind.COACHING)
    assert prompt.kind == NudgeKind.CHECKIN and isinstance(prompt.content, Prompt)
    assert prompt.content.review == Review(date(2026, 3, 13), WEEK, Focus.GIVE_FIRST)
    assert prompt.send_at == friday  # at the check-in time the user chose
    assert result.kinds[NudgeKind.WEEKLY_REVIEW].last_due_at == friday


def test_after_a_check_in_done_the_review_comes_alone_at_the_prompt_time() -> None:
    friday = TUESDAY + 3 * DAY
    done = frozenset({date(2026, 3, 13)})
    for changes in ({"checkin_days": done}, {"kinds": {NudgeKind.CHECKIN: KindState(False)}}):
        result = plan(view(next_daily_at=friday, week=WEEK, **changes), friday)
        review = next(m for m in result.messages if m.kind == NudgeKind.WEEKLY_REVIEW)
        assert review.content == Review(date(2026, 3, 13), WEEK, Focus.GIVE_FIRST)
        sent = [m for m in result.messages if m.outcome == Outcome.SEND]
        assert NudgeKind.CHECKIN not in [m.kind for m in sent]


# --- after a missed day: the button for yesterday, a freeze covered it -----------------------


def test_the_prompt_after_a_missed_networking_day_offers_to_log_it() -> None:
    monday = date(2026, 3, 9)
    missed = plan(view(joined_on=monday - DAY), TUESDAY).messages[0].content
    assert missed == Prompt(date(2026, 3, 10), yesterday=monday)
    logged = view(joined_on=monday - DAY, checkin_days=frozenset({monday}))
    assert plan(logged, TUESDAY).messages[0].content == Prompt(date(2026, 3, 10))
    paused = view(joined_on=monday - DAY, pause=Pause(monday, date(2026, 3, 10)))
    assert plan(paused, TUESDAY).messages[0].content == Prompt(date(2026, 3, 10), welcome_back=True)
    joined_today = view(joined_on=date(2026, 3, 10))  # Monday was before they joined
    assert plan(joined_today, TUESDAY).messages[0].content == Prompt(date(2026, 3, 10))


def test_the_prompt_says_once_that_a_freeze_covered_a_day() -> None:
    monday = date(2026, 3, 9)
    streaks = Streaks(6, 6, freezes=1, frozen=frozenset({monday}))
    result = plan(view(joined_on=monday - 30 * DAY, streaks=streaks), TUESDAY)
    assert result.messages[0].content == Prompt(
        date(2026, 3, 10), freeze=FreezeNote(monday, 1), yesterday=monday
    )
    assert result.freeze_noted_on == monday
    told = view(joined_on=monday - 30 * DAY, streaks=streaks, freeze_noted_on=monday)
    again = plan(told, TUESDAY)
    assert again.messages[0].content == Prompt(date(2026, 3, 10), yesterday=monday)
    assert again.freeze_noted_on is None


def test_no_review_for_a_week_entirely_paused_or_when_switched_off() -> None:
    friday = TUESDAY + 3 * DAY
    paused = plan(view(next_daily_at=friday, week=WEEK, week_paused=True), friday)
    assert NudgeKind.WEEKLY_REVIEW not in kinds(paused)
    off = {NudgeKind.WEEKLY_REVIEW: KindState(enabled=False)}
    assert NudgeKind.WEEKLY_REVIEW not in kinds(
        plan(view(next_daily_at=friday, week=WEEK, kinds=off), friday)
    )


# --- coaching nudges: one message, not five --------------------------------------------------


def touch(kind: InteractionKind, days_ago: int, **extra: object) -> Touch:
    values: dict[str, object] = {
        "contact_id": None,
        "two_way": False,
        "channel": None,
        "tier": None,
    }
    values.update(extra)
    return Touch(kind=kind, day=date(2026, 3, 10) - timedelta(days=days_ago), **values)  # type: ignore[arg-type]


ASKS = (
    touch(InteractionKind.ASK, 2),
    touch(InteractionKind.ASK, 5),
    touch(InteractionKind.GIVE, 9),
)
DUE_PEOPLE = (
    KeepWarmCandidate(1, "Sally", Tier.INSIDER, date(2026, 1, 1), date(2026, 3, 1)),
    KeepWarmCandidate(2, "Tom", None, None, date(2026, 3, 10)),
    KeepWarmCandidate(3, "Priya", Tier.PEER, None, date(2026, 3, 20)),  # not due yet
)


def test_nudges_due_together_arrive_as_one_message() -> None:
    result = plan(view(keep_warm=DUE_PEOPLE, touches=ASKS), TUESDAY)
    coaching = next(m for m in result.messages if m.kind == NudgeKind.COACHING)
    assert isinstance(coaching.content, Coaching)
    keep_warm, give_first = coaching.content.parts
    assert [p.name for p in keep_warm.people] == ["Sally", "Tom"]  # type: ignore[union-attr]
    assert give_first == GiveFirst(gives=1, asks=2)
    assert result.keep_warm_nudged == [1, 2]
    assert set(result.kinds) == {NudgeKind.CHECKIN, NudgeKind.KEEP_WARM, NudgeKind.GIVE_FIRST}
    assert coaching.key == "coaching:7:2026-03-10"


def test_coaching_due_in_quiet_hours_waits_for_their_end() -> None:
    late = TUESDAY + timedelta(hours=4)  # 22:00 in Berlin
    result = plan(view(checkin_time=time(22), next_daily_at=late, touches=ASKS), late)
    coaching = next(m for m in result.messages if m.kind == NudgeKind.COACHING)
    assert coaching.send_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 08:00 next morning


def test_a_kind_switched_off_is_left_out_of_the_message() -> None:
    off = {NudgeKind.KEEP_WARM: KindState(enabled=False)}
    result = plan(view(keep_warm=DUE_PEOPLE, touches=ASKS, kinds=off), TUESDAY)
    coaching = next(m for m in result.messages if m.kind == NudgeKind.COACHING)
    assert coaching.content.parts == (GiveFirst(1, 2),)  # type: ignore[union-attr]


def test_no_coaching_on_a_rest_day() -> None:
    saturday = TUESDAY + 4 * DAY
    result = plan(view(next_daily_at=saturday, keep_warm=DUE_PEOPLE, touches=ASKS), saturday)
    assert result.messages == []


def test_reach_up_after_two_weeks_of_peers_only() -> None:
    peers = tuple(touch(InteractionKind.MET, d, contact_id=d, tier=Tier.PEER) for d in (1, 13))
    coaching = plan(view(touches=peers), TUESDAY).messages[-1]
    assert coaching.content.parts == (Reach(peers=2),)  # type: ignore[union-attr]
    boss = touch(InteractionKind.MET, 3, contact_id=99, tier=Tier.DECISION_MAKER)
    assert kinds(plan(view(touches=(*peers, boss)), TUESDAY)) == [NudgeKind.CHECKIN]


def test_reach_up_comes_at_most_every_two_weeks() -> None:
    peers = tuple(touch(InteractionKind.MET, d, contact_id=d, tier=Tier.PEER) for d in (1, 2))
    recent = {NudgeKind.REACH: KindState(True, TUESDAY - 13 * DAY, 0)}
    assert kinds(plan(view(touches=peers, kinds=recent), TUESDAY)) == [NudgeKind.CHECKIN]


def test_online_only_needs_three_known_channels_all_messages() -> None:
    online = tuple(touch(InteractionKind.MET, d, channel=Channel.MESSAGE) for d in (1, 4, 8))
    coaching = plan(view(touches=online), TUESDAY).messages[-1]
    assert coaching.content.parts == (OnlineOnly(3),)  # type: ignore[union-attr]
    coffee = touch(InteractionKind.MET, 2, channel=Channel.IN_PERSON)
    assert kinds(plan(view(touches=(*online, coffee)), TUESDAY)) == [NudgeKind.CHECKIN]
    assert kinds(plan(view(touches=online[:2]), TUESDAY)) == [NudgeKind.CHECKIN]


def test_give_first_needs_two_asks_outnumbering_gives() -> None:
    balanced = (touch(InteractionKind.ASK, 1), touch(InteractionKind.ASK, 2),
                touch(InteractionKind.GIVE, 3), touch(InteractionKind.GIVE, 4))  # fmt: skip
    assert kinds(plan(view(touches=balanced), TUESDAY)) == [NudgeKind.CHECKIN]
    assert kinds(plan(view(touches=ASKS[:1]), TUESDAY)) == [NudgeKind.CHECKIN]


def test_a_kind_ignored_three_times_comes_half_as_often() -> None:
    ignored = {NudgeKind.GIVE_FIRST: KindState(True, TUESDAY - 7 * DAY, 2)}
    assert kinds(plan(view(touches=ASKS, kinds=ignored), TUESDAY)) == [NudgeKind.CHECKIN]
    ignored = {NudgeKind.GIVE_FIRST: KindState(True, TUESDAY - 14 * DAY, 2)}
    assert kinds(plan(view(touches=ASKS, kinds=ignored), TUESDAY))[-1] == NudgeKind.COACHING


# --- follow-ups -------------------------------------------------------------------------------


def due(number: int, at: datetime = TUESDAY, *, chosen: bool = True) -> FollowupDue:
    return FollowupDue(
        5, "Tom", date(2026, 2, 1), "send the CV", TUESDAY - 9 * DAY, number, at, chosen
    )


def test_a_followup_comes_at_the_time_the_user_set_even_in_quiet_hours() -> None:
    night = TUESDAY + timedelta(hours=5)  # 23:00 in Berlin
    result = plan(view(next_daily_at=TUESDAY + DAY, followups_due=(due(0, night),)), night)
    (nudge,) = result.messages
    assert nudge.send_at == night and nudge.content == FollowupNudge(
        due(0, night), 0, date(2026, 3, 10)
    )
    (change,) = result.followups
    assert change.next_nudge_at == night + DAY  # the re-nudge keeps the wall-clock time


def test_a_renudge_in_quiet_hours_waits_for_the_morning() -> None:
    night = TUESDAY + timedelta(hours=5)
    result = plan(view(next_daily_at=TUESDAY + DAY, followups_due=(due(1, night),)), night)
    (nudge,) = result.messages
    assert nudge.send_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)
    assert result.followups[0].next_nudge_at == datetime(2026, 3, 14, 7, 0, tzinfo=UTC)  # +3 days


def test_renudges_widen_then_stop() -> None:
    gaps = []
    for number in range(4):
        change = plan(view(followups_due=(due(number),)), TUESDAY).followups[0]
        gaps.append(None if change.next_nudge_at is None else (change.next_nudge_at - TUESDAY).days)
    assert gaps == [1, 3, 7, None]


def test_ignored_followup_reminders_widen_further() -> None:
    ignored = {NudgeKind.FOLLOWUP: KindState(True, TUESDAY - DAY, 2)}
    change = plan(view(followups_due=(due(2),), kinds=ignored), TUESDAY).followups[0]
    assert change.next_nudge_at == TUESDAY + 14 * DAY  # 7 days, doubled


def test_followup_reminders_switched_off_wait_and_do_not_wake_the_user() -> None:
    off = {NudgeKind.FOLLOWUP: KindState(enabled=False)}
    result = plan(
        view(followups_due=(due(0),), next_followup_at=TUESDAY + DAY / 2, kinds=off), TUESDAY
    )
    assert NudgeKind.FOLLOWUP not in kinds(result)
    assert result.wake_at == TUESDAY + DAY


def test_the_user_wakes_at_the_earliest_of_daily_and_followups() -> None:
    soon = TUESDAY + timedelta(hours=3)
    assert plan(view(next_followup_at=soon), TUESDAY).wake_at == soon
    early = plan(view(next_daily_at=TUESDAY + DAY, next_followup_at=None), TUESDAY)
    assert early.messages == [] and early.wake_at == TUESDAY + DAY


def test_keep_warm_people_listed_once_per_message() -> None:
    result = plan(view(keep_warm=DUE_PEOPLE), TUESDAY)
    coaching = result.messages[-1].content
    assert isinstance(coaching, Coaching) and isinstance(coaching.parts[0], KeepWarm)


# --- partners ---------------------------------------------------------------------------------

MIDDAY = TUESDAY - timedelta(hours=5)  # 13:00 in Berlin: between daily moments


def request(row_id: int = 1, at: datetime = MIDDAY, nudged: datetime | None = None) -> object:
    return NudgeRequest(row_id, "Sam", at, nudged)


def quiet_partner(**changes: object) -> PartnerSide:
    base = PartnerSide(
        row_id=5,
        name="Sam",
        since=date(2026, 1, 1),
        share=Share.ALL,
        habit=Habit(MON_FRI, frozenset(), frozenset()),
        paused=False,
        suggested_at=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_partners_nudge_goes_now_and_settles_every_request() -> None:
    result = plan(
        view(next_daily_at=TUESDAY, nudge_requests=(request(1), request(2, MIDDAY + DAY / 24))),
        MIDDAY,
    )
    (nudge,) = result.messages
    assert (nudge.kind, nudge.send_at, nudge.content) == (
        NudgeKind.PARTNER_NUDGE, MIDDAY, PartnerNudge(date(2026, 3, 10), "Sam"),
    )  # fmt: skip
    assert nudge.expires_at is not None and nudge.expires_at.date() == date(2026, 3, 10)
    assert {(c.row_id, c.nudged_at) for c in result.nudges_settled} == {(1, None), (2, MIDDAY)}


def test_a_partners_nudge_waits_for_quiet_hours_and_a_day_without_a_coaching_nudge() -> None:
    night = TUESDAY + timedelta(hours=5)  # 23:00 in Berlin
    (nudge,) = plan(view(nudge_requests=(request(),), next_daily_at=TUESDAY + DAY), night).messages
    assert nudge.send_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    coached = {NudgeKind.KEEP_WARM: KindState(True, MIDDAY - timedelta(hours=4), 0)}
    (nudge,) = plan(view(nudge_requests=(request(),), kinds=coached), MIDDAY).messages
    assert nudge.send_at == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # tomorrow morning


def test_no_partners_nudge_while_paused_switched_off_checked_in_or_nudged_lately() -> None:
    cases = [
        {"pause": Pause(date(2026, 3, 9), None)},
        {"kinds": {NudgeKind.PARTNER_NUDGE: KindState(enabled=False)}},
        {"checkin_days": frozenset({date(2026, 3, 10)})},
        {"last_partner_nudge_at": MIDDAY - 2 * DAY},
    ]
    for changes in cases:
        result = plan(view(nudge_requests=(request(),), **changes), MIDDAY)
        assert result.messages == [], changes
        assert [(c.row_id, c.nudged_at) for c in result.nudges_settled] == [(1, None)]
    (nudge,) = plan(
        view(nudge_requests=(request(),), last_partner_nudge_at=MIDDAY - 3 * DAY), MIDDAY
    ).messages
    assert nudge.kind == NudgeKind.PARTNER_NUDGE


def test_a_quiet_partner_is_suggested_once_a_week_in_the_coaching_message() -> None:
    result = plan(view(partners=(quiet_partner(),)), TUESDAY)
    (_, coaching) = result.messages
    assert coaching.content == Coaching(date(2026, 3, 10), (QuietPartner(5, "Sam"),))
    assert [(c.row_id, c.suggested_at) for c in result.suggested] == [(5, TUESDAY)]
    for partner in (
        quiet_partner(suggested_at=TUESDAY - 6 * DAY),
        quiet_partner(paused=True),
        quiet_partner(share=Share.STREAK),
        quiet_partner(habit=Habit(MON_FRI, frozenset({date(2026, 3, 9)}), frozenset())),
    ):
        assert kinds(plan(view(partners=(partner,)), TUESDAY)) == [NudgeKind.CHECKIN], partner
    result = plan(view(partners=(quiet_partner(suggested_at=TUESDAY - 7 * DAY),)), TUESDAY)
    assert kinds(result) == [NudgeKind.CHECKIN, NudgeKind.COACHING]
