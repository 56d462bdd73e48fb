"""One person, one contact: a name typed at any entry point, however its Unicode is spelled.

The check-in, /contact, /followup, /gave, /asked and a file import all clean names with the same
cleaner (`domain.text.clean_text`) and match them with the same key, so a Persian name with a
zero-width non-joiner, a name with a combining accent or a right-to-left name never splits into
two contacts.
"""

import pytest

from db.models import Contact
from tests.harness import USER_ID, Chat, RunningBot

# Each case: the ways one person's name reaches the bot, the first being how it is stored.
SPELLINGS = {
    "zwnj": ("Mehr\u200cdad Rezaei", "Mehrdad Rezaei", "mehr\u200cdad rezaei"),
    "zwj": ("Ra\u200dhul Nair", "Rahul Nair", "RA\u200dHUL NAIR"),
    "combining accent": ("Zoé Li", "Zoe\u0301 Li", "ZOÉ LI"),
    "right to left": ("שרה כהן", "\u200fשרה כהן\u200f", "\u202bשרה כהן\u202c"),
    "persian": ("مهر\u200cداد", "مهرداد", "\u200fمهر\u200cداد"),
}


async def one_name_everywhere(chat: Chat, names: tuple[str, ...]) -> None:
    """Name the same person through every entry point, cycling through the spellings."""
    spelled = (names[i % len(names)] for i in range(10))
    await chat.say("/checkin")
    await chat.say(f"{next(spelled)} (coffee)")
    for answer in ("-", "-", "-"):
        await chat.say(answer)
    await chat.say(f"/contact {next(spelled)}")
    await chat.say(f"/followup {next(spelled)} tomorrow — send the slides")
    await chat.say(f"/gave {next(spelled)}: an intro to Priya")
    await chat.say(f"/asked {next(spelled)}: a 20-minute call")
    first, _, last = next(spelled).partition(" ")
    csv = f"First Name,Last Name,Company\n{first},{last},Acme\n"
    chat.emulator.user_document("Connections.csv", csv.encode(), user_id=USER_ID)
    assert "1 you already had" in (await chat.reply())["text"]


@pytest.mark.parametrize("case", list(SPELLINGS))
async def test_every_entry_point_finds_the_same_contact(
    bot: RunningBot, chat: Chat, case: str
) -> None:
    names = SPELLINGS[case]
    await one_name_everywhere(chat, names)
    (contact,) = await bot.rows(Contact, Contact.user_id == USER_ID)
    assert contact.name == names[0]
    card = await chat.say(f"/contact {names[1]}")
    assert "Gives: 1 · asks: 1" in card["text"]
