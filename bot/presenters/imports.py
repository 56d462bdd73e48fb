"""Why a contacts file was not imported, in words."""

from bot import texts
from domain.imports import ImportFileError


def problem(error: ImportFileError) -> str:
    return texts.IMPORT_PROBLEMS[error.problem].format(**error.details)
