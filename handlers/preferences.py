"""/settings, /mode and /quiet: every setting in one message that edits itself in place.

/settings shows a summary with a button per section; a section replaces the summary in the
same message (with ◂ Back), and each change answers the tap with a one-line confirmation and
shows the section again with its new state. /mode and /quiet open their section directly, or
set the pace (/mode employed) or the quiet hours (/quiet 22-7) from what follows them. During
onboarding each command is followed by onboarding's next question (`handlers.start.go_on`).
Settings buttons act on the presser's own row only and name no other row: a press from someone
unknown, under a message in another chat, or with a value the setting does not accept is stale
and changes nothing.
"""

from datetime import timedelta
from typing import TypeVar

from telegram import InlineKeyboardMarkup, Update

from bot import callbacks, i18n, keyboards, texts
from bot.callbacks import Button, SettingsSection, Switch
from bot.presenters import partners as partners_present
from bot.presenters import settings as present
from bot.runtime import BotContext
from db.models import User
from domain.attention import QuietHours
from domain.conversation import Awaiting
from domain.nudges import SWITCHABLE
from domain.pace import Mode, parse_mode
from domain.pausing import PRESET_DAYS
from domain.quiet_hours import QuietProblem, parse_quiet_hours
from domain.weekdays import toggle
from handlers import start
from handlers.common import command_argument, edit_quietly, pressed_by_user, reply, stale
from services import nudges, partners, pauses, preferences, users

B = TypeVar("B", bound=Button)
View = tuple[str, InlineKeyboardMarkup]

# --- commands ---------------------------------------------------------------------------------


async def settings_command(update: Update, context: BotContext) -> None:
    user = await start.set_up_user(update, context)
    if user is None:
        return
    text, markup = await _view(context, user, None)
    await reply(update, text, reply_markup=markup)
    if start.onboarding(user):
        await start.go_on(update, context, user)


async def language_command(update: Update, context: BotContext) -> None:
    """/language: the languages as buttons; anyone may pick one, set up or not."""
    user = await context.user_or_new(update)
    text, markup = await _view(context, user, SettingsSection.LANGUAGE)
    await reply(update, text, reply_markup=markup)


async def mode_command(update: Update, context: BotContext) -> None:
    """/mode employed (or searching, …) sets the pace; /mode alone shows it (during
    onboarding: asks onboarding's pace question)."""
    user = await start.set_up_user(update, context)
    if user is None:
        return
    mode = parse_mode(command_argument(update), user.language)
    if start.onboarding(user):
        await _onboarding_mode(update, context, user, mode)
    elif mode is None:
        text, markup = await _view(context, user, SettingsSection.PACE)
        await reply(update, text, reply_markup=markup)
    else:
        await _switch_mode(update, context, user, mode)


async def _onboarding_mode(
    update: Update, context: BotContext, user: User, mode: Mode | None
) -> None:
    if mode is None:
        await start.ask(update, context, user, Awaiting.ONBOARDING_MODE)
        return
    preferences.first_mode(user, mode, context.now())  # still the initial setup
    await context.db.commit()
    await reply(update, present.pace_changed(mode))
    await start.go_on(update, context, user, Awaiting.ONBOARDING_MODE)


async def _switch_mode(update: Update, context: BotContext, user: User, mode: Mode) -> None:
    """As the pace buttons do: the pace at once, its days proposed if they differ."""
    proposed = preferences.switch_mode(user, mode)
    await context.db.commit()
    if proposed is None:
        await reply(update, present.pace_changed(mode))
        return
    await reply(
        update,
        present.pace_proposal(user, proposed),
        reply_markup=keyboards.pace_proposal(user.mode, proposed, user.networking_days),
    )


async def quiet_command(update: Update, context: BotContext) -> None:
    """/quiet 22:00-07:00 (or 22-7, 10pm-7am, 22:00 to 07:00), /quiet off, or /quiet alone."""
    user = await start.set_up_user(update, context)
    if user is None:
        return
    if await _quiet(update, context, user, command_argument(update)) and start.onboarding(user):
        await start.go_on(update, context, user)


async def _quiet(update: Update, context: BotContext, user: User, text: str) -> bool:
    """Show the presets (no text) or set the hours; False if `text` could not be read."""
    if not text:
        view, markup = await _view(context, user, SettingsSection.QUIET)
        await reply(update, view, reply_markup=markup)
        return True
    request = parse_quiet_hours(text, user.language)
    if isinstance(request, QuietProblem):
        await reply(update, texts.QUIET_PROBLEMS[request])
        return False
    users.set_quiet_hours(user, request.hours, context.now())
    await context.db.commit()
    await reply(update, present.quiet_set(request.hours))
    return True


# --- what the message shows -------------------------------------------------------------------


async def _view(context: BotContext, user: User, section: SettingsSection | None) -> View:
    """The summary (section None) or one section, with its buttons."""
    now = context.now()
    match section:
        case SettingsSection.TIME:
            return present.checkin_time(user, now), keyboards.settings_times(user.checkin_time)
        case SettingsSection.ZONE:
            return present.timezone(user, now), keyboards.settings_back()
        case SettingsSection.DAYS:
            mask = user.networking_days
            return present.days(mask), keyboards.settings_days(mask)
        case SettingsSection.PACE:
            return present.pace(user), keyboards.settings_pace(user.mode)
        case SettingsSection.QUIET:
            hours = users.quiet_hours(user)
            return present.quiet(hours), keyboards.settings_quiet(hours)
        case SettingsSection.PARTNER:
            share = user.partner_share
            return partners_present.settings_section(share), keyboards.settings_partner(share)
        case SettingsSection.LANGUAGE:
            return texts.LANGUAGE_SHOW, keyboards.settings_language(user.language)
    overview = await preferences.overview(context.db, user, now)
    match section:
        case SettingsSection.REVIEW:
            return present.review(user, overview), keyboards.settings_review(user.review_day)
        case SettingsSection.NUDGES:
            return texts.SETTINGS_NUDGES, keyboards.settings_nudges(overview.switches)
        case SettingsSection.PAUSE:
            paused = overview.pause is not None
            return present.pause(overview), keyboards.settings_pause(paused)
    return present.summary(user, overview), keyboards.settings_home()


async def _show(
    update: Update,
    context: BotContext,
    user: User,
    section: SettingsSection | None,
    confirmation: str | None = None,
) -> None:
    """Answer the tap (with the one-line confirmation) and edit the message into `section`."""
    query = update.callback_query
    assert query is not None
    await query.answer(confirmation)
    text, markup = await _view(context, user, section)
    await edit_quietly(query, text, reply_markup=markup)


async def _press(update: Update, context: BotContext, button: type[B]) -> tuple[B, User] | None:
    """The pressed button and the presser's row; None (answered as stale) otherwise. The message
    it edits must be in the presser's own chat, so nobody's settings show up anywhere else."""
    found = await pressed_by_user(update, context, button)
    if found is None:
        return None
    data, user = found
    query = update.callback_query
    assert query is not None
    if query.message is None or query.message.chat.id != user.chat_id:
        await stale(update)
        return None
    return data, user


# --- navigation -------------------------------------------------------------------------------


async def home_button(update: Update, context: BotContext) -> None:
    if found := await _press(update, context, callbacks.SettingsHome):
        await _show(update, context, found[1], None)


async def section_button(update: Update, context: BotContext) -> None:
    if found := await _press(update, context, callbacks.OpenSection):
        button, user = found
        await _show(update, context, user, button.section)


# --- the sections' buttons --------------------------------------------------------------------


async def time_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsTime)):
        return
    button, user = found
    users.set_checkin_time(user, button.at, context.now())
    await context.db.commit()
    await _show(update, context, user, SettingsSection.TIME, present.time_changed(user))


async def day_button(update: Update, context: BotContext) -> None:
    """One networking day on or off; the last one stays on."""
    if not (found := await _press(update, context, callbacks.SettingsDay)):
        return
    button, user = found
    try:
        mask = toggle(user.networking_days, button.weekday)
    except ValueError:
        await stale(update)
        return
    if mask == 0:
        assert update.callback_query is not None
        await update.callback_query.answer(texts.DAYS_EMPTY, show_alert=True)
        return
    users.set_networking_days(user, mask, context.now())
    await context.db.commit()
    await _show(update, context, user, SettingsSection.DAYS, present.days_changed(mask))


async def mode_button(update: Update, context: BotContext) -> None:
    """A pace: stored at once; its default days are proposed, and change only if taken."""
    if not (found := await _press(update, context, callbacks.SettingsMode)):
        return
    button, user = found
    proposed = preferences.switch_mode(user, button.mode)
    await context.db.commit()
    confirmation = present.pace_changed(button.mode)
    if proposed is None:
        await _show(update, context, user, SettingsSection.PACE, confirmation)
        return
    query = update.callback_query
    assert query is not None
    await query.answer(confirmation)
    await edit_quietly(
        query,
        present.pace_proposal(user, proposed),
        reply_markup=keyboards.pace_proposal(user.mode, proposed, user.networking_days),
    )


async def use_days_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.UseModeDays)):
        return
    button, user = found
    if user.mode != button.mode:  # the pace changed again since the question
        await stale(update)
        return
    days = preferences.use_mode_days(user, context.now())
    await context.db.commit()
    await _show(update, context, user, SettingsSection.PACE, present.days_changed(days))


async def keep_days_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.KeepDays)):
        return
    button, user = found
    if user.mode != button.mode:
        await stale(update)
        return
    confirmation = present.days_kept(user.networking_days)
    await _show(update, context, user, SettingsSection.PACE, confirmation)


async def quiet_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsQuiet)):
        return
    button, user = found
    if button.start == button.end:
        await stale(update)
        return
    hours = QuietHours(button.start, button.end)
    users.set_quiet_hours(user, hours, context.now())
    await context.db.commit()
    await _show(update, context, user, SettingsSection.QUIET, present.quiet_changed(hours))


async def quiet_off_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsQuietOff)):
        return
    user = found[1]
    users.set_quiet_hours(user, None, context.now())
    await context.db.commit()
    await _show(update, context, user, SettingsSection.QUIET, present.quiet_changed(None))


async def language_button(update: Update, context: BotContext) -> None:
    """Stored at once; the confirmation and everything after it come in the new language."""
    if not (found := await _press(update, context, callbacks.SettingsLanguage)):
        return
    button, user = found
    if button.language not in i18n.shipped():
        await stale(update)
        return
    user.language = button.language
    await context.db.commit()
    with i18n.speaking(user.language):
        await _show(update, context, user, SettingsSection.LANGUAGE, texts.LANGUAGE_CHANGED)


async def review_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsReviewDay)):
        return
    button, user = found
    try:
        users.set_review_day(user, button.weekday)
    except ValueError:
        await stale(update)
        return
    await context.db.commit()
    confirmation = present.review_changed(button.weekday)
    await _show(update, context, user, SettingsSection.REVIEW, confirmation)


async def kind_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsKind)):
        return
    button, user = found
    if button.kind not in SWITCHABLE:
        await stale(update)
        return
    on = button.switch == Switch.ON
    await nudges.switch(context.db, user, button.kind, on, context.now())
    await context.db.commit()
    confirmation = present.kind_switched(button.kind, on)
    await _show(update, context, user, SettingsSection.NUDGES, confirmation)


async def pause_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsPause)):
        return
    button, user = found
    if button.days not in (*PRESET_DAYS, 0):
        await stale(update)
        return
    now = context.now()
    ends_on = users.today(user, now) + timedelta(days=button.days) if button.days else None
    await pauses.pause(context.db, user, ends_on, now)
    await context.db.commit()
    await _show(update, context, user, SettingsSection.PAUSE, present.paused(ends_on))


async def resume_button(update: Update, context: BotContext) -> None:
    if not (found := await _press(update, context, callbacks.SettingsResume)):
        return
    user = found[1]
    now = context.now()
    if not await pauses.resume(context.db, user, now):
        await _show(update, context, user, SettingsSection.PAUSE, texts.NOT_PAUSED_SHORT)
        return
    await context.db.commit()
    await _show(update, context, user, SettingsSection.PAUSE, present.resumed(user, now))


async def share_button(update: Update, context: BotContext) -> None:
    """What partners see of the presser; their next look (/partner, a digest) follows it."""
    if not (found := await _press(update, context, callbacks.SettingsShare)):
        return
    button, user = found
    partners.set_share(user, button.share, context.now())
    await context.db.commit()
    confirmation = partners_present.share_changed(button.share)
    await _show(update, context, user, SettingsSection.PARTNER, confirmation)
