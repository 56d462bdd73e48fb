"""Your data: /export hands over everything the bot holds about a user, /forget deletes it.

The checks walk `Base.metadata.sorted_tables` on their own (not through db.userdata), so a table
added later fails here until /export and /forget cover it and `seed` puts a row in it.
"""

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, Column, ForeignKey, Integer, MetaData, String, Table, select

from bot import texts
from bot.presenters.account import forget_question
from db import userdata
from db.models import (
    Base,
    CheckIn,
    Contact,
    Followup,
    Interaction,
    OutboxMessage,
    Partner,
    PartnerInvite,
    Pause,
    User,
)
from domain.export import TableRows, build_export
from tests.clock import ManualClock
from tests.emulator import JSON
from tests.harness import (
    ANSWERS,
    USER_ID,
    Chat,
    Rows,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    complete_checkin,
    owned,
)

# Where the database matters, a test runs on SQLite and on PostgreSQL.

OTHER_ID = 2002
ARCHIVE_FILES = {"README.txt", "data.json", "checkins.csv", "contacts.csv", "interactions.csv"}


# --- helpers ----------------------------------------------------------------------------------


async def until(chat: Chat, wanted: Callable[[JSON], bool]) -> JSON:
    """The bot's next message to `chat` that matches (other features may say more first)."""
    while True:
        message = await chat.reply()
        if wanted(message):
            return message


def is_forget_question(message: JSON) -> bool:
    return texts.FORGET_YES_BUTTON in button_labels(message)


async def seed(bot: RunningBot, chat: Chat, contact_name: str) -> None:
    """A user with a row in every table: through the bot where a command exists, else directly."""
    await chat.say("/start")
    await until(chat, lambda m: m["text"] == texts.ASK_TIMEZONE)
    await complete_checkin(chat)
    await chat.say(f"/pitch I'm a designer; {contact_name} says I help teams ship faster.")
    await chat.say(f"/goal a product role, says {contact_name}")
    await chat.say("Acme; hiring managers")
    await chat.say("Berlin Fintech Meetup")
    (checkin,) = await bot.rows(CheckIn, CheckIn.user_id == chat.user_id)
    now = bot.clock.now()
    async with bot.session() as session:
        contact = Contact(
            user_id=chat.user_id,
            name=contact_name,
            name_key=contact_name.lower(),
            tier="insider",
            company="Acme",
            source="manual",
            created_at=now,
        )
        session.add(contact)
        await session.flush()
        session.add_all(
            [
                Interaction(
                    user_id=chat.user_id,
                    contact_id=contact.id,
                    kind="met",
                    channel="in_person",
                    note=f"Coffee with {contact_name}",
                    happened_on=checkin.local_date,
                    checkin_id=checkin.id,
                    created_at=now,
                ),
                Followup(
                    user_id=chat.user_id,
                    contact_id=contact.id,
                    note=f"Send {contact_name} the article",
                    due_at=now + timedelta(days=3),
                    next_nudge_at=now + timedelta(days=3),
                    created_at=now,
                ),
                Pause(
                    user_id=chat.user_id,
                    starts_on=checkin.local_date - timedelta(days=20),
                    ends_on=checkin.local_date - timedelta(days=10),
                    welcomed_at=now,
                    created_at=now,
                ),
                PartnerInvite(
                    user_id=chat.user_id,
                    token_hash=f"{chat.user_id:064d}",
                    created_at=now,
                    expires_at=now + timedelta(days=7),
                ),
                OutboxMessage(
                    user_id=chat.user_id,
                    chat_id=chat.user_id,
                    nudge_kind="followup",
                    dedupe_key=f"followup:test:{chat.user_id}",
                    payload={"text": f"Time to follow up with {contact_name}"},
                    status="pending",
                    due_at=now + timedelta(days=3),
                    not_before=now + timedelta(days=3),
                    created_at=now,
                ),
            ]
        )
        # A partner: a third account, so the two users under test stay strangers.
        partner = User(
            id=partner_of(chat.user_id),
            chat_id=partner_of(chat.user_id),
            first_name=f"Partner of {contact_name}",
            timezone="UTC",
            checkin_time=now.time(),
            networking_days=31,
            partner_share="all",
            active=True,
            created_at=now,
            updated_at=now,
        )
        session.add(partner)
        await session.flush()
        session.add_all(
            [
                Partner(user_id=chat.user_id, partner_id=partner.id, since=now),
                Partner(user_id=partner.id, partner_id=chat.user_id, since=now),
            ]
        )
        await session.commit()


def partner_of(user_id: int) -> int:
    return user_id + 10_000


async def all_rows(bot: RunningBot) -> Rows:
    async with bot.session() as session:
        return {
            table.name: [dict(row) for row in (await session.execute(select(table))).mappings()]
            for table in Base.metadata.sorted_tables
        }


def lasting(rows: Rows) -> Rows:
    """Everything but the inbox: it logs every update as it arrives (the one under test too)
    and forgets it after a week, so "changes nothing" is about the rest."""
    return {table: found for table, found in rows.items() if table != "inbox"}


def keys(rows: Rows) -> dict[str, set[tuple[Any, ...]]]:
    """Primary keys of the rows, per table."""
    return {
        table.name: {
            tuple(row[c.name] for c in table.primary_key.columns) for row in rows[table.name]
        }
        for table in Base.metadata.sorted_tables
    }


async def two_users(bot: RunningBot, chat: Chat) -> Chat:
    other = Chat(chat.emulator, OTHER_ID, first_name="Bob")
    await seed(bot, chat, contact_name="Sally Ng")
    bot.clock.advance(minutes=1)  # two accounts, created at different instants
    await seed(bot, other, contact_name="Zed Quill")
    mine = await owned(bot, USER_ID)
    for table in Base.metadata.sorted_tables:
        assert mine[table.name], (
            f"seed() must put a row in {table.name!r}, so /export and /forget are tested on it"
        )
    return other


async def ask_forget(chat: Chat) -> JSON:
    chat.send("/forget")
    return await until(chat, is_forget_question)


def current(chat: Chat, message: JSON) -> JSON:
    (now,) = [
        m
        for m in chat.emulator.messages_to(chat.user_id)
        if m["message_id"] == message["message_id"]
    ]
    return now


async def press_for_answer(chat: Chat, message: JSON, data: str, user_id: int) -> JSON:
    """Press a button as `user_id` and return the callback answer it got."""
    answers = len(chat.emulator.callback_answers)
    chat.emulator.user_presses(message, data, user_id=user_id)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) > answers)
    return chat.emulator.callback_answers[-1]


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


# --- /export ----------------------------------------------------------------------------------


@both_backends
async def test_export_holds_everything_of_the_user_and_nothing_else(
    bot: RunningBot, chat: Chat
) -> None:
    await two_users(bot, chat)
    mine, theirs = await owned(bot, USER_ID), await owned(bot, OTHER_ID)

    chat.send("/export")
    message = await until(chat, lambda m: "document" in m)
    assert message["document"]["file_name"] == "marathon-export-2026-01-05.zip"
    assert message["caption"] == texts.EXPORT_CAPTION.format(day="2026-01-05")
    raw = chat.emulator.document_bytes(message)
    archive = zipfile.ZipFile(io.BytesIO(raw))
    assert set(archive.namelist()) == ARCHIVE_FILES
    assert "checkins.csv" in archive.read("README.txt").decode()

    data = json.loads(archive.read("data.json"))
    assert data["user_id"] == USER_ID
    assert data["exported_at"] == "2026-01-05T12:01:00+00:00"
    assert list(data["tables"]) == [t.name for t in Base.metadata.sorted_tables]
    for table in Base.metadata.sorted_tables:
        exported = data["tables"][table.name]
        key = [column.name for column in table.primary_key.columns]
        held = [[row[k] for k in key] for row in mine[table.name]]
        if table.name == "partners":  # the partner's display name and the date, no ids
            assert exported == [
                {"partner": "Partner of Sally Ng", "since": "2026-01-05T12:00:00+00:00"}
            ]
            continue
        if table.name == "inbox":  # and the /export update itself, which came in since
            assert [[row[k] for k in key] for row in exported][: len(held)] == held
        else:
            assert [[row[k] for k in key] for row in exported] == held
        assert all(row.get("user_id", USER_ID) == USER_ID for row in exported)
        assert all(set(row) == {c.name for c in table.columns} for row in exported)
    (user,) = data["tables"]["users"]
    assert (user["id"], user["first_name"], user["checkin_time"]) == (USER_ID, "Ann", "18:00:00")
    checkin = data["tables"]["checkins"][0]
    assert (checkin["local_date"], checkin["status"]) == ("2026-01-05", "done")
    assert checkin["started_at"] == "2026-01-05T12:00:00+00:00"
    assert data["tables"]["outbox"][0]["payload"] == {"text": "Time to follow up with Sally Ng"}

    # The other user is nowhere in the archive: not their ids, not their words.
    everything = b"".join(archive.read(name) for name in ARCHIVE_FILES).decode("utf-8-sig")
    assert "Zed Quill" not in everything and "Bob" not in everything
    their_checkin_ids = {row["id"] for row in theirs["checkins"]}
    assert not their_checkin_ids & {row["id"] for row in data["tables"]["checkins"]}
    # As a whole number: a message's Unix date in the inbox may hold the same digits. Nor the
    # partner's account.
    assert not re.search(rf"(?<!\d){OTHER_ID}(?!\d)", everything)
    assert not re.search(rf"(?<!\d){partner_of(USER_ID)}(?!\d)", everything)

    (row,) = csv_rows(archive, "checkins.csv")
    assert (row["who"], row["gave"], row["ask"]) == ANSWERS
    assert row["followup"] == "Sally on Friday: coffee"
    assert (row["local_date"], row["status"]) == ("2026-01-05", "done")
    assert "user_id" not in row
    contacts = csv_rows(archive, "contacts.csv")
    assert [c["name"] for c in contacts] == [c["name"] for c in mine["contacts"]]
    assert ("Sally Ng", "Acme", "insider") in [
        (c["name"], c["company"], c["tier"]) for c in contacts
    ]
    interactions = csv_rows(archive, "interactions.csv")
    assert [i["id"] for i in interactions] == [str(i["id"]) for i in mine["interactions"]]
    assert ("Sally Ng", "met", "2026-01-05") in [
        (i["contact_name"], i["kind"], i["happened_on"]) for i in interactions
    ]


@both_backends
async def test_export_is_dated_in_the_users_timezone(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await chat.say("/start")
    await until(chat, lambda m: m["text"] == texts.ASK_TIMEZONE)
    chat.send("/timezone Pacific/Auckland")  # UTC+13 in January
    await until(chat, lambda m: m["text"].startswith("Timezone set to Pacific/Auckland"))
    clock.advance(hours=11, minutes=30)  # 23:30 UTC on 5 January: already the 6th there
    chat.send("/export")
    message = await until(chat, lambda m: "document" in m)
    assert message["document"]["file_name"] == "marathon-export-2026-01-06.zip"
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(chat.emulator.document_bytes(message))).read("data.json")
    )
    assert data["tables"]["checkins"] == []
    assert data["tables"]["users"][0]["timezone"] == "Pacific/Auckland"


@both_backends
async def test_a_stranger_has_nothing_to_export_or_forget(bot: RunningBot, chat: Chat) -> None:
    assert (await chat.say("/export"))["text"] == texts.NOTHING_STORED
    assert (await chat.say("/forget"))["text"] == texts.NOTHING_STORED
    assert all(rows == [] for rows in (await all_rows(bot)).values())  # the inbox too


# --- /forget ----------------------------------------------------------------------------------


@both_backends
async def test_forget_deletes_every_row_of_the_user_and_only_theirs(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await two_users(bot, chat)
    mine_before, theirs_before = await owned(bot, USER_ID), await owned(bot, OTHER_ID)

    question = await ask_forget(chat)
    assert question["text"] == forget_question(
        {table: len(mine_before[table]) for table in ("checkins", "contacts", "followups")}
    )
    assert "1 check-in, " in question["text"]
    assert "/export" in question["text"]
    assert button_labels(question) == [texts.FORGET_YES_BUTTON, texts.FORGET_NO_BUTTON]
    yes = button_data(question, texts.FORGET_YES_BUTTON)
    assert yes.startswith(f"forget:yes:{USER_ID}:")

    answer = await press_for_answer(chat, question, yes, USER_ID)
    assert "text" not in answer
    await chat.emulator.wait_for(lambda: current(chat, question)["text"] == texts.FORGET_DONE)
    assert "reply_markup" not in current(chat, question)

    # Nothing of the user is left in any table, not even under another key...
    assert all(rows == [] for rows in (await owned(bot, USER_ID)).values())
    remaining = keys(await all_rows(bot))
    for table, gone in keys(mine_before).items():
        assert not gone & remaining[table], f"{table} still holds rows of the forgotten user"
    # ...and the other user's rows are all still there, unchanged.
    assert await owned(bot, OTHER_ID) == theirs_before

    # Pressing again (a double tap, or later) is stale and changes nothing.
    again = await press_for_answer(chat, question, yes, USER_ID)
    assert again["text"] == texts.STALE_BUTTON
    assert await owned(bot, OTHER_ID) == theirs_before

    # The bot has forgotten them: no stats (and no new account), and /start is the new-user
    # welcome.
    assert (await chat.say("/stats"))["text"] == texts.SETTINGS_NEED_START
    assert (await owned(bot, USER_ID))["users"] == []
    clock.advance(minutes=1)
    welcome = await chat.say("/start")
    assert welcome["text"] == texts.WELCOME.format(name="Ann")

    # The old button cannot delete the new account either.
    stale = await press_for_answer(chat, question, yes, USER_ID)
    assert stale["text"] == texts.STALE_BUTTON
    assert [row["id"] for row in (await owned(bot, USER_ID))["users"]] == [USER_ID]


@both_backends
async def test_keep_my_data_changes_nothing(bot: RunningBot, chat: Chat) -> None:
    await two_users(bot, chat)
    before = await all_rows(bot)
    question = await ask_forget(chat)
    answer = await press_for_answer(
        chat, question, button_data(question, texts.FORGET_NO_BUTTON), USER_ID
    )
    assert "text" not in answer
    await chat.emulator.wait_for(lambda: current(chat, question)["text"] == texts.FORGET_KEPT)
    assert "reply_markup" not in current(chat, question)
    assert lasting(await all_rows(bot)) == lasting(before)
    assert (await chat.say("/stats"))["text"].startswith("📈 Your marathon so far")


@both_backends
async def test_forged_and_stale_forget_buttons_change_nothing(bot: RunningBot, chat: Chat) -> None:
    await two_users(bot, chat)
    before = await all_rows(bot)
    question = await ask_forget(chat)
    yes = button_data(question, texts.FORGET_YES_BUTTON)
    token = yes.rsplit(":", 1)[1]
    forged = [
        (yes, OTHER_ID),  # someone else presses Ann's button
        (f"forget:yes:{OTHER_ID}:{token}", OTHER_ID),  # Bob's id with Ann's account token
        (f"forget:yes:{OTHER_ID}:{token}", USER_ID),  # Ann presses a button naming Bob
        (f"forget:yes:{USER_ID}:{int(token) - 1}", USER_ID),  # an earlier account of Ann's
        (f"forget:no:{USER_ID}:{token}", OTHER_ID),
        (f"forget:maybe:{USER_ID}:{token}", USER_ID),
        (f"forget:yes:{USER_ID}", USER_ID),
        ("forget:yes:abc:1", USER_ID),
    ]
    for data, presser in forged:
        answer = await press_for_answer(chat, question, data, presser)
        assert answer.get("text") == texts.STALE_BUTTON, data
    assert lasting(await all_rows(bot)) == lasting(before)
    assert current(chat, question)["text"] == question["text"]
    assert button_labels(current(chat, question)) == button_labels(question)


# --- coverage of the schema -------------------------------------------------------------------


def test_every_table_is_covered_by_export_and_forget() -> None:
    assert userdata.uncovered_tables() == []
    assert list(userdata.ownership(USER_ID)) == [t.name for t in Base.metadata.sorted_tables]


def test_a_table_added_later_is_covered_through_user_id_or_its_parent() -> None:
    metadata = MetaData()
    Table("users", metadata, Column("id", Integer, primary_key=True))
    Table(
        "checkins",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("user_id", ForeignKey("users.id")),
    )
    Table(
        "reactions",  # two levels down: reactions -> notes -> checkins -> users
        metadata,
        Column("id", Integer, primary_key=True),
        Column("note_id", ForeignKey("notes.id")),
    )
    Table(
        "notes",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("checkin_id", ForeignKey("checkins.id")),
    )
    Table("goals", metadata, Column("id", Integer, primary_key=True), Column("user_id", Integer))
    Table(
        "mentors",  # a foreign key to users under another name
        metadata,
        Column("id", Integer, primary_key=True),
        Column("mentee", ForeignKey("users.id")),
    )
    Table("settings", metadata, Column("key", String, primary_key=True), Column("on", Boolean))
    assert userdata.uncovered_tables(metadata) == ["settings"]
    assert set(userdata.ownership(1, metadata)) == {
        "users",
        "checkins",
        "notes",
        "reactions",
        "goals",
        "mentors",
    }


# --- the archive itself (pure) ----------------------------------------------------------------


def test_an_export_with_no_rows_still_has_every_file_with_headers() -> None:
    tables = [
        TableRows("users", ("id", "first_name"), ({"id": 7, "first_name": "Zoë 李"},)),
        TableRows("checkins", ("id", "user_id", "local_date"), ()),
        TableRows("checkin_answers", ("id", "checkin_id", "question", "text"), ()),
        TableRows("contacts", ("id", "user_id", "name"), ()),
        TableRows("interactions", ("id", "user_id", "contact_id", "kind"), ()),
    ]
    raw = build_export(
        tables, user_id=7, exported_at=datetime(2026, 1, 5, 12, tzinfo=UTC), readme="hi"
    )
    archive = zipfile.ZipFile(io.BytesIO(raw))
    assert set(archive.namelist()) == ARCHIVE_FILES
    assert archive.read("checkins.csv").decode("utf-8-sig").splitlines() == [
        "id,local_date,who,gave,ask,followup"
    ]
    assert archive.read("contacts.csv").decode("utf-8-sig").splitlines() == ["id,name"]
    assert archive.read("interactions.csv").decode("utf-8-sig").splitlines() == [
        "id,contact_id,contact_name,kind"
    ]
    data = json.loads(archive.read("data.json"))
    assert data["tables"]["users"] == [{"id": 7, "first_name": "Zoë 李"}]
    assert date.fromisoformat(data["exported_at"][:10]) == date(2026, 1, 5)
