"""The /contacts, /contact, /followups and /stats queries, and the planner's batch queries,
stay indexed at 5,000 contacts, on both backends.

A user with 5,000 contacts, 20,000 interactions over two years and 500 follow-ups (plus a second
user, so no table is one user's alone). The real query functions run once while the SQL they
send is recorded; each statement is then explained with its own parameters. No plan may read
all of `contacts`, `interactions` or `followups`.

SQLite: no `SCAN <table>` (with or without `USING INDEX`: reading a whole index is still a full
scan), no `AUTOMATIC` index (SQLite builds it by scanning the table) and no skip-scan
(`ANY(first column)`).

PostgreSQL: no `Seq Scan`, and no index scan whose `Index Cond` is missing or leaves out the
index's first column. Sequential scans, hash joins and merge joins are switched off while
explaining, so the plan shows whether an index *can* serve each table rather than whether the
planner prefers one at this size.
"""

import json
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from db import contacts as contacts_db
from db import followups as followups_db
from db import goals as goals_db
from db import planning as planning_db
from db.engine import create_engine, create_sessionmaker
from db.migrate import upgrade
from db.models import Contact, Followup, Interaction
from domain.contacts import Channel, Tier, normalize_name
from domain.weekdays import MON_FRI
from services.users import create as create_user
from tests.harness import both_backends

pytestmark = both_backends

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
ME, OTHER = 1001, 1002
WATCHED = frozenset({"contacts", "interactions", "followups"})
# (user, contacts, interactions, follow-ups, first id of each table)
POPULATION = [(ME, 5000, 20000, 500, 1), (OTHER, 400, 1600, 40, 100_001)]
KINDS = ["met", "followup", "reply", "give", "ask"]
KIND_WEIGHTS = [35, 25, 20, 10, 10]


@dataclass
class World:
    """Ids the queries are asked about, picked from the generated data."""

    busy_contact: int = 0  # the contact of ME with the most interactions
    quiet_contact: int = 0  # a contact of ME with none
    page: list[int] = field(default_factory=list)  # one /contacts page of ids
    name: str = ""  # a name of ME's, as typed


def _day(rng: random.Random, back: int) -> date:
    return TODAY - timedelta(days=rng.randrange(back))


def _generate(world: World) -> dict[Any, list[dict[str, Any]]]:
    rng = random.Random(20260302)
    rows: dict[Any, list[dict[str, Any]]] = {Contact: [], Interaction: [], Followup: []}
    for user_id, n_contacts, n_interactions, n_followups, first in POPULATION:
        contact_ids = list(range(first, first + n_contacts))
        # A few contacts get most of the traffic; about a tenth get none at all.
        weights = [1 / (rank + 1) ** 0.8 for rank in range(n_contacts)]
        silent = set(rng.sample(contact_ids, n_contacts // 10))
        touched = [cid for cid in contact_ids if cid not in silent]
        touched_weights = [w for cid, w in zip(contact_ids, weights, strict=True) if cid in touched]
        last: dict[int, date] = {}
        per_contact: dict[int, int] = {}
        for n in range(n_interactions):
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            contact_id = None
            if kind not in ("give", "ask") or rng.random() < 0.7:
                contact_id = rng.choices(touched, touched_weights)[0]
                per_contact[contact_id] = per_contact.get(contact_id, 0) + 1
            happened_on = _day(rng, 730)
            if contact_id is not None:
                last[contact_id] = max(last.get(contact_id, happened_on), happened_on)
            rows[Interaction].append(
                {
                    "id": first + n,
                    "user_id": user_id,
                    "contact_id": contact_id,
                    "kind": kind,
                    "channel": rng.choice([None, *(c.value for c in Channel)]),
                    "two_way": kind in ("met", "reply"),
                    "note": rng.choice([None, f"note {n}"]),
                    "happened_on": happened_on,
                    "checkin_id": None,
                    "created_at": datetime.combine(happened_on, time(18), UTC),
                }
            )
        for cid in contact_ids:
            name = f"Person {cid} {rng.choice(['Müller', 'García', 'Smith', 'Nguyen'])}"
            rows[Contact].append(
                {
                    "id": cid,
                    "user_id": user_id,
                    "name": name,
                    "name_key": normalize_name(name),
                    "tier": rng.choice([None, None, *(t.value for t in Tier)]),
                    "company": rng.choice([None, "Acme", "Initech"]),
                    "role": None,
                    "how_met": None,
                    "email": None,
                    "keep_in_touch_days": rng.choice([None, None, None, 30, 90]),
                    "source": rng.choice(["checkin", "followup", "ledger", "manual", "import"]),
                    "connected_on": None,
                    "last_interaction_on": last.get(cid),
                    "keep_warm_nudged_on": None,
                    "created_at": NOW - timedelta(days=800),
                }
            )
        for n in range(n_followups):
            due_at = NOW + timedelta(hours=rng.randrange(-365 * 24, 30 * 24))
            status = rng.choices(["open", "done", "dropped", "rested"], [40, 45, 10, 5])[0]
            open_ = status == "open"
            rows[Followup].append(
                {
                    "id": first + n,
                    "user_id": user_id,
                    "contact_id": rng.choice(touched[:200] + contact_ids),
                    "note": rng.choice([None, f"send the deck {n}"]),
                    "due_at": due_at,
                    "status": status,
                    "nudges_sent": rng.randrange(4) if open_ else 0,
                    "next_nudge_at": due_at + timedelta(days=rng.randrange(8)) if open_ else None,
                    "created_at": due_at - timedelta(days=rng.randrange(1, 30)),
                    "done_at": due_at + timedelta(hours=rng.randrange(72))
                    if status == "done"
                    else None,
                }
            )
        if user_id == ME:
            world.busy_contact = max(per_contact, key=per_contact.__getitem__)
            world.quiet_contact = min(silent)
            world.page = rng.sample(contact_ids, 20)
            world.name = rows[Contact][len(rows[Contact]) // 2]["name"].upper()
    return rows


@pytest.fixture
async def seeded(database_url: str) -> AsyncIterator[tuple[AsyncEngine, World]]:
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        async with create_sessionmaker(engine)() as session:
            for user_id in (ME, OTHER):
                await create_user(
                    session,
                    user_id=user_id,
                    chat_id=user_id,
                    first_name="Ann",
                    timezone="Europe/Berlin",
                    checkin_time=time(9),
                    networking_days=MON_FRI,
                    now=NOW - timedelta(days=800),
                )
            await session.commit()
        world = World()
        rows = _generate(world)
        async with engine.begin() as connection:
            for model in (Contact, Interaction, Followup):  # executemany, parents first
                await connection.execute(insert(model), rows[model])
        async with engine.connect() as connection:
            await connection.exec_driver_sql("ANALYZE")
            await connection.commit()
        yield engine, world
    finally:
        await engine.dispose()


class Recorder:
    """Records the SELECTs sent to the database while `capture()` is open."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.statements: list[tuple[str, Any]] | None = None
        event.listen(engine.sync_engine, "before_cursor_execute", self._record)

    def _record(
        self, _conn: object, _cursor: object, statement: str, parameters: Any, *_: object
    ) -> None:
        if self.statements is not None and statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, parameters))

    @contextmanager
    def capture(self) -> Iterator[list[tuple[str, Any]]]:
        self.statements = captured = []
        try:
            yield captured
        finally:
            self.statements = None


Query = Callable[[AsyncSession, World], Awaitable[object]]
# Every query behind /contacts (render_list), /contact (render_card, resolving the name),
# /followups (_render_list, and the pestering check on create), /stats, and the scheduler.
QUERIES: list[tuple[str, Query]] = [
    ("contacts.ordered_ids", lambda s, w: contacts_db.ordered_ids(s, ME)),
    (
        "contacts.recent_interactions",
        lambda s, w: contacts_db.recent_interactions(s, ME, TODAY - timedelta(days=180)),
    ),
    ("contacts.page_of_contacts", lambda s, w: contacts_db.page_of_contacts(s, ME, w.page)),
    ("contacts.find_by_name", lambda s, w: contacts_db.find_by_name(s, ME, w.name)),
    ("contacts.names", lambda s, w: contacts_db.names(s, ME)),
    ("contacts.history", lambda s, w: contacts_db.history(s, w.busy_contact, 8)),
    ("contacts.count_kind", lambda s, w: contacts_db.count_kind(s, w.busy_contact, "give")),
    (
        "followups.open_until",
        lambda s, w: followups_db.open_until(s, ME, NOW + timedelta(days=8)),
    ),
    (
        "followups.count_since_reply",
        lambda s, w: followups_db.count_since_reply(s, w.busy_contact),
    ),
    (
        "followups.count_since_reply (no reply yet)",
        lambda s, w: followups_db.count_since_reply(s, w.quiet_contact),
    ),
    ("followups.due_nudges", lambda s, w: followups_db.due_nudges(s, NOW, 500)),
    ("followups.overdue_count", lambda s, w: followups_db.overdue_count(s, ME, NOW)),
    (
        "followups.done_since",
        lambda s, w: followups_db.done_since(s, ME, NOW - timedelta(days=30)),
    ),
    ("contacts.with_interval", lambda s, w: contacts_db.with_interval(s, ME)),
    (
        "contacts.warm_count",
        lambda s, w: contacts_db.warm_count(s, ME, TODAY - timedelta(days=89)),
    ),
    ("goals.companies", lambda s, w: goals_db.companies(s, ME)),
    ("goals.people_at", lambda s, w: goals_db.people_at(s, ME, ["Acme", "ACME Inc."])),
    ("goals.connectors", lambda s, w: goals_db.connectors(s, ME, 20)),
    # The planner's claim of due users (active, onboarded, woken up): through ix_users_wake.
    ("planning.claim_due", lambda s, w: planning_db.claim_due(s, NOW, 1000)),
    # The planner's batch queries: the ids as one parameter (`db.types.among`).
    (
        "planning.load",
        lambda s, w: planning_db.load(s, [ME, OTHER], NOW, TODAY - timedelta(days=14), TODAY),
    ),
    (
        "planning.load_week",
        lambda s, w: planning_db.load_week(
            s, [ME, OTHER], NOW, NOW - timedelta(days=7), TODAY - timedelta(days=6), TODAY
        ),
    ),
]

_SQLITE_ACCESS = re.compile(r"^(SCAN|SEARCH) (\w+)\b(.*)$")


def _sqlite_problems(plan: list[tuple[int, int, str]]) -> list[str]:
    problems = []
    for _, _, detail in plan:
        match = _SQLITE_ACCESS.match(detail)
        if not match or match[2] not in WATCHED:
            continue
        if match[1] == "SCAN":
            how = "full index scan" if "INDEX" in match[3] else "full table scan"
            problems.append(f"{how}: {detail}")
        elif "AUTOMATIC" in match[3]:  # a throwaway index, built by reading the whole table
            problems.append(f"automatic index (built by a full scan): {detail}")
        elif "ANY(" in match[3]:  # skip-scan: the index's first column is not constrained
            problems.append(f"skip-scan over every value of the first column: {detail}")
    return problems


def _sqlite_text(plan: list[tuple[int, int, str]]) -> str:
    depth = {0: -1}
    lines = []
    for node, parent, detail in plan:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return "\n".join(lines)


def _pg_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _pg_nodes(child)


def _pg_summary(plan: dict[str, Any]) -> str:
    return " | ".join(
        " ".join(
            filter(None, (node["Node Type"], node.get("Index Name"), node.get("Relation Name")))
        )
        for node in _pg_nodes(plan["Plan"])
        if "Relation Name" in node or "Index Name" in node
    )


# Index name -> (table, first column) for the watched tables' indexes.
_PG_INDEXES = text(
    """
    SELECT ix.relname, tbl.relname, att.attname
    FROM pg_index i
    JOIN pg_class ix ON ix.oid = i.indexrelid
    JOIN pg_class tbl ON tbl.oid = i.indrelid
    JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = i.indkey[0]
    WHERE tbl.relname IN ('contacts', 'interactions', 'followups')
    """
)


def _pg_problems(plan: dict[str, Any], indexes: dict[str, tuple[str, str]]) -> list[str]:
    problems = []
    for node in _pg_nodes(plan["Plan"]):
        kind, index = node["Node Type"], node.get("Index Name")
        relation = node.get("Relation Name") or indexes.get(index or "", ("", ""))[0]
        if relation not in WATCHED:
            continue
        if kind == "Seq Scan":
            problems.append(f"Seq Scan on {relation} (Filter: {node.get('Filter')})")
        elif kind in ("Index Scan", "Index Only Scan", "Bitmap Index Scan"):
            cond = node.get("Index Cond")
            first = indexes.get(index or "", ("", ""))[1]
            # PostgreSQL writes an index condition column first: "((status)::text = ...)".
            if cond is None or (first and not re.search(rf"\(\(?{first}\b(?!\.)", cond)):
                problems.append(
                    f"{kind} reading all of {index} on {relation}"
                    f" (Index Cond: {cond}; first column: {first}; Filter: {node.get('Filter')})"
                )
    return problems


async def _explain(
    engine: AsyncEngine, statement: str, parameters: Any
) -> tuple[list[str], str, str]:
    """(problems, printable plan, one-line summary) of one statement with its own parameters."""
    async with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            result = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plan = [(row[0], row[1], row[3]) for row in result]
            summary = " | ".join(detail for _, _, detail in plan)
            return _sqlite_problems(plan), _sqlite_text(plan), summary
        indexes = {ix: (table, first) for ix, table, first in await connection.execute(_PG_INDEXES)}
        # Price out sequential scans, and the hash and merge joins that would read a whole
        # table (or a whole primary key) on their inner side, so that each table is reached
        # through an index lookup whenever one fits; whatever full scan remains has no index.
        for setting in ("enable_seqscan", "enable_hashjoin", "enable_mergejoin"):
            await connection.exec_driver_sql(f"SET LOCAL {setting} = off")
        result = await connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters)
        raw = result.scalar_one()
        (plan,) = json.loads(raw) if isinstance(raw, str) else raw
        await connection.rollback()
        problems = _pg_problems(plan, indexes)
        return problems, json.dumps(plan["Plan"], indent=2), _pg_summary(plan)


async def test_contacts_and_followups_queries_use_indexes(
    seeded: tuple[AsyncEngine, World], backend: str
) -> None:
    engine, world = seeded
    sessions = create_sessionmaker(engine)
    recorder = Recorder(engine)
    async with sessions() as session:
        # The data is what the issue describes, and the queries find something in it.
        assert len(await contacts_db.names(session, ME)) == 5000
        assert len(await contacts_db.recent_interactions(session, ME, TODAY - timedelta(730)))
        assert len(await contacts_db.history(session, world.busy_contact, 8)) == 8
        assert await followups_db.open_until(session, ME, NOW + timedelta(days=8))
        assert await followups_db.due_nudges(session, NOW, 500)
        assert await contacts_db.find_by_name(session, ME, world.name) is not None

    captured: list[tuple[str, str, Any]] = []
    for name, query in QUERIES:
        async with sessions() as session:
            with recorder.capture() as statements:
                await query(session, world)
            await session.rollback()
        assert statements, f"{name} sent no SELECT"
        captured += [(name, statement, parameters) for statement, parameters in statements]

    failures, passed = [], []
    for name, statement, parameters in captured:
        problems, plan, summary = await _explain(engine, statement, parameters)
        if problems:
            failures.append(
                f"--- {name} [{backend}]: {'; '.join(problems)}\n"
                f"SQL: {statement}\nparameters: {parameters}\nplan:\n{plan}"
            )
        else:
            passed.append(f"{name}: {summary}")
    print(f"\n[{backend}] indexed:\n" + "\n".join(passed))  # shown with -s or -rP
    assert not failures, f"{len(failures)} statement(s) scan a whole table:\n" + "\n\n".join(
        failures
    )
