"""Buttons. Callback data is short (Telegram allows 64 bytes) and names its target by id, so a
handler can check that the target belongs to whoever pressed the button."""

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot import texts
from domain.checkin import Question
from domain.weekdays import DAY_NAMES

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


# --- follow-ups and contacts (every id is checked against the presser) ------------------------

FOLLOWUP_ACTION = "fu:{action}:{followup_id}"  # action: done | s1 | s7 | drop | rest
FOLLOWUP_PICK_DATE = "fu:date:{iso}"
FOLLOWUP_NO_NOTE = "fu:nonote"
FOLLOWUPS_PAGE = "fl:{offset}"
SAME_CONTACT = "cm:same:{new_id}:{existing_id}"
NEW_CONTACT = "cm:new:{new_id}"
CONTACT_ACTION = "ct:{action}:{contact_id}"  # action: co | met | reply
CONTACT_TIER = "ct:tier:{contact_id}:{tier}"
CONTACT_INTERVAL = "ct:int:{contact_id}:{days}"
CONTACTS_PAGE = "cl:{offset}"
ASK_ANYWAY = "lg:ask"
GIVE_FIRST = "lg:give"


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def followup_nudge(followup_id: int, *, last: bool) -> InlineKeyboardMarkup:
    def action(name: str) -> str:
        return FOLLOWUP_ACTION.format(action=name, followup_id=followup_id)

    if last:
        return InlineKeyboardMarkup(
            [
                [
                    _button(texts.DONE_BUTTON, action("done")),
                    _button(texts.REST_BUTTON, action("rest")),
                ],
                [_button(texts.SNOOZE_WEEK_BUTTON, action("s7"))],
            ]
        )
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.DONE_BUTTON, action("done")),
                _button(texts.DROP_BUTTON, action("drop")),
            ],
            [
                _button(texts.SNOOZE_DAY_BUTTON, action("s1")),
                _button(texts.SNOOZE_WEEK_BUTTON, action("s7")),
            ],
        ]
    )


def followup_rows(items: list[tuple[int, str]]) -> list[list[InlineKeyboardButton]]:
    """One row per listed follow-up: ✓ name, +1d, +1w, ✕."""
    return [
        [
            _button(f"✓ {name[:20]}", FOLLOWUP_ACTION.format(action="done", followup_id=fid)),
            _button("+1d", FOLLOWUP_ACTION.format(action="s1", followup_id=fid)),
            _button("+1w", FOLLOWUP_ACTION.format(action="s7", followup_id=fid)),
            _button("✕", FOLLOWUP_ACTION.format(action="drop", followup_id=fid)),
        ]
        for fid, name in items
    ]


def pager(template: str, offset: int, page: int, total: int) -> list[InlineKeyboardButton]:
    buttons = []
    if offset > 0:
        buttons.append(_button(texts.BACK_BUTTON, template.format(offset=max(0, offset - page))))
    if offset + page < total:
        buttons.append(_button(texts.MORE_BUTTON, template.format(offset=offset + page)))
    return buttons


def date_choices(options: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """(label, iso date) per option."""
    return InlineKeyboardMarkup(
        [[_button(label, FOLLOWUP_PICK_DATE.format(iso=iso)) for label, iso in options]]
    )


def no_note() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.NO_NOTE_BUTTON, FOLLOWUP_NO_NOTE)]])


def same_person(new_id: int, existing_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    texts.SAME_PERSON_BUTTON,
                    SAME_CONTACT.format(new_id=new_id, existing_id=existing_id),
                ),
                _button(texts.NEW_PERSON_BUTTON, NEW_CONTACT.format(new_id=new_id)),
            ]
        ]
    )


def contact_card(contact_id: int, tier_labels: dict[str, str]) -> InlineKeyboardMarkup:
    tiers = [
        _button(label, CONTACT_TIER.format(contact_id=contact_id, tier=tier))
        for tier, label in tier_labels.items()
    ]
    intervals = [
        _button(label, CONTACT_INTERVAL.format(contact_id=contact_id, days=days))
        for days, label in texts.INTERVAL_BUTTONS.items()
    ]
    actions = [
        _button(label, CONTACT_ACTION.format(action=action, contact_id=contact_id))
        for action, label in (
            ("co", texts.COMPANY_BUTTON),
            ("met", texts.HOW_MET_BUTTON),
            ("reply", texts.REPLIED_BUTTON),
        )
    ]
    return InlineKeyboardMarkup([tiers[:2], tiers[2:], intervals[:2], intervals[2:], actions])


def ask_anyway() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.ASK_ANYWAY_BUTTON, ASK_ANYWAY),
                _button(texts.GIVE_FIRST_BUTTON, GIVE_FIRST),
            ]
        ]
    )


# --- your data --------------------------------------------------------------------------------

# /forget: the user id and the account's creation (microseconds since the epoch) travel in the
# data, so a button pressed by someone else, or kept from an account deleted since, is stale.
FORGET = "forget:{answer}:{user_id}:{since}"
FORGET_YES = "yes"
FORGET_NO = "no"


def forget_confirm(user_id: int, since: int) -> InlineKeyboardMarkup:
    def button(label: str, answer: str) -> InlineKeyboardButton:
        data = FORGET.format(answer=answer, user_id=user_id, since=since)
        return InlineKeyboardButton(label, callback_data=data)

    return InlineKeyboardMarkup(
        [[button(texts.FORGET_YES_BUTTON, FORGET_YES), button(texts.FORGET_NO_BUTTON, FORGET_NO)]]
    )
