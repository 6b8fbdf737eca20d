-- A dispatch being sent is claimed for a lease: two copies of one order (a replay, a redelivery) never send at once.
ALTER TABLE dispatch ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
