"""The translations: complete, well-formed, compiled, and short enough for Telegram.

Every language the bot ships (a folder of `bot/locales/`) is checked the same way, so a new
catalogue is held to the same bar without a line of code changing here.
"""

import io
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot import i18n, texts

TRANSLATED = [language for language in i18n.shipped() if language != i18n.SOURCE]
# Telegram cuts a message at 4,096 characters (sendMessage's documented limit for `text`).
MESSAGE_LIMIT = 4096
# Telegram documents no limit for a button's label, but a phone shows about 40 characters of a
# full-width button before it ends the label with "…" (a 360-point screen at the button font);
# labels in a row share that width, so each row's labels together stay within it.
BUTTON_ROW_LIMIT = 44


def po_path(language: str) -> Path:
    return i18n.LOCALES / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language)


def placeholders(text: str) -> set[str]:
    """`{name}`, `{limit:,}`: the fields str.format fills, with their format spec."""
    return {
        f"{field}:{spec}" if spec else field
        for _, field, spec, _ in string.Formatter().parse(text)
        if field is not None
    }


def english_strings(value: Any) -> Iterator[str]:
    """Every string inside a constant of bot.texts (tuples, dicts and plural pairs)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, i18n.Plural):  # marked as a pair: its forms are one entry
        yield from (i18n.Marked(form) for form in value)
    elif isinstance(value, tuple):
        for item in value:
            yield from english_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from english_strings(item)


def constants() -> dict[str, Any]:
    """The constants of bot.texts; of COMMANDS only the descriptions (commands stay as they are)."""
    found = {n: getattr(texts, n) for n in dir(texts) if n.isupper() and not n.startswith("_")}
    found["COMMANDS"] = tuple(description for _, description in texts.COMMANDS)
    return found


def has_words(text: str) -> bool:
    """Words outside the placeholders: "{first}–{last}" or "✕" need no translation."""
    return any(char.isalpha() for literal, *_ in string.Formatter().parse(text) for char in literal)


def test_two_or_more_languages_ship_and_english_is_the_source() -> None:
    assert i18n.shipped()[0] == "en"
    assert {"es", "pt_BR", "de", "ru"} <= set(TRANSLATED)


def test_every_sentence_of_texts_is_in_the_template() -> None:
    """An English sentence added to bot/texts.py without `_()` would never be translated."""
    with (i18n.LOCALES / f"{i18n.DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    ids = set()
    for message in template:
        ids.update(message.id if isinstance(message.id, tuple) else (message.id,))
    unmarked = sorted(
        f"{name}: {text!r}"
        for name, value in constants().items()
        for text in english_strings(value)
        if has_words(text)
        and not (isinstance(text, i18n.Marked) and getattr(text, "template", text) in ids)
    )
    assert unmarked == [], "run `make catalogues` after marking these with _() or P_()"


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_well_formed(language: str) -> None:
    problems: list[str] = []
    with (i18n.LOCALES / f"{i18n.DOMAIN}.pot").open("rb") as file:
        template = {message.id for message in read_po(file) if message.id}
    translated = catalogue(language)
    for message in translated:
        if not message.id:
            continue
        problems += [f"{message.id!r}: {problem}" for problem in _problems(message)]
    missing = template - {message.id for message in translated if message.id}
    problems += [f"{message!r}: missing" for message in sorted(missing, key=str)]
    assert problems == []


def _problems(message: Message) -> Iterator[str]:
    if message.fuzzy:
        yield "fuzzy"
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(forms):
        yield "untranslated"
        return
    if isinstance(message.id, tuple):  # every form may use the count; the last uses it all
        allowed = placeholders(message.id[0]) | placeholders(message.id[1])
        if any(not placeholders(form) <= allowed for form in forms):
            yield f"placeholders outside {sorted(allowed)}"
        if placeholders(forms[-1]) != placeholders(message.id[1]):
            yield "the plural form's placeholders differ"
    elif placeholders(forms[0]) != placeholders(message.id):
        yield f"placeholders {sorted(placeholders(forms[0]))}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_po(language: str) -> None:
    """The .mo the bot reads is committed (a fresh clone and the image need no build step):
    it must be exactly what `pybabel compile` makes of the .po."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(language))
    mo = po_path(language).with_suffix(".mo").read_bytes()
    assert mo == compiled.getvalue(), "run `make catalogues`"


@pytest.mark.parametrize("language", i18n.shipped())
def test_button_labels_fit_on_a_phone(language: str) -> None:
    """Every keyboard the bot builds from fixed copy, in every language, with the longest
    values its placeholders take (a nudge kind's name, a weekday, an interval)."""
    from bot import keyboards
    from domain.nudges import SWITCHABLE
    from domain.partners import Share

    with i18n.speaking(language):
        longest_kind = max(texts.KIND_NAMES.values(), key=len)
        rows = [
            [texts.KIND_OFF_BUTTON.format(kind=longest_kind)],
            [texts.KIND_STATE_OFF_BUTTON.format(kind=longest_kind)],
            *[[label] for label in texts.GOAL_CHANGE_BUTTONS.values()],
            [texts.FIRST_CHECKIN_BUTTON],
            [texts.SHARE_LOCATION_BUTTON],
            [texts.ASK_ANYWAY_BUTTON, texts.GIVE_FIRST_BUTTON],
            [texts.FORGET_YES_BUTTON, texts.FORGET_NO_BUTTON],
            [texts.SAME_PERSON_BUTTON, texts.NEW_PERSON_BUTTON],
            [texts.QUICK_CHECKIN_BUTTON, texts.PAUSE_A_WHILE_BUTTON],
            [texts.DONE_BUTTON, texts.SNOOZE_DAY_BUTTON],
            [texts.SNOOZE_WEEK_BUTTON, texts.DROP_BUTTON],
            [texts.FIX_OK_BUTTON, texts.FIX_MENU_BUTTON],
            [texts.PITCH_REPLACE_BUTTON],
            [texts.GOAL_OFFER_BUTTON],
            [texts.RESUME_NOW_BUTTON],
            [texts.REST_BUTTON],
            [texts.COMPANY_BUTTON, texts.HOW_MET_BUTTON],
            [texts.REPLIED_BUTTON],
            [texts.PARTNER_SHARE_BUTTON],
            *[[label] for label in texts.QUICK_REPLIES.values()],
            *[[label] for label in texts.INTERVAL_BUTTONS.values()],
            *[[label] for label in texts.PAUSE_DAYS_BUTTON.values()],
            *[[label] for label in texts.FIX_QUICK_DAYS.values()],
            [texts.FIX_SOMEONE_NEW, texts.FIX_NO_REMINDER],
            list(texts.MODE_BUTTONS.values()),
            [texts.USE_DAYS_BUTTON.format(days=texts.EVERY_DAY)],
            [texts.KEEP_DAYS_BUTTON.format(days=texts.EVERY_DAY)],
            [texts.KEEP_TIMEZONE_BUTTON.format(zone="America/Argentina/Buenos_Aires")],
        ]
        markups = [
            keyboards.settings_home(),
            keyboards.settings_nudges(dict.fromkeys(SWITCHABLE, False)),
            keyboards.settings_days(0b1111111),
            keyboards.settings_language(language),
            keyboards.settings_partner(Share.ALL),
            keyboards.partner_invite("token"),
            keyboards.networking_days(0b1111111),
        ]
        for markup in markups:
            rows += [[button.text for button in row] for row in markup.inline_keyboard]
    too_long = [row for row in rows if sum(len(label) for label in row) > BUTTON_ROW_LIMIT]
    assert too_long == []


@pytest.mark.parametrize("language", i18n.shipped())
def test_no_template_can_exceed_a_telegram_message(language: str) -> None:
    """Each template filled with long values (a 100-character name or note, every field) stays
    far below 4,096 characters; the long answers themselves are cut by the presenters."""
    with i18n.speaking(language):
        for name, value in constants().items():
            for text in english_strings(i18n.translate(value)):
                fields = {field.split(":")[0] for field in placeholders(text)}
                long = {field: 10**100 if field == "limit" else "x" * 100 for field in fields}
                filled = text.format(**long)
                assert len(filled) <= MESSAGE_LIMIT // 2, name
