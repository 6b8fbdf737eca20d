-- Linking's neighbours (same region and category, no shared phone or address key) can only be linked to a report
-- through address similarity, and two addresses with different house numbers (号) are not similar. Every case now
-- stores a neighbourhood key, kind NEAR: '{region}|{category}|{keyed hash of its house number}' (the hash empty for
-- an address without one; LinkStore.saveKeys), so a report with a house number reads only the neighbours at the same
-- number or at none through the case_key index, instead of the newest 50 of its region and category.
ALTER TABLE case_key ALTER COLUMN key_hash SET DATA TYPE VARCHAR(80);
-- Open cases stored before this migration are keyed as having no house number: every report of their region and
-- category still finds them (the address similarity decides, as before).
INSERT INTO case_key (kind, key_hash, case_id, reported_at)
SELECT 'NEAR', region_code || '|' || category_code || '|', case_id, reported_at FROM hub_case
WHERE region_code IS NOT NULL AND category_code IS NOT NULL AND category_code <> 'UNCLASSIFIED'
  AND reported_at IS NOT NULL AND status NOT IN ('CLOSED', 'REVISITED', 'WITHDRAWN');
