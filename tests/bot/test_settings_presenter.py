"""The settings screen's words and buttons: every section, pace and kind has its label, every
button fits Telegram's 64 bytes, and the summary reads as the user sees it."""

from datetime import UTC, date, datetime, time

import pytest

from bot import callbacks, keyboards, texts
from bot.callbacks import SettingsSection, Switch
from bot.presenters import settings as present
from bot.presenters.ledger import with_vague_ask_tip
from db.models import User
from domain.attention import Pause, QuietHours
from domain.nudges import SWITCHABLE, NudgeKind
from domain.pace import Mode
from domain.quiet_hours import PRESETS
from domain.weekdays import MON_FRI
from services.preferences import Overview


def a_user(**values: object) -> User:
    defaults: dict[str, object] = {
        "checkin_time": time(18),
        "timezone": "Europe/Berlin",
        "networking_days": MON_FRI,
        "mode": Mode.SEARCHING,
        "quiet_start": time(21),
        "quiet_end": time(8),
        "review_day": 4,
    }
    return User(**(defaults | values))


ALL_ON = {kind: True for kind in SWITCHABLE}


def test_every_section_pace_and_kind_has_words() -> None:
    assert set(texts.SECTION_BUTTONS) == set(SettingsSection)
    assert set(texts.MODE_NAMES) == set(texts.MODE_BUTTONS) == set(Mode)
    assert set(SWITCHABLE) <= set(texts.KIND_NAMES)
    assert set(texts.QUIET_PROBLEMS) == {"unreadable", "empty"}


def test_every_settings_button_fits_in_64_bytes() -> None:
    buttons: list[callbacks.Button] = [
        callbacks.SettingsHome(),
        callbacks.SettingsQuietOff(),
        callbacks.SettingsResume(),
        callbacks.SettingsTime(time(23, 59)),
        *(callbacks.OpenSection(section) for section in SettingsSection),
        *(callbacks.SettingsDay(day) for day in range(7)),
        *(callbacks.SettingsReviewDay(day) for day in range(7)),
        *(b(mode) for mode in Mode for b in (callbacks.SettingsMode, callbacks.UseModeDays)),
        *(callbacks.KeepDays(mode) for mode in Mode),
        *(callbacks.OnboardingMode(mode) for mode in Mode),
        *(callbacks.SettingsQuiet(h.start, h.end) for h in PRESETS),
        *(callbacks.SettingsKind(kind, switch) for kind in NudgeKind for switch in Switch),
        *(callbacks.SettingsPause(days) for days in (3, 7, 14, 0)),
    ]
    for button in buttons:
        data = button.pack()  # raises over 64 bytes
        assert type(button).parse(data) == button
    assert len({button.pack() for button in buttons}) == len(buttons)


def test_the_summary() -> None:
    off = ALL_ON | {NudgeKind.KEEP_WARM: False, NudgeKind.WEEKLY_REVIEW: False}
    user = a_user(quiet_start=None, quiet_end=None, mode=Mode.EMPLOYED, review_day=0)
    text = present.summary(user, Overview(off, Pause(date(2026, 1, 1), date(2026, 1, 5))))
    assert text == (
        "⚙️ Your settings\n\n"
        "Check-in: 18:00 (Europe/Berlin)\n"
        "Days: Mon–Fri\n"
        "Pace: employed, keeping your network warm\n"
        "Quiet hours: off\n"
        "Weekly review: Monday\n"
        "Nudges off: keep-warm nudges, weekly reviews\n"
        "Pause: until Mon 5 Jan\n\n"
        "Tap a section to change it."
    )
    open_pause = Overview(ALL_ON, Pause(date(2026, 1, 1), None))
    assert "\nNudges: all on\nPause: until you say\n" in present.summary(a_user(), open_pause)
    assert "\nPause: off\n" in present.summary(a_user(), Overview(ALL_ON, None))


@pytest.mark.parametrize(
    ("hours", "span"),
    [
        (QuietHours(time(22), time(7)), "22:00–07:00"),
        (QuietHours(time(23, 30), time(6, 5)), "23:30–06:05"),
        (None, "off"),
    ],
)
def test_quiet_span(hours: QuietHours | None, span: str) -> None:
    assert present.quiet_span(hours) == span


def test_the_quiet_preset_in_use_is_marked_and_a_custom_span_is_not() -> None:
    labels = [b.text for row in keyboards.settings_quiet(PRESETS[1]).inline_keyboard for b in row]
    assert labels == ["21:00–08:00", "✓ 22:00–07:00", "23:00–07:00", "20:00–09:00", "Off", "◂ Back"]
    custom = keyboards.settings_quiet(QuietHours(time(22, 30), time(6)))
    assert not any(b.text.startswith("✓") for row in custom.inline_keyboard for b in row)


def test_a_fixed_offset_zone_gets_the_daylight_saving_note() -> None:
    text = present.timezone(a_user(timezone="UTC+02:00"), datetime(2026, 1, 5, 12, tzinfo=UTC))
    assert text.startswith("Your timezone is UTC+02:00; it's 14:00 there now.")
    assert text.endswith(texts.FIXED_OFFSET_NOTE)


def test_the_vague_ask_tip_varies_by_day() -> None:
    tips = {with_vague_ask_tip("Logged.", date(2026, 1, d)) for d in range(1, 4)}
    assert len(tips) == len(texts.SPECIFIC_ASK_EXAMPLES)
    assert all(tip.startswith("Logged.\n\nTip: specific asks are easier") for tip in tips)
