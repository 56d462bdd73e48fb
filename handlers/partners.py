"""/partner and the partner buttons: invite by link, accept or decline, cheer, nudge, end.

An invite's buttons carry its token, so only someone who opened the link can answer it, and
answering checks everything again (expiry, single use, nobody partners with themselves, at most
MAX_PARTNERS each). Every other partner button names the presser's own `partners` row: a press
on anyone else's row, or on a partnership that ended, is stale and changes nothing. What one
side tells the other goes out through the outbox (services.partners.tell), in the receiver's
language.
"""

from telegram import LinkPreviewOptions, Update

from bot import callbacks, keyboards, texts
from bot.callbacks import InviteAnswer
from bot.presenters import partners as present
from bot.runtime import BotContext
from db.models import Partner, User
from handlers.common import edit_quietly, known_user, pressed_by_user, reply, stale
from services import partners

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # the invite link would preview the bot
PartnerButton = callbacks.PartnerEnd | callbacks.PartnerCheer | callbacks.PartnerNudge


async def _own_partnership(
    update: Update, context: BotContext, button: type[PartnerButton]
) -> tuple[User, Partner, User] | None:
    """The presser, and the partnership the button names with its partner, if it is the
    presser's own; else None, after answering "no longer applies"."""
    found = await pressed_by_user(update, context, button)
    if found is None:
        return None
    data, user = found
    own = await partners.own_row(context.db, data.row_id, user)
    if own is None:
        await stale(update)
        return None
    return (user, *own)


async def partner_command(update: Update, context: BotContext) -> None:
    """What a partner sees, each partner, and a fresh invite link with a Share button."""
    user = await known_user(update, context)
    if user is None:
        return
    now = context.now()
    views = await partners.views(context.db, user, now)
    token = await partners.create_invite(context.db, user, now)
    await context.db.commit()
    link = present.invite_link(context.bot.username, token) if token else None
    await reply(
        update,
        present.overview(views, link),
        reply_markup=keyboards.partner_overview(
            present.share_url(link) if link else None, [(v.row_id, v.name) for v in views]
        ),
        link_preview_options=NO_PREVIEW,
    )


async def show_invite(update: Update, context: BotContext, user: User, token: str) -> None:
    """/start p-<token>: who invites and what would be shared, with Accept and No thanks; an
    expired, used or forged token (or one's own) gets one friendly line."""
    found = await partners.check_invite(context.db, token, user.id, context.now())
    if isinstance(found, partners.InviteProblem):
        await reply(update, present.problem(found))
        return
    await reply(
        update,
        present.invited(found.inviter.first_name, found.inviter.partner_share, user.partner_share),
        reply_markup=keyboards.partner_invite(token),
    )


async def invite_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.PartnerInvite)
    if found is None:
        return
    button, user = found
    now = context.now()
    accept = button.answer == InviteAnswer.YES
    answered = await partners.answer_invite(context.db, button.token, user, accept, now)
    query = update.callback_query
    assert query is not None
    if isinstance(answered, partners.InviteProblem):  # nothing was written
        await query.answer()
        await edit_quietly(query, present.problem(answered))
        return
    inviter = answered.inviter
    told = present.answered(inviter, user.first_name, accept)
    await partners.tell(context.db, inviter, told, now, f"invite:{user.id}")
    await context.db.commit()
    await query.answer()
    answer = texts.PARTNER_ACCEPTED if accept else texts.PARTNER_DECLINED
    await edit_quietly(query, answer.format(name=inviter.first_name or texts.NAME_FALLBACK))


async def end_button(update: Update, context: BotContext) -> None:
    """End a partnership; the other side is told in one line, without detail."""
    found = await _own_partnership(update, context, callbacks.PartnerEnd)
    if found is None:
        return
    user, row, partner = found
    now = context.now()
    await partners.end(context.db, row)
    told = present.ended(partner, user.first_name)
    await partners.tell(context.db, partner, told, now, f"end:{user.id}")
    await context.db.commit()
    query = update.callback_query
    assert query is not None
    await query.answer()
    await reply(update, texts.PARTNER_ENDED_YOU.format(name=partner.first_name))


async def cheer_button(update: Update, context: BotContext) -> None:
    """👏 under the weekly digest: one short line to the partner, once a day per partner."""
    found = await _own_partnership(update, context, callbacks.PartnerCheer)
    if found is None:
        return
    user, row, partner = found
    query = update.callback_query
    assert query is not None
    now = context.now()
    if not partners.cheer(row, user, now):
        await query.answer(texts.PARTNER_CHEER_ONCE.format(name=partner.first_name))
        return
    told = present.cheered(partner, user.first_name)
    await partners.tell(context.db, partner, told, now, f"cheer:{user.id}")
    await context.db.commit()
    await query.answer(texts.PARTNER_CHEER_SENT.format(name=partner.first_name))


async def nudge_button(update: Update, context: BotContext) -> None:
    """ "Send a nudge" under the quiet-partner suggestion: the planner sends it under the
    partner's attention policy."""
    found = await _own_partnership(update, context, callbacks.PartnerNudge)
    if found is None:
        return
    _user, row, partner = found
    query = update.callback_query
    assert query is not None
    if not await partners.request_nudge(context.db, row, partner, context.now()):
        await query.answer(texts.PARTNER_NUDGE_RECENT.format(name=partner.first_name))
        return
    await context.db.commit()
    await query.answer(texts.PARTNER_NUDGE_SENT.format(name=partner.first_name))
