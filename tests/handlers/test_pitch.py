"""/pitch: every version is kept, each is reviewed with quotes, and the words are never changed."""

from bot import texts
from db.models import Pitch, User
from domain.conversation import Awaiting
from domain.pitch import PitchIssue
from services.pitches import MAX_PITCH_LENGTH
from tests.harness import USER_ID, Chat, RunningBot, both_backends, button_data, button_labels

PAST = (
    "Looking for a new job. I was a product manager at Acme until I got laid off in May, so I "
    "am open to anything."
)
GOOD = (
    "I'm a product designer who helps fintech teams ship onboarding flows. "
    "I'm looking to meet people building payments products in Berlin."
)


async def pitches(bot: RunningBot) -> list[str]:
    rows = await bot.rows(Pitch, Pitch.user_id == USER_ID)
    return [row.text for row in sorted(rows, key=lambda row: row.id)]


async def awaiting(bot: RunningBot) -> Awaiting | None:
    (user,) = await bot.rows(User, User.id == USER_ID)
    return user.awaiting


@both_backends
async def test_a_pitch_about_the_past_gets_every_finding_quoted(
    bot: RunningBot, chat: Chat
) -> None:
    answer = await chat.say(f"/pitch {PAST}")
    text = answer["text"]
    assert text.startswith("Saved your pitch (version 1).")
    assert "4 things a listener would notice:" in text
    expected = [
        (PitchIssue.PAST_TENSE, "I was"),
        (PitchIssue.UNEMPLOYED, "I got laid off"),
        (PitchIssue.SEARCH_FIRST, "Looking for a new job"),
        (PitchIssue.VAGUE_ASK, "open to anything"),
    ]
    positions = []
    for number, (issue, quote) in enumerate(expected, start=1):
        name, advice, example = texts.PITCH_ISSUES[issue]
        line = f"{number}. {name}: “{quote}”\n{advice}\nTry: “{example}”"
        assert line in text
        positions.append(text.index(line))
    assert positions == sorted(positions)
    assert "“I am… I help… I'm looking for…”, with the search after what you do" in text
    assert PAST not in text  # reviewed, never rewritten or echoed back changed
    assert await pitches(bot) == [PAST]


async def test_a_good_pitch_has_nothing_to_flag(bot: RunningBot, chat: Chat) -> None:
    answer = await chat.say(f"/pitch {GOOD}")
    assert answer["text"] == f"Saved your pitch (version 1).\n\n{texts.PITCH_GOOD}"
    assert await pitches(bot) == [GOOD]


async def test_pitch_alone_asks_and_the_next_message_is_the_pitch(
    bot: RunningBot, chat: Chat
) -> None:
    ask = await chat.say("/pitch")
    assert ask["text"] == texts.PITCH_ASK
    assert await awaiting(bot) == Awaiting.PITCH
    answer = await chat.say("I was a teacher for ten years and I'm now a learning designer.")
    assert answer["text"].startswith("Saved your pitch (version 1).")
    assert "1. Looking back: “I was”" in answer["text"]
    assert await pitches(bot) == ["I was a teacher for ten years and I'm now a learning designer."]
    assert await awaiting(bot) is None
    stray = await chat.say("hello")  # the question is closed: this is not a second version
    assert stray["text"] == texts.STRAY_TEXT
    assert len(await pitches(bot)) == 1


@both_backends
async def test_versions_are_kept_and_the_current_one_is_shown(bot: RunningBot, chat: Chat) -> None:
    await chat.say(f"/pitch {PAST}")
    shown = await chat.say("/pitch")
    assert shown["text"].startswith(f"Your pitch (version 1, from 5 Jan):\n\n“{PAST}”\n\n")
    assert "1. Looking back: “I was”" in shown["text"]
    assert shown["text"].endswith(texts.PITCH_REPLACE)
    assert button_labels(shown) == [texts.PITCH_REPLACE_BUTTON]

    ask = await chat.tap(shown, texts.PITCH_REPLACE_BUTTON)
    assert ask["text"] == texts.PITCH_ASK
    saved = await chat.say(GOOD)
    assert saved["text"].startswith("Saved your pitch (version 2).")
    assert await pitches(bot) == [PAST, GOOD]

    again = await chat.say(f"/pitch {GOOD}")  # the same words: no new version
    assert again["text"].startswith("That's your current pitch, word for word (version 2).")
    assert await pitches(bot) == [PAST, GOOD]
    current = await chat.say("/pitch")
    assert current["text"].startswith(f"Your pitch (version 2, from 5 Jan):\n\n“{GOOD}”")


async def test_a_multiline_pitch_keeps_its_lines(bot: RunningBot, chat: Chat) -> None:
    pitch = "I'm a nurse who trains new staff.\nI'm looking for a clinical lead role."
    await chat.say(f"/pitch {pitch}")
    assert await pitches(bot) == [pitch]


async def test_too_long_is_refused_and_the_question_stays_open(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/pitch")
    refused = await chat.say("I help. " * (MAX_PITCH_LENGTH // 8 + 1))
    assert refused["text"] == texts.PITCH_TOO_LONG.format(limit=MAX_PITCH_LENGTH)
    assert await pitches(bot) == []
    assert await awaiting(bot) == Awaiting.PITCH
    cancelled = await chat.say("/cancel")
    assert cancelled["text"] == texts.INPUT_CANCELLED
    assert await awaiting(bot) is None


async def test_a_replace_button_for_someone_elses_pitch_is_stale(
    bot: RunningBot, chat: Chat
) -> None:
    other = Chat(chat.emulator, 2002, first_name="Bob")
    shown = await other.say(f"/pitch {GOOD}")
    shown = await other.say("/pitch")
    data = button_data(shown, texts.PITCH_REPLACE_BUTTON)
    await chat.say("/pitch")  # Ann has an account, but no pitch: presses Bob's button
    await chat.say("/cancel")
    assert (await press(chat, shown, data, USER_ID))["text"] == texts.STALE_BUTTON
    assert await awaiting(bot) is None
    for forged in ("pitch:new:abc", "pitch:new:999999"):
        assert (await press(chat, shown, forged, 2002))["text"] == texts.STALE_BUTTON


async def press(chat: Chat, message: dict, data: str, user_id: int) -> dict:
    """Press a button as `user_id` and return the callback answer it got."""
    answers = len(chat.emulator.callback_answers)
    chat.emulator.user_presses(message, data, user_id=user_id)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) > answers)
    return chat.emulator.callback_answers[-1]
