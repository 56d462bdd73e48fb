"""/partner, an invite, the weekly digest and /stats' partner streaks as the user reads them."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlencode

from bot import i18n, texts
from bot.presenters.common import plural
from bot.presenters.settings import short_date
from db.models import User
from domain.partners import MAX_PARTNERS, DayMark, Share
from domain.planning import PartnerWeek, QuietPartner
from services.partners import INVITE_PREFIX, InviteProblem, PartnerView


def invite_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={INVITE_PREFIX}{token}"


def share_url(link: str) -> str:
    """Telegram's share sheet: the user picks a chat, the link and a line go there."""
    return "https://t.me/share/url?" + urlencode({"url": link, "text": texts.PARTNER_SHARE_TEXT})


def day_marks(marks: Sequence[DayMark]) -> str:
    """●●○●·"""
    return "".join(texts.PARTNER_MARKS[mark] for mark in marks)


def overview(partners: Sequence[PartnerView], link: str | None) -> str:
    """What /partner says: what a partner sees, each partner, then the link (or why none)."""
    parts = [texts.PARTNER_EXPLAIN]
    if partners:
        lines = [texts.PARTNER_HEADER, *(_line(partner) for partner in partners)]
        if any(p.share != Share.STREAK and not p.paused for p in partners):
            lines.append(texts.PARTNER_MARKS_LEGEND)
        parts.append("\n".join(lines))
    if link is None:
        parts.append(texts.PARTNER_FULL.format(max=MAX_PARTNERS))
    else:
        parts.append(texts.PARTNER_INVITE.format(link=link))
    return "\n\n".join(parts)


def _line(partner: PartnerView) -> str:
    values = {
        "name": partner.name,
        "streak": partner.streak,
        "since": short_date(partner.since),
        "weeks": plural(texts.PARTNER_WEEKS, partner.together),
    }
    if partner.paused:
        return texts.PARTNER_LINE_PAUSED.format(**values)
    if partner.share == Share.STREAK:
        return texts.PARTNER_LINE_STREAK_ONLY.format(**values)
    return texts.PARTNER_LINE.format(marks=day_marks(partner.marks), **values)


def invited(inviter: str, theirs: Share, yours: Share) -> str:
    """The invite as its receiver reads it: who, and exactly what each side would see."""
    return texts.PARTNER_INVITED.format(
        name=inviter or texts.NAME_FALLBACK,
        yours=texts.PARTNER_SHARE_DETAILS[yours],
        theirs=texts.PARTNER_SHARE_DETAILS[theirs],
    )


# --- what one side tells the other, in the receiver's own language ---------------------------


@contextmanager
def _theirs(to: User) -> Iterator[None]:
    with i18n.speaking(to.language):
        yield


def answered(to: User, name: str, accepted: bool) -> str:
    """To the inviter: the invitee accepted or said no thanks."""
    with _theirs(to):
        told = texts.PARTNER_THEY_ACCEPTED if accepted else texts.PARTNER_THEY_DECLINED
        return told.format(name=name or texts.NAME_FALLBACK)


def ended(to: User, name: str) -> str:
    """To the other side of a partnership that ended (by a press, /forget or a block)."""
    with _theirs(to):
        return texts.PARTNER_ENDED.format(name=name or texts.NAME_FALLBACK)


def cheered(to: User, name: str) -> str:
    with _theirs(to):
        return texts.PARTNER_CHEERED.format(name=name or texts.NAME_FALLBACK)


def problem(found: InviteProblem) -> str:
    return texts.PARTNER_INVITE_PROBLEMS[found].format(max=MAX_PARTNERS)


def stats_lines(partners: Sequence[PartnerView]) -> str:
    """/stats: the partner streak with each partner, one line each."""
    return "\n".join(
        texts.PARTNER_STATS.format(
            name=partner.name, weeks=plural(texts.PARTNER_WEEKS, partner.together)
        )
        for partner in partners
    )


def share_changed(share: Share) -> str:
    return texts.PARTNER_SHARE_CHANGED.format(share=texts.PARTNER_SHARE_NAMES[share])


def settings_section(share: Share) -> str:
    return texts.SETTINGS_PARTNER.format(share=texts.PARTNER_SHARE_NAMES[share])


# --- what the planner's messages say ------------------------------------------------------------


def digest(partners: Sequence[PartnerWeek]) -> str:
    """The weekly review's partner section: each partner's week in one line."""
    return "\n".join([texts.PARTNER_DIGEST, *(_digest_line(p) for p in partners)])


def _digest_line(partner: PartnerWeek) -> str:
    if partner.paused:
        return texts.PARTNER_DIGEST_PAUSED.format(name=partner.name)
    if partner.marks is None:
        return texts.PARTNER_DIGEST_STREAK_ONLY.format(name=partner.name)
    marks = day_marks(partner.marks)
    counts = partner.counts
    if counts is None:
        return texts.PARTNER_DIGEST_LINE.format(name=partner.name, marks=marks)
    return texts.PARTNER_DIGEST_COUNTS.format(
        name=partner.name,
        marks=marks,
        people=plural(texts.PARTNER_PEOPLE, counts.people),
        gives=plural(texts.GIVES, counts.gives),
        asks=plural(texts.ASKS, counts.asks),
        done=plural(texts.PARTNER_FOLLOWUPS_DONE, counts.followups_done),
    )


def quiet_partner(part: QuietPartner) -> str:
    return f"{texts.PARTNER_QUIET.format(name=part.name)}\n{texts.PARTNER_QUIET_WHY}"
