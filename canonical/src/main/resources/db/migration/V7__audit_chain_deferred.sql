-- The audit chain is appended by one chainer (under the audit_head lock) shortly after each record is stored,
-- instead of by every writer inside its own transaction: writers no longer queue on the chain head.
-- chain_seq is the position in the chain (audit_head.last_id and audit_anchor.purged_to_id count chain_seq);
-- a record without one is stored and not chained yet. Records so far were chained in id order.
ALTER TABLE raw_message ADD COLUMN chain_seq BIGINT;
UPDATE raw_message SET chain_seq = id;
ALTER TABLE raw_message ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE raw_message ALTER COLUMN hash DROP NOT NULL;
CREATE UNIQUE INDEX ux_raw_chain_seq ON raw_message (chain_seq);
