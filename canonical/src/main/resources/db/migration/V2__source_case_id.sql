-- Push connectors answer the origin with the hub case id before the hub has processed the envelope:
-- the id is allocated once per (system, source_id) and kept here, so a repeated push gets the same id.
ALTER TABLE source_record ADD COLUMN case_id VARCHAR(32);
CREATE UNIQUE INDEX ux_source_record_case ON source_record (case_id);
