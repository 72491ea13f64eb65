"""Baseline: the case model of DESIGN.md "Cases", the audit log and full-text search.

Revision ID: 0001_baseline
Revises: (none)
Create Date: 2026-11-23 15:26:32.642644
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_case_id'), ['case_id'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('stage', sa.Enum('intake', 'screening', 'drafting', 'filed', 'decided', 'closed', name='stage', native_enum=False, length=48), nullable=False),
    sa.Column('jurisdiction', sa.String(length=16), nullable=False),
    sa.Column('assigned_to', sa.Text(), nullable=True),
    sa.Column('team', sa.JSON(), nullable=False),
    sa.Column('fictional', sa.Boolean(), nullable=False),
    sa.Column('cooperation', sa.Enum('yes', 'no', 'declined', 'unknown', 'not_asked', name='cooperation', native_enum=False, length=48), nullable=False),
    sa.Column('cooperation_notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('reference', name=op.f('uq_cases_reference'))
    )
    op.create_table('vault_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_vault_meta'))
    )
    op.create_table('adverse_parties',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_variants', sa.JSON(), nullable=False),
    sa.Column('role', sa.Enum('trafficker', 'associate', 'recruiter', 'employer', 'controller', 'other', name='partyrole', native_enum=False, length=48), nullable=False),
    sa.Column('relationship_to_client', sa.Enum('intimate_partner', 'family_member', 'employer', 'recruiter', 'stranger', 'other', 'unknown', name='relationship', native_enum=False, length=48), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_adverse_parties_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adverse_parties'))
    )
    with op.batch_alter_table('adverse_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adverse_parties_case_id'), ['case_id'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('media_type', sa.String(length=128), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('blob', sa.String(length=64), nullable=False),
    sa.Column('file_key', sa.LargeBinary(), nullable=False),
    sa.Column('chunk_size', sa.Integer(), nullable=False),
    sa.Column('chunks', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_attachments_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    sa.UniqueConstraint('blob', name=op.f('uq_attachments_blob'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_case_id'), ['case_id'], unique=False)

    op.create_table('clients',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('legal_name', sa.Text(), nullable=False),
    sa.Column('pseudonym', sa.Text(), nullable=False),
    sa.Column('other_names', sa.JSON(), nullable=False),
    sa.Column('preferred_language', sa.Text(), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('minor_at_offences', sa.Boolean(), nullable=True),
    sa.Column('interpreter_needed', sa.Boolean(), nullable=False),
    sa.Column('interpreter_language', sa.Text(), nullable=True),
    sa.Column('gender_preference', sa.Text(), nullable=True),
    sa.Column('pronouns', sa.Text(), nullable=True),
    sa.Column('nationality', sa.Text(), nullable=True),
    sa.Column('safe_contact', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_clients_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('case_id', name=op.f('uq_clients_case_id'))
    )
    op.create_table('exploitation_periods',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('forms', sa.JSON(), nullable=False),
    sa.Column('relationship_to_trafficker', sa.Enum('intimate_partner', 'family_member', 'employer', 'recruiter', 'stranger', 'other', 'unknown', name='relationship', native_enum=False, length=48), nullable=False),
    sa.Column('means', sa.JSON(), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_exploitation_periods_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exploitation_periods'))
    )
    with op.batch_alter_table('exploitation_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exploitation_periods_case_id'), ['case_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_notes_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_case_id'), ['case_id'], unique=False)

    op.create_table('official_documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('t_visa', 't_visa_bona_fide_determination', 'continued_presence', 'hhs_certification_letter', 'hhs_eligibility_letter', 'law_enforcement_declaration', 'u_visa', 'nrm_reasonable_grounds', 'nrm_conclusive_grounds', 'court_finding', 'service_provider_letter', 'national_identification', 'other', name='documentationkind', native_enum=False, length=48), nullable=False),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('reference', sa.Text(), nullable=True),
    sa.Column('issued_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_official_documents_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_official_documents'))
    )
    with op.batch_alter_table('official_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_official_documents_case_id'), ['case_id'], unique=False)

    op.create_table('record_entries',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('criminal', 'immigration', 'administrative', 'civil', name='entrykind', native_enum=False, length=48), nullable=False),
    sa.Column('jurisdiction', sa.String(length=16), nullable=False),
    sa.Column('court', sa.Text(), nullable=True),
    sa.Column('docket', sa.Text(), nullable=True),
    sa.Column('statute', sa.Text(), nullable=True),
    sa.Column('offence_text', sa.Text(), nullable=False),
    sa.Column('offence_category', sa.Enum('prostitution', 'loitering', 'drugs', 'cannabis_cultivation', 'theft', 'fraud', 'false_documents', 'immigration', 'begging', 'trespass', 'public_order', 'weapons', 'violence', 'money_laundering', 'traffic', 'licensing', 'debt', 'other', name='offencecategory', native_enum=False, length=48), nullable=False),
    sa.Column('offence_level', sa.Enum('felony', 'misdemeanor', 'violation', 'infraction', 'indictable', 'either_way', 'summary', 'administrative', 'immigration', 'civil', 'unknown', name='offencelevel', native_enum=False, length=48), nullable=False),
    sa.Column('arrest_date', sa.Date(), nullable=True),
    sa.Column('charge_date', sa.Date(), nullable=True),
    sa.Column('disposition_date', sa.Date(), nullable=True),
    sa.Column('disposition', sa.Enum('pending', 'convicted_plea', 'convicted_trial', 'adjourned_in_contemplation_of_dismissal', 'diverted', 'dismissed', 'acquitted', 'caution', 'penalty_imposed', 'removal_order', 'voluntary_departure', 'civil_judgment', 'no_action', 'other', name='disposition', native_enum=False, length=48), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('fines_owed', sa.String(length=40), nullable=True),
    sa.Column('fines_currency', sa.String(length=3), nullable=True),
    sa.Column('nexus_client', sa.Text(), nullable=True),
    sa.Column('nexus_lawyer', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_record_entries_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_entries'))
    )
    with op.batch_alter_table('record_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_entries_case_id'), ['case_id'], unique=False)

    op.create_table('deadlines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('filing', 'hearing', 'response', 'limitation', 'internal', 'other', name='deadlinekind', native_enum=False, length=48), nullable=False),
    sa.Column('basis', sa.Text(), nullable=True),
    sa.Column('citation', sa.Text(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('record_entry_id', sa.String(length=36), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_deadlines_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_entry_id'], ['record_entries.id'], name=op.f('fk_deadlines_record_entry_id_record_entries'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadlines'))
    )
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadlines_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadlines_due_date'), ['due_date'], unique=False)

    op.create_table('evidence_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('court_record', 'police_report', 'declaration', 'expert_report', 'medical_record', 'pay_record', 'messages', 'photo', 'witness', 'immigration_record', 'official_letter', 'other', name='evidencekind', native_enum=False, length=48), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('held_by', sa.Text(), nullable=True),
    sa.Column('supports', sa.JSON(), nullable=False),
    sa.Column('attachment_id', sa.String(length=36), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'], name=op.f('fk_evidence_items_attachment_id_attachments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_evidence_items_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_items'))
    )
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_items_case_id'), ['case_id'], unique=False)

    op.create_table('generated_documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('template_id', sa.String(length=128), nullable=False),
    sa.Column('template_version', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('facts_used', sa.JSON(), nullable=False),
    sa.Column('attachment_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'], name=op.f('fk_generated_documents_attachment_id_attachments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_generated_documents_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_generated_documents'))
    )
    with op.batch_alter_table('generated_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_generated_documents_case_id'), ['case_id'], unique=False)

    op.create_table('evidence_entry_links',
    sa.Column('evidence_id', sa.String(length=36), nullable=False),
    sa.Column('record_entry_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_items.id'], name=op.f('fk_evidence_entry_links_evidence_id_evidence_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_entry_id'], ['record_entries.id'], name=op.f('fk_evidence_entry_links_record_entry_id_record_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_id', 'record_entry_id', name=op.f('pk_evidence_entry_links'))
    )

    # Full-text search over each case's text (names, narratives, notes, record entries). It lives
    # inside the encrypted database like every other table.
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "case_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
    op.drop_table('evidence_entry_links')
    with op.batch_alter_table('generated_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_generated_documents_case_id'))

    op.drop_table('generated_documents')
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_items_case_id'))

    op.drop_table('evidence_items')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadlines_due_date'))
        batch_op.drop_index(batch_op.f('ix_deadlines_case_id'))

    op.drop_table('deadlines')
    with op.batch_alter_table('record_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_entries_case_id'))

    op.drop_table('record_entries')
    with op.batch_alter_table('official_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_official_documents_case_id'))

    op.drop_table('official_documents')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_case_id'))

    op.drop_table('notes')
    with op.batch_alter_table('exploitation_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exploitation_periods_case_id'))

    op.drop_table('exploitation_periods')
    op.drop_table('clients')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_case_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('adverse_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adverse_parties_case_id'))

    op.drop_table('adverse_parties')
    op.drop_table('vault_meta')
    op.drop_table('cases')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_case_id'))

    op.drop_table('audit_log')
