"""The elevator pitch (principle 10): every version kept, each reviewed, none rewritten.

The coach points at what a listener would hear (the past, a layoff, the search before the
person, a vague ask, too long or too short) and quotes the words; the user rewrites. A new
version is a new row, so earlier ones stay (and are exported).
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from db import pitches as pitches_db
from db.models import Pitch, User
from domain.pitch import Finding, review_pitch
from domain.text import clean_text

MAX_PITCH_LENGTH = 1000  # a pitch is said in half a minute: about 400 characters


class PitchProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Reviewed:
    """A version of the pitch with the coach's findings."""

    pitch: Pitch
    version: int  # 1 for the first the user wrote
    findings: list[Finding]
    new: bool  # False when the text was already the current version, word for word


async def save(
    session: AsyncSession, user: User, raw: str, now: datetime
) -> Reviewed | PitchProblem:
    """Store `raw` as the new current version (unless it is the current one already)."""
    text = clean_text(raw, multiline=True)
    if text is None:
        return PitchProblem.EMPTY
    if len(text) > MAX_PITCH_LENGTH:
        return PitchProblem.TOO_LONG
    latest = await pitches_db.current(session, user.id)
    new = latest is None or latest.text != text
    pitch = await pitches_db.add(session, user.id, text, now) if new else latest
    assert pitch is not None
    return Reviewed(pitch, await pitches_db.count(session, user.id), review_pitch(text), new)


async def current(session: AsyncSession, user: User) -> Reviewed | None:
    pitch = await pitches_db.current(session, user.id)
    if pitch is None:
        return None
    version = await pitches_db.count(session, user.id)
    return Reviewed(pitch, version, review_pitch(pitch.text), new=False)


async def owned(session: AsyncSession, pitch_id: int, user: User) -> Pitch | None:
    return await pitches_db.get_owned(session, pitch_id, user.id)
