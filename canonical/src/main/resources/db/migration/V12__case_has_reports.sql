-- Whether a case may have reports linked to it (hub_case.linked_to = its id). Set where linked_to is set (LinkStore),
-- never cleared: the status stage asks for a case's linked reports only when it is TRUE.
ALTER TABLE hub_case ADD COLUMN has_reports BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE hub_case SET has_reports = TRUE WHERE case_id IN (SELECT linked_to FROM hub_case WHERE linked_to IS NOT NULL);
