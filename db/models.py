"""The tables. The database is the source of truth for schedules, conversations and sends."""

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import BigIntPK, StrEnumType, UTCDateTime
from domain.checkins import AnswerType, CheckinStatus
from domain.contacts import Channel, ContactSource, InteractionKind, Tier
from domain.conversation import Awaiting
from domain.followups import FollowupStatus
from domain.nudges import NudgeKind
from domain.pace import DEFAULT_REVIEW_DAY, Mode
from domain.partners import Share

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for its time; a dispatcher may hold a lease on it
    SENT = "sent"
    FAILED = "failed"  # Telegram refused it for good, or the user is unreachable
    MISSED = "missed"  # planned after its deadline (the bot was down): never sent
    SKIPPED = "skipped"  # not needed any more (e.g. they already checked in)
    EXPIRED = "expired"  # its deadline passed before it could go out
    AMBIGUOUS = "ambiguous"  # handed to Telegram, then the sender died: never retried


class InboxStatus(StrEnum):
    PENDING = "pending"  # stored, waiting to be handled (a consumer may hold a lease on it)
    DONE = "done"  # handled: marked in the same transaction as its effects
    FAILED = "failed"  # its handler failed every time it was tried


class User(Base):
    """A Telegram user and their coaching settings. `id` is the Telegram user id."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    checkin_time: Mapped[time] = mapped_column(Time)
    networking_days: Mapped[int] = mapped_column(SmallInteger)
    # The language the coach speaks with them (bot.i18n): Telegram's at sign-up, then /language.
    # No Python-side default: db.users.new_user always sets it, and an insert written for an
    # older schema (a migration test at 0009) must not name a column it does not have yet.
    language: Mapped[str] = mapped_column(String(16), server_default="en")
    # The next daily moment (the check-in time, every day, in UTC): prompt, review, coaching.
    next_daily_at: Mapped[datetime | None]
    # When the planner must look at this user next: the daily moment, a follow-up nudge or
    # the end of a pause, whichever is first; NULL while nothing can be due (see
    # domain.planning). Anything that may bring a nudge forward lowers it.
    wake_at: Mapped[datetime | None]
    # The last message or button from the user: how the policy tells ignored nudges.
    last_active_at: Mapped[datetime | None]
    # The latest moment an automatic message was due to arrive.
    last_nudged_at: Mapped[datetime | None]
    # Re-engagement after ignored prompts: when it began, and its latest message.
    reengage_since: Mapped[datetime | None]
    reengaged_at: Mapped[datetime | None]
    mode: Mapped[Mode] = mapped_column(
        StrEnumType(Mode), default=Mode.SEARCHING, server_default=Mode.SEARCHING.value
    )
    # Local hours without coach-initiated nudges; both NULL: none.
    quiet_start: Mapped[time | None] = mapped_column(Time)
    quiet_end: Mapped[time | None] = mapped_column(Time)
    # The attention policy's memory, per kind of nudge: switched on or off, when the last one was
    # due, how many were ignored in a row (domain.attention.states_from_json).
    attention: Mapped[dict[str, Any] | None]
    review_day: Mapped[int] = mapped_column(
        SmallInteger, default=DEFAULT_REVIEW_DAY, server_default=str(DEFAULT_REVIEW_DAY)
    )
    # False once Telegram says the user blocked the bot; true again when they write.
    active: Mapped[bool] = mapped_column(default=True)
    # Which free-text answer the bot is waiting for outside a check-in.
    awaiting: Mapped[Awaiting | None] = mapped_column(StrEnumType(Awaiting, 32))
    # What a multi-step flow collected so far (a `domain.conversation.Draft` as JSON).
    draft: Mapped[dict[str, Any] | None]
    # When the check-in summary offered /goal (once, after the first completed check-in).
    goal_offered_at: Mapped[datetime | None]
    # When /start's questions were answered (or skipped on purpose); NULL until then: a row
    # made by another command gets no automatic message (services.users.finish_onboarding).
    onboarded_at: Mapped[datetime | None]
    # What the user's accountability partners see of them (domain.partners.Share). No Python
    # default: an insert at an older revision (a migration test) must not name the column.
    partner_share: Mapped[Share] = mapped_column(
        StrEnumType(Share, 16), server_default=Share.ALL.value
    )
    # What the bot already said about the streak, so each thing is said once (freezes follow
    # from the history, domain.streaks): the latest day a freeze covered that a message named,
    # and the highest milestone celebrated (0: none).
    freeze_noted_on: Mapped[date | None] = mapped_column(Date)
    streak_milestone: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_users_wake", "active", "wake_at"),)


class CheckIn(Base):
    """One daily check-in; `step` is how many questions have been answered or skipped."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    local_date: Mapped[date] = mapped_column(Date)
    status: Mapped[CheckinStatus] = mapped_column(
        StrEnumType(CheckinStatus), default=CheckinStatus.OPEN
    )
    step: Mapped[int] = mapped_column(SmallInteger, default=0)
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    # What the reader understood and the user kept (domain.reading.Reading as JSON).
    reading: Mapped[dict[str, Any] | None]
    # The summary message, edited in place when an answer is edited or an item fixed.
    summary_message_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_checkins_user_id_local_date", "user_id", "local_date"),
        # At most one check-in in progress per user.
        Index(
            "uq_checkins_one_open",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )


class Answer(Base):
    """One answer, keyed by the Telegram message so a re-delivered update is stored once."""

    __tablename__ = "checkin_answers"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(32))
    answer_type: Mapped[AnswerType] = mapped_column(StrEnumType(AnswerType))
    text: Mapped[str | None] = mapped_column(Text)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("checkin_id", "question"),
        UniqueConstraint("chat_id", "message_id"),
    )


class OutboxMessage(Base):
    """A message the bot decided to send on its own; dispatched and tracked by the scheduler."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    nudge_kind: Mapped[NudgeKind] = mapped_column(StrEnumType(NudgeKind, 32))
    # e.g. "checkin:<user>:<local date>": the unique key that makes planning idempotent.
    dedupe_key: Mapped[str] = mapped_column(String(128), unique=True)
    payload: Mapped[dict[str, Any]]
    status: Mapped[OutboxStatus] = mapped_column(StrEnumType(OutboxStatus))
    due_at: Mapped[datetime]
    not_before: Mapped[datetime]
    # After this instant the message is stale and is not sent at all (NULL: never stale).
    expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    # The dispatcher holding the row and until when; an expired lease frees the row again.
    owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    # Set just before the request goes to Telegram (after the rate limiter admits it), cleared
    # when its outcome is known. Set with no outcome after the lease: the row is ambiguous.
    handed_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_outbox_status_not_before", "status", "not_before"),)


class Contact(Base):
    """A person in the user's network. `name_key` is the accent- and case-free matching key."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    tier: Mapped[Tier | None] = mapped_column(StrEnumType(Tier))
    company: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    how_met: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(254))
    # Days between touches; NULL means the tier's default (no tier: no keep-warm nudges).
    keep_in_touch_days: Mapped[int | None] = mapped_column(SmallInteger)
    source: Mapped[ContactSource] = mapped_column(StrEnumType(ContactSource))
    connected_on: Mapped[date | None] = mapped_column(Date)  # from an import
    # The latest day an interaction happened (not when it was logged): restarts the interval.
    last_interaction_on: Mapped[date | None] = mapped_column(Date)
    # The day this contact is due for a keep-warm nudge: its interval after the last
    # interaction; NULL without an interval, or once nudged until you talk again.
    keep_warm_due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_contacts_user_id_name_key", "user_id", "name_key"),
        Index("ix_contacts_user_id_last_interaction_on", "user_id", "last_interaction_on"),
        Index("ix_contacts_user_id_keep_warm_due_on", "user_id", "keep_warm_due_on"),
    )


class Interaction(Base):
    """Something that happened with a contact (or a give/ask with no contact named)."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[InteractionKind] = mapped_column(StrEnumType(InteractionKind))
    channel: Mapped[Channel | None] = mapped_column(StrEnumType(Channel))
    two_way: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
    happened_on: Mapped[date] = mapped_column(Date)
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("checkins.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_interactions_user_id_happened_on", "user_id", "happened_on"),
        Index("ix_interactions_contact_id_happened_on", "contact_id", "happened_on"),
        Index("ix_interactions_checkin_id", "checkin_id"),
    )


class Followup(Base):
    """Something the user promised to do for (or ask of) a contact, with its nudges."""

    __tablename__ = "followups"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    note: Mapped[str | None] = mapped_column(String(500))
    due_at: Mapped[datetime]
    status: Mapped[FollowupStatus] = mapped_column(
        StrEnumType(FollowupStatus), default=FollowupStatus.OPEN
    )
    # Nudges sent so far (the first at `due_at`, then re-nudges with widening gaps).
    nudges_sent: Mapped[int] = mapped_column(SmallInteger, default=0)
    # When the next nudge is due; NULL once the re-nudges are used up (it rests).
    next_nudge_at: Mapped[datetime | None]
    # The next nudge comes at a time the user chose (the time they typed, or their check-in
    # time), so quiet hours do not move it; false for re-nudges and after a snooze.
    at_chosen_time: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    # The check-in it was read from (its summary can drop it); NULL from /followup.
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("checkins.id", ondelete="SET NULL"))

    __table_args__ = (
        Index("ix_followups_user_id_status_due_at", "user_id", "status", "due_at"),
        Index("ix_followups_next_nudge_at", "next_nudge_at"),
        Index("ix_followups_contact_id", "contact_id"),
        Index("ix_followups_checkin_id", "checkin_id"),
    )


class Pause(Base):
    """A holiday or an illness: automatic messages stop and the streak is frozen."""

    __tablename__ = "pauses"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)  # local dates
    ends_on: Mapped[date | None] = mapped_column(Date)  # the day they are back; NULL: open
    welcomed_at: Mapped[datetime | None]  # the welcome back was planned or sent
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_pauses_user_id_starts_on", "user_id", "starts_on"),)


class InboxUpdate(Base):
    """An update from Telegram, stored before Telegram is told it arrived (polling: before the
    next offset; webhook: before the answer), handled from here and marked done in the same
    transaction as its effects: a crash loses no update and a replay has no second effect."""

    __tablename__ = "inbox"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    # Updates of one chat are handled in order; 0 for updates without a chat (inline queries).
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # The sender, so /export and /forget cover their raw updates (no foreign key: a first
    # message arrives before its user exists).
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any]]
    status: Mapped[InboxStatus] = mapped_column(StrEnumType(InboxStatus))
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    received_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        Index("ix_inbox_status_chat_id_id", "status", "chat_id", "id"),
        Index("ix_inbox_user_id", "user_id"),
    )


class Goal(Base):
    """What the user aims at (principle 4), one row per user: the three answers of /goal.

    The target companies are rows of `goal_targets`; a part the user skipped is NULL.
    """

    __tablename__ = "goals"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    want: Mapped[str | None] = mapped_column(String(300))  # "a product role in fintech"
    roles: Mapped[str | None] = mapped_column(String(300))  # "hiring managers, team leads"
    gather: Mapped[str | None] = mapped_column(String(300))  # "Berlin Fintech Meetup"
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class GoalTarget(Base):
    """One target company of a goal, in the order the user gave them."""

    __tablename__ = "goal_targets"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("goals.user_id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(String(100))  # as typed (cleaned), matched by company_key
    created_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("user_id", "position"),)


class Pitch(Base):
    """One version of the user's elevator pitch (principle 10); the newest is the current one.

    Stored exactly as the user sent it: the coach reviews a pitch, it never rewrites one.
    """

    __tablename__ = "pitches"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_pitches_user_id_created_at", "user_id", "created_at"),)


class Partner(Base):
    """One side of an accountability partnership: the user's view of their partner, and what
    the user did about them. A partnership is two rows, made and deleted together, so each
    side's memory belongs to that side (and /export and /forget find it by `user_id`)."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    since: Mapped[datetime]
    cheered_on: Mapped[date | None] = mapped_column(
        Date
    )  # the user's local day of their last cheer
    # The planner's last "quiet for two days" about the partner (at most once a week).
    suggested_at: Mapped[datetime | None]
    # The user pressed "Send a nudge": the planner settles it under the partner's policy.
    nudge_requested_at: Mapped[datetime | None]
    nudged_at: Mapped[datetime | None]  # when the user's last nudge reached the partner

    __table_args__ = (
        UniqueConstraint("user_id", "partner_id"),
        Index("ix_partners_partner_id", "partner_id"),
    )


class PartnerInvite(Base):
    """An invite link: single-use, valid for a week. Only the token's SHA-256 is stored: the
    link is a bearer credential, so a copy of the database (a backup, an export) holds none
    that works, and the token is random enough that its hash needs no salt."""

    __tablename__ = "partner_invites"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
