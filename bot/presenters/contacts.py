"""Contacts as the user reads them: the card, the list, keep-warm and look-alike names."""

from datetime import date

from bot import texts
from bot.presenters.common import relative_day
from db.models import Contact
from domain.coaching import KeepWarmCandidate
from domain.contacts import effective_interval
from services.contacts import Card, RankedPage

HISTORY_NOTE_LIMIT = 60


def tier_label(contact: Contact) -> str | None:
    return texts.TIER_LABELS[contact.tier] if contact.tier else None


def card(view: Card, today: date) -> str:
    contact = view.contact
    interval = effective_interval(contact.keep_in_touch_days, contact.tier)
    last = contact.last_interaction_on
    text = texts.CONTACT_CARD.format(
        name=contact.name,
        tier=tier_label(contact) or texts.TIER_UNSET,
        company=texts.LIST_SEPARATOR.join(p for p in (contact.company, contact.role) if p)
        or texts.NOT_SET,
        how_met=contact.how_met or texts.NOT_SET,
        interval=texts.INTERVAL_EVERY.format(days=interval) if interval else texts.INTERVAL_OFF,
        last=relative_day(last, today) if last else texts.NEVER,
        gives=view.gives,
        asks=view.asks,
    )
    if not view.history:
        return text
    lines = [texts.CONTACT_HISTORY]
    for item in view.history:
        values = {
            "when": relative_day(item.happened_on, today),
            "kind": texts.INTERACTION_LABELS[item.kind],
            "channel": texts.CHANNEL_LABELS[item.channel] if item.channel else None,
            "note": item.note[:HISTORY_NOTE_LIMIT] if item.note else None,
        }
        template = {
            (False, False): texts.HISTORY_LINE,
            (True, False): texts.HISTORY_LINE_CHANNEL,
            (False, True): texts.HISTORY_LINE_NOTE,
            (True, True): texts.HISTORY_LINE_CHANNEL_NOTE,
        }[(bool(values["channel"]), bool(values["note"]))]
        lines.append(template.format(**values))
    return f"{text}\n\n" + "\n".join(lines)


def listing(page: RankedPage, today: date) -> str:
    lines = [texts.CONTACTS_HEADER.format(count=page.total)]
    for contact, last in page.rows:
        when = relative_day(last, today) if last else texts.NEVER
        tier = tier_label(contact)
        if tier:
            lines.append(texts.CONTACTS_LINE_TIER.format(name=contact.name, tier=tier, when=when))
        else:
            lines.append(texts.CONTACTS_LINE.format(name=contact.name, when=when))
    return "\n".join(lines)


def keep_warm_person(person: KeepWarmCandidate, today: date) -> str:
    """ "Sally (insider, last talked 2 months ago)" in a keep-warm nudge."""
    tier = texts.TIER_LABELS[person.tier] if person.tier else None
    last = person.last_interaction_on
    if last is None:
        if tier:
            return texts.KEEP_WARM_PERSON_NEW_TIER.format(name=person.name, tier=tier)
        return texts.KEEP_WARM_PERSON_NEW.format(name=person.name)
    ago = relative_day(last, today)
    if tier:
        return texts.KEEP_WARM_PERSON_TIER.format(name=person.name, tier=tier, ago=ago)
    return texts.KEEP_WARM_PERSON.format(name=person.name, ago=ago)


def give_first(name: str, seed: int) -> str:
    """Three of the give ideas, a different three for different people (principle 5)."""
    ideas = [texts.GIVE_IDEAS[(seed + i) % len(texts.GIVE_IDEAS)] for i in range(3)]
    lines = "\n".join(texts.IDEA_LINE.format(idea=idea) for idea in ideas)
    return texts.GIVE_FIRST.format(name=name, ideas=lines)
