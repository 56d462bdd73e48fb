"""One user with a long history, for the /stats benchmark and its smoke test.

The user keeps Mon–Fri in Berlin and answered the check-in on every networking day of the last
`days` days, today included: a check-in row with its four answers each day, as the app writes
them (who they reached, what they gave, what they asked, a follow-up on every fifth day), and
the interactions a check-in feeds into the network (two conversations, a give and an ask). On
top of that, `contacts` people with `interactions_per_contact` interactions each (meetings,
gives and asks spread over the whole history), one follow-up per ten contacts (done in the
past, open ahead, a few overdue), and a goal with three target companies. Rows are inserted in
bulk with explicit ids: add nothing else to such a database.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from db.models import (
    Answer,
    CheckIn,
    Contact,
    Followup,
    Goal,
    GoalTarget,
    Interaction,
    User,
)
from domain.checkins import AnswerType, CheckinStatus, Question
from domain.contacts import Channel, ContactSource, InteractionKind, Tier
from domain.followups import FollowupStatus
from domain.pace import Mode
from domain.weekdays import MON_FRI, is_networking_day

# Friday 13 March 2026, 18:00 in Berlin: today's check-in is done.
NOW = datetime(2026, 3, 13, 17, 0, tzinfo=UTC)
TODAY = date(2026, 3, 13)
USER_ID = 4242
CHUNK = 10_000  # rows per executemany
COMPANIES = 250  # contacts work at "Company 0" … "Company 249"
TARGETS = ("Company 1", "Company 2", "Nowhere Ltd")  # the goal's; nobody works at the last
TIERS = (Tier.DECISION_MAKER, Tier.INSIDER, Tier.CONNECTOR, Tier.PEER, Tier.PEER, None)
KINDS = (InteractionKind.MET, InteractionKind.GIVE, InteractionKind.ASK, InteractionKind.MET)
CHANNELS = (Channel.IN_PERSON, Channel.MESSAGE, Channel.CALL, Channel.MESSAGE)


@dataclass(frozen=True)
class History:
    days: int = 730
    contacts: int = 5_000
    interactions_per_contact: int = 3

    @property
    def checkin_days(self) -> list[date]:
        """Every networking day of the history, oldest first (each has a completed check-in)."""
        first = TODAY - timedelta(days=self.days - 1)
        days = (first + timedelta(days=n) for n in range(self.days))
        return [day for day in days if is_networking_day(MON_FRI, day)]

    @property
    def followups(self) -> int:
        return max(1, self.contacts // 10)


def rows(history: History) -> dict[type, list[dict[str, Any]]]:
    """Every row to insert, table by table, in an order the foreign keys accept."""
    checkins, answers, met = _checkins(history)
    interactions = met + _interactions(history)
    last: dict[int, date] = {}
    for row in interactions:
        if row["contact_id"] is not None:
            day = last.get(row["contact_id"])
            last[row["contact_id"]] = max(day, row["happened_on"]) if day else row["happened_on"]
    return {
        User: [_user(history)],
        Contact: _contacts(history, last),
        CheckIn: checkins,
        Answer: answers,
        Interaction: interactions,
        Followup: _followups(history),
        Goal: [_goal()],
        GoalTarget: [
            {"user_id": USER_ID, "position": n, "name": name, "created_at": NOW}
            for n, name in enumerate(TARGETS)
        ],
    }


async def populate(engine: AsyncEngine, history: History) -> dict[str, int]:
    """Insert the history; how many rows went into each table."""
    counts = {}
    async with engine.begin() as connection:
        for model, found in rows(history).items():
            for start in range(0, len(found), CHUNK):
                await connection.execute(insert(model), found[start : start + CHUNK])
            counts[model.__tablename__] = len(found)
    return counts


def contact_name(index: int) -> str:
    return f"Person {index:05d}"


def _user(history: History) -> dict[str, Any]:
    created = NOW - timedelta(days=history.days + 1)
    tomorrow_9 = datetime.combine(TODAY + timedelta(days=3), time(8), UTC)  # Monday, 09:00
    return {
        "id": USER_ID,
        "chat_id": USER_ID,
        "first_name": "Ann",
        "timezone": "Europe/Berlin",
        "checkin_time": time(9),
        "networking_days": MON_FRI,
        "next_daily_at": tomorrow_9,
        "wake_at": tomorrow_9,
        "last_active_at": NOW - timedelta(hours=9),
        "active": True,
        "mode": Mode.SEARCHING,
        "quiet_start": time(21),
        "quiet_end": time(8),
        "review_day": 4,
        "onboarded_at": created,
        "created_at": created,
        "updated_at": created,
    }


def _contact_of(history: History, n: int) -> int:
    """The id of the n-th contact, cycling over all of them."""
    return 1 + n % history.contacts


def _checkins(
    history: History,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    checkins, answers, interactions = [], [], []
    message_id = 1000
    for index, day in enumerate(history.checkin_days):
        checkin_id = index + 1
        started = datetime.combine(day, time(8), UTC)
        checkins.append(
            {
                "id": checkin_id,
                "user_id": USER_ID,
                "local_date": day,
                "status": CheckinStatus.DONE,
                "step": 4,
                "started_at": started,
                "completed_at": started + timedelta(minutes=3),
            }
        )
        met = [_contact_of(history, 2 * index + k) for k in range(2)]
        gave_to, asked = _contact_of(history, 7 * index + 3), _contact_of(history, 11 * index + 5)
        first, second = (contact_name(contact - 1) for contact in met)
        texts = {
            Question.WHO: f"{first} (coffee), {second} (email)",
            Question.GAVE: f"Sent {contact_name(gave_to - 1)} the article",
            Question.ASK: f"Asked {contact_name(asked - 1)} for an intro to their lead",
            Question.FOLLOWUP: f"{first} on Friday: coffee" if index % 5 == 0 else None,
        }
        for step, (question, text) in enumerate(texts.items()):
            message_id += 2  # the bot's question, then the user's answer
            answers.append(
                {
                    "checkin_id": checkin_id,
                    "question": question.value,
                    "answer_type": AnswerType.TEXT if text else AnswerType.NOTHING,
                    "text": text,  # the "nothing today" button stores no text
                    "chat_id": USER_ID,
                    "message_id": message_id,
                    "created_at": started + timedelta(seconds=30 * (step + 1)),
                }
            )
        done = checkins[-1]
        interactions += [
            _fed(done, met[0], InteractionKind.MET, two_way=True, channel=Channel.IN_PERSON),
            _fed(done, met[1], InteractionKind.MET, two_way=True, channel=Channel.MESSAGE),
            _fed(done, gave_to, InteractionKind.GIVE, note=texts[Question.GAVE]),
            _fed(done, asked, InteractionKind.ASK, note=texts[Question.ASK]),
        ]
    return checkins, answers, interactions


def _fed(
    checkin: dict[str, Any], contact: int, kind: InteractionKind, **extra: Any
) -> dict[str, Any]:
    """An interaction a completed check-in fed into the network."""
    return {
        "user_id": USER_ID,
        "contact_id": contact,
        "kind": kind,
        "channel": None,
        "two_way": False,
        "note": None,
        "happened_on": checkin["local_date"],
        "checkin_id": checkin["id"],
        "created_at": checkin["completed_at"],
        **extra,
    }


def _interactions(history: History) -> list[dict[str, Any]]:
    """Interactions logged outside check-ins (/met, /gave, /asked), spread over the history."""
    found = []
    for c in range(history.contacts):
        for n in range(history.interactions_per_contact):
            kind = KINDS[(c + n) % len(KINDS)]
            day = TODAY - timedelta(days=(c * 37 + n * 241) % history.days)
            found.append(
                {
                    "user_id": USER_ID,
                    "contact_id": c + 1,
                    "kind": kind,
                    "channel": CHANNELS[(c + n) % len(CHANNELS)] if kind == "met" else None,
                    "two_way": kind == InteractionKind.MET,
                    "note": None if kind == InteractionKind.MET else "a note",
                    "happened_on": day,
                    "checkin_id": None,
                    "created_at": datetime.combine(day, time(12), UTC),
                }
            )
    return found


def _contacts(history: History, last: dict[int, date]) -> list[dict[str, Any]]:
    found = []
    for c in range(history.contacts):
        contact_id = c + 1
        tier = TIERS[c % len(TIERS)]
        seen = last.get(contact_id)
        found.append(
            {
                "id": contact_id,
                "user_id": USER_ID,
                "name": contact_name(c),
                "name_key": contact_name(c).casefold(),
                "tier": tier,
                "company": f"Company {c % COMPANIES}" if c % 4 else None,
                "role": "Engineering lead" if tier == Tier.DECISION_MAKER else None,
                "source": ContactSource.CHECKIN if c % 3 else ContactSource.IMPORT,
                "last_interaction_on": seen,
                "keep_warm_due_on": seen + timedelta(days=60) if seen and tier else None,
                "created_at": NOW - timedelta(days=history.days - c % history.days),
            }
        )
    return found


def _followups(history: History) -> list[dict[str, Any]]:
    """One per ten contacts, due every few days over the history and the next month; those
    due more than a week ago are done (most of them on time), the rest open."""
    count = history.followups
    step = (history.days + 30) * 24 * 3600 // count
    found = []
    for f in range(count):
        due = NOW - timedelta(days=history.days) + timedelta(seconds=step * (f + 1))
        done = due < NOW - timedelta(days=7)
        found.append(
            {
                "user_id": USER_ID,
                "contact_id": _contact_of(history, 10 * f),
                "note": "send the article",
                "due_at": due,
                "status": FollowupStatus.DONE if done else FollowupStatus.OPEN,
                "nudges_sent": 1 if due < NOW else 0,
                "next_nudge_at": None if done else max(due, NOW + timedelta(days=1)),
                "at_chosen_time": True,
                "created_at": due - timedelta(days=3),
                "done_at": due + timedelta(days=f % 3) if done else None,
            }
        )
    return found


def _goal() -> dict[str, Any]:
    return {
        "user_id": USER_ID,
        "want": "a product role in fintech",
        "roles": "hiring managers, team leads",
        "gather": "Berlin Fintech Meetup",
        "created_at": NOW - timedelta(days=300),
        "updated_at": NOW - timedelta(days=300),
    }
