"""/goal through the real bot: three skippable questions, the goal stored and changed part by
part, who the user knows at each target company, and the one offer after the first check-in."""

import io
import json
import zipfile

from bot import texts
from db.models import Contact, Goal, GoalTarget, Pitch, User
from domain.conversation import Awaiting
from domain.goals import GoalPart
from tests.emulator import JSON
from tests.harness import (
    USER_ID,
    Chat,
    RunningBot,
    both_backends,
    button_data,
    button_labels,
    complete_checkin,
)

WANT = "a product role in fintech"
WHO = "Stripe, Adyen, N26, Klarna; hiring managers, team leads"
WHERE = "Berlin Fintech Meetup"


async def goal_row(bot: RunningBot) -> Goal | None:
    rows = await bot.rows(Goal, Goal.user_id == USER_ID)
    return rows[0] if rows else None


async def targets(bot: RunningBot) -> list[str]:
    rows = await bot.rows(GoalTarget, GoalTarget.user_id == USER_ID)
    return [row.name for row in sorted(rows, key=lambda row: row.position)]


async def user_row(bot: RunningBot) -> User:
    (user,) = await bot.rows(User, User.id == USER_ID)
    return user


async def set_goal(chat: Chat, want: str = WANT, who: str = WHO, where: str = WHERE) -> JSON:
    await chat.say("/goal")
    await chat.say(want)
    await chat.say(who)
    return await chat.say(where)


async def press(chat: Chat, message: JSON, data: str, user_id: int = USER_ID) -> JSON:
    """Press a button and return the callback answer it got."""
    answers = len(chat.emulator.callback_answers)
    chat.emulator.user_presses(message, data, user_id=user_id)
    await chat.emulator.wait_for(lambda: len(chat.emulator.callback_answers) > answers)
    return chat.emulator.callback_answers[-1]


async def card(chat: Chat, name: str, tier: str, company: str | None = None) -> None:
    """A contact with a tier (and a company/role) set through the card's buttons."""
    shown = await chat.say(f"/contact {name}")
    await press(chat, shown, button_data(shown, tier))
    if company:
        await chat.press(shown, button_data(shown, texts.COMPANY_BUTTON))
        assert (await chat.reply())["text"].startswith(f"Where does {name} work")
        updated = await chat.say(company)
        assert f"Tier: {tier}" in updated["text"]


@both_backends
async def test_three_questions_one_at_a_time_then_the_goal(bot: RunningBot, chat: Chat) -> None:
    first = await chat.say("/goal")
    assert first["text"] == f"{texts.GOAL_INTRO}\n\n{texts.GOAL_QUESTIONS[GoalPart.WANT]}"
    assert button_labels(first) == [texts.GOAL_SKIP_BUTTON]
    assert (await user_row(bot)).awaiting == Awaiting.GOAL_WANT

    second = await chat.say(WANT)
    assert second["text"] == texts.GOAL_QUESTIONS[GoalPart.WHO]
    assert (await goal_row(bot)).want == WANT  # stored as it comes
    third = await chat.say(WHO)
    assert third["text"] == texts.GOAL_QUESTIONS[GoalPart.WHERE]
    assert await targets(bot) == ["Stripe", "Adyen", "N26", "Klarna"]
    done = await chat.say(WHERE)

    assert done["text"].startswith(
        f"{texts.GOAL_SAVED}\n\n🎯 Your goal\n"
        f"What you want: {WANT}\n"
        "Target companies: Stripe, Adyen, N26, Klarna\n"
        "Roles who can help: hiring managers, team leads\n"
        f"Where they gather: {WHERE}\n\n"
        "Your target companies: 0 of 4 with both a decision-maker and an insider you know.\n"
    )
    # Nobody known there yet, and no connector: the step at every target is the place.
    assert "• Stripe: nobody yet. Go where they gather: Berlin Fintech Meetup." in done["text"]
    assert button_labels(done) == list(texts.GOAL_CHANGE_BUTTONS.values())
    goal = await goal_row(bot)
    assert (goal.want, goal.roles, goal.gather) == (WANT, "hiring managers, team leads", WHERE)
    assert (await user_row(bot)).awaiting is None
    assert (await chat.say("Berlin"))["text"] == texts.STRAY_TEXT  # nothing is asked any more


async def test_each_question_can_be_skipped_by_button_or_command(
    bot: RunningBot, chat: Chat
) -> None:
    first = await chat.say("/goal")
    await chat.press(first)  # Skip
    second = await chat.reply()
    assert second["text"] == texts.GOAL_QUESTIONS[GoalPart.WHO]
    edited = chat.emulator.messages_to(USER_ID)[-2]
    assert edited["text"].endswith("\n→ Skipped") and "reply_markup" not in edited
    third = await chat.say("hiring managers at Stripe")
    assert third["text"] == texts.GOAL_QUESTIONS[GoalPart.WHERE]
    done = await chat.say("/skip")
    assert done["text"].startswith(texts.GOAL_SAVED)
    assert (
        "What you want: —\nTarget companies: Stripe\nRoles who can help: hiring managers\n"
        in (done["text"])
    )
    goal = await goal_row(bot)
    assert (goal.want, goal.roles, goal.gather) == (None, "hiring managers", None)
    assert await targets(bot) == ["Stripe"]
    # The old Skip button no longer applies: its question was answered.
    assert (await press(chat, first, button_data(first, "Skip")))["text"] == texts.STALE_BUTTON
    assert (await goal_row(bot)).roles == "hiring managers"


async def test_skipping_everything_sets_no_goal(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/goal")
    await chat.say("/skip")
    await chat.say("/skip")
    nothing = await chat.say("/skip")
    assert nothing["text"] == texts.GOAL_NOTHING
    again = await chat.say("/goal")  # starts over
    assert again["text"].startswith(texts.GOAL_INTRO)


async def test_who_can_help_must_name_someone_or_be_skipped(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/goal a product role in fintech")  # the argument answers the first question
    assert (await goal_row(bot)).want == WANT
    unreadable = await chat.say("not sure")
    assert unreadable["text"] == texts.GOAL_NO_HELPERS
    assert (await user_row(bot)).awaiting == Awaiting.GOAL_WHO
    assert (await chat.say("Acme"))["text"] == texts.GOAL_QUESTIONS[GoalPart.WHERE]
    await chat.say("/skip")
    changed = await chat.say("/goal a design role in health")  # with a goal: just that part
    assert changed["text"].startswith(texts.GOAL_SAVED)
    assert "What you want: a design role in health\nTarget companies: Acme\n" in changed["text"]


@both_backends
async def test_coverage_names_who_decides_and_who_is_inside(bot: RunningBot, chat: Chat) -> None:
    await set_goal(chat)
    await card(chat, "Sally Ng", "decision-maker", "Stripe, Head of Payments")
    await card(chat, "Tom Li", "insider", "STRIPE Inc., Engineer")  # the same company
    await card(chat, "Priya Kumar", "insider", "Adyen")
    await card(chat, "Ben Ode", "peer", "Adyen")
    await card(chat, "Carl Berg", "connector")

    shown = await chat.say("/goal")
    text = shown["text"]
    assert "Your target companies: 1 of 4 with both a decision-maker and an insider" in text
    assert "✅ Stripe: decision-maker Sally Ng · insider Tom Li\n" in text
    assert "• Adyen: no decision-maker yet · insider Priya Kumar · also there: Ben Ode\n" in text
    # One concrete step per empty target: a named connector, then the place, alternating.
    assert "• N26: nobody yet. Ask Carl Berg for an introduction to someone there.\n" in text
    assert "• Klarna: nobody yet. Go where they gather: Berlin Fintech Meetup.\n" in text
    assert text.endswith(texts.COVERAGE_HOW)

    await card(chat, "Dana Roe", "decision-maker", "Adyen N.V.")
    shown = await chat.say("/goal")
    assert "2 of 4 with both a decision-maker and an insider" in shown["text"]
    assert (
        "✅ Adyen: decision-maker Dana Roe · insider Priya Kumar · also there: Ben Ode"
        in (shown["text"])
    )


async def test_without_a_place_or_a_connector_the_step_is_to_ask_for_an_intro(
    bot: RunningBot, chat: Chat
) -> None:
    done = await set_goal(chat, where="/skip")
    assert "• Stripe: nobody yet. Ask a connector, someone who knows everyone," in done["text"]


@both_backends
async def test_each_part_can_be_changed_kept_or_cleared(bot: RunningBot, chat: Chat) -> None:
    done = await set_goal(chat)
    await chat.press(done, button_data(done, texts.GOAL_CHANGE_BUTTONS[GoalPart.WHERE]))
    ask = await chat.reply()
    assert ask["text"] == (
        f"{texts.GOAL_CHANGE_QUESTIONS[GoalPart.WHERE]}\nNow: {WHERE}\n{texts.GOAL_CHANGE_HINT}"
    )
    changed = await chat.say("Money20/20 Europe")
    assert changed["text"].startswith(texts.GOAL_SAVED)  # one part: no further questions
    goal = await goal_row(bot)
    assert (goal.want, goal.gather) == (WANT, "Money20/20 Europe")

    await chat.press(changed, button_data(changed, texts.GOAL_CHANGE_BUTTONS[GoalPart.WHO]))
    ask = await chat.reply()
    assert "Now: Stripe, Adyen, N26, Klarna; hiring managers, team leads" in ask["text"]
    kept = await chat.tap(ask, texts.GOAL_SKIP_BUTTON)
    assert kept["text"].startswith(texts.GOAL_SAVED)
    assert await targets(bot) == ["Stripe", "Adyen", "N26", "Klarna"]

    await chat.press(kept, button_data(kept, texts.GOAL_CHANGE_BUTTONS[GoalPart.WHO]))
    await chat.reply()
    replaced = await chat.say("Monzo; founders")
    assert "Target companies: Monzo\nRoles who can help: founders" in replaced["text"]
    assert await targets(bot) == ["Monzo"]

    await chat.press(replaced, button_data(replaced, texts.GOAL_CHANGE_BUTTONS[GoalPart.WANT]))
    await chat.reply()
    cleared = await chat.say("-")
    assert "What you want: —" in cleared["text"]
    assert (await goal_row(bot)).want is None


async def test_change_buttons_need_a_goal_of_the_presser(bot: RunningBot, chat: Chat) -> None:
    done = await set_goal(chat)
    data = button_data(done, texts.GOAL_CHANGE_BUTTONS[GoalPart.WANT])
    other = Chat(chat.emulator, 2002, first_name="Bob")
    await other.say("/help")  # Bob has no goal (and no account)
    assert (await press(chat, done, data, user_id=2002))["text"] == texts.STALE_BUTTON
    for forged in ("goal:change:why", "goal:skip:want", "goal:change"):
        assert (await press(chat, done, forged))["text"] == texts.STALE_BUTTON
    assert (await user_row(bot)).awaiting is None


@both_backends
async def test_the_first_completed_checkin_offers_a_goal_once(bot: RunningBot, chat: Chat) -> None:
    await chat.say("/start")
    await chat.reply()
    assert (await user_row(bot)).goal_offered_at is None  # not before a check-in
    summary = await complete_checkin(chat)
    assert summary["text"].endswith(texts.GOAL_OFFER)
    assert button_labels(summary) == [
        texts.FIX_OK_BUTTON,
        texts.FIX_MENU_BUTTON,
        texts.GOAL_OFFER_BUTTON,
    ]
    assert (await user_row(bot)).goal_offered_at == bot.clock.now()

    second = await complete_checkin(chat)
    assert texts.GOAL_OFFER not in second["text"]
    assert texts.GOAL_OFFER_BUTTON not in button_labels(second)

    first_question = await chat.tap(summary, texts.GOAL_OFFER_BUTTON)
    assert first_question["text"].startswith(texts.GOAL_INTRO)


async def test_no_offer_for_someone_who_has_a_goal(bot: RunningBot, chat: Chat) -> None:
    await set_goal(chat)
    summary = await complete_checkin(chat)
    assert texts.GOAL_OFFER not in summary["text"]
    assert (await user_row(bot)).goal_offered_at is not None  # never asked again


async def test_a_long_coverage_comes_in_pieces(bot: RunningBot, chat: Chat) -> None:
    companies = [f"Company number {n:02} of a long list" for n in range(20)]
    saved = await set_goal(chat, who=", ".join(companies), where="A" * 290)
    while "reply_markup" not in saved:  # 20 targets with a long place already take two
        saved = await chat.reply()
    async with bot.session() as session:  # four insiders at each target, long names
        session.add_all(
            Contact(
                user_id=USER_ID,
                name=f"Person {n:02}-{i} " + "x" * 80,
                name_key=f"person {n:02}-{i} " + "x" * 80,
                tier="insider",
                company=company,
                source="manual",
                created_at=bot.clock.now(),
            )
            for n, company in enumerate(companies)
            for i in range(4)
        )
        await session.commit()
    chat.send("/goal")
    pieces = [await chat.reply()]
    while "reply_markup" not in pieces[-1]:
        pieces.append(await chat.reply())
    assert len(pieces) > 1
    assert all(len(piece["text"]) <= 4096 for piece in pieces)
    assert pieces[0]["text"].startswith("🎯 Your goal")
    assert pieces[-1]["text"].endswith(texts.COVERAGE_HOW)
    assert button_labels(pieces[-1]) == list(texts.GOAL_CHANGE_BUTTONS.values())
    whole = "\n".join(piece["text"] for piece in pieces)
    assert whole.count("and 1 more") == 20  # three names shown per tier, the rest counted
    assert "• Company number 19 of a long list: no decision-maker yet · insiders Person 19-0" in (
        whole
    )


@both_backends
async def test_export_holds_the_goal_targets_and_every_pitch_and_forget_removes_them(
    bot: RunningBot, chat: Chat
) -> None:
    await set_goal(chat)
    await chat.say("/pitch I was a PM.")
    await chat.say("/pitch I'm a product manager who helps fintech teams ship onboarding.")
    chat.send("/export")
    while "document" not in (message := await chat.reply()):
        pass
    archive = zipfile.ZipFile(io.BytesIO(chat.emulator.document_bytes(message)))
    tables = json.loads(archive.read("data.json"))["tables"]
    (goal,) = tables["goals"]
    assert (goal["want"], goal["roles"], goal["gather"]) == (
        WANT,
        "hiring managers, team leads",
        WHERE,
    )
    assert [t["name"] for t in tables["goal_targets"]] == ["Stripe", "Adyen", "N26", "Klarna"]
    assert [p["text"] for p in tables["pitches"]] == [
        "I was a PM.",
        "I'm a product manager who helps fintech teams ship onboarding.",
    ]
    readme = archive.read("README.txt").decode()
    assert "goal_targets" in readme and "pitches" in readme

    question = await chat.say("/forget")
    await press(chat, question, button_data(question, texts.FORGET_YES_BUTTON))
    assert await bot.rows(Goal) == []
    assert await bot.rows(GoalTarget) == []
    assert await bot.rows(Pitch) == []


async def test_help_and_the_menu_list_goal_pitch_due_and_calendar(
    bot: RunningBot, chat: Chat
) -> None:
    help_text = (await chat.say("/help"))["text"]
    menu = [command["command"] for command in chat.emulator.commands or []]
    for command in ("goal", "pitch", "due", "calendar"):
        assert f"/{command} — " in help_text
        assert command in menu
