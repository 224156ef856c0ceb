"""sent texts whose delivery is still open are checked with the provider

A status callback Twilio could not deliver (our web process down) would leave a text
"sent" forever and a carrier failure unseen. `delivery_checked_at` records when we last
asked; the partial index holds only the texts still waiting for a final status.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text(
    "status = 'sent' AND (delivery_status IS NULL OR delivery_status NOT IN "
    "('delivered', 'undelivered', 'failed', 'canceled', 'read'))"
)


def upgrade() -> None:
    with op.batch_alter_table("outbound_message") as batch:
        batch.add_column(
            sa.Column("delivery_checked_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch.create_index(
            "ix_outbound_delivery_open", ["sent_at"], postgresql_where=OPEN, sqlite_where=OPEN
        )


def downgrade() -> None:
    with op.batch_alter_table("outbound_message") as batch:
        batch.drop_index("ix_outbound_delivery_open")
        batch.drop_column("delivery_checked_at")
