"""Keyboards: the buttons under messages, each carrying a typed `bot.callbacks` button."""

from collections.abc import Mapping, Sequence
from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot import callbacks, i18n, texts
from bot.callbacks import Button, CardAction, ForgetAnswer, SettingsSection, Switch
from bot.presenters.common import format_days, full_date
from domain.attention import QuietHours
from domain.checkins import Question
from domain.contacts import Tier
from domain.followups import FollowupAct
from domain.goals import GoalPart
from domain.nudges import NudgeKind
from domain.pace import Mode
from domain.partners import Share
from domain.pausing import PRESET_DAYS
from domain.quiet_hours import PRESETS as QUIET_PRESETS
from domain.timeofday import format_time

ONBOARDING_TIMES = (time(8, 30), time(12, 30), time(18, 0), time(21, 0))
LIST_NAME_LIMIT = 20


Row = list[tuple[str, Button]]


def _button(label: str, data: Button) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data.pack())


def inline(rows: list[Row]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(label, data) for label, data in row] for row in rows])


def as_payload(rows: list[Row]) -> dict[str, object]:
    """The same keyboard as plain JSON for an outbox row (cheap to build for many users)."""
    return {
        "inline_keyboard": [
            [{"text": label, "callback_data": data.pack()} for label, data in row] for row in rows
        ]
    }


def _one(label: str, data: Button) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(label, data)]])


def start_checkin(label: str | None = None) -> InlineKeyboardMarkup:
    return _one(label or texts.START_CHECKIN_BUTTON, callbacks.StartCheckin())


def nothing_today(question: Question, checkin_id: int, step: int) -> InlineKeyboardMarkup:
    return _one(texts.QUICK_REPLIES[question], callbacks.NothingToday(checkin_id, step))


def ask_location(current_zone: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [
            [KeyboardButton(texts.SHARE_LOCATION_BUTTON, request_location=True)],
            [KeyboardButton(texts.KEEP_TIMEZONE_BUTTON.format(zone=current_zone))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def checkin_times(current: time) -> InlineKeyboardMarkup:
    choices = sorted({*ONBOARDING_TIMES, current})
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    texts.TIME_CHOSEN_BUTTON.format(time=format_time(at))
                    if at == current
                    else format_time(at),
                    callbacks.SetCheckinTime(at),
                )
                for at in choices
            ]
        ]
    )


def networking_days(mask: int) -> InlineKeyboardMarkup:
    buttons = [
        _button(
            texts.DAY_ON_BUTTON.format(day=name) if mask >> index & 1 else name,
            callbacks.ToggleDay(index),
        )
        for index, name in enumerate(i18n.short_weekdays())
    ]
    done = [_button(texts.DAYS_DONE_BUTTON, callbacks.DaysDone())]
    return InlineKeyboardMarkup([buttons[:4], buttons[4:], done])


# --- follow-ups -------------------------------------------------------------------------------


def followup_nudge(followup_id: int, *, last: bool) -> list[Row]:
    """Done / Drop / Snooze under a follow-up nudge; the last one offers to let it rest."""

    def act(label: str, what: FollowupAct) -> tuple[str, Button]:
        return label, callbacks.FollowupButton(what, followup_id)

    if last:
        return [
            [act(texts.DONE_BUTTON, FollowupAct.DONE), act(texts.REST_BUTTON, FollowupAct.REST)],
            [act(texts.SNOOZE_WEEK_BUTTON, FollowupAct.SNOOZE_WEEK)],
        ]
    return [
        [act(texts.DONE_BUTTON, FollowupAct.DONE), act(texts.DROP_BUTTON, FollowupAct.DROP)],
        [
            act(texts.SNOOZE_DAY_BUTTON, FollowupAct.SNOOZE_DAY),
            act(texts.SNOOZE_WEEK_BUTTON, FollowupAct.SNOOZE_WEEK),
        ],
    ]


def kind_off(kind: NudgeKind) -> Row:
    """The small row under every automatic nudge that switches its kind off."""
    return [(texts.KIND_OFF_BUTTON.format(kind=texts.KIND_NAMES[kind]), callbacks.KindOff(kind))]


def way_back() -> list[Row]:
    """Under a re-engagement message: one tap logs today, or pause for a while."""
    return [
        [
            (texts.QUICK_CHECKIN_BUTTON, callbacks.QuickCheckin()),
            (texts.PAUSE_A_WHILE_BUTTON, callbacks.PauseMenu()),
        ]
    ]


def followup_list(
    items: Sequence[tuple[int, str]], offset: int, page: int, total: int
) -> InlineKeyboardMarkup:
    """One row per listed follow-up (✓ name, +1d, +1w, ✕), then the pager."""

    def act(label: str, what: FollowupAct, followup_id: int) -> InlineKeyboardButton:
        return _button(label, callbacks.ListedFollowupButton(what, followup_id, offset))

    rows = [
        [
            act(texts.LIST_DONE_BUTTON.format(name=name[:LIST_NAME_LIMIT]), FollowupAct.DONE, fid),
            act(texts.LIST_SNOOZE_DAY_BUTTON, FollowupAct.SNOOZE_DAY, fid),
            act(texts.LIST_SNOOZE_WEEK_BUTTON, FollowupAct.SNOOZE_WEEK, fid),
            act(texts.LIST_DROP_BUTTON, FollowupAct.DROP, fid),
        ]
        for fid, name in items
    ]
    pager = _pager(callbacks.FollowupsPage, offset, page, total)
    return InlineKeyboardMarkup([*rows, *([pager] if pager else [])])


def contacts_pager(offset: int, page: int, total: int) -> InlineKeyboardMarkup | None:
    pager = _pager(callbacks.ContactsPage, offset, page, total)
    return InlineKeyboardMarkup([pager]) if pager else None


def _pager(
    button: type[callbacks.FollowupsPage | callbacks.ContactsPage],
    offset: int,
    page: int,
    total: int,
) -> list[InlineKeyboardButton]:
    buttons = []
    if offset > 0:
        buttons.append(_button(texts.BACK_BUTTON, button(max(0, offset - page))))
    if offset + page < total:
        buttons.append(_button(texts.MORE_BUTTON, button(offset + page)))
    return buttons


def date_choices(days: Sequence[date]) -> InlineKeyboardMarkup:
    """One button per reading of an ambiguous date."""
    return InlineKeyboardMarkup(
        [[_button(full_date(day), callbacks.PickDate(day)) for day in days]]
    )


def no_note() -> InlineKeyboardMarkup:
    return _one(texts.NO_NOTE_BUTTON, callbacks.NoNote())


# --- contacts ---------------------------------------------------------------------------------


def same_person(new_id: int, existing_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.SAME_PERSON_BUTTON, callbacks.SamePerson(new_id, existing_id)),
                _button(texts.NEW_PERSON_BUTTON, callbacks.NewPerson(new_id)),
            ]
        ]
    )


def contact_card(contact_id: int) -> InlineKeyboardMarkup:
    tiers = [
        _button(texts.TIER_LABELS[tier], callbacks.ContactTier(contact_id, tier)) for tier in Tier
    ]
    intervals = [
        _button(label, callbacks.ContactInterval(contact_id, days))
        for days, label in texts.INTERVAL_BUTTONS.items()
    ]
    actions = [
        _button(label, callbacks.ContactAction(action, contact_id))
        for action, label in (
            (CardAction.COMPANY, texts.COMPANY_BUTTON),
            (CardAction.HOW_MET, texts.HOW_MET_BUTTON),
            (CardAction.REPLIED, texts.REPLIED_BUTTON),
        )
    ]
    return InlineKeyboardMarkup([tiers[:2], tiers[2:], intervals[:2], intervals[2:], actions])


def ask_anyway(contact_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.ASK_ANYWAY_BUTTON, callbacks.AskAnyway(contact_id)),
                _button(texts.GIVE_FIRST_BUTTON, callbacks.GiveFirst(contact_id)),
            ]
        ]
    )


# --- your data --------------------------------------------------------------------------------


def forget_confirm(user_id: int, since: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    texts.FORGET_YES_BUTTON, callbacks.Forget(ForgetAnswer.YES, user_id, since)
                ),
                _button(texts.FORGET_NO_BUTTON, callbacks.Forget(ForgetAnswer.NO, user_id, since)),
            ]
        ]
    )


def pause_choices() -> InlineKeyboardMarkup:
    """3 days, 1 week, 2 weeks, until I say."""
    return inline(
        [[(texts.PAUSE_DAYS_BUTTON[days], callbacks.PauseFor(days)) for days in (*PRESET_DAYS, 0)]]
    )


# --- settings: /settings, /mode, /quiet -------------------------------------------------------
# Each section's buttons end with ◂ Back to the summary; the message is edited in place.

SECTION_ROWS = (
    (SettingsSection.TIME, SettingsSection.ZONE),
    (SettingsSection.DAYS, SettingsSection.PACE),
    (SettingsSection.QUIET, SettingsSection.REVIEW),
    (SettingsSection.NUDGES, SettingsSection.PAUSE),
    (SettingsSection.PARTNER, SettingsSection.LANGUAGE),
)


def _chosen(label: str, chosen: bool) -> str:
    return texts.CHOSEN_BUTTON.format(label=label) if chosen else label


def _with_back(rows: list[Row]) -> InlineKeyboardMarkup:
    return inline([*rows, [(texts.BACK_BUTTON, callbacks.SettingsHome())]])


def settings_home() -> InlineKeyboardMarkup:
    return inline(
        [
            [(texts.SECTION_BUTTONS[section], callbacks.OpenSection(section)) for section in row]
            for row in SECTION_ROWS
        ]
    )


def settings_back() -> InlineKeyboardMarkup:
    return _with_back([])


def settings_times(current: time) -> InlineKeyboardMarkup:
    """The onboarding's times and the current one (marked)."""
    choices = sorted({*ONBOARDING_TIMES, current})
    row: Row = [
        (
            texts.TIME_CHOSEN_BUTTON.format(time=format_time(at))
            if at == current
            else format_time(at),
            callbacks.SettingsTime(at),
        )
        for at in choices
    ]
    return _with_back([row])


def settings_days(mask: int) -> InlineKeyboardMarkup:
    buttons: Row = [
        (_chosen(name, bool(mask >> index & 1)), callbacks.SettingsDay(index))
        for index, name in enumerate(i18n.short_weekdays())
    ]
    return _with_back([buttons[:4], buttons[4:]])


def _modes(
    current: Mode | None, button: type[callbacks.SettingsMode | callbacks.OnboardingMode]
) -> Row:
    return [
        (_chosen(texts.MODE_BUTTONS[mode], mode == current), button(mode))
        for mode in (Mode.SEARCHING, Mode.EMPLOYED)
    ]


def settings_pace(current: Mode) -> InlineKeyboardMarkup:
    return _with_back([_modes(current, callbacks.SettingsMode)])


def pace_proposal(mode: Mode, proposed: int, current: int) -> InlineKeyboardMarkup:
    """[Use Tue, Thu] [Keep Mon–Fri]: the days change only if the user says so."""
    return inline(
        [
            [
                (
                    texts.USE_DAYS_BUTTON.format(days=format_days(proposed)),
                    callbacks.UseModeDays(mode),
                ),
                (
                    texts.KEEP_DAYS_BUTTON.format(days=format_days(current)),
                    callbacks.KeepDays(mode),
                ),
            ]
        ]
    )


def onboarding_mode() -> InlineKeyboardMarkup:
    return inline([_modes(None, callbacks.OnboardingMode)])


def settings_quiet(current: QuietHours | None) -> InlineKeyboardMarkup:
    presets: Row = [
        (
            _chosen(
                texts.QUIET_SPAN.format(start=format_time(h.start), end=format_time(h.end)),
                h == current,
            ),
            callbacks.SettingsQuiet(h.start, h.end),
        )
        for h in QUIET_PRESETS
    ]
    off: Row = [(_chosen(texts.QUIET_OFF_BUTTON, current is None), callbacks.SettingsQuietOff())]
    return _with_back([presets[:2], presets[2:], off])


def settings_language(current: str) -> InlineKeyboardMarkup:
    """Each shipped language in its own name, two a row; the current one marked."""
    buttons: Row = [
        (_chosen(i18n.autonym(language), language == current), callbacks.SettingsLanguage(language))
        for language in i18n.shipped()
    ]
    return _with_back([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def settings_review(weekday: int) -> InlineKeyboardMarkup:
    buttons: Row = [
        (_chosen(name, index == weekday), callbacks.SettingsReviewDay(index))
        for index, name in enumerate(i18n.short_weekdays())
    ]
    return _with_back([buttons[:4], buttons[4:]])


def settings_nudges(switches: Mapping[NudgeKind, bool]) -> InlineKeyboardMarkup:
    """One row per kind: ✓ on / ✗ off; a tap switches it the other way."""
    rows: list[Row] = []
    for kind, on in switches.items():
        template = texts.KIND_STATE_ON_BUTTON if on else texts.KIND_STATE_OFF_BUTTON
        to = Switch.OFF if on else Switch.ON
        rows.append(
            [(template.format(kind=texts.KIND_NAMES[kind]), callbacks.SettingsKind(kind, to))]
        )
    return _with_back(rows)


def settings_pause(paused: bool) -> InlineKeyboardMarkup:
    if paused:
        return _with_back([[(texts.RESUME_NOW_BUTTON, callbacks.SettingsResume())]])
    durations: Row = [
        (texts.PAUSE_DAYS_BUTTON[days], callbacks.SettingsPause(days)) for days in (*PRESET_DAYS, 0)
    ]
    return _with_back([durations])


def settings_partner(current: Share) -> InlineKeyboardMarkup:
    """One row per level of sharing, the current one marked."""
    return _with_back(
        [
            [
                (
                    _chosen(texts.PARTNER_SHARE_BUTTONS[share], share == current),
                    callbacks.SettingsShare(share),
                )
            ]
            for share in Share
        ]
    )


# --- accountability partners ------------------------------------------------------------------


def partner_overview(
    share_url: str | None, partners: Sequence[tuple[int, str]]
) -> InlineKeyboardMarkup | None:
    """Under /partner: Share (Telegram's share sheet with the invite link), then a button per
    partner (row id, name) that ends the partnership."""
    rows = []
    if share_url:
        rows.append([InlineKeyboardButton(texts.PARTNER_SHARE_BUTTON, url=share_url)])
    rows += [
        [_button(texts.PARTNER_END_BUTTON.format(name=name), callbacks.PartnerEnd(row_id))]
        for row_id, name in partners
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def partner_invite(token: str) -> InlineKeyboardMarkup:
    return inline(
        [
            [
                (
                    texts.PARTNER_ACCEPT_BUTTON,
                    callbacks.PartnerInvite(callbacks.InviteAnswer.YES, token),
                ),
                (
                    texts.PARTNER_DECLINE_BUTTON,
                    callbacks.PartnerInvite(callbacks.InviteAnswer.NO, token),
                ),
            ]
        ]
    )


def partner_cheers(partners: Sequence[tuple[int, str]]) -> list[Row]:
    """Under the weekly review's digest: a cheer per partner (row id, name)."""
    return [
        [(texts.PARTNER_CHEER_BUTTON.format(name=name), callbacks.PartnerCheer(row_id))]
        for row_id, name in partners
    ]


def partner_nudge(row_id: int, name: str) -> Row:
    return [(texts.PARTNER_NUDGE_BUTTON.format(name=name), callbacks.PartnerNudge(row_id))]


# --- the elevator pitch -----------------------------------------------------------------------


def pitch_replace(pitch_id: int) -> InlineKeyboardMarkup:
    return _one(texts.PITCH_REPLACE_BUTTON, callbacks.PitchReplace(pitch_id))


# --- goals ------------------------------------------------------------------------------------


def goal_offer() -> InlineKeyboardMarkup:
    return _one(texts.GOAL_OFFER_BUTTON, callbacks.GoalStart())


def goal_skip(part: GoalPart) -> InlineKeyboardMarkup:
    return _one(texts.GOAL_SKIP_BUTTON, callbacks.GoalSkip(part))


def goal_change() -> InlineKeyboardMarkup:
    """One button per part of the goal, one per row."""
    return inline(
        [[(texts.GOAL_CHANGE_BUTTONS[part], callbacks.GoalChange(part))] for part in GoalPart]
    )
