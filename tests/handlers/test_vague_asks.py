"""/asked with a vague ask gets one specific way to ask instead (principle 6)."""

from datetime import date

from bot import texts
from bot.presenters.common import pick
from db.models import Interaction
from tests.harness import Chat, RunningBot, both_backends, button_labels

TODAY = date(2026, 1, 5)  # the harness's START


def tip() -> str:
    return texts.VAGUE_ASK_REWRITE.format(example=pick(texts.SPECIFIC_ASK_EXAMPLES, TODAY))


@both_backends
async def test_a_vague_ask_gets_a_rewrite_tip(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/gave Priya an intro to Sam")
    logged = await chat.say("/asked Priya let me know if anything comes up")
    assert logged["text"] == (
        f"Logged your ask to Priya: let me know if anything comes up.\n\n{tip()}"
    )
    assert tip().startswith("Tip: specific asks are easier to say yes to. Instead of “let me")
    asks = [i.note for i in await bot.rows(Interaction) if i.kind == "ask"]
    assert asks == ["let me know if anything comes up"]

    suggestion = await chat.say("/asked Tom to keep me in mind")
    assert suggestion["text"].startswith("You haven't logged a give to Tom yet.")
    assert suggestion["text"].endswith(f"Log the ask anyway?\n\n{tip()}")
    assert button_labels(suggestion) == ["Log the ask anyway", "I'll give first"]


async def test_a_specific_ask_gets_no_tip(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/gave Priya an intro to Sam")
    logged = await chat.say("/asked Priya for an intro to her CTO")
    assert logged["text"] == "Logged your ask to Priya: for an intro to her CTO."
    suggestion = await chat.say("/asked Tom for a 20-minute call on Thursday")
    assert "Tip:" not in suggestion["text"]
    gave = await chat.say("/gave Sam let me know if anything comes up")  # gives get no tip
    assert "Tip:" not in gave["text"]
