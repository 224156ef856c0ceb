"""a staff login's sessions can be ended: logging out or a new password ends them all

Staff sessions are signed cookies, so a copied cookie worked after its owner logged out or
changed the password. Each login now carries its user's session epoch; logging out, a
new password or disabling the login moves the epoch on, and older cookies stop working.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(
            sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("session_epoch")
