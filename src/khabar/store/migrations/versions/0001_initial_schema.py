"""initial schema: documents, record tables, stories, corpus events, runs, errors

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 14:00:42.087304
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('config', sa.JSON(), nullable=False),
    sa.Column('ok', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_runs'))
    )
    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('name', name=op.f('uq_sources_name'))
    )
    op.create_table('stories',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('first_doc_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    op.create_table('corpus_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('fuse_key', sa.String(length=40), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('event_date', sa.String(length=64), nullable=True),
    sa.Column('source_key', sa.String(length=300), nullable=True),
    sa.Column('target_key', sa.String(length=300), nullable=True),
    sa.Column('place_key', sa.String(length=300), nullable=True),
    sa.Column('first_doc_id', sa.String(length=64), nullable=False),
    sa.Column('n_docs', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_corpus_events_story_id_stories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corpus_events')),
    sa.UniqueConstraint('story_id', 'fuse_key', name='uq_corpus_events_story_key')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('text_hash', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_documents_run_id_runs')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_documents_source_id_sources')),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_documents_story_id_stories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('text_hash', name=op.f('uq_documents_text_hash')),
    sa.UniqueConstraint('url', name=op.f('uq_documents_url'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index('ix_documents_source_published', ['source_id', 'published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_story_id'), ['story_id'], unique=False)

    op.create_table('errors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('stage', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_errors_run_id_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_errors'))
    )
    op.create_table('attributions',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_attributions_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_attributions'))
    )
    op.create_table('corpus_event_members',
    sa.Column('corpus_event_id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['corpus_event_id'], ['corpus_events.id'], name=op.f('fk_corpus_event_members_corpus_event_id_corpus_events')),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_corpus_event_members_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('corpus_event_id', 'doc_id', 'event_id', name=op.f('pk_corpus_event_members'))
    )
    op.create_table('entities',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('label', sa.String(length=16), nullable=True),
    sa.Column('kb', sa.String(length=64), nullable=True),
    sa.Column('canonical', sa.String(length=300), nullable=True),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_entities_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_entities'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_canonical'), ['canonical'], unique=False)
        batch_op.create_index(batch_op.f('ix_entities_kb'), ['kb'], unique=False)
        batch_op.create_index(batch_op.f('ix_entities_label'), ['label'], unique=False)

    op.create_table('event_arguments',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_event_arguments_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'event_id', 'role', 'ord', name=op.f('pk_event_arguments'))
    )
    op.create_table('events',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('sentence', sa.Integer(), nullable=True),
    sa.Column('trigger_start', sa.Integer(), nullable=True),
    sa.Column('trigger_end', sa.Integer(), nullable=True),
    sa.Column('trigger_text', sa.Text(), nullable=True),
    sa.Column('event_date', sa.String(length=64), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=32), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('source_key', sa.String(length=300), nullable=True),
    sa.Column('target_key', sa.String(length=300), nullable=True),
    sa.Column('place_key', sa.String(length=300), nullable=True),
    sa.Column('countries', sa.String(length=200), nullable=True),
    sa.Column('actors', sa.Text(), nullable=True),
    sa.Column('sentence_norm', sa.Text(), nullable=True),
    sa.Column('corpus_event_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['corpus_event_id'], ['corpus_events.id'], name=op.f('fk_events_corpus_event_id_corpus_events')),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_events_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_corpus_event_id'), ['corpus_event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('quantities',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=64), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_quantities_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_quantities'))
    )
    op.create_table('quotes',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('direct', sa.Boolean(), nullable=True),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('speaker_entity', sa.String(length=32), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_quotes_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_quotes'))
    )
    op.create_table('sentences',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_sentences_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx', name=op.f('pk_sentences'))
    )
    op.create_table('timexes',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('value', sa.String(length=64), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_timexes_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'local_id', name=op.f('pk_timexes'))
    )
    with op.batch_alter_table('timexes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timexes_value'), ['value'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('timexes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timexes_value'))

    op.drop_table('timexes')
    op.drop_table('sentences')
    op.drop_table('quotes')
    op.drop_table('quantities')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_event_date'))
        batch_op.drop_index(batch_op.f('ix_events_day'))
        batch_op.drop_index(batch_op.f('ix_events_corpus_event_id'))

    op.drop_table('events')
    op.drop_table('event_arguments')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_label'))
        batch_op.drop_index(batch_op.f('ix_entities_kb'))
        batch_op.drop_index(batch_op.f('ix_entities_canonical'))

    op.drop_table('entities')
    op.drop_table('corpus_event_members')
    op.drop_table('attributions')
    op.drop_table('errors')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_story_id'))
        batch_op.drop_index('ix_documents_source_published')
        batch_op.drop_index(batch_op.f('ix_documents_published'))

    op.drop_table('documents')
    op.drop_table('corpus_events')
    op.drop_table('stories')
    op.drop_table('sources')
    op.drop_table('runs')
