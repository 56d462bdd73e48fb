"""Contacts, the give/ask ledger, keep-warm nudges and imports, through the real bot."""

from datetime import UTC, date, datetime

from bot import texts
from db.models import Contact, Followup, Interaction, OutboxMessage
from tests.clock import ManualClock
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    onboard,
    one_of,
)


async def contacts_by_name(bot: RunningBot) -> dict[str, Contact]:
    return {c.name: c for c in await bot.rows(Contact, Contact.user_id == USER_ID)}


async def checkin(chat: Chat, *answers: str) -> dict:
    await chat.say("/checkin")
    for answer in answers[:-1]:
        await chat.say(answer)
    return await chat.say(answers[-1])


@both_backends
async def test_a_checkin_feeds_contacts_ledger_and_followups(bot: RunningBot, chat: Chat) -> None:
    summary = await checkin(
        chat,
        "Sally (coffee), Tom (email) and Priya K. (zoom)",
        "Sent Sally the article",
        "Asked Tom for an intro to his CTO",
        "Sally on Friday: send the slides",
    )
    for line in ("👥 Sally · in person", "👥 Tom · message", "👥 Priya K. · call"):
        assert line in summary["text"]
    assert "📌 Follow up with Sally, Friday at 18:00: send the slides" in summary["text"]

    people = await contacts_by_name(bot)
    assert set(people) == {"Sally", "Tom", "Priya K."}
    interactions = await bot.rows(Interaction)
    met = {i.contact_id: (i.channel, i.two_way) for i in interactions if i.kind == "met"}
    assert met == {
        people["Sally"].id: ("in_person", True),
        people["Tom"].id: ("message", True),
        people["Priya K."].id: ("call", True),
    }
    ledger = {i.kind: (i.contact_id, i.note) for i in interactions if i.kind in ("give", "ask")}
    assert ledger == {
        "give": (people["Sally"].id, "Sent Sally the article"),
        "ask": (people["Tom"].id, "Asked Tom for an intro to his CTO"),
    }
    (followup,) = await bot.rows(Followup)
    assert (followup.contact_id, followup.note) == (people["Sally"].id, "send the slides")
    assert followup.due_at == datetime(2026, 1, 9, 18, tzinfo=UTC)


async def test_nobody_today_creates_no_contacts(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/checkin")
    for _ in range(4):
        question = chat.emulator.messages_to(USER_ID)[-1]
        await chat.press(question)
        await chat.reply()
    assert await bot.rows(Contact) == []
    assert await bot.rows(Interaction) == []


async def test_names_match_across_case_and_accents(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/contact José Núñez")
    await chat.say("/followup jose nunez tomorrow")
    await chat.say("/gave JOSÉ NUÑEZ: an intro to Priya")
    people = await contacts_by_name(bot)
    assert list(people) == ["José Núñez"]
    assert len(await bot.rows(Followup, Followup.contact_id == people["José Núñez"].id)) == 1


async def test_a_similar_name_is_asked_about_and_merged(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/contact Sally Jones")
    logged = await chat.say("/gave Sally: the article")
    assert logged["text"].startswith("🎁 Logged your give to Sally: the article.")
    question = await chat.reply()
    assert question["text"] == "Is Sally the same person as Sally Jones?"
    await chat.press(question, button_data(question, "Same person"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.edits[-1]["text"] == "Merged: Sally is now part of Sally Jones."
    people = await contacts_by_name(bot)
    assert list(people) == ["Sally Jones"]
    (give,) = await bot.rows(Interaction)
    assert give.contact_id == people["Sally Jones"].id


async def test_someone_new_stays_separate(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/contact Jon Smith")
    await chat.say("/contact John Smith")
    question = await chat.reply()
    assert question["text"] == "Is John Smith the same person as Jon Smith?"
    await chat.press(question, button_data(question, "No, someone new"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert set(await contacts_by_name(bot)) == {"Jon Smith", "John Smith"}


async def test_contact_card_sets_tier_interval_company_and_logs_replies(
    bot: RunningBot, chat: Chat
) -> None:
    card = await chat.say("/contact Priya Kumar")
    assert card["text"].startswith("👤 Priya Kumar\nTier: not set")
    assert button_labels(card)[:4] == ["decision-maker", "insider", "connector", "peer"]

    await chat.press(card, button_data(card, "insider"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    card = chat.emulator.edits[-1]
    assert "Tier: insider" in card["text"] and "Keep in touch: every 21 days" in card["text"]

    await chat.press(card, button_data(card, "3 months"))
    await chat.emulator.wait_for(lambda: len(chat.emulator.edits) == 2)
    assert "Keep in touch: every 90 days" in chat.emulator.edits[-1]["text"]

    await chat.press(card, button_data(card, "Company/role"))
    assert (await chat.reply())["text"].startswith("Where does Priya Kumar work")
    updated = await chat.say("Acme, Head of Design")
    assert "Company/role: Acme, Head of Design" in updated["text"]

    await chat.press(updated, button_data(updated, "↩︎ They replied"))
    await chat.emulator.wait_for(lambda: len(chat.emulator.edits) == 3)
    assert "Last talked: today" in chat.emulator.edits[-1]["text"]
    (contact,) = await bot.rows(Contact)
    assert (contact.tier, contact.keep_in_touch_days, contact.company, contact.role) == (
        "insider",
        90,
        "Acme",
        "Head of Design",
    )
    (reply,) = await bot.rows(Interaction)
    assert (reply.kind, reply.two_way) == ("reply", True)


async def test_forged_contact_buttons_change_nothing(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/contact Priya")
    (contact,) = await bot.rows(Contact)
    intruder = Chat(chat.emulator, user_id=2002, first_name="Mallory")
    await intruder.say("/contact Sam")
    sam = (await bot.rows(Contact, Contact.name == "Sam"))[0]
    forged = [
        f"ct:tier:{contact.id}:peer",
        f"ct:reply:{contact.id}",
        f"ct:int:{contact.id}:14",
        f"ct:tier:{contact.id}:boss",
        f"cm:same:{sam.id}:{contact.id}",
        f"cm:new:{contact.id}",
    ]
    for data in forged:
        chat.emulator.user_presses(3, data, user_id=2002)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) == len(forged))
    assert all("no longer applies" in a["text"] for a in chat.emulator.callback_answers)
    (contact,) = await bot.rows(Contact, Contact.user_id == USER_ID)
    assert (contact.tier, contact.keep_in_touch_days) == (None, None)
    assert await bot.rows(Interaction) == []
    assert len(await bot.rows(Contact)) == 2


@both_backends
async def test_a_button_naming_an_id_no_column_holds_is_stale(bot: RunningBot, chat: Chat) -> None:
    """Found by tests/fuzz: the data format allows 20 digits, and an id past 2**63 reached the
    database, which refused it, and the press failed instead of being stale."""
    await chat.say("/contact Priya")
    forged = [
        "ct:tier:99999999999999999999:peer",
        f"lg:ask:{2**63}",
        f"fu:done:{-(2**63) - 1}",
        "cm:same:99999999999999999999:1",
    ]
    for data in forged:
        chat.emulator.user_presses(3, data, user_id=USER_ID)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) == len(forged))
    assert [a["text"] for a in chat.emulator.callback_answers] == [texts.STALE_BUTTON] * 4
    assert texts.SOMETHING_WENT_WRONG not in [m["text"] for m in chat.emulator.sent]


async def test_contacts_are_listed_warmest_first(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat)
    assert (await chat.say("/contacts"))["text"].startswith("No contacts yet.")
    await chat.say("/gave Old Friend: a book")
    clock.advance(days=60)
    await chat.say("/contact Stranger")
    await checkin(chat, "Sally (lunch)", "-", "-", "-")
    listing = await chat.say("/contacts")
    assert listing["text"] == (
        "Your network, warmest first (3 people):\n"
        "• Sally · today\n"
        "• Old Friend · 2 months ago\n"
        "• Stranger · never"
    )


async def test_asking_before_giving_suggests_a_give(bot: RunningBot, chat: Chat) -> None:
    suggestion = await chat.say("/asked Tom for a 20-minute call")
    assert suggestion["text"].startswith("You haven't logged a give to Tom yet.")
    assert "make an introduction" in suggestion["text"]
    assert await bot.rows(Interaction) == []
    await chat.press(suggestion, button_data(suggestion, "Log the ask anyway"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.edits[-1]["text"] == "Logged your ask to Tom: for a 20-minute call."
    (ask,) = await bot.rows(Interaction)
    assert (ask.kind, ask.note) == ("ask", "for a 20-minute call")

    await chat.say("/gave Priya an intro to Sam")
    logged = await chat.say("/asked Priya for a referral")
    assert logged["text"] == "Logged your ask to Priya: for a referral."
    assert (await chat.say("/asked"))["text"].startswith("Tell me who and what")


async def test_give_first_instead(bot: RunningBot, chat: Chat) -> None:
    suggestion = await chat.say("/asked Tom for a call")
    await chat.press(suggestion, button_data(suggestion, "I'll give first"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.edits))
    assert chat.emulator.edits[-1]["text"].startswith("Good call.")
    assert await bot.rows(Interaction) == []


async def test_keep_warm_nudge_once_at_checkin_time(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat)
    for name in ("Ann", "Ben", "Cat", "Dan"):
        card = await chat.say(f"/contact {name}")
        await chat.press(card, button_data(card, "decision-maker"))  # every 30 days
        await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    await chat.say("/gave Dan: a book")  # Dan's clock restarts today
    clock.set(datetime(2026, 2, 4, 12, 0, tzinfo=UTC))  # Wednesday, 30 days later
    await bot.tick()  # the schedule catches up after a month without ticks
    clock.set(datetime(2026, 2, 4, 18, 0, tzinfo=UTC))  # check-in time
    await bot.tick()
    nudges = [m for m in chat.emulator.messages_to(USER_ID) if "keep-in-touch" in m["text"]]
    assert len(nudges) == 1
    people = ", ".join(f"{name} (decision-maker, not talked yet)" for name in ("Ann", "Ben", "Cat"))
    assert one_of(nudges[0]["text"], texts.KEEP_WARM, people=people)
    assert button_labels(nudges[0]) == ["🔕 No more keep-warm nudges"]
    clock.set(datetime(2026, 2, 5, 18, 0, tzinfo=UTC))
    await bot.tick()
    nudges = [m for m in chat.emulator.messages_to(USER_ID) if "keep-in-touch" in m["text"]]
    assert len(nudges) == 2 and "Dan" in nudges[1]["text"]  # Dan, once; the others not again
    assert "Ann" not in nudges[1]["text"]
    rows = await bot.rows(OutboxMessage, OutboxMessage.nudge_kind == "coaching")
    assert len(rows) == 2


LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    'Sally,Jones,https://www.linkedin.com/in/sally,,"Acme, Inc.",CTO,05 Jan 2024\n'
    "Tom,Lee,https://www.linkedin.com/in/tom,tom@example.com,Initech,Engineer,12 Mar 2023\n"
    "José,Núñez,https://www.linkedin.com/in/jose,,,,01 Feb 2022\n"
)
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Kumar\r\nORG:Globex;Design\r\n"
    "EMAIL:priya@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Tom;;;\r\nFN:Tom Lee\r\nEND:VCARD\r\n"
)


@both_backends
async def test_import_linkedin_and_vcard_without_duplicates(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/contact jose nunez")
    chat.emulator.user_document("Connections.csv", LINKEDIN.encode(), user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"].startswith("Imported 2 new contacts (1 you already had).")
    assert "warm relationships" in answer["text"]
    chat.emulator.user_document("contacts.vcf", VCARD.encode(), user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"].startswith("Imported 1 new contacts (1 you already had).")
    people = await contacts_by_name(bot)
    assert set(people) == {"jose nunez", "Sally Jones", "Tom Lee", "Priya Kumar"}
    sally = people["Sally Jones"]
    assert (sally.company, sally.role, sally.connected_on, sally.source) == (
        "Acme, Inc.",
        "CTO",
        date(2024, 1, 5),
        "import",
    )
    assert people["Priya Kumar"].email == "priya@example.com"


async def test_a_malformed_file_imports_nothing(bot: RunningBot, chat: Chat) -> None:
    broken = VCARD.replace("END:VCARD\r\n", "", 1).encode()[:-12]
    chat.emulator.user_document("contacts.vcf", broken, user_id=USER_ID)
    answer = await chat.reply()
    assert answer["text"].startswith("I couldn't import that file:")
    assert answer["text"].endswith("Nothing was imported.")
    chat.emulator.user_document("photo.png", b"\x89PNG\r\n", user_id=USER_ID)
    assert (await chat.reply())["text"].startswith("I can import LinkedIn's Connections.csv")
    assert await bot.rows(Contact) == []


async def test_stats_show_the_network(bot: RunningBot, chat: Chat, clock: ManualClock) -> None:
    card = await chat.say("/contact Sally")
    await chat.press(card, button_data(card, "decision-maker"))
    await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    await checkin(chat, "Sally (coffee), Tom (email)", "Sent Sally the article", "-", "-")
    await chat.say("/gave Tom: an intro")
    await chat.say("/followup Tom tomorrow")
    clock.advance(days=2)
    stats = await chat.say("/stats")
    assert "Gives: 2 · asks: 0 (give:ask 1:0)" in stats["text"], stats["text"]
    assert "Follow-ups done on time: 0 of 0 · overdue now: 1" in stats["text"]
    assert "People reached: 1 decision-maker, 1 without a tier" in stats["text"]
    assert "Warm relationships: 2 (two-way in the last 90 days)" in stats["text"]
    assert "In person: 50% of 2" in stats["text"]


async def test_two_weeks_of_peers_only_bring_one_nudge(
    bot: RunningBot, chat: Chat, clock: ManualClock
) -> None:
    await onboard(chat)
    for name in ("Ann", "Ben"):
        card = await chat.say(f"/contact {name}")
        await chat.press(card, button_data(card, "peer"))
        await chat.emulator.wait_for(lambda: bool(chat.emulator.callback_answers))
    await checkin(chat, "Ann (coffee), Ben (call)", "-", "-", "-")
    clock.set(datetime(2026, 1, 6, 18, 0, tzinfo=UTC))  # Tuesday's check-in time
    await bot.tick()
    clock.set(datetime(2026, 1, 7, 18, 0, tzinfo=UTC))
    await bot.tick()
    nudges = [m for m in chat.emulator.messages_to(USER_ID) if "all peers" in m["text"]]
    assert len(nudges) == 1  # once, not every day
    assert "(You reached 2 peers and no decision-makers" in nudges[0]["text"]
