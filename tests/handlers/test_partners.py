"""Accountability partners end to end: two or more users in one emulator, on the injected clock.

Ann (1001) invites; Bob (2002) and friends answer. Everyone lives in UTC with check-ins at
18:00 on Mon–Fri; the week starts on Monday 5 January 2026 (the harness's START, 12:00).
What one side tells the other goes through the outbox, so a tick delivers it.
"""

import io
import json
import re
import zipfile
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlparse

from sqlalchemy import select

from bot import i18n, texts
from bot.callbacks import InviteAnswer, PartnerCheer, PartnerEnd, PartnerInvite, PartnerNudge
from db.models import OutboxMessage, Partner, User
from db.models import PartnerInvite as InviteRow
from services.partners import token_hash
from tests.clock import ManualClock
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    complete_checkin,
    onboard,
    one_of,
)

BOB, CY, DEE, EVE = 2002, 3003, 4004, 5005
MONDAY = date(2026, 1, 5)
LINK = re.compile(r"https://t\.me/marathon_test_bot\?start=(p-[A-Za-z0-9_-]+)")


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def friend(chat: Chat, user_id: int, name: str) -> Chat:
    return Chat(chat.emulator, user_id, first_name=name)


async def invite_link(chat: Chat) -> tuple[JSON, str]:
    """/partner: the message and the /start payload of its link."""
    message = await chat.say("/partner")
    found = LINK.search(message["text"])
    assert found, message["text"]
    return message, found[1]


def current(chat: Chat, message: JSON) -> JSON:
    (now,) = [
        m
        for m in chat.emulator.messages_to(chat.user_id)
        if m["message_id"] == message["message_id"]
    ]
    return now


async def edited_to(chat: Chat, message: JSON, text: str) -> None:
    await chat.emulator.wait_for(lambda: current(chat, message)["text"] == text)


async def answer(chat: Chat, message: JSON, data: str) -> JSON:
    """Press as `chat`'s user; the callback answer."""
    answers = len(chat.emulator.callback_answers)
    chat.emulator.user_presses(message, data, user_id=chat.user_id)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) > answers)
    return chat.emulator.callback_answers[-1]


async def delivered(bot: RunningBot, chat: Chat) -> JSON:
    """What the outbox holds for `chat`, sent by a tick."""
    await bot.tick()
    return await chat.reply()


async def partnered(bot: RunningBot, ann: Chat, other: Chat) -> None:
    """`other` (onboarded) accepts Ann's invite; both have read everything."""
    _, payload = await invite_link(ann)
    card = await other.say(f"/start {payload}")
    await answer(other, card, button_data(card, texts.PARTNER_ACCEPT_BUTTON))
    told = await delivered(bot, ann)
    assert told["text"] == texts.PARTNER_THEY_ACCEPTED.format(name=other.first_name)
    ann.emulator.mark_read(ann.user_id)
    ann.emulator.mark_read(other.user_id)


async def pair_rows(bot: RunningBot) -> set[tuple[int, int]]:
    return {(row.user_id, row.partner_id) for row in await bot.rows(Partner)}


# --- invites ----------------------------------------------------------------------------------


@both_backends
async def test_an_invite_accepted_makes_partners_and_tells_the_inviter(
    bot: RunningBot, chat: Chat
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)

    message, payload = await invite_link(chat)
    assert message["text"].startswith(texts.PARTNER_EXPLAIN)
    assert len(texts.PARTNER_EXPLAIN.split("\n")) == 3
    link = f"https://t.me/marathon_test_bot?start={payload}"
    assert texts.PARTNER_INVITE.format(link=link) in message["text"]
    (share,) = message["reply_markup"]["inline_keyboard"][0]
    assert share["text"] == texts.PARTNER_SHARE_BUTTON
    shared = urlparse(share["url"])
    assert (shared.netloc, shared.path) == ("t.me", "/share/url")
    assert parse_qs(shared.query) == {"url": [link], "text": [texts.PARTNER_SHARE_TEXT]}
    # Only the token's hash is stored.
    (invite,) = await bot.rows(InviteRow)
    token = payload.removeprefix("p-")
    assert invite.token_hash == token_hash(token) and token not in invite.token_hash
    assert invite.expires_at == at(MONDAY, 12) + timedelta(days=7)

    settings = await chat.say("/settings")  # Ann shares her days and streak only
    await answer(chat, settings, button_data(settings, texts.SECTION_BUTTONS["partner"]))
    shown = texts.SETTINGS_PARTNER.format(share=texts.PARTNER_SHARE_NAMES["all"])
    await edited_to(chat, settings, shown)
    section = current(chat, settings)
    await answer(chat, section, button_data(section, texts.PARTNER_SHARE_BUTTONS["days"]))
    card = await bob.say(f"/start {payload}")
    assert card["text"] == (
        "🤝 Ann invites you to be accountability partners.\n\n"
        "Ann would see of you: each networking day checked in or not, the streak, and the "
        "week's counts (people reached, gives, asks, follow-ups done).\n"
        "You would see of Ann: each networking day checked in or not, and the streak.\n"
        "Never names, notes, contacts, goals or pitches. /settings → Partner changes what you "
        "share."
    )
    assert button_labels(card) == [texts.PARTNER_ACCEPT_BUTTON, texts.PARTNER_DECLINE_BUTTON]
    await answer(bob, card, button_data(card, texts.PARTNER_ACCEPT_BUTTON))
    await edited_to(bob, card, texts.PARTNER_ACCEPTED.format(name="Ann"))
    assert await pair_rows(bot) == {(USER_ID, BOB), (BOB, USER_ID)}
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_THEY_ACCEPTED.format(name="Bob")

    # The link was single-use: pressing Accept again, or opening it again, changes nothing.
    again = await answer(bob, card, button_data(card, texts.PARTNER_ACCEPT_BUTTON))
    assert "text" not in again
    await edited_to(bob, card, texts.PARTNER_INVITE_PROBLEMS["invalid"])
    cy = friend(chat, CY, "Cy")
    await onboard(cy)
    assert (await cy.say(f"/start {payload}"))["text"] == texts.PARTNER_INVITE_PROBLEMS["invalid"]
    assert await pair_rows(bot) == {(USER_ID, BOB), (BOB, USER_ID)}


@both_backends
async def test_someone_new_gets_the_welcome_the_invite_and_then_onboarding(
    bot: RunningBot, chat: Chat
) -> None:
    await onboard(chat)
    _, payload = await invite_link(chat)
    cy = friend(chat, CY, "Cy")
    welcome = await cy.say(f"/start {payload}")
    assert welcome["text"] == texts.WELCOME.format(name="Cy")
    card = await cy.reply()
    assert card["text"].startswith("🤝 Ann invites you to be accountability partners.")
    assert (await cy.reply())["text"] == texts.ASK_TIMEZONE
    # Accepting mid-onboarding keeps onboarding where it was.
    await answer(cy, card, button_data(card, texts.PARTNER_ACCEPT_BUTTON))
    await edited_to(cy, card, texts.PARTNER_ACCEPTED.format(name="Ann"))
    assert (await cy.say("Keep UTC"))["text"].startswith("Timezone set to UTC")
    assert await pair_rows(bot) == {(USER_ID, CY), (CY, USER_ID)}


@both_backends
async def test_no_thanks_tells_the_inviter_and_uses_the_link(bot: RunningBot, chat: Chat) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    _, payload = await invite_link(chat)
    card = await bob.say(f"/start {payload}")
    await answer(bob, card, button_data(card, texts.PARTNER_DECLINE_BUTTON))
    await edited_to(bob, card, texts.PARTNER_DECLINED.format(name="Ann"))
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_THEY_DECLINED.format(name="Bob")
    assert await pair_rows(bot) == set()
    assert (await bob.say(f"/start {payload}"))["text"] == texts.PARTNER_INVITE_PROBLEMS["invalid"]


@both_backends
async def test_own_expired_and_forged_links_get_one_friendly_line(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    _, payload = await invite_link(chat)
    invalid = texts.PARTNER_INVITE_PROBLEMS["invalid"]
    assert (await chat.say(f"/start {payload}"))["text"] == texts.PARTNER_INVITE_PROBLEMS["self"]
    assert (await bob.say("/start p-AAAAAAAAAAAAAAAAAAAAAA"))["text"] == invalid
    assert (await bob.say("/start p-!"))["text"] == invalid
    # A forged Accept button (a token nobody was given) changes nothing.
    forged = PartnerInvite(InviteAnswer.YES, "BBBBBBBBBBBBBBBBBBBBBB").pack()
    note = await bob.say("/help")
    await answer(bob, note, forged)
    await edited_to(bob, note, invalid)
    # Ann cannot accept her own invite with its button either.
    own = PartnerInvite(InviteAnswer.YES, payload.removeprefix("p-")).pack()
    await answer(chat, note, own)
    clock.advance(days=7, minutes=1)
    assert (await bob.say(f"/start {payload}"))["text"] == invalid
    assert await pair_rows(bot) == set()
    (invite,) = await bot.rows(InviteRow)
    assert invite.used_at is None


@both_backends
async def test_at_most_three_partners(bot: RunningBot, chat: Chat) -> None:
    await onboard(chat)
    links = [(await invite_link(chat))[1] for _ in range(4)]
    friends = [friend(chat, uid, name) for uid, name in ((BOB, "Bob"), (CY, "Cy"), (DEE, "Dee"))]
    for other, payload in zip(friends, links, strict=False):
        await onboard(other)
        card = await other.say(f"/start {payload}")
        await answer(other, card, button_data(card, texts.PARTNER_ACCEPT_BUTTON))
        await edited_to(other, card, texts.PARTNER_ACCEPTED.format(name="Ann"))
    eve = friend(chat, EVE, "Eve")
    await onboard(eve)
    full = texts.PARTNER_INVITE_PROBLEMS["they_full"].format(max=3)
    assert (await eve.say(f"/start {links[3]}"))["text"] == full
    message = await chat.say("/partner")
    assert texts.PARTNER_FULL.format(max=3) in message["text"]
    assert not LINK.search(message["text"])
    assert button_labels(message) == [
        texts.PARTNER_END_BUTTON.format(name=name) for name in ("Bob", "Cy", "Dee")
    ]
    assert len(await pair_rows(bot)) == 6


# --- what a partner sees ----------------------------------------------------------------------


@both_backends
async def test_partner_view_follows_what_they_share_and_their_pause(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    await complete_checkin(bob)  # Monday
    clock.set(at(MONDAY + timedelta(days=2), 12))  # Wednesday: Tuesday missed
    await complete_checkin(bob)

    view = await chat.say("/partner")
    line = texts.PARTNER_LINE.format(
        name="Bob", marks="●○●··", streak=1, since="Mon 5 Jan", weeks="0 weeks"
    )
    assert line in view["text"]
    assert texts.PARTNER_MARKS_LEGEND in view["text"]
    # Never content: not the names, the notes, what was given or asked.
    assert "Sally" not in view["text"] and "Tom" not in view["text"]

    settings = await bob.say("/settings")
    await answer(bob, settings, button_data(settings, texts.SECTION_BUTTONS["partner"]))
    await edited_to(
        bob, settings, texts.SETTINGS_PARTNER.format(share="days, streak and weekly counts")
    )
    section = current(bob, settings)
    confirmation = await answer(
        bob, section, button_data(section, texts.PARTNER_SHARE_BUTTONS["streak"])
    )
    assert confirmation["text"] == texts.PARTNER_SHARE_CHANGED.format(share="streak only")
    view = await chat.say("/partner")
    assert (
        texts.PARTNER_LINE_STREAK_ONLY.format(
            name="Bob", streak=1, since="Mon 5 Jan", weeks="0 weeks"
        )
        in view["text"]
    )
    assert "●" not in view["text"]

    await bob.say("/pause until I say")
    view = await chat.say("/partner")
    assert (
        texts.PARTNER_LINE_PAUSED.format(name="Bob", streak=1, since="Mon 5 Jan", weeks="0 weeks")
        in view["text"]
    )


@both_backends
async def test_ending_a_partnership_tells_the_other_side_and_old_buttons_go_stale(
    bot: RunningBot, chat: Chat
) -> None:
    bob, cy = friend(chat, BOB, "Bob"), friend(chat, CY, "Cy")
    await onboard(chat)
    await onboard(bob)
    await onboard(cy)
    await partnered(bot, chat, bob)
    view = await chat.say("/partner")
    end = button_data(view, texts.PARTNER_END_BUTTON.format(name="Bob"))
    (mine,) = await bot.rows(Partner, Partner.user_id == USER_ID)
    assert end == PartnerEnd(mine.id).pack()

    # Someone else pressing it (a forged button) changes nothing.
    stale = await answer(cy, view, end)
    assert stale["text"] == texts.STALE_BUTTON
    (theirs,) = await bot.rows(Partner, Partner.user_id == BOB)
    stale = await answer(chat, view, PartnerEnd(theirs.id).pack())
    assert stale["text"] == texts.STALE_BUTTON
    assert len(await pair_rows(bot)) == 2

    await answer(chat, view, end)
    assert (await chat.reply())["text"] == texts.PARTNER_ENDED_YOU.format(name="Bob")
    assert await pair_rows(bot) == set()
    told = await delivered(bot, bob)
    assert told["text"] == texts.PARTNER_ENDED.format(name="Ann")
    assert (await answer(chat, view, end))["text"] == texts.STALE_BUTTON


@both_backends
async def test_each_side_is_told_in_their_own_language(bot: RunningBot, chat: Chat) -> None:
    """Bob reads German, Ann English: what one side tells the other is in the reader's language,
    whoever pressed the button."""
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    menu = await bob.say("/language")
    await answer(bob, menu, button_data(menu, "Deutsch"))
    with i18n.speaking("de"):
        accept, invited = texts.PARTNER_ACCEPT_BUTTON, texts.PARTNER_INVITED.split("\n")[0]
        ended = texts.PARTNER_ENDED.format(name="Ann")

    _, payload = await invite_link(chat)
    card = await bob.say(f"/start {payload}")
    assert card["text"].startswith(invited.format(name="Ann"))
    await answer(bob, card, button_data(card, accept))
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_THEY_ACCEPTED.format(name="Bob")

    view = await chat.say("/partner")
    await answer(chat, view, button_data(view, texts.PARTNER_END_BUTTON.format(name="Bob")))
    assert (await chat.reply())["text"] == texts.PARTNER_ENDED_YOU.format(name="Bob")
    bob.emulator.mark_read(BOB)
    assert (await delivered(bot, bob))["text"] == ended


# --- the weekly digest, cheers, the quiet partner ------------------------------------------


async def tick_at(bot: RunningBot, clock: ManualClock, moment: datetime) -> None:
    clock.set(moment)
    await bot.tick()


def new_messages(chat: Chat, before: int) -> list[JSON]:
    return chat.emulator.messages_to(chat.user_id)[before:]


@both_backends
async def test_the_weekly_review_carries_the_digest_and_cheers_go_once_a_day(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    for offset in range(5):  # Ann checks in every day, Bob Mon–Wed, at noon; 18:00 passes
        day = MONDAY + timedelta(days=offset)
        clock.set(at(day, 12))
        await complete_checkin(chat)
        if offset < 3:
            await complete_checkin(bob)
        await tick_at(bot, clock, at(day))
    (review,) = [
        m
        for m in chat.emulator.messages_to(USER_ID)
        if m["text"].startswith(tuple(texts.REVIEW_TITLES))
    ]
    line = texts.PARTNER_DIGEST_COUNTS.format(
        name="Bob",
        marks="●●●○·",
        people="2 people reached",
        gives="3 gives",
        asks="3 asks",
        done="0 follow-ups done",
    )
    assert f"{texts.PARTNER_DIGEST}\n{line}" in review["text"]
    assert review["text"].endswith(texts.REVIEW_WHY.format(on_weekdays="on Fridays"))
    cheer = button_data(review, texts.PARTNER_CHEER_BUTTON.format(name="Bob"))
    (mine,) = await bot.rows(Partner, Partner.user_id == USER_ID)
    assert cheer == PartnerCheer(mine.id).pack()
    # Bob's review holds Ann's week too (one message each, nothing extra).
    bob_reviews = [
        m for m in bob.emulator.messages_to(BOB) if texts.PARTNER_DIGEST in m.get("text", "")
    ]
    assert len(bob_reviews) == 1

    clock.advance(minutes=5)
    sent = await answer(chat, review, cheer)
    assert sent["text"] == texts.PARTNER_CHEER_SENT.format(name="Bob")
    bob.emulator.mark_read(BOB)
    assert (await delivered(bot, bob))["text"] == texts.PARTNER_CHEERED.format(name="Ann")
    again = await answer(chat, review, cheer)
    assert again["text"] == texts.PARTNER_CHEER_ONCE.format(name="Bob")
    await bot.tick()
    cheers = [m for m in bob.emulator.messages_to(BOB) if "cheers you on" in m.get("text", "")]
    assert len(cheers) == 1
    # Bob cannot cheer himself with Ann's button, nor through a row that is not his.
    assert (await answer(bob, review, cheer))["text"] == texts.STALE_BUTTON
    clock.advance(days=1)
    assert (await answer(chat, review, cheer))["text"] == texts.PARTNER_CHEER_SENT.format(
        name="Bob"
    )


def suggestions(chat: Chat) -> list[JSON]:
    return [
        m
        for m in chat.emulator.messages_to(chat.user_id)
        if texts.PARTNER_QUIET.format(name="Bob") in m.get("text", "")
    ]


def nudges(chat: Chat) -> list[JSON]:
    return [
        m
        for m in chat.emulator.messages_to(chat.user_id)
        if one_of(m.get("text", ""), texts.PARTNER_NUDGES, name="Ann")
    ]


@both_backends
async def test_a_quiet_partner_brings_one_suggestion_and_the_nudge_follows_their_policy(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    for offset in range(3):  # Bob misses Monday and Tuesday; Ann checks in every day
        day = MONDAY + timedelta(days=offset)
        clock.set(at(day, 12))
        await complete_checkin(chat)
        await tick_at(bot, clock, at(day))
    (suggestion,) = suggestions(chat)  # Wednesday's, once
    assert texts.PARTNER_QUIET_WHY in suggestion["text"]
    nudge = button_data(suggestion, texts.PARTNER_NUDGE_BUTTON.format(name="Bob"))
    (mine,) = await bot.rows(Partner, Partner.user_id == USER_ID)
    assert nudge == PartnerNudge(mine.id).pack()

    # Pressed in Bob's quiet hours (from 21:00): it reaches him when they end, once.
    clock.set(at(MONDAY + timedelta(days=2), 22))
    sent = await answer(chat, suggestion, nudge)
    assert sent["text"] == texts.PARTNER_NUDGE_SENT.format(name="Bob")
    await bot.tick()
    assert nudges(bob) == []
    await tick_at(bot, clock, at(MONDAY + timedelta(days=3), 8))
    (arrived,) = nudges(bob)
    assert texts.PARTNER_NUDGE_WHY.format(name="Ann") in arrived["text"]
    assert button_labels(arrived) == [texts.QUICK_CHECKIN_BUTTON, "🔕 No more nudges from partners"]
    (outbox,) = await bot.rows(OutboxMessage, OutboxMessage.nudge_kind == "partnernudge")
    assert outbox.user_id == BOB

    # Never twice in three days; no second suggestion that week.
    again = await answer(chat, suggestion, nudge)
    assert again["text"] == texts.PARTNER_NUDGE_RECENT.format(name="Bob")
    for offset in range(3, 5):
        await tick_at(bot, clock, at(MONDAY + timedelta(days=offset)))
    assert len(suggestions(chat)) == 1 and len(nudges(bob)) == 1
    # Bob pressing Ann's button, or a forged row id, changes nothing.
    assert (await answer(bob, suggestion, nudge))["text"] == texts.STALE_BUTTON
    assert (await answer(chat, suggestion, PartnerNudge(10**9).pack()))[
        "text"
    ] == texts.STALE_BUTTON


@both_backends
async def test_a_nudge_waits_for_nobody_while_paused_or_switched_off(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    for offset in range(3):
        await tick_at(bot, clock, at(MONDAY + timedelta(days=offset)))
    (suggestion,) = suggestions(chat)
    nudge = button_data(suggestion, texts.PARTNER_NUDGE_BUTTON.format(name="Bob"))

    await bob.say("/pause until I say")
    clock.advance(minutes=10)
    assert (await answer(chat, suggestion, nudge))["text"] == texts.PARTNER_NUDGE_SENT.format(
        name="Bob"
    )
    await bot.tick()
    await bob.say("/resume")
    await tick_at(bot, clock, at(MONDAY + timedelta(days=3), 9))
    assert nudges(bob) == []
    (mine,) = await bot.rows(Partner, Partner.user_id == USER_ID)
    assert (mine.nudge_requested_at, mine.nudged_at) == (None, None)

    await bob.say("/settings")  # the off switch, as the nudge's own button would
    async with bot.session() as session:
        user = await session.get(User, BOB)
        assert user is not None
        user.attention = {"partnernudge": {"on": False, "due": None, "ignored": 0}}
        await session.commit()
    assert (await answer(chat, suggestion, nudge))["text"] == texts.PARTNER_NUDGE_SENT.format(
        name="Bob"
    )
    await bot.tick()
    await tick_at(bot, clock, at(MONDAY + timedelta(days=4), 9))
    assert nudges(bob) == []


# --- /stats, /export, /forget, blocking --------------------------------------------------------


@both_backends
async def test_stats_show_the_partner_streak(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    for offset in range(3):  # both check in Mon–Wed: this week counts
        clock.set(at(MONDAY + timedelta(days=offset), 12))
        await complete_checkin(chat)
        await complete_checkin(bob)
    chat.emulator.mark_read(USER_ID)
    text = await chat.say("/stats")
    assert texts.PARTNER_STATS.format(name="Bob", weeks="1 week") in text["text"]
    await chat.reply()  # the chart
    view = await chat.say("/partner")
    assert "together 1 week" in view["text"]


@both_backends
async def test_forget_and_blocking_end_partnerships_and_each_partner_is_told(
    bot: RunningBot, chat: Chat
) -> None:
    bob, cy = friend(chat, BOB, "Bob"), friend(chat, CY, "Cy")
    await onboard(chat)
    await onboard(bob)
    await onboard(cy)
    await partnered(bot, chat, bob)
    await partnered(bot, chat, cy)

    chat.send("/export")
    document = await chat.reply()
    while "document" not in document:
        document = await chat.reply()
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(chat.emulator.document_bytes(document))).read("data.json")
    )
    assert [row["partner"] for row in data["tables"]["partners"]] == ["Bob", "Cy"]
    assert all(set(row) == {"partner", "since"} for row in data["tables"]["partners"])

    question = await bob.say("/forget")
    await answer(bob, question, button_data(question, texts.FORGET_YES_BUTTON))
    await bob.emulator.wait_for(lambda: current(bob, question)["text"] == texts.FORGET_DONE)
    assert await pair_rows(bot) == {(USER_ID, CY), (CY, USER_ID)}
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_ENDED.format(name="Bob")

    chat.emulator.block(CY)
    chat.emulator.mark_read(USER_ID)
    async with bot.session() as session:  # something due for Cy, who blocked the bot
        await session.execute(
            OutboxMessage.__table__.insert().values(
                user_id=CY,
                chat_id=CY,
                nudge_kind="partner",
                dedupe_key="partner:test",
                payload={"text": "hello"},
                status="pending",
                due_at=bot.clock.now(),
                not_before=bot.clock.now(),
                attempts=0,
                created_at=bot.clock.now(),
            )
        )
        await session.commit()
    await bot.tick()
    assert await pair_rows(bot) == set()
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_ENDED.format(name="Cy")
    async with bot.session() as session:
        assert (await session.scalars(select(Partner))).all() == []


@both_backends
async def test_blocking_the_bot_noticed_by_telegram_ends_the_partnership(
    bot: RunningBot, chat: Chat
) -> None:
    bob = friend(chat, BOB, "Bob")
    await onboard(chat)
    await onboard(bob)
    await partnered(bot, chat, bob)
    marathon = {"id": 123456, "is_bot": True, "first_name": "Marathon"}
    chat.emulator.queue_update(
        {
            "my_chat_member": {
                "chat": {"id": BOB, "type": "private", "first_name": "Bob"},
                "from": {"id": BOB, "is_bot": False, "first_name": "Bob"},
                "date": 1767614400,
                "old_chat_member": {"status": "member", "user": marathon, "until_date": 0},
                "new_chat_member": {"status": "kicked", "user": marathon, "until_date": 0},
            }
        }
    )
    await bot.settled()
    assert await pair_rows(bot) == set()
    told = await delivered(bot, chat)
    assert told["text"] == texts.PARTNER_ENDED.format(name="Bob")
    assert [m for m in bob.emulator.messages_to(BOB) if "partnership" in m.get("text", "")] == []
