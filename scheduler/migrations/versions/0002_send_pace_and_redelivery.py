"""send pacing table; redelivery counter on outbound messages

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pace = op.create_table(
        "send_pace",
        sa.Column("name", sa.String(length=32), primary_key=True),
        sa.Column("next_slot", sa.Float(), nullable=False, server_default="0"),
    )
    # Seeded here so that concurrent first sends lock an existing row instead of racing
    # to insert it.
    op.bulk_insert(pace, [{"name": "sms", "next_slot": 0.0}])
    with op.batch_alter_table("outbound_message") as batch:
        batch.add_column(
            sa.Column("redeliveries", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("outbound_message") as batch:
        batch.drop_column("redeliveries")
    op.drop_table("send_pace")
