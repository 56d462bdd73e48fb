"""Buttons. Callback data is short (Telegram allows 64 bytes) and names its target by id, so a
handler can check that the target belongs to whoever pressed the button."""

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot import texts
from bot.domain.checkin import Question
from bot.domain.weekdays import DAY_NAMES

START_CHECKIN = "ci:start"
QUICK_REPLY = "ci:none:{checkin_id}:{step}"  # "nobody / nothing today" for question `step`
SET_TIME = "time:{hhmm}"
TOGGLE_DAY = "days:{index}"
DAYS_DONE = "days:done"

ONBOARDING_TIMES = ("08:30", "12:30", "18:00", "21:00")


def start_checkin(label: str = texts.START_CHECKIN_BUTTON) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=START_CHECKIN)]])


def quick_reply(question: Question, checkin_id: int, step: int) -> InlineKeyboardMarkup:
    data = QUICK_REPLY.format(checkin_id=checkin_id, step=step)
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(texts.QUICK_REPLIES[question], callback_data=data)]]
    )


def ask_location(current_zone: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [
            [KeyboardButton(texts.SHARE_LOCATION_BUTTON, request_location=True)],
            [KeyboardButton(texts.KEEP_TIMEZONE_BUTTON.format(zone=current_zone))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def checkin_times(default: str) -> InlineKeyboardMarkup:
    times = sorted({*ONBOARDING_TIMES, default})
    buttons = [
        InlineKeyboardButton(
            f"{t} ✓" if t == default else t, callback_data=SET_TIME.format(hhmm=t.replace(":", ""))
        )
        for t in times
    ]
    return InlineKeyboardMarkup([buttons])


def networking_days(mask: int) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            f"✓ {name}" if mask >> index & 1 else name, callback_data=TOGGLE_DAY.format(index=index)
        )
        for index, name in enumerate(DAY_NAMES)
    ]
    return InlineKeyboardMarkup(
        [
            buttons[:4],
            buttons[4:],
            [InlineKeyboardButton(texts.DAYS_DONE_BUTTON, callback_data=DAYS_DONE)],
        ]
    )
