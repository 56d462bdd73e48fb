"""The day's prompt and what travels in it, as the outbox payload carries them."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot import callbacks, texts
from bot.presenters import review as review_present
from bot.presenters.nudges import render
from domain.contacts import Tier
from domain.nudges import NudgeKind
from domain.partners import DayMark, WeekCounts
from domain.planning import Outgoing, PartnerWeek, Prompt, Review, UserView
from domain.review import Focus, WeekFacts
from domain.streaks import FreezeNote
from domain.weekdays import MON_FRI

FRIDAY = date(2026, 3, 13)
DUE = datetime(2026, 3, 13, 17, 0, tzinfo=UTC)
VIEW = UserView(
    user_id=7, first_name="Ann", zone="Europe/Berlin", tz=ZoneInfo("Europe/Berlin"),
    checkin_time=time(18), networking_days=MON_FRI, review_day=4, quiet=None,
    next_daily_at=DUE, last_active_at=None, reengagement=None, kinds={}, pause=None,
    checkin_days=frozenset(), followups_due=(), next_followup_at=None, keep_warm=(), touches=(),
)  # fmt: skip
WEEK = WeekFacts(
    checkins=3, networking_days=5, reached={Tier.PEER: 2}, gives=1, asks=1,
    followups_done=0, followups_overdue=0, live=1, with_channel=2, warm=3,
)  # fmt: skip


def payload(content: Prompt) -> dict[str, object]:
    message = Outgoing(NudgeKind.CHECKIN, "checkin:7:2026-03-13", content, DUE, DUE, None)
    return render(message, VIEW)


def rows(found: dict[str, object]) -> list[list[str]]:
    keyboard = found["reply_markup"]["inline_keyboard"]  # type: ignore[index]
    return [[button["callback_data"] for button in row] for row in keyboard]


def test_a_plain_prompt_has_its_button_and_its_switch() -> None:
    found = payload(Prompt(FRIDAY))
    assert rows(found) == [
        [callbacks.StartCheckin().pack()],
        [callbacks.KindOff(NudgeKind.CHECKIN).pack()],
    ]
    assert "🧊" not in str(found["text"]) and "Check-ins:" not in str(found["text"])


def test_the_prompt_carries_the_freeze_the_missed_day_and_the_review_in_one_message() -> None:
    thursday = date(2026, 3, 12)
    review = Review(FRIDAY, WEEK, Focus.KEEP_WARM)
    found = payload(
        Prompt(FRIDAY, freeze=FreezeNote(thursday, 1), yesterday=thursday, review=review)
    )
    text = str(found["text"])
    assert text.startswith("🧊 A freeze covered Thursday; 1 left.\n")
    assert text.endswith(review_present.text(review, VIEW))
    assert "Check-ins: 3 of 5 networking days" in text
    assert rows(found) == [
        [callbacks.StartCheckin().pack()],
        [callbacks.CheckinYesterday(thursday).pack()],
        [callbacks.KindOff(NudgeKind.CHECKIN).pack()],
        [callbacks.KindOff(NudgeKind.WEEKLY_REVIEW).pack()],
    ]


def test_the_review_is_built_from_sections_in_order() -> None:
    review = Review(FRIDAY, WEEK, Focus.KEEP_WARM)
    text = review_present.text(review, VIEW)
    blocks = [section(review, VIEW) for section in review_present.SECTIONS]
    assert text == "\n\n".join(block for block in blocks if block)
    assert text.endswith(texts.REVIEW_WHY.format(on_weekdays="on Fridays"))
    assert texts.FOCUS["keep_warm"] in text
    assert texts.PARTNER_DIGEST not in text  # no partners: no digest section


def test_the_partner_digest_is_a_section_before_why_with_a_cheer_each_in_the_prompt() -> None:
    marks = (DayMark.DONE, DayMark.MISSED, DayMark.DONE, DayMark.DONE, DayMark.AHEAD)
    bea = PartnerWeek(31, "Bea", marks, WeekCounts(2, 1, 0, 1), paused=False)
    cal = PartnerWeek(32, "Cal", None, None, paused=False)
    review = Review(FRIDAY, WEEK, Focus.KEEP_WARM, (bea, cal))
    text = review_present.text(review, VIEW)
    digest = "\n".join(
        [
            texts.PARTNER_DIGEST,
            "Bea: ●○●●· · 2 people reached, 1 give, 0 asks, 1 follow-up done",
            "Cal: shares their streak only (/partner)",
        ]
    )
    why = texts.REVIEW_WHY.format(on_weekdays="on Fridays")
    assert text.endswith(f"\n\n{digest}\n\n{why}")
    found = payload(Prompt(FRIDAY, review=review))
    assert str(found["text"]).endswith(text)
    assert rows(found) == [
        [callbacks.StartCheckin().pack()],
        [callbacks.KindOff(NudgeKind.CHECKIN).pack()],
        [callbacks.PartnerCheer(31).pack()],
        [callbacks.PartnerCheer(32).pack()],
        [callbacks.KindOff(NudgeKind.WEEKLY_REVIEW).pack()],
    ]
