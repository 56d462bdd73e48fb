"""A document sent to the bot: LinkedIn's Connections.csv or a .vcf, imported all or nothing."""

import asyncio

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.presenters import imports as present
from bot.runtime import BotContext
from domain.imports import MAX_FILE_BYTES, ImportFileError, ImportProblem, parse_contacts_file
from handlers.common import reply
from services.imports import import_people

SUFFIXES = (".csv", ".vcf", ".vcard")


async def import_document(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    document = message.document
    name = document.file_name or ""
    if not name.lower().endswith(SUFFIXES):
        await reply(update, texts.IMPORT_UNSUPPORTED)
        return
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        too_big = ImportFileError(ImportProblem.TOO_BIG)
        await reply(update, texts.IMPORT_FAILED.format(reason=present.problem(too_big)))
        return
    user = await context.user_or_new(update)
    try:
        content = bytes(await (await document.get_file()).download_as_bytearray())
        # Parsing a big file takes a second or two: off the event loop, other chats go on.
        people = await asyncio.to_thread(parse_contacts_file, name, content)
    except ImportFileError as error:
        await reply(update, texts.IMPORT_FAILED.format(reason=present.problem(error)))
        return
    except TelegramError:
        await reply(update, texts.IMPORT_FAILED.format(reason=texts.IMPORT_NOT_DOWNLOADED))
        return
    result = await import_people(context.db, user.id, people, context.now())
    await context.db.commit()
    await reply(update, texts.IMPORT_DONE.format(new=result.new, known=result.known))
