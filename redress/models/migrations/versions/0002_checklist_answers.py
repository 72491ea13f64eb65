"""Checklist answers: one row per case and indicator (coercive control, forced labour).

Revision ID: 0002_checklist_answers
Revises: 0001_baseline
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_checklist_answers"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_answers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("checklist_id", sa.String(length=64), nullable=False),
        sa.Column("indicator_id", sa.String(length=96), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "yes",
                "no",
                "unknown",
                "not_asked",
                name="indicatoranswer",
                native_enum=False,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("evidence_ids", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_checklist_answers_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_answers")),
        sa.UniqueConstraint("case_id", "indicator_id", name=op.f("uq_checklist_answers_case_id")),
    )
    with op.batch_alter_table("checklist_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_answers_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checklist_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_answers_case_id"))
    op.drop_table("checklist_answers")
