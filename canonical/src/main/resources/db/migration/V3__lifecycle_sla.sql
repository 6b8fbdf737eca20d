-- SLA clocks: one row per case, dispatch and deadline kind; met or escalated at most once.
CREATE TABLE sla_clock (
    case_id      VARCHAR(32) NOT NULL,
    dispatch_no  INT         NOT NULL,
    kind         VARCHAR(8)  NOT NULL,
    dept_code    VARCHAR(64) NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    met_at       TIMESTAMP WITH TIME ZONE,
    escalated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_id, dispatch_no, kind)
);
CREATE INDEX ix_sla_open ON sla_clock (due_at) ;

-- How often a case was returned, and by whom (a case never goes back to a department that returned it).
ALTER TABLE dispatch ADD COLUMN returned_at TIMESTAMP WITH TIME ZONE;

-- How often the matter was reported before (一事多次): the repeat-report KPI counts cases with repeats.
ALTER TABLE hub_case ADD COLUMN repeat_count INT DEFAULT 0 NOT NULL;
