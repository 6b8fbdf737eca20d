-- A case may be linked from several systems (filed by a push system, then handed to ODR mediation, …):
-- a hub case id is unique per system, not across them.
DROP INDEX ux_source_record_case;
CREATE UNIQUE INDEX ux_source_record_system_case ON source_record (system, case_id);
