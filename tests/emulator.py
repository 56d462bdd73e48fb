"""An in-process emulator of the Telegram Bot API, for driving the real PTB stack in tests.

Telegram is not reachable from the test machines, so the bot under test talks HTTP to this
emulator instead: an aiohttp server on ``127.0.0.1`` (random port) that answers the methods
Marathon uses (``getMe``, long-polling ``getUpdates``, ``sendMessage``, ``editMessageText``,
``sendDocument``, ``getFile``, ...) with the same JSON shapes and the same error answers as
Telegram, so ``telegram.Bot`` and ``telegram.ext.Application`` run unmodified.

Typical use::

    async with BotAPIEmulator(TOKEN) as emu:
        app = (
            Application.builder().token(TOKEN)
            .base_url(emu.base_url).base_file_url(emu.file_url).build()
        )
        ...  # start polling
        emu.user_message("/start")                  # a user writes to the bot
        reply = await emu.next_message(1001)        # what the bot answered
        emu.user_presses(reply, "menu:today")       # the user taps an inline button
        emu.fail_next("sendMessage", status=429, description="Too Many Requests: retry after 1",
                      retry_after=1)               # Telegram throttles the next send

What is emulated:

* Users and chats. A chat exists once a user wrote in it (``user_*`` helpers) or it was
  declared with :meth:`BotAPIEmulator.add_chat`; sending to any other chat fails with
  "chat not found". Message ids are counted per chat and shared by user and bot messages.
* Validation Telegram does and bots trip over: empty or too long texts and captions, callback
  data longer than 64 bytes, malformed ``parse_mode="HTML"``, editing without changes, editing
  unknown messages, answering a callback query twice, invalid command names.
* Updates: every ``user_*`` helper queues an update; ``getUpdates`` long-polls, confirms
  updates through ``offset`` and answers 409 Conflict to a poll superseded by a newer one.
* Failure injection: :meth:`~BotAPIEmulator.fail_next`, :meth:`~BotAPIEmulator.block`,
  :meth:`~BotAPIEmulator.delay_next`, :meth:`~BotAPIEmulator.stall_next`.

Bot messages come back as plain text (HTML tags stripped, no ``entities``), like Telegram
returns them. MarkdownV2 is stored verbatim and not validated. The messages tests inspect keep
any ``reply_markup`` the bot sent (reply keyboards too), while API answers only echo inline
keyboards, like Telegram. Inspection: ``calls`` logs every
request, ``sent`` every message as it was sent, ``edits`` every edit, :meth:`messages_to` the
current state of a chat; :meth:`next_message` and :meth:`wait_for` wait for the bot without
sleeping.
"""

from __future__ import annotations

import asyncio
import copy
import html
import itertools
import json
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Self, TypedDict, Unpack

from aiohttp import BodyPartReader, hdrs, web

JSON = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64

# PTB sends str values as they are and JSON-encodes everything else, so a text "42" arrives
# exactly like an integer 42 would. These parameters are strings in the Bot API: never decode.
_STRING_PARAMS = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "file_id",
        "description", "short_description", "language_code", "action", "url", "emoji",
        "business_connection_id", "message_effect_id",
    }
)  # fmt: skip
_HTML_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "tg-emoji", "tg-time", "code", "pre", "blockquote",
    }
)  # fmt: skip
_HTML_TAG_RE = re.compile(r"<(/?)([^\s<>/]*)[^<>]*>|<")
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_BLOCKED = "Forbidden: bot was blocked by the user"
_STALLED = "Gateway Timeout: the request never got through"


class Sender(TypedDict, total=False):
    """Who sends a user-side message; see ``BotAPIEmulator._incoming`` for the defaults."""

    user_id: int
    chat_id: int | None
    chat_type: str
    first_name: str
    username: str | None
    language_code: str


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request, as it appears in :attr:`BotAPIEmulator.calls`."""

    filename: str
    mime_type: str
    content: bytes = field(repr=False)


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes


@dataclass
class _Injection:
    method: str
    times: int
    chat_id: int | None = None
    status: int = 0
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0

    def matches(self, method: str, params: JSON) -> bool:
        return self.method == method and self.chat_id in (None, params.get("chat_id"))


class APIError(Exception):
    """An error answer of the Bot API (raised inside method handlers)."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def response(self) -> web.Response:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return web.json_response(body, status=self.status)


def _bad_request(reason: str) -> APIError:
    return APIError(400, f"Bad Request: {reason}")


def _decode(name: str, raw: str) -> Any:
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _html_to_plain(text: str) -> str:
    """Strip Telegram-HTML markup like Telegram does, or fail like it on malformed markup."""
    plain: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in _HTML_TAG_RE.finditer(text):
        plain.append(html.unescape(text[position : match.start()]))
        position = match.end()
        closing, tag = match.group(1), (match.group(2) or "").lower()
        offset = len(text[: match.start()].encode())
        if tag not in _HTML_TAGS:
            kind = "end" if closing else "start"
            raise _bad_request(
                f'can\'t parse entities: Unsupported {kind} tag "{tag}" at byte offset {offset}'
            )
        if not closing:
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag:
            raise _bad_request(
                f"can't parse entities: Unmatched end tag at byte offset {offset}, "
                f'found "</{tag}>"'
            )
    if open_tags:
        raise _bad_request(
            "can't parse entities: Can't find end tag corresponding to start tag "
            f'"{open_tags[-1]}"'
        )
    plain.append(html.unescape(text[position:]))
    return "".join(plain)


def _inline_markup(markup: object) -> JSON | None:
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def _api_view(message: JSON) -> JSON:
    """A stored message as Telegram returns it: only inline keyboards belong to a message."""
    markup = message.get("reply_markup")
    if markup is None or _inline_markup(markup):
        return message
    return {key: value for key, value in message.items() if key != "reply_markup"}


def _summary(message: JSON) -> str:
    if "text" in message:
        content = repr(message["text"][:80])
    elif "document" in message:
        content = f"[document {message['document'].get('file_name')!r}]"
    else:
        content = "[media]" if "caption" not in message else f"[media] {message['caption']!r}"
    return f"#{message['message_id']} in chat {message['chat']['id']}: {content}"


class BotAPIEmulator:
    """Fake Telegram Bot API server; see the module docstring."""

    def __init__(self, token: str, *, bot_username: str = "marathon_test_bot") -> None:
        self.webhook: JSON | None = None  # url and secret_token, once setWebhook was called
        bot_id, _, secret = token.partition(":")
        if not bot_id.isdigit() or not secret:
            raise ValueError("a bot token looks like '<bot id digits>:<secret>'")
        self.token = token
        self.bot_user: JSON = {
            "id": int(bot_id),
            "is_bot": True,
            "first_name": "Marathon",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        # Inspection state.
        self.calls: list[tuple[str, JSON]] = []
        self.call_times: list[float] = []  # time.monotonic() each call arrived, as `calls`
        self.unknown_calls: list[tuple[str, JSON]] = []
        self.errors: list[tuple[str, str]] = []
        self.sent: list[JSON] = []
        self.edits: list[JSON] = []
        self.callback_answers: list[JSON] = []
        self.commands: list[JSON] | None = None
        self.description: str | None = None
        self.short_description: str | None = None
        self.confirmed_offset = 0
        # Telegram state.
        self._users: dict[int, JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._last_message_id: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._files: dict[str, _StoredFile] = {}
        self._file_counter = itertools.count(1)
        self._updates: list[JSON] = []
        self._next_update_id = 1
        self._poll_generation = 0
        self._open_callbacks: set[str] = set()
        self._callback_ids = itertools.count(4_000_000_000_000_000)
        self._command_lists: dict[tuple[str, str], list[JSON]] = {}
        self._descriptions: dict[str, str] = {}
        self._short_descriptions: dict[str, str] = {}
        # Test plumbing.
        self._failures: list[_Injection] = []
        self._delays: list[_Injection] = []
        self._stalls: list[_Injection] = []
        self._blocked: set[int] = set()
        self._outbox: dict[int, list[JSON]] = {}
        self._cursors: dict[int, int] = {}
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._methods: dict[str, tuple[str, Callable[[JSON], Any]]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "deleteWebhook": self._delete_webhook,
                "setWebhook": self._set_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "setMyDescription": self._set_my_description,
                "getMyDescription": self._get_my_description,
                "setMyShortDescription": self._set_my_short_description,
                "getMyShortDescription": self._get_my_short_description,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "answerCallbackQuery": self._answer_callback_query,
                "sendPhoto": self._send_photo,
                "sendDocument": self._send_document,
                "sendChatAction": self._send_chat_action,
                "getFile": self._get_file,
                "close": self._true,
                "logOut": self._true,
            }.items()
        }

    # ------------------------------------------------------------------ server lifecycle

    async def start(self, sock: socket.socket | None = None) -> None:
        """Serve on a random port of 127.0.0.1, or on `sock`: a socket bound beforehand, which
        refuses connections until then (a Bot API that comes up late, at a known address)."""
        if self._runner is not None:
            raise RuntimeError("the emulator is already running")
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        # handler_cancellation: a client giving up on a long poll cancels its handler.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0) if sock is None else web.SockSite(runner, sock)
        await site.start()
        self._closing = False
        self._runner = runner
        self._port = runner.addresses[0][1]

    async def stop(self) -> None:
        """Stop the server; pending long polls and delayed answers are released first."""
        if self._runner is None:
            return
        self._closing = True
        self._notify()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Pass to ``Bot(base_url=...)`` / ``ApplicationBuilder.base_url``."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def file_url(self) -> str:
        """Pass to ``Bot(base_file_url=...)`` / ``ApplicationBuilder.base_file_url``."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    # ------------------------------------------------------------------ HTTP layer

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return APIError(401, "Unauthorized").response()
        params = await self._read_params(request)
        name, handler = self._methods.get(
            request.match_info["method"].lower(), (request.match_info["method"], None)
        )
        self.calls.append((name, params))
        self.call_times.append(time.monotonic())
        self._notify()
        if handler is None:
            self.unknown_calls.append((name, params))
            return APIError(404, "Not Found: method not found").response()
        stall = self._take(self._stalls, name, params)
        if stall is not None:  # the client gives up first; the call never takes effect
            await self._wait_until(lambda: self._closing, stall.seconds)
            self.errors.append((name, _STALLED))
            return APIError(504, _STALLED).response()
        try:
            self._raise_injected_failure(name, params)
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
            response = web.json_response({"ok": True, "result": result})
        except APIError as error:
            self.errors.append((name, error.description))
            response = error.response()
        await self._injected_delay(name, params)
        return response

    async def _read_params(self, request: web.Request) -> JSON:
        """Decode a request the way PTB encodes it: form fields (urlencoded, or multipart when
        files are uploaded) whose values are JSON unless the parameter is a string."""
        params: JSON = {key: _decode(key, value) for key, value in request.query.items()}
        if request.content_type.startswith("multipart/"):
            async for part in await request.multipart():
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is None:
                    params[part.name] = _decode(part.name, await part.text())
                else:
                    mime_type = part.headers.get(hdrs.CONTENT_TYPE, "application/octet-stream")
                    params[part.name] = Upload(part.filename, mime_type, bytes(await part.read()))
        elif request.body_exists:
            form = await request.post()
            params.update({key: _decode(key, value) for key, value in form.items()})
        return params

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return APIError(401, "Unauthorized").response()
        path = request.match_info["file_path"]
        for stored in self._files.values():
            if stored.file_path == path:
                return web.Response(body=stored.content)
        return APIError(404, "Not Found").response()

    # ------------------------------------------------------------------ failure injection

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id`` only, if given) with
        this error, e.g. ``status=429, description="Too Many Requests: retry after 1",
        retry_after=1``. The calls are recorded but have no effect."""
        self._failures.append(_Injection(method, times, chat_id, status, description, retry_after))

    def block(self, chat_id: int) -> None:
        """The user blocks the bot: every call aimed at ``chat_id`` answers 403."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the answer of the next ``times`` calls of ``method`` for ``seconds``. The call
        takes effect immediately (a message *is* delivered), only its answer comes late, which
        makes the client time out like on a slow network."""
        self._delays.append(_Injection(method, times, seconds=seconds))

    def stall_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next ``times`` calls of ``method`` for ``seconds`` and then drop them
        without effect: a request that never got through, which the client (its read timeout
        shorter than ``seconds``) sees as a timeout. Unlike :meth:`delay_next`, nothing is
        delivered, so a retry is the only way the message arrives."""
        self._stalls.append(_Injection(method, times, seconds=seconds))

    def reset_failures(self) -> None:
        self._failures.clear()
        self._delays.clear()
        self._stalls.clear()
        self._blocked.clear()

    @staticmethod
    def _take(injections: list[_Injection], method: str, params: JSON) -> _Injection | None:
        for injection in injections:
            if injection.matches(method, params):
                injection.times -= 1
                if injection.times <= 0:
                    injections.remove(injection)
                return injection
        return None

    def _raise_injected_failure(self, method: str, params: JSON) -> None:
        failure = self._take(self._failures, method, params)
        if failure is not None:
            raise APIError(failure.status, failure.description, failure.retry_after)
        if params.get("chat_id") in self._blocked:
            raise APIError(403, _BLOCKED)

    async def _injected_delay(self, method: str, params: JSON) -> None:
        delay = self._take(self._delays, method, params)
        if delay is not None:
            await self._wait_until(lambda: self._closing, delay.seconds)

    # ------------------------------------------------------------------ waiting

    def _notify(self) -> None:
        """Wake everything waiting for a state change (long polls, next_message, wait_for)."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, predicate: Callable[[], bool], seconds: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                return predicate()
        return True

    async def next_message(
        self,
        chat_id: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - an assertion deadline, not a cancel scope
    ) -> JSON:
        """The next message sent to ``chat_id`` that this helper has not returned yet, as it was
        when sent (see :meth:`messages_to` for the current state)."""
        outbox = self._outbox.setdefault(chat_id, [])
        cursor = self._cursors.get(chat_id, 0)
        if not await self._wait_until(lambda: len(outbox) > cursor, timeout):
            raise AssertionError(
                f"no new message to chat {chat_id} within {timeout}s "
                f"({cursor} already returned).\n{self.activity()}"
            )
        self._cursors[chat_id] = cursor + 1
        return outbox[cursor]

    def mark_read(self, chat_id: int) -> None:
        """Skip everything sent to ``chat_id`` so far: the next :meth:`next_message` waits for a
        new one (e.g. after a scheduler tick sent messages nobody replied to)."""
        self._cursors[chat_id] = len(self._outbox.setdefault(chat_id, []))

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> None:
        """Wait until ``predicate()`` holds; it is re-checked on every API call and update."""
        if not await self._wait_until(predicate, timeout):
            raise AssertionError(f"condition not met within {timeout}s.\n{self.activity()}")

    async def wait_idle(self, *, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot confirmed (via ``offset``) every queued update. PTB confirms a
        batch when it polls again, right after queueing it, so this means "fetched", not
        "handled": wait for the bot's reaction with :meth:`next_message`/:meth:`wait_for`."""
        if not await self._wait_until(lambda: not self._updates, timeout):
            pending = [update["update_id"] for update in self._updates]
            raise AssertionError(
                f"updates {pending} not confirmed within {timeout}s "
                f"(confirmed offset: {self.confirmed_offset}).\n{self.activity()}"
            )

    def activity(self) -> str:
        """A human-readable digest of what the bot did, for assertion messages."""
        lines = ["messages sent:"] + [f"  {_summary(message)}" for message in self.sent]
        lines += ["API errors answered:"] + [f"  {m}: {d}" for m, d in self.errors[-10:]]
        lines += ["unknown methods called:"] + [f"  {m}" for m, _ in self.unknown_calls]
        return "\n".join(lines)

    # ------------------------------------------------------------------ inspection

    def messages_to(self, chat_id: int) -> list[JSON]:
        """Current state (edits applied) of the bot's messages in ``chat_id``, oldest first."""
        return [
            copy.deepcopy(message)
            for (chat, _), message in sorted(self._messages.items())
            if chat == chat_id and message["from"]["id"] == self.bot_user["id"]
        ]

    def calls_of(self, method: str) -> list[JSON]:
        """Parameters of every call of ``method``, oldest first."""
        return [params for name, params in self.calls if name == method]

    def file_bytes(self, file_id: str) -> bytes:
        return self._files[file_id].content

    def document_bytes(self, message: JSON) -> bytes:
        """The uploaded content of a document message."""
        return self.file_bytes(message["document"]["file_id"])

    # ------------------------------------------------------------------ user side

    def add_chat(
        self,
        chat_id: int,
        *,
        chat_type: str = "private",
        first_name: str = "Ann",
        username: str | None = None,
    ) -> JSON:
        """Make ``chat_id`` known (as if the user had talked to the bot before) without
        queueing an update, e.g. for a bot that reminds users stored in its database."""
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
            if username:
                chat["username"] = username
        else:
            chat["title"] = f"Test {chat_type} {chat_id}"
        self._chats[chat_id] = chat
        return chat

    def user_message(self, text: str, **sender: Unpack[Sender]) -> JSON:
        """Queue a text message from a user. The sender (see ``_incoming`` for the defaults)
        is user 1001, "Ann", in a private chat whose id is the user's (``-user_id`` for other
        chat types). A leading ``/command`` (or ``/command@bot``) gets a ``bot_command``
        entity."""
        content: JSON = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
            ]
        return self._incoming(content, **sender)

    def user_sticker(self, emoji: str = "👍", **sender: Unpack[Sender]) -> JSON:
        sticker = self._store_file(b"RIFF\x00\x00\x00\x00WEBP", "stickers", ".webp")
        sticker |= {
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._incoming({"sticker": sticker}, **sender)

    def user_photo(
        self, content: bytes = b"\xff\xd8\xff fake jpeg", *, caption: str | None = None,
        **sender: Unpack[Sender],
    ) -> JSON:  # fmt: skip
        photo = self._store_file(content, "photos", ".jpg") | {"width": 800, "height": 600}
        return self._incoming(self._with_caption({"photo": [photo]}, caption), **sender)

    def user_location(self, latitude: float, longitude: float, **sender: Unpack[Sender]) -> JSON:
        return self._incoming(
            {"location": {"latitude": latitude, "longitude": longitude}}, **sender
        )

    def user_document(
        self,
        file_name: str,
        content: bytes,
        mime_type: str = "application/octet-stream",
        *,
        caption: str | None = None,
        **sender: Unpack[Sender],
    ) -> JSON:
        """Queue a document; the bot can download ``content`` through getFile."""
        document = self._store_file(content, "documents", PurePosixPath(file_name).suffix)
        document |= {"file_name": file_name, "mime_type": mime_type}
        return self._incoming(self._with_caption({"document": document}, caption), **sender)

    def user_edited_message(self, message: JSON | int, text: str, *, user_id: int = 1001) -> JSON:
        """Queue an ``edited_message`` update: the user edits one of their text messages."""
        stored = self._stored_message(message, default_chat_id=user_id)
        if stored is None:
            raise KeyError(f"no stored message {message!r}")
        stored |= {"text": text, "edit_date": int(time.time())}
        stored.pop("entities", None)
        self.queue_update({"edited_message": copy.deepcopy(stored)})
        return copy.deepcopy(stored)

    def user_presses(
        self,
        message: JSON | int,
        data: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        inaccessible: bool = False,
    ) -> str:
        """Queue a ``callback_query``: ``user_id`` taps a button carrying ``data`` under
        ``message`` (a message dict, or a message id in ``chat_id``, default the presser's
        private chat). The query carries the message's current state. Pressing is possible on
        a message the emulator does not know (stale or forged callbacks): it fabricates a bot
        message with that id, or with ``inaccessible=True`` an inaccessible one (``date`` 0),
        as Telegram sends for messages older than 48 hours. Returns the query id."""
        default_chat_id = user_id if chat_id is None else chat_id
        stored = self._stored_message(message, default_chat_id=default_chat_id)
        if stored is None or inaccessible:
            stored = self._fabricate_message(message, default_chat_id, inaccessible=inaccessible)
        query_id = str(next(self._callback_ids))
        self._open_callbacks.add(query_id)
        self.queue_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._users.get(user_id)
                    or {"id": user_id, "is_bot": False, "first_name": "Ann"},
                    "message": copy.deepcopy(_api_view(stored)),
                    "chat_instance": str(-(10**12) - stored["chat"]["id"]),
                    "data": data,
                }
            }
        )
        return query_id

    def queue_update(self, update: JSON) -> JSON:
        """Queue a raw update for getUpdates; ``update_id`` is assigned when missing."""
        update.setdefault("update_id", self._next_update_id)
        self._next_update_id = max(self._next_update_id, update["update_id"]) + 1
        self._updates.append(update)
        self._notify()
        return update

    # ------------------------------------------------------------------ user-side helpers

    def _incoming(
        self,
        content: JSON,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ann",
        username: str | None = None,
        language_code: str = "en",
    ) -> JSON:
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -user_id
        if chat_type == "private" or chat_id not in self._chats:
            self.add_chat(chat_id, chat_type=chat_type, first_name=first_name, username=username)
        sender: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        sender |= {"username": username} if username else {}
        sender["language_code"] = language_code
        self._users[user_id] = sender
        message = self._new_message(chat_id, sender, content)
        self.queue_update({"message": copy.deepcopy(message)})
        return copy.deepcopy(message)

    def _stored_message(self, message: JSON | int, *, default_chat_id: int) -> JSON | None:
        if isinstance(message, int):
            return self._messages.get((default_chat_id, message))
        chat_id = message["chat"]["id"] if "chat" in message else default_chat_id
        return self._messages.get((chat_id, message["message_id"]))

    def _fabricate_message(self, message: JSON | int, chat_id: int, *, inaccessible: bool) -> JSON:
        message_id = message if isinstance(message, int) else message["message_id"]
        if isinstance(message, dict) and "chat" in message:
            chat_id = message["chat"]["id"]
        chat = copy.deepcopy(self._chats.get(chat_id) or self.add_chat(chat_id))
        self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), message_id)
        if inaccessible:
            return {"chat": chat, "message_id": message_id, "date": 0}
        fabricated: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            "text": "(message unknown to the emulator)",
        }
        self._messages[(chat_id, message_id)] = fabricated
        return fabricated

    @staticmethod
    def _with_caption(content: JSON, caption: str | None) -> JSON:
        return content if caption is None else content | {"caption": caption}

    def _store_file(self, content: bytes, folder: str, suffix: str) -> JSON:
        number = next(self._file_counter)
        stored = _StoredFile(
            file_id=f"{folder[:2].upper()}AC{number:08d}emu",
            file_unique_id=f"AQAD{number:08d}",
            file_path=f"{folder}/file_{number}{suffix}",
            content=content,
        )
        self._files[stored.file_id] = stored
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(content),
        }

    def _new_message(self, chat_id: int, sender: JSON, content: JSON) -> JSON:
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": copy.deepcopy(self._chats[chat_id]),
            "from": copy.deepcopy(sender),
            **content,
        }
        self._messages[(chat_id, message_id)] = message
        return message

    # ------------------------------------------------------------------ method handlers

    @staticmethod
    def _true(params: JSON) -> bool:
        return True

    def _get_me(self, params: JSON) -> JSON:
        return self.bot_user

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if "offset" in params:
            self._confirm(int(params["offset"]))
        self._poll_generation += 1
        generation = self._poll_generation
        await self._wait_until(
            lambda: bool(self._updates) or self._closing or self._poll_generation != generation,
            float(params.get("timeout", 0)),
        )
        if self._poll_generation != generation:
            raise APIError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return self._updates[: int(params.get("limit", 100))]

    def _confirm(self, offset: int) -> None:
        self.confirmed_offset = max(self.confirmed_offset, offset)
        self._updates = [u for u in self._updates if u["update_id"] >= self.confirmed_offset]
        self._notify()

    def _delete_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._confirm(self._next_update_id)
        self.webhook = None
        return True

    def _set_webhook(self, params: JSON) -> bool:
        """Remember the webhook (a test posts updates to it, as Telegram would)."""
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            raise _bad_request("bad webhook: an HTTPS URL must be provided for webhook")
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token")}
        return True

    def _get_webhook_info(self, params: JSON) -> JSON:
        hook = self.webhook or {}
        return {"url": hook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}  # fmt: skip

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), params.get("language_code", "")

    def _set_my_commands(self, params: JSON) -> bool:
        commands = params["commands"]
        for command in commands:
            if not _COMMAND_RE.fullmatch(command.get("command", "")):
                raise _bad_request("BOT_COMMAND_INVALID")
        self._command_lists[self._commands_key(params)] = commands
        self.commands = commands
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self._command_lists.get(self._commands_key(params), [])

    def _delete_my_commands(self, params: JSON) -> bool:
        self._command_lists.pop(self._commands_key(params), None)
        return True

    def _set_my_description(self, params: JSON) -> bool:
        self.description = params.get("description", "")
        self._descriptions[params.get("language_code", "")] = self.description
        return True

    def _get_my_description(self, params: JSON) -> JSON:
        return {"description": self._descriptions.get(params.get("language_code", ""), "")}

    def _set_my_short_description(self, params: JSON) -> bool:
        self.short_description = params.get("short_description", "")
        self._short_descriptions[params.get("language_code", "")] = self.short_description
        return True

    def _get_my_short_description(self, params: JSON) -> JSON:
        language = params.get("language_code", "")
        return {"short_description": self._short_descriptions.get(language, "")}

    def _send_message(self, params: JSON) -> JSON:
        chat_id = self._known_chat_id(params)
        text = self._checked_text(params.get("text", ""), params.get("parse_mode"))
        return self._send(chat_id, {"text": text}, params)

    def _send_photo(self, params: JSON) -> JSON:
        chat_id = self._known_chat_id(params)
        photo = self._media_input(params.get("photo"), "photos", ".jpg")
        content = {"photo": [photo | {"width": 800, "height": 600}]}
        return self._send(chat_id, self._checked_caption(content, params), params)

    def _send_document(self, params: JSON) -> JSON:
        chat_id = self._known_chat_id(params)
        document = params.get("document")
        content: JSON = {"document": self._media_input(document, "documents", "")}
        if isinstance(document, Upload):
            content["document"] |= {"file_name": document.filename, "mime_type": document.mime_type}
        return self._send(chat_id, self._checked_caption(content, params), params)

    def _send_chat_action(self, params: JSON) -> bool:
        self._known_chat_id(params)
        return True

    def _edit_message_text(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        if "text" not in message:
            raise _bad_request("there is no text in the message to edit")
        text = self._checked_text(params.get("text", ""), params.get("parse_mode"))
        return self._edit(message, {"text": text}, self._checked_markup(params))

    def _edit_message_reply_markup(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        return self._edit(message, {}, self._checked_markup(params))

    def _answer_callback_query(self, params: JSON) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self._open_callbacks:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self._open_callbacks.discard(query_id)
        self.callback_answers.append(params)
        return True

    def _get_file(self, params: JSON) -> JSON:
        stored = self._files.get(params.get("file_id", ""))
        if stored is None:
            raise _bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    # ------------------------------------------------------------------ handler helpers

    def _known_chat_id(self, params: JSON) -> int:
        chat_id = params.get("chat_id")
        if chat_id not in self._chats:
            raise _bad_request("chat not found")
        return chat_id

    @staticmethod
    def _checked_text(text: str, parse_mode: str | None) -> str:
        if parse_mode is not None and parse_mode.upper() == "HTML":
            text = _html_to_plain(text)
        if not text.strip():
            raise _bad_request("message text is empty")
        if _utf16_len(text) > MAX_TEXT_LENGTH:
            raise _bad_request("message is too long")
        return text

    @staticmethod
    def _checked_caption(content: JSON, params: JSON) -> JSON:
        caption = params.get("caption")
        if caption is None:
            return content
        if params.get("parse_mode", "").upper() == "HTML":
            caption = _html_to_plain(caption)
        if _utf16_len(caption) > MAX_CAPTION_LENGTH:
            raise _bad_request("message caption is too long")
        return content | {"caption": caption}

    @staticmethod
    def _checked_markup(params: JSON) -> JSON | None:
        """The request's ``reply_markup`` (any kind), after Telegram's inline button checks."""
        markup = params.get("reply_markup")
        inline = _inline_markup(markup) or {"inline_keyboard": []}
        for row in inline["inline_keyboard"]:
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
                    raise _bad_request("BUTTON_DATA_INVALID")
        return markup

    def _media_input(self, value: object, folder: str, suffix: str) -> JSON:
        """A file for a send* method: a fresh upload, a known file_id or an HTTP URL."""
        if isinstance(value, Upload):
            return self._store_file(
                value.content, folder, suffix or PurePosixPath(value.filename).suffix
            )
        if isinstance(value, str) and value in self._files:
            stored = self._files[value]
            return {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.content),
            }
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self._store_file(b"", folder, suffix)
        raise _bad_request("wrong file identifier/HTTP URL specified")

    def _send(self, chat_id: int, content: JSON, params: JSON) -> JSON:
        markup = self._checked_markup(params)
        message = self._new_message(chat_id, self.bot_user, content)
        if markup is not None:
            message["reply_markup"] = markup
        snapshot = copy.deepcopy(message)
        self.sent.append(snapshot)
        self._outbox.setdefault(chat_id, []).append(snapshot)
        self._notify()
        return _api_view(message)

    def _editable_message(self, params: JSON) -> JSON:
        message = self._messages.get((params.get("chat_id"), params.get("message_id")))
        if message is None:
            raise _bad_request("message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise _bad_request("message can't be edited")
        return message

    def _edit(self, message: JSON, content: JSON, markup: JSON | None) -> JSON:
        """Apply an edit; a missing inline keyboard removes the current one, like Telegram."""
        current = _inline_markup(message.get("reply_markup"))
        unchanged = all(message.get(key) == value for key, value in content.items())
        if unchanged and current == markup:
            raise APIError(400, _NOT_MODIFIED)
        message |= content | {"edit_date": int(time.time())}
        if markup is not None:
            message["reply_markup"] = markup
        elif current is not None:
            del message["reply_markup"]
        self.edits.append(copy.deepcopy(message))
        self._notify()
        return _api_view(message)
