-- Where the audit chain starts: the genesis, or after a retention purge the hash of the last purged record,
-- so the remaining chain stays verifiable.
CREATE TABLE audit_anchor (
    id           INT PRIMARY KEY,
    purged_to_id BIGINT      NOT NULL,
    anchor_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_anchor (id, purged_to_id, anchor_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
