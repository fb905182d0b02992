"""lsh_bands: the MinHash LSH band index in the database (was rebuilt in memory by every writer)

Creates ``lsh_bands (key BIGINT, doc_id)`` and fills it from the signatures
already stored in ``documents.minhash`` (documents with a story), so an
existing store keeps finding near-duplicates of what it holds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 16:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lsh_bands',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_lsh_bands_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'doc_id', name=op.f('pk_lsh_bands')),
    sqlite_with_rowid=False,
    )
    _backfill(op.get_bind())


def _backfill(conn) -> None:  # type: ignore[no-untyped-def]
    """Band rows for every stored document that has a signature and a story, 2,000 documents at a time."""
    from khabar.store.dedup import band_keys

    docs = sa.table('documents', sa.column('id', sa.String), sa.column('minhash', sa.LargeBinary), sa.column('story_id', sa.Integer))
    bands = sa.table('lsh_bands', sa.column('key', sa.BigInteger), sa.column('doc_id', sa.String))
    last = None
    while True:
        q = sa.select(docs.c.id, docs.c.minhash).where(docs.c.minhash.is_not(None), docs.c.story_id.is_not(None)).order_by(docs.c.id).limit(2000)
        if last is not None:
            q = q.where(docs.c.id > last)
        rows = conn.execute(q).all()
        if not rows:
            return
        keys = band_keys([bytes(m) for _, m in rows])
        conn.execute(sa.insert(bands), [{"key": int(k), "doc_id": d} for (d, _), ks in zip(rows, keys) for k in ks])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table('lsh_bands')
