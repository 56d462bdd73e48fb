"""The fuzzers' world: another user whose rows must never change, a barrier that knows when the
bot has handled everything sent so far, and the checks made after every update."""

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot import texts
from bot.callbacks import MAX_BYTES
from db import userdata
from db.models import CheckIn, Contact, Followup, OutboxMessage, Partner, Pitch, User
from domain.weekdays import EVERY_DAY
from services.userdata import account_since
from tests.emulator import JSON, BotAPIEmulator
from tests.harness import USER_ID, RunningBot, owned

FUZZER = USER_ID  # sends almost everything
VICTIM = 2002  # the other user: has rows of every kind, never sends anything while fuzzing
PAL = 2003  # the victim's accountability partner (and the fuzzer's): kept, never sends anything
STRANGER = 5001  # a private chat with none of the optional fields (no first name either)
SUPERGROUP = -1_000_000_001_001
CHANNEL = -1_000_000_002_002

TEXT_LIMIT = 4096  # UTF-16 code units, after entity parsing
CAPTION_LIMIT = 1024
ANSWER_LIMIT = 200  # answerCallbackQuery's text


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- the barrier ------------------------------------------------------------------------------


async def settle(bot: RunningBot) -> None:
    """Wait until the bot has handled every update sent so far: each is in the inbox and none
    is pending there (its replies went out before it was marked done). Updates of different
    chats are handled side by side, so no single reply could say that."""
    await bot.settled(timeout=30)


# --- the other user ---------------------------------------------------------------------------

# Words only the victim's rows hold: no message to anyone else may ever contain them.
VICTIM_MARKERS = ("Quokka", "Wombat", "Narwhal")
# What the victim says (one message at a time) so that every table holds rows of theirs.
VICTIM_SAYS = (
    "/start",
    "Keep UTC",
    "18:00",
    "searching",
    "/checkin",
    "Vera Quokka (coffee), Otto Wombat (email)",
    "Sent Vera the quokka article",
    "Asked Otto for an intro to the wombat team",
    "Vera Quokka on Friday: send the slides",
    "/contact Ines Narwhal",
    "/followup Ines Narwhal next tuesday — send the narwhal deck",
    "/gave Otto Wombat an intro to Ines Narwhal",
    "/asked Ines Narwhal for a referral",
    "/goal",
    "a quokka research role",
    "Quokka Labs, Wombat Works; heads of research",
    "the Narwhal Meetup",
    "/pitch I am Vic, a quokka researcher. I help teams study wombats. I'm looking for a "
    "research role at Quokka Labs.",
    "/partner",
    "/pause 3 days",
)


@dataclass(frozen=True)
class Victim:
    user_id: int
    since: int  # what /forget's button names the account by
    ids: Mapping[str, tuple[int, ...]]  # per button field (`contact_id`, …): the victim's ids


# The button fields that name a row, and the table the row is in.
ROW_FIELDS: Mapping[str, Any] = {
    "contact_id": Contact,
    "new_id": Contact,
    "existing_id": Contact,
    "followup_id": Followup,
    "checkin_id": CheckIn,
    "pitch_id": Pitch,
    "row_id": Partner,
}


async def make_victim(bot: RunningBot, emulator: BotAPIEmulator) -> Victim:
    """The other user, through the bot where a command exists (an outbox row directly: only a
    tick writes one), with a row in every table."""
    for text in VICTIM_SAYS:
        emulator.user_message(text, user_id=VICTIM, first_name="Vic")
        await settle(bot)
    now = bot.clock.now()
    async with bot.session() as session:
        session.add(
            OutboxMessage(
                user_id=VICTIM,
                chat_id=VICTIM,
                nudge_kind="followup",
                dedupe_key=f"followup:fuzz:{VICTIM}",
                payload={"text": "Time to follow up with Sally"},
                status="pending",
                due_at=now + timedelta(days=3),
                not_before=now + timedelta(days=3),
                created_at=now,
            )
        )
        await session.commit()
    await partner_with_pal(bot, VICTIM)
    async with bot.session() as session:
        user = await session.get(User, VICTIM)
        assert user is not None
        ids = {
            field: tuple(await session.scalars(select(model.id).where(model.user_id == VICTIM)))
            for field, model in ROW_FIELDS.items()
        }
        since = account_since(user)
    rows = await owned(bot, VICTIM)
    empty = [name for name, found in rows.items() if not found]
    assert not empty, f"make_victim must give the other user rows in {empty}"
    return Victim(VICTIM, since, ids | {"user_id": (VICTIM,)})


async def partner_with_pal(bot: RunningBot, user_id: int) -> None:
    """A partnership of `user_id` with PAL (made here: it takes two people's answers)."""
    now = bot.clock.now()
    async with bot.session() as session:
        if await session.get(User, PAL) is None:
            session.add(
                User(
                    id=PAL,
                    chat_id=PAL,
                    first_name="Pal",
                    timezone="UTC",
                    checkin_time=now.time().replace(microsecond=0),
                    networking_days=EVERY_DAY,
                    partner_share="all",
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
            )
            await session.flush()
        session.add_all(
            [
                Partner(user_id=user_id, partner_id=PAL, since=now),
                Partner(user_id=PAL, partner_id=user_id, since=now),
            ]
        )
        await session.commit()


async def forget_everyone_but_the_victim(bot: RunningBot) -> None:
    """Each example starts from the same database: only the victim's rows (and their partner's
    account, whose rows the victim's partnership needs)."""
    async with bot.session() as session:
        others = list(await session.scalars(select(User.id).where(User.id.not_in((VICTIM, PAL)))))
        for user_id in others:
            await userdata.delete_all(session, user_id)
        await session.commit()


async def own_ids(bot: RunningBot, user_id: int, field: str) -> list[int]:
    """The presser's own ids for a button field (to forge "my contact into theirs")."""
    if field == "user_id":
        return [user_id]
    if field == "since":
        async with bot.session() as session:
            user = await session.get(User, user_id)
            return [account_since(user)] if user else []
    model = ROW_FIELDS.get(field)
    if model is None:
        return []
    return [row.id for row in await bot.rows(model, model.user_id == user_id)]


# --- what is checked after every update -------------------------------------------------------


class ErrorLog(logging.Handler):
    """Keeps every record at ERROR or above, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def error_log() -> Iterator[ErrorLog]:
    handler = ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


@dataclass
class Marks:
    """Where the emulator's and the log's records stood before an update."""

    sent: int
    edits: int
    answers: int
    errors: int
    logs: int


def mark(emulator: BotAPIEmulator, log: ErrorLog) -> Marks:
    return Marks(
        len(emulator.sent),
        len(emulator.edits),
        len(emulator.callback_answers),
        len(emulator.errors),
        len(log.records),
    )


def problems_since(emulator: BotAPIEmulator, log: ErrorLog, since: Marks) -> list[str]:
    """Everything wrong with what the bot did since `since` (empty when all is well)."""
    found: list[str] = []
    formatter = logging.Formatter("%(name)s %(levelname)s: %(message)s")
    found += [f"logged: {formatter.format(r)}" for r in log.records[since.logs :]]
    found += [
        f"API error answered: {method}: {description}"
        for method, description in emulator.errors[since.errors :]
        if not expected_edit_error(method, description)
    ]
    for message in emulator.sent[since.sent :] + emulator.edits[since.edits :]:
        found += message_problems(message)
        if message["chat"]["id"] != VICTIM:
            found += leaked(message.get("text") or message.get("caption") or "")
    for answer in emulator.callback_answers[since.answers :]:
        text = answer.get("text") or ""
        if len(text) > ANSWER_LIMIT:
            found.append(f"callback answer over {ANSWER_LIMIT} characters: {text[:80]!r}…")
        found += leaked(text)  # the victim presses nothing: every answer is someone else's
    return found


def leaked(text: str) -> list[str]:
    words = [word for word in VICTIM_MARKERS if word.lower() in text.lower()]
    return [f"the other user's {words} shown to someone else: {text[:120]!r}"] if words else []


# `handlers.common.edit_quietly` edits the pressed message and lets these answers go on purpose:
# a press under a message that is gone (or too old to reach), or a press that changes nothing.
EDIT_METHODS = ("editMessageText", "editMessageReplyMarkup")
TOLERATED_EDIT_ERRORS = ("message to edit not found", "message is not modified")


def expected_edit_error(method: str, description: str) -> bool:
    return method in EDIT_METHODS and any(e in description for e in TOLERATED_EDIT_ERRORS)


def message_problems(message: JSON) -> list[str]:
    """Telegram's limits, checked again here (the emulator rejects most of them too)."""
    found: list[str] = []
    text = message.get("text")
    if text is not None and not (text.strip() and utf16_len(text) <= TEXT_LIMIT):
        found.append(f"text of {utf16_len(text)} UTF-16 units: {text[:80]!r}")
    if text == texts.SOMETHING_WENT_WRONG:
        found.append("the bot said it went wrong")
    caption = message.get("caption")
    if caption is not None and utf16_len(caption) > CAPTION_LIMIT:
        found.append(f"caption of {utf16_len(caption)} UTF-16 units")
    markup = message.get("reply_markup") or {}
    for row in markup.get("inline_keyboard") or []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= MAX_BYTES:
                found.append(f"callback data of {len(data.encode())} bytes: {data!r}")
            if not str(button.get("text", "")).strip():
                found.append(f"a button without a label: {button!r}")
    return found
