"""an emergency from an unknown number is a flag; a picture message keeps its pictures

A flag may now have no patient: someone texts "chest pain" from a number not on file (a
new phone, a relative) and staff must see it on the flagged list, not only on the review
list. And an MMS keeps where its pictures are (Twilio's MediaUrlN and MediaContentTypeN),
so staff can open them; before, only their count was kept.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("flag") as batch:
        batch.alter_column("patient_id", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("inbound_message") as batch:
        batch.add_column(sa.Column("media", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbound_message") as batch:
        batch.drop_column("media")
    op.execute("DELETE FROM flag WHERE patient_id IS NULL")
    with op.batch_alter_table("flag") as batch:
        batch.alter_column("patient_id", existing_type=sa.Integer(), nullable=False)
