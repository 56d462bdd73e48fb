"""A real bot process killed with SIGKILL while check-in answers pour in: after a restart every
answer is stored exactly once (the inbox keeps what arrived; nothing is handled twice)."""

from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from db.models import Answer, CheckIn, Followup, InboxStatus, InboxUpdate
from tests.emulator import BotAPIEmulator
from tests.harness import both_backends, seed_users
from tests.process import BotProcess, in_hours, select_all, until

USERS = 125  # each starts a check-in and answers its four questions: 500 answers


def script(user: int) -> list[str]:
    return [
        "/checkin",
        f"Talked to Person {user}",
        f"Sent {user} an article",
        f"Asked for an intro {user}",
        "Sally on Friday: coffee",
    ]


@both_backends
async def test_a_kill_while_500_answers_arrive_loses_none_and_doubles_none(
    emulator: BotAPIEmulator, database_url: str, tmp_path: Path
) -> None:
    ids = await seed_users(database_url, emulator, USERS, prompt_at=in_hours(6))
    bot = BotProcess(emulator, database_url, tmp_path, LEASE_SECONDS="3")
    await bot.start()

    def arrive(steps: range) -> None:
        for step in steps:
            for user in ids:
                emulator.user_message(script(user)[step], user_id=user, first_name="Ann")

    arrive(range(3))  # /checkin and two answers each
    await until(lambda: len(emulator.sent) >= 150, timeout=120, what="150 replies")
    await bot.kill()  # mid-stream: some handled, some stored, some not even fetched
    assert len(emulator.sent) < USERS * 3
    arrive(range(3, 4))  # the third answers arrive while the bot is down

    async def answered() -> bool:
        (count,) = await select_all(database_url, select(func.count()).select_from(Answer))
        return count[0] == USERS * 4

    await bot.start()
    arrive(range(4, 5))  # and the fourth after it is back
    await until(answered, timeout=180, what="500 answers stored")
    await bot.stop()

    stored: dict[int, list[str | None]] = defaultdict(list)
    query = select(CheckIn.user_id, Answer.text).join(CheckIn).order_by(Answer.id)
    for user, text in await select_all(database_url, query):
        stored[user].append(text)
    assert stored == {user: script(user)[1:] for user in ids}
    checkins = await select_all(database_url, select(CheckIn.user_id, CheckIn.status))
    assert sorted(user for user, _ in checkins) == ids  # one check-in each, all complete
    assert {str(status) for _, status in checkins} == {"done"}
    followups = await select_all(database_url, select(Followup.user_id))
    assert sorted(user for (user,) in followups) == ids
    inbox = await select_all(database_url, select(InboxUpdate.status))
    assert len(inbox) == USERS * 5 and {status for (status,) in inbox} == {InboxStatus.DONE}
