-- Pruning the expanded events by age from an index on that age. The index of V23 held the expanded
-- events by id, so the pruning pass (every market.notification.interval) walked every expanded event
-- younger than the retention before it could stop: a scan of nearly the whole table each second,
-- growing with it (the bid benchmark saw 55 ms a pass at 180,000 events). By expansion time the
-- pass reads only the events old enough to go, and stops at the first one that is not.
create index notification_event_expired_idx on notification_event (expanded_at, id) where expanded_at is not null;
drop index notification_event_expanded_idx;
