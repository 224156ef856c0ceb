"""pending-row indexes cover the claim's whole ORDER BY (due time, then id)

With the index on the due time alone, PostgreSQL had to sort every due row before it
could take the first batch (76 ms at 1 M pending, 1% due); with (due_at, id) the claim
reads the first batch straight off the index.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.drop_index("ix_checkin_pending_due")
        batch.create_index("ix_checkin_pending_due", ["due_at", "id"],
                           postgresql_where=PENDING, sqlite_where=PENDING)
    with op.batch_alter_table("outbound_message") as batch:
        batch.drop_index("ix_outbound_pending_next")
        batch.create_index("ix_outbound_pending_next", ["next_attempt_at", "id"],
                           postgresql_where=PENDING, sqlite_where=PENDING)


def downgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.drop_index("ix_checkin_pending_due")
        batch.create_index("ix_checkin_pending_due", ["due_at"],
                           postgresql_where=PENDING, sqlite_where=PENDING)
    with op.batch_alter_table("outbound_message") as batch:
        batch.drop_index("ix_outbound_pending_next")
        batch.create_index("ix_outbound_pending_next", ["next_attempt_at"],
                           postgresql_where=PENDING, sqlite_where=PENDING)
