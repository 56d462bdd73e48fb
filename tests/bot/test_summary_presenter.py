"""The check-in summary stays within Telegram's limits however much was logged."""

from bot.presenters.understanding import SummaryView, fix_menu, summary_keyboard, summary_text
from domain.reading import Exchange, FollowupItem, Person, Reading

TELEGRAM_TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64


def test_a_summary_of_the_longest_answers_fits_one_message() -> None:
    long = "x" * 1000
    people = tuple(Person(f"Person Number{i:02}", met=True, company="C" * 200) for i in range(12))
    reading = Reading(
        people=people,
        gives=tuple(Exchange(long, p.name) for p in people),
        asks=tuple(Exchange(long, p.name) for p in people),
        followups=tuple(FollowupItem(p.name, note=long) for p in people),
        version=2**31,
    )
    view = SummaryView(2**62, reading, (None,) * 12, ("🔥 999 networking days in a row.",))
    text = summary_text(view)
    assert len(text) <= TELEGRAM_TEXT_LIMIT
    assert "… and" in text  # what did not fit is counted, not silently dropped
    for markup in (summary_keyboard(view), fix_menu(view)):
        for row in markup.inline_keyboard:
            for button in row:
                assert len(button.callback_data.encode()) <= CALLBACK_DATA_LIMIT
