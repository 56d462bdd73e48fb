"""The elevator pitch as the user reads it: each finding named, quoted, with a better shape."""

from datetime import date

from bot import texts
from bot.presenters.common import day_and_month, plural, shorten
from domain.pitch import Finding
from services.pitches import Reviewed


def saved(reviewed: Reviewed) -> str:
    """The reply to a new version (or the same words again), with the review."""
    template = texts.PITCH_SAVED if reviewed.new else texts.PITCH_UNCHANGED
    head = template.format(version=reviewed.version)
    return f"{head}\n\n{review(reviewed.findings)}"


def current(reviewed: Reviewed, written_on: date) -> str:
    """/pitch alone: the current version as stored, its review, and how to replace it."""
    head = texts.PITCH_CURRENT.format(
        version=reviewed.version, day=day_and_month(written_on), text=reviewed.pitch.text
    )
    return f"{head}\n\n{review(reviewed.findings)}\n\n{texts.PITCH_REPLACE}"


def review(findings: list[Finding]) -> str:
    """Every finding in order: its name, the words that showed it, what to do, an example."""
    if not findings:
        return texts.PITCH_GOOD
    items = []
    for number, finding in enumerate(findings, start=1):
        name, advice, example = texts.PITCH_ISSUES[finding.issue]
        quote = shorten(" ".join(finding.quote.split()), texts.PITCH_QUOTE_LIMIT)
        items.append(
            texts.PITCH_FINDING.format(
                number=number, name=name, quote=quote, advice=advice, example=example
            )
        )
    header = plural(texts.PITCH_FINDINGS, len(findings))
    return f"{header}\n" + "\n\n".join(items) + f"\n\n{texts.PITCH_PATTERN}\n{texts.PITCH_YOURS}"
