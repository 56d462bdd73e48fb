"""How long the text readers take: the check-in reader on every labelled check-in (target:
under 5 ms at the median), in each language it reads, and each reader on its worst inputs (the
ones that were once quadratic, or the longest answers allowed); and the bot's resident memory
once it has read a check-in in every language (target: under 200 MB).

`python -m bench.parsing [-n 5]` prints, per case, the median and max in ms. Tests check these
inputs give the right answer; their speed is measured here, never asserted in a test.
"""

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import machine, summary, timings_ms
from domain.checkins import MAX_ANSWER_LENGTH
from domain.contacts import similar_names
from domain.followups import parse_followup
from domain.goals import parse_company_list
from domain.imports import MAX_CONTACTS, ImportFileError, parse_contacts_file
from domain.pitch import review_pitch
from domain.reader import read_checkin

READING_TARGET_MS = 5.0
MEMORY_TARGET_MB = 200
# The labelled check-ins of tests/understanding: answers as people type them.
LABELLED = sorted((Path(__file__).parents[1] / "tests" / "understanding").glob("*.json"))

NOW = datetime(2026, 3, 13, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "".join(
    f"Pérson{i},Q,https://x/{i},p{i}@example.com,Acme,Engineer,05 Jan 2024\n"
    for i in range(MAX_CONTACTS)
)
VCARDS = "".join(
    f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {i}\nORG:Acme\nEMAIL:p{i}@example.com\nEND:VCARD\n"
    for i in range(MAX_CONTACTS)
)
NETWORK = [(i, f"Person{i} Surname{i % 97}") for i in range(5000)] + [(9999, "Sally Jones")]
# A user with 500 contacts: every name of a check-in is also looked up among them.
CONTACTS = [name for _, name in NETWORK[:500]]
LONG_ANSWER = ("Coffee with Ana Lee and Tom Baker from Stripe, then a call w/ João, " * 20)[
    :MAX_ANSWER_LENGTH
]

CASES: dict[str, Callable[[], object]] = {
    "similar_names, 5,000 contacts": lambda: similar_names("Sally", NETWORK),
    "/followup, 800 words": lambda: parse_followup("word " * 800 + "tomorrow", now_local=NOW),
    f"LinkedIn import, {MAX_CONTACTS:,} rows": lambda: parse_contacts_file(
        "Connections.csv", LINKEDIN.encode()
    ),
    "target companies, 40,000 characters": lambda: parse_company_list("\t- " * 13_333 + "Acme"),
    "pitch review, 40,000 characters": lambda: review_pitch("e.g. " * 8_000),
    "vCard with a malformed header": lambda: _refused(
        "BEGIN:VCARD\nVERSION:3.0\nFN;A" + "=" * 26 + '":Sally\nEND:VCARD\n'
    ),
    "vCard, 20,000 cards": lambda: parse_contacts_file("contacts.vcf", VCARDS.encode()),
    "check-in, four answers of 1,000 characters": lambda: read_checkin(
        [LONG_ANSWER] * 4, CONTACTS, NOW
    ),
}


def _refused(vcard: str) -> None:
    try:
        parse_contacts_file("contacts.vcf", vcard.encode())
    except ImportFileError:
        return
    raise AssertionError("a malformed vCard was accepted")


def run(iterations: int = 5) -> dict[str, Any]:
    results = {name: summary(timings_ms(case, iterations)) for name, case in CASES.items()}
    return {
        "iterations": iterations,
        "reading": reading_times(iterations),
        "cases": results,
        "memory": memory(),
        **machine(),
    }


def _language(path: Path) -> str:
    """checkins.json is English; checkins_pt_BR.json, Brazilian Portuguese."""
    return path.stem.split("_", 1)[1] if "_" in path.stem else "en"


def reading_times(iterations: int) -> dict[str, Any]:
    """Each labelled check-in read `iterations` times against 500 contacts, in its language:
    per check-in, over all of them and per language."""
    cases = [
        (case["answers"], _language(path))
        for path in LABELLED
        for case in json.loads(path.read_text())
    ]
    for four, language in cases:  # a first pass loads dateparser and the Russian dictionary
        read_checkin(four, CONTACTS, NOW, language)
    per_language: dict[str, list[float]] = {}
    for four, language in cases:
        per_language.setdefault(language, []).extend(
            timings_ms(
                lambda four=four, language=language: read_checkin(four, CONTACTS, NOW, language),
                iterations,
            )
        )
    every = [t for times in per_language.values() for t in times]
    languages = {
        language: {"checkins": sum(lang == language for _, lang in cases), **summary(times)}
        for language, times in per_language.items()
    }
    return {"checkins": len(cases), **summary(every), "languages": languages}


# A fresh interpreter loads what the bot loads, then reads one check-in in each language.
_MEMORY_PROBE = """
import bot.app, bot.chart, bot.runtime, handlers, scheduler.dispatcher, scheduler.planner
from datetime import datetime
from bench.common import memory_mb
from domain.reader import read_checkin
now = datetime(2026, 11, 24, 17, 58)
before = memory_mb(__import__("os").getpid())["rss_mb"]
for language, answers in {
    "en": ["coffee with Maria Santos from Stripe", "-", "-", "Maria next Tuesday"],
    "es": ["café con Lucía Fernández de Glovo", "-", "-", "Lucía el viernes"],
    "pt_BR": ["almoço com Fernanda Lima do Nubank", "-", "-", "Fernanda na próxima terça"],
    "de": ["Kaffee mit Jonas Becker von Zalando", "-", "-", "Jonas nächsten Dienstag"],
    "ru": ["кофе с Ольгой Ивановой из Яндекса", "-", "-", "Ольге через две недели"],
}.items():
    read_checkin(answers, [], now, language)
print(before, memory_mb(__import__("os").getpid())["peak_rss_mb"])
"""


def memory() -> dict[str, float]:
    """Resident memory of a fresh process with the bot's modules loaded, before reading and at
    its peak after a check-in in every language (the Russian dictionary included), in MB."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
    ).stdout.split()
    return {"loaded_mb": round(float(out[0]), 1), "after_reading_mb": round(float(out[1]), 1)}


def table(result: dict[str, Any]) -> str:
    reading = result["reading"]
    lines = ["| input | median (ms) | max (ms) |", "| --- | ---: | ---: |"]
    lines.append(
        f"| one check-in ({reading['checkins']} labelled, 500 contacts; p95 "
        f"{reading['p95_ms']}) | {reading['median_ms']} | {reading['max_ms']} |"
    )
    for language, times in reading["languages"].items():
        lines.append(
            f"| one check-in in `{language}` ({times['checkins']} labelled) | "
            f"{times['median_ms']} | {times['max_ms']} |"
        )
    for name, times in result["cases"].items():
        lines.append(f"| {name} | {times['median_ms']} | {times['max_ms']} |")
    memory_used = result["memory"]
    lines.append("")
    lines.append(
        f"Resident memory of the bot's modules: {memory_used['loaded_mb']} MB loaded, "
        f"{memory_used['after_reading_mb']} MB at the peak after reading a check-in in each "
        "language (the Russian dictionary of `pymorphy3` included)."
    )
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    reading = result["reading"]
    met = "meets" if reading["median_ms"] < READING_TARGET_MS else "misses"
    slowest, times = max(result["cases"].items(), key=lambda case: case[1]["max_ms"])
    slowest_language = max(reading["languages"].items(), key=lambda lang: lang[1]["median_ms"])
    memory_used = result["memory"]["after_reading_mb"]
    fits = "meets" if memory_used < MEMORY_TARGET_MB else "misses"
    return (
        f"reading a check-in: {reading['median_ms']} ms at the median, which {met} the "
        f"{READING_TARGET_MS:g} ms target (slowest language: {slowest_language[0]}, "
        f"{slowest_language[1]['median_ms']} ms); slowest worst input: {slowest}, "
        f"{times['max_ms']} ms at most (none may be quadratic); resident memory after reading "
        f"every language {memory_used} MB, which {fits} the {MEMORY_TARGET_MB} MB target"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--iterations", type=int, default=5)
    result = run(parser.parse_args(argv).iterations)
    reading = result["reading"]
    print(
        f"reading one check-in ({reading['checkins']} labelled): median "
        f"{reading['median_ms']} ms, p95 {reading['p95_ms']} ms, max {reading['max_ms']} ms"
    )
    for language, times in reading["languages"].items():
        print(f"  {language:6} median {times['median_ms']} ms, max {times['max_ms']} ms")
    print(f"text readers, worst inputs, {result['iterations']} iterations each")
    for name, times in result["cases"].items():
        print(f"  {name:40} median {times['median_ms']:8.1f} ms   max {times['max_ms']:8.1f} ms")
    memory_used = result["memory"]
    print(
        f"resident memory: {memory_used['loaded_mb']} MB with the bot's modules, "
        f"{memory_used['after_reading_mb']} MB at the peak after a check-in in each language"
    )
    print(f"machine: {result['cpu']}, {result['cores']} cores, python {result['python']}")


if __name__ == "__main__":
    main()
