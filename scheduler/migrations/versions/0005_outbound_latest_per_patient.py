"""a patient's latest text is found by one index, not a walk back through every text

An inbound webhook reads the last text we sent the patient (so a copy quoted back is not
taken for the patient's words). `WHERE patient_id = ? ORDER BY id DESC LIMIT 1` over an
index on patient_id alone may be planned as a backward walk of the primary key, longer
the more texts everyone has been sent; (patient_id, id) answers it at once. It replaces
the index on patient_id, which it serves as well, so writes keep the same cost.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_message") as batch:
        batch.create_index("ix_outbound_patient_latest", ["patient_id", "id"])
        batch.drop_index("ix_outbound_message_patient_id")


def downgrade() -> None:
    with op.batch_alter_table("outbound_message") as batch:
        batch.create_index("ix_outbound_message_patient_id", ["patient_id"])
        batch.drop_index("ix_outbound_patient_latest")
