-- The cockpit (/cockpit, /api/v1/cockpit/*) reads aggregates over a year of cases: each one is served by an index.

-- The case's risk level as a column beside the stored case (whose JSON keeps the reasons). IF NOT EXISTS: the case
-- search filters on the same column. Existing rows take the level their stored JSON names.
ALTER TABLE hub_case ADD COLUMN IF NOT EXISTS risk_level VARCHAR(8);
UPDATE hub_case SET risk_level = 'RED' WHERE risk_level IS NULL AND data LIKE '%"risk":{"level":"RED"%';
UPDATE hub_case SET risk_level = 'YELLOW' WHERE risk_level IS NULL AND data LIKE '%"risk":{"level":"YELLOW"%';
UPDATE hub_case SET risk_level = 'GREEN' WHERE risk_level IS NULL AND data LIKE '%"risk":{"level":"GREEN"%';
-- open RED cases, newest first
CREATE INDEX IF NOT EXISTS ix_case_risk_open ON hub_case (risk_level, status, created_at);

-- The KPIs count dispatches by the time they were handed over, one day of the 7-day trend at a time, and look up
-- each dispatch's first sign-off, arrival and result among its case's events: from the index alone.
CREATE INDEX IF NOT EXISTS ix_dispatch_sent ON dispatch (sent_at);
CREATE INDEX IF NOT EXISTS ix_event_case_status ON status_event (case_id, status, outcome, actor_dept, occurred_at);

-- Repeat hotspots: the keys reported in the last 30 days, counted per key from the index alone.
CREATE INDEX IF NOT EXISTS ix_case_key_recent ON case_key (kind, reported_at, key_hash);
