-- Cross-channel linking (一事多次) and repeat counts (一人多事, repeat location).
ALTER TABLE hub_case ADD COLUMN linked_to VARCHAR(32);
ALTER TABLE hub_case ADD COLUMN link_score DECIMAL(5, 3);
ALTER TABLE hub_case ADD COLUMN link_rule VARCHAR(100);
ALTER TABLE hub_case ADD COLUMN reporter_count INT DEFAULT 0 NOT NULL;
ALTER TABLE hub_case ADD COLUMN location_count INT DEFAULT 0 NOT NULL;
ALTER TABLE hub_case ADD COLUMN is_repeat BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_case_linked ON hub_case (linked_to);
CREATE INDEX ix_case_neighbours ON hub_case (region_code, category_code, reported_at);

-- The keys a case is found by: keyed hashes of normalised phone and ID numbers and of the normalised address
-- (no personal data here). Lookups are by (kind, key_hash) within a time window.
CREATE TABLE case_key (
    kind        VARCHAR(8)  NOT NULL,
    key_hash    VARCHAR(40) NOT NULL,
    case_id     VARCHAR(32) NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, key_hash, case_id)
);
CREATE INDEX ix_case_key_lookup ON case_key (kind, key_hash, reported_at);
CREATE INDEX ix_case_key_case ON case_key (case_id);

-- A status of a case is mirrored onto the reports linked to it as {eventId}@{reportCaseId}.
ALTER TABLE status_event ALTER COLUMN event_id SET DATA TYPE VARCHAR(128);
ALTER TABLE relay_delivery ALTER COLUMN event_id SET DATA TYPE VARCHAR(128);
