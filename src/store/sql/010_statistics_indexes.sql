-- 010_statistics_indexes.sql - indexes for the Dinas dashboard and the IPK months.
CREATE INDEX stat_events_event ON stat_events (event, subject, month);
CREATE INDEX placements_open ON placements (seeker_id) WHERE ended_at IS NULL;
