"""Turns the fuzzers' actions into Telegram updates for the running bot, one at a time.

The emulator's helpers send what a user sends; what they cannot express (channel posts and
anonymous admins without a sender, a private chat with none of the optional fields, contact
cards, membership changes) is queued here as a raw update shaped like Telegram's.
"""

import itertools
import time
from typing import Any

from tests.emulator import JSON, BotAPIEmulator, Sender
from tests.fuzz import strategies as s
from tests.fuzz.world import (
    CHANNEL,
    FUZZER,
    STRANGER,
    SUPERGROUP,
    ErrorLog,
    Victim,
    forget_everyone_but_the_victim,
    mark,
    own_ids,
    problems_since,
    settle,
    utf16_len,
)
from tests.harness import RunningBot

# Telegram's stand-in sender for an admin writing on behalf of a group.
ANONYMOUS_ADMIN = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
BERLIN = (52.52, 13.405)


class Driver:
    """Sends actions as the emulator's users and reports what went wrong after each."""

    def __init__(
        self, bot: RunningBot, emulator: BotAPIEmulator, victim: Victim, log: ErrorLog
    ) -> None:
        self.bot = bot
        self.emulator = emulator
        self.victim = victim
        self.log = log
        self._raw_ids = itertools.count(10_000_000)
        # Buttons pressed under a message the emulator never saw: counting down from the top,
        # so no id can be one the emulator gave out before (or a user's message).
        self._unknown_ids = itertools.count(2**31 - 1, -1)
        self._example_start = 0
        self._last_text: JSON | None = None

    async def begin(self) -> None:
        """A new example: only the victim's rows in the database, nothing to edit or tap."""
        await forget_everyone_but_the_victim(self.bot)
        self._example_start = len(self.emulator.sent)
        self._last_text = None

    async def run(self, action: s.Action | str) -> list[str]:
        """Send one action (a plain string: the fuzzer's private text), wait until the bot has
        handled it, and return every problem seen meanwhile."""
        before = mark(self.emulator, self.log)
        await self._send(s.Text(action) if isinstance(action, str) else action)
        await settle(self.bot)
        return problems_since(self.emulator, self.log, before)

    # --- sending ------------------------------------------------------------------------------

    async def _send(self, action: s.Action) -> None:
        match action:
            case s.Text(text, where):
                self._text(text, where)
            case s.Edit(text):
                if self._last_text is None:
                    self._text("Sally Ng", "private")
                assert self._last_text is not None
                self.emulator.user_edited_message(self._last_text, text, user_id=FUZZER)
            case s.Tap(index):
                self._tap(index)
            case s.TapData(prefix):
                found = [(m, d) for m, d in self._inline_buttons() if d.startswith(prefix)]
                assert found, f"no button {prefix}… in this example: {self._inline_buttons()}"
                self.emulator.user_presses(*found[0], user_id=FUZZER)
            case s.TapReply(index):
                self._tap_reply(index)
            case s.Press(data, on, by_stranger):
                await self._press(data, on, STRANGER if by_stranger else FUZZER)
            case s.Sticker(emoji, where):
                self.emulator.user_sticker(emoji, **self._sender(where))
            case s.Photo(caption, where):
                self.emulator.user_photo(caption=caption, **self._sender(where))
            case s.Location(latitude, longitude, where):
                self.emulator.user_location(latitude, longitude, **self._sender(where))
            case s.Document(file_name, mime_type, content, caption, where):
                self.emulator.user_document(
                    file_name, content, mime_type, caption=caption, **self._sender(where)
                )
            case s.ContactCard(phone, first_name, last_name, user_id, vcard, where):
                card: JSON = {"phone_number": phone, "first_name": first_name}
                optional = {"last_name": last_name, "user_id": user_id, "vcard": vcard}
                card |= {key: value for key, value in optional.items() if value is not None}
                self._raw({"contact": card}, where)
            case s.Membership(status, where):
                self._membership(status, where)

    def _sender(self, where: s.UserWhere) -> Sender:
        """Who sends a user's message through the emulator's helpers, and in which chat."""
        if where == "stranger":
            return {"user_id": STRANGER, "first_name": ""}
        if where == "supergroup":
            return {"user_id": FUZZER, "chat_type": "supergroup", "chat_id": SUPERGROUP}
        return {"user_id": FUZZER, "chat_type": where}

    def _text(self, text: str, where: s.Where) -> None:
        if where in ("private", "group", "supergroup"):
            self._last_text = self.emulator.user_message(text, **self._sender(where))  # type: ignore[arg-type]
            return
        content: JSON = {"text": text}
        if text.startswith("/"):
            length = utf16_len(text.split(maxsplit=1)[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        self._raw(content, where)

    def _raw(self, content: JSON, where: s.Where) -> None:
        """A message the helpers cannot make: no sender at all, or only the required fields."""
        key = "message"
        envelope: JSON
        if where == "channel":
            chat = self.emulator.add_chat(CHANNEL, chat_type="channel")
            key, envelope = "channel_post", {"chat": chat, "sender_chat": chat}
        elif where == "anonymous":
            chat = self.emulator.add_chat(SUPERGROUP, chat_type="supergroup")
            envelope = {"chat": chat, "sender_chat": chat, "from": ANONYMOUS_ADMIN}
        elif where == "stranger":
            self.emulator.add_chat(STRANGER, first_name="")
            bare = {"id": STRANGER, "is_bot": False, "first_name": ""}
            envelope = {"chat": {"id": STRANGER, "type": "private"}, "from": bare}
        else:
            sender = self._sender(where)  # type: ignore[arg-type]
            chat_id = sender.get("chat_id") or (FUZZER if where == "private" else -FUZZER)
            chat = self.emulator.add_chat(chat_id, chat_type=sender.get("chat_type", "private"))
            user = {"id": FUZZER, "is_bot": False, "first_name": "Ann"}
            envelope = {"chat": chat, "from": user}
        message = {"message_id": next(self._raw_ids), "date": int(time.time())}
        self.emulator.queue_update({key: message | envelope | content})

    def _inline_buttons(self) -> list[tuple[JSON, str]]:
        return [
            (message, button["callback_data"])
            for message in self._example_messages()
            for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []
            for button in row
            if "callback_data" in button
        ]

    def _example_messages(self) -> list[JSON]:
        sent = self.emulator.sent[self._example_start :]
        return [message for message in sent if message["chat"]["id"] == FUZZER]

    def _tap(self, index: int) -> None:
        buttons = self._inline_buttons()
        if buttons:
            message, data = buttons[index % len(buttons)]
            self.emulator.user_presses(message, data, user_id=FUZZER)

    def _tap_reply(self, index: int) -> None:
        buttons = [
            button
            for message in self._example_messages()
            for row in (message.get("reply_markup") or {}).get("keyboard") or []
            for button in row
        ]
        if not buttons:
            return
        button = buttons[index % len(buttons)]
        if isinstance(button, dict) and button.get("request_location"):
            self.emulator.user_location(*BERLIN, user_id=FUZZER)
        else:
            label = button["text"] if isinstance(button, dict) else str(button)
            self._last_text = self.emulator.user_message(label, user_id=FUZZER)

    async def _press(self, data: str | s.Forged, on: s.On, presser: int) -> None:
        if isinstance(data, s.Forged):
            data = s.pack(data.button, await self._resolve(data.values, data.button, presser))
        if on == "inaccessible":
            message_id = next(self._unknown_ids)
            self.emulator.user_presses(message_id, data, user_id=presser, inaccessible=True)
        elif on == "group":
            self.emulator.add_chat(-presser, chat_type="group")
            message_id = next(self._unknown_ids)
            self.emulator.user_presses(message_id, data, user_id=presser, chat_id=-presser)
        else:
            mine = self.emulator.messages_to(presser) if on == "last" else []
            message: JSON | int = mine[-1] if mine else next(self._unknown_ids)
            self.emulator.user_presses(message, data, user_id=presser)

    async def _resolve(self, values: tuple[Any, ...], button: str, presser: int) -> tuple[Any, ...]:
        """`Own` references become the presser's ids (or the index itself when they have none)."""
        resolved: list[Any] = []
        for value in values:
            if isinstance(value, s.Own):
                ids = await own_ids(self.bot, presser, value.field)
                value = ids[value.index % len(ids)] if ids else value.index
            resolved.append(value)
        return tuple(resolved)

    def _membership(self, status: str, where: str) -> None:
        chat_id = FUZZER if where == "private" else -FUZZER
        chat = self.emulator.add_chat(chat_id, chat_type=where)
        bot_user = self.emulator.bot_user
        old = "kicked" if status != "kicked" else "member"

        def member(state: str) -> JSON:
            banned = {"until_date": 0} if state == "kicked" else {}
            return {"user": bot_user, "status": state} | banned

        change = {
            "chat": chat,
            "from": {"id": FUZZER, "is_bot": False, "first_name": "Ann"},
            "date": int(time.time()),
            "old_chat_member": member(old),
            "new_chat_member": member(status),
        }
        self.emulator.queue_update({"my_chat_member": change})
