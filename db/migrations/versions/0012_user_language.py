"""the language the coach speaks with each user

users.language: a shipped language's code (`en`, `es`, `pt_BR`, `de`, `ru`; bot.i18n), taken
from Telegram's language_code when the row is made and changed with /language. Existing rows
get English, the only language there was, so nobody's messages change under them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 14:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=16), nullable=False, server_default="en")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("language")
