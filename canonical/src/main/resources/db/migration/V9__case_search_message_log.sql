-- Case search (GET /api/v1/cases): the filters' columns on the case row, each with an index in the order the search
-- reads (newest received first), so a page is read from an index and stops at its size.
-- received_at is when the hub received the report (source.receivedAt); risk_level the case's current risk colour.
ALTER TABLE hub_case ADD COLUMN received_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE hub_case ADD COLUMN risk_level VARCHAR(8);
UPDATE hub_case SET received_at = created_at;
UPDATE hub_case SET risk_level = CASE
        WHEN data LIKE '%"level":"RED"%' THEN 'RED'
        WHEN data LIKE '%"level":"YELLOW"%' THEN 'YELLOW'
        WHEN data LIKE '%"level":"GREEN"%' THEN 'GREEN' END;
CREATE INDEX ix_case_received ON hub_case (received_at DESC);
CREATE INDEX ix_case_source_received ON hub_case (source_system, received_at DESC);
CREATE INDEX ix_case_source_id ON hub_case (source_id);
CREATE INDEX ix_case_status_received ON hub_case (status, received_at DESC);
CREATE INDEX ix_case_dept_received ON hub_case (dept_code, received_at DESC);
CREATE INDEX ix_case_risk_received ON hub_case (risk_level, received_at DESC);

-- The message log of a case (GET /api/v1/cases/{caseId}/messages) finds raw messages by reference alone:
-- the case id and the keys that start with it ({caseId}:{dispatchNo}…), and status event ids.
CREATE INDEX ix_raw_ref_only ON raw_message (ref);
