"""Every handler the bot has, in one list. Feature logic lives in the modules named here.

Groups and channels are kept out in one place (`common.private_chats_only`, group -2), so the
handlers below need no chat filters. Buttons are routed by their typed data (`bot.callbacks`).
"""

from telegram import Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import callbacks
from handlers import (
    calendar,
    checkins,
    common,
    contacts,
    data,
    errors,
    followups,
    goals,
    imports,
    ledger,
    membership,
    messages,
    nudges,
    partners,
    pauses,
    pitch,
    preferences,
    settings,
    start,
    stats,
    summary,
)

NEW_MESSAGE = filters.UpdateType.MESSAGE
EDITED_MESSAGE = filters.UpdateType.EDITED_MESSAGE


def _command(name: str, callback: object) -> BaseHandler:  # type: ignore[type-arg]
    """A command in a new message (an edited one does not run it again)."""
    return CommandHandler(name, callback, filters=NEW_MESSAGE)  # type: ignore[arg-type]


def _button(callback: object, button: type[callbacks.Button]) -> BaseHandler:  # type: ignore[type-arg]
    return CallbackQueryHandler(callback, pattern=button.pattern())  # type: ignore[arg-type]


def register(app: Application) -> None:  # type: ignore[type-arg]
    # Group -2: groups and channels get a pointer to a private chat and nothing else.
    app.add_handler(TypeHandler(Update, common.private_chats_only), group=-2)
    # Group -1: what the user's activity tells the scheduler (blocked, silent, engaged).
    app.add_handler(TypeHandler(Update, common.note_activity), group=-1)

    app.add_handlers(
        [
            _command("start", start.start),
            _command("help", start.help_command),
            _command("checkin", checkins.checkin_command),
            _command("skip", checkins.skip),
            _command("cancel", checkins.cancel),
            _command("stats", stats.stats_command),
            _command("pause", pauses.pause_command),
            _command("resume", pauses.resume_command),
            _command("timezone", settings.timezone_command),
            _command("checkintime", settings.checkin_time_command),
            _command("days", settings.days_command),
            _command("settings", preferences.settings_command),
            _command("mode", preferences.mode_command),
            _command("language", preferences.language_command),
            _command("quiet", preferences.quiet_command),
            _command("followup", followups.followup_command),
            _command("followups", followups.followups_command),
            _command("contact", contacts.contact_command),
            _command("contacts", contacts.contacts_command),
            _command("gave", ledger.gave),
            _command("asked", ledger.asked),
            _command("export", data.export),
            _command("forget", data.forget),
            _command("pitch", pitch.pitch_command),
            _command("goal", goals.goal_command),
            _command("due", calendar.due_command),
            _command("calendar", calendar.calendar_command),
            _command("partner", partners.partner_command),
            _button(checkins.start_button, callbacks.StartCheckin),
            _button(checkins.yesterday_button, callbacks.CheckinYesterday),
            _button(checkins.nothing_today_button, callbacks.NothingToday),
            _button(summary.fix_button, callbacks.CheckinFix),
            _button(settings.checkin_time_button, callbacks.SetCheckinTime),
            _button(settings.days_button, callbacks.ToggleDay),
            _button(settings.days_button, callbacks.DaysDone),
            _button(data.forget_button, callbacks.Forget),
            _button(followups.followup_button, callbacks.FollowupButton),
            _button(followups.listed_followup_button, callbacks.ListedFollowupButton),
            _button(followups.page_button, callbacks.FollowupsPage),
            _button(followups.date_button, callbacks.PickDate),
            _button(followups.no_note_button, callbacks.NoNote),
            _button(contacts.same_person_button, callbacks.SamePerson),
            _button(contacts.new_person_button, callbacks.NewPerson),
            _button(contacts.card_action_button, callbacks.ContactAction),
            _button(contacts.tier_button, callbacks.ContactTier),
            _button(contacts.interval_button, callbacks.ContactInterval),
            _button(contacts.page_button, callbacks.ContactsPage),
            _button(ledger.ask_anyway_button, callbacks.AskAnyway),
            _button(ledger.give_first_button, callbacks.GiveFirst),
            _button(nudges.kind_off_button, callbacks.KindOff),
            _button(nudges.quick_checkin_button, callbacks.QuickCheckin),
            _button(pauses.pause_menu_button, callbacks.PauseMenu),
            _button(pauses.pause_for_button, callbacks.PauseFor),
            _button(start.mode_button, callbacks.OnboardingMode),
            _button(preferences.home_button, callbacks.SettingsHome),
            _button(preferences.section_button, callbacks.OpenSection),
            _button(preferences.time_button, callbacks.SettingsTime),
            _button(preferences.day_button, callbacks.SettingsDay),
            _button(preferences.mode_button, callbacks.SettingsMode),
            _button(preferences.use_days_button, callbacks.UseModeDays),
            _button(preferences.keep_days_button, callbacks.KeepDays),
            _button(preferences.quiet_button, callbacks.SettingsQuiet),
            _button(preferences.quiet_off_button, callbacks.SettingsQuietOff),
            _button(preferences.review_button, callbacks.SettingsReviewDay),
            _button(preferences.language_button, callbacks.SettingsLanguage),
            _button(preferences.kind_button, callbacks.SettingsKind),
            _button(preferences.pause_button, callbacks.SettingsPause),
            _button(preferences.resume_button, callbacks.SettingsResume),
            _button(pitch.replace_button, callbacks.PitchReplace),
            _button(goals.start_button, callbacks.GoalStart),
            _button(goals.skip_button, callbacks.GoalSkip),
            _button(goals.change_button, callbacks.GoalChange),
            _button(partners.invite_button, callbacks.PartnerInvite),
            _button(partners.end_button, callbacks.PartnerEnd),
            _button(partners.cheer_button, callbacks.PartnerCheer),
            _button(partners.nudge_button, callbacks.PartnerNudge),
            _button(preferences.share_button, callbacks.SettingsShare),
            CallbackQueryHandler(common.stale_button),
            ChatMemberHandler(membership.bot_membership_changed, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(NEW_MESSAGE & filters.LOCATION, settings.location),
            MessageHandler(NEW_MESSAGE & filters.Document.ALL, imports.import_document),
            MessageHandler(NEW_MESSAGE & filters.COMMAND, messages.unknown_command),
            MessageHandler(NEW_MESSAGE & filters.TEXT, messages.route_text),
            MessageHandler(EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND, summary.edited_answer),
            MessageHandler(NEW_MESSAGE, messages.not_text),
        ]
    )
    app.add_error_handler(errors.on_error)  # type: ignore[arg-type]
