"""Scoring the reader on labelled check-ins: precision and recall per field.

A case (see `../shared/understanding/README.md`) holds the four answers and what a careful
human reads from them. Names compare case- and accent-insensitively; a follow-up counts when
its person and date both fit (a phrase with two fair readings lists both dates; a follow-up
with no date to read is labelled with no dates, and the reader must leave its day empty).
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from domain.contacts import normalize_name
from domain.reader import read_checkin
from domain.reading import Reading

# Tuesday 24 November 2026, 17:58 in Berlin: the moment every labelled date is relative to.
REFERENCE = datetime(2026, 11, 24, 17, 58, tzinfo=ZoneInfo("Europe/Berlin"))
OWN_SET = Path(__file__).with_name("checkins.json")
HOLDOUT_SET = Path(__file__).with_name("holdout.json")
BLIND_SET = Path(__file__).with_name("blind.json")
# Per language: check-ins to tune the reader on (checkins_<code>.json, at least 30) and
# held-out ones written before it learned the language, never tuned on (holdout_<code>.json).
LANGUAGES = ("es", "pt_BR", "de", "ru")
HERE = Path(__file__).parent
SHARED_SET = Path(__file__).resolve().parents[3] / "shared" / "understanding" / "dev.json"


@dataclass
class Tally:
    hits: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    people: Tally = field(default_factory=Tally)
    channels: Tally = field(default_factory=Tally)  # recall: expected channels read right
    exchanges: Tally = field(default_factory=Tally)  # gives and asks with the right person
    followups: Tally = field(default_factory=Tally)  # person and date right
    misses: list[str] = field(default_factory=list)

    def report(self, title: str) -> str:
        lines = [f"{title}: precision / recall / F1"]
        for name in ("people", "channels", "exchanges", "followups"):
            t: Tally = getattr(self, name)
            lines.append(
                f"  {name:10} {t.precision:5.2f} / {t.recall:5.2f} / {t.f1:5.2f}"
                f"   ({t.hits} right, {t.predicted} read, {t.expected} expected)"
            )
        return "\n".join(lines)


def load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def read(case: dict[str, Any], language: str = "en") -> Reading:
    return read_checkin(case["answers"], case.get("contacts", []), REFERENCE, language)


def score(cases: list[dict[str, Any]], language: str = "en") -> Score:
    total = Score()
    for number, case in enumerate(cases):
        reading = read(case, language)
        before = _hits(total)
        _score_case(case, reading, total)
        if _hits(total) != before:
            total.misses.append(f"#{number}: {case['answers']!r}\n    read {_describe(reading)}")
    return total


def _hits(score: Score) -> tuple[int, ...]:
    return tuple(
        t.predicted - t.hits + t.expected - t.hits
        for t in (score.people, score.channels, score.exchanges, score.followups)
    )


def _key(name: str | None) -> str:
    return normalize_name(name or "")


def _score_case(case: dict[str, Any], reading: Reading, total: Score) -> None:
    expected = {_key(p) for p in case["people"]}
    got = {p.key for p in reading.people}
    _add(total.people, len(expected & got), len(got), len(expected))

    channels = {_key(p): c for p, c in case["channels"].items()}
    read_channels = {p.key: p.channel.value for p in reading.people if p.channel}
    right = sum(read_channels.get(p) == c for p, c in channels.items())
    wrong = sum(1 for p, c in read_channels.items() if p in channels and channels[p] != c)
    _add(total.channels, right, right + wrong, len(channels))

    wanted = Counter([("give", _key(p)) for p in case["gives"]])
    wanted += Counter([("ask", _key(p)) for p in case["asks"]])
    found = Counter([("give", _key(e.person)) for e in reading.gives if e.person])
    found += Counter([("ask", _key(e.person)) for e in reading.asks if e.person])
    _add(total.exchanges, sum((wanted & found).values()), found.total(), wanted.total())

    hits = 0
    for item in reading.followups:
        for label in case["followups"]:
            if _key(label["person"]) != _key(item.person):
                continue
            dates = set(label["dates"])
            day = item.day.isoformat() if item.day else None
            options = {d.isoformat() for d in item.options}
            if (day in dates) or (not dates and day is None) or (options and options <= dates):
                hits += 1
                break
    _add(total.followups, hits, len(reading.followups), len(case["followups"]))


def _add(tally: Tally, hits: int, predicted: int, expected: int) -> None:
    tally.hits += hits
    tally.predicted += predicted
    tally.expected += expected


def _describe(reading: Reading) -> str:
    people = ", ".join(
        f"{p.name}[{p.channel.value if p.channel else '-'}{'|' + p.company if p.company else ''}]"
        for p in reading.people
    )
    gives = ", ".join(str(e.person) for e in reading.gives)
    asks = ", ".join(str(e.person) for e in reading.asks)
    followups = ", ".join(f"{f.person}@{f.day or f.options or '?'}" for f in reading.followups)
    return f"people: {people} | gives: {gives} | asks: {asks} | followups: {followups}"
