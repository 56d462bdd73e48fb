"""Every handler the bot has, in one list. Feature logic lives in the modules named here."""

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import (
    checkin,
    common,
    contacts,
    data,
    errors,
    followups,
    ledger,
    membership,
    messages,
    settings,
    start,
    stats,
)

PRIVATE = filters.ChatType.PRIVATE
NEW_MESSAGE = filters.UpdateType.MESSAGE & PRIVATE


def register(app: Application) -> None:  # type: ignore[type-arg]
    # Group -2: groups and channels get a pointer to a private chat and nothing else.
    app.add_handler(TypeHandler(Update, common.private_chats_only), group=-2)
    # Group -1: a user who had blocked the bot and writes again is active again.
    app.add_handler(TypeHandler(Update, common.welcome_back_if_blocked), group=-1)

    app.add_handlers(
        [
            CommandHandler("start", start.start, filters=PRIVATE),
            CommandHandler("help", start.help_command, filters=PRIVATE),
            CommandHandler("checkin", checkin.checkin_command, filters=PRIVATE),
            CommandHandler("skip", checkin.skip, filters=PRIVATE),
            CommandHandler("cancel", checkin.cancel, filters=PRIVATE),
            CommandHandler("stats", stats.stats, filters=PRIVATE),
            CommandHandler("timezone", settings.timezone_command, filters=PRIVATE),
            CommandHandler("checkintime", settings.checkin_time_command, filters=PRIVATE),
            CommandHandler("days", settings.days_command, filters=PRIVATE),
            CommandHandler("followup", followups.followup_command, filters=PRIVATE),
            CommandHandler("followups", followups.followups_command, filters=PRIVATE),
            CommandHandler("contact", contacts.contact_command, filters=PRIVATE),
            CommandHandler("contacts", contacts.contacts_command, filters=PRIVATE),
            CommandHandler("gave", ledger.gave, filters=PRIVATE),
            CommandHandler("asked", ledger.asked, filters=PRIVATE),
            CommandHandler("export", data.export, filters=PRIVATE),
            CommandHandler("forget", data.forget, filters=PRIVATE),
            CallbackQueryHandler(checkin.start_button, pattern=r"^ci:start$"),
            CallbackQueryHandler(checkin.quick_reply_button, pattern=r"^ci:none:"),
            CallbackQueryHandler(settings.checkin_time_button, pattern=r"^time:"),
            CallbackQueryHandler(settings.days_button, pattern=r"^days:"),
            CallbackQueryHandler(data.forget_button, pattern=r"^forget:"),
            CallbackQueryHandler(followups.followup_button, pattern=r"^fu:(done|s1|s7|drop|rest):"),
            CallbackQueryHandler(followups.date_button, pattern=r"^fu:date:"),
            CallbackQueryHandler(followups.no_note_button, pattern=r"^fu:nonote$"),
            CallbackQueryHandler(followups.page_button, pattern=r"^fl:"),
            CallbackQueryHandler(contacts.merge_button, pattern=r"^cm:"),
            CallbackQueryHandler(contacts.card_button, pattern=r"^ct:"),
            CallbackQueryHandler(contacts.page_button, pattern=r"^cl:"),
            CallbackQueryHandler(ledger.ask_anyway_button, pattern=r"^lg:"),
            CallbackQueryHandler(common.stale_button),
            ChatMemberHandler(membership.bot_membership_changed, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(NEW_MESSAGE & filters.LOCATION, settings.location),
            MessageHandler(NEW_MESSAGE & filters.Document.ALL, contacts.import_document),
            MessageHandler(NEW_MESSAGE & filters.COMMAND, messages.unknown_command),
            MessageHandler(NEW_MESSAGE & filters.TEXT, messages.text),
            MessageHandler(NEW_MESSAGE, messages.not_text),
        ]
    )
    app.add_error_handler(errors.on_error)  # type: ignore[arg-type]
